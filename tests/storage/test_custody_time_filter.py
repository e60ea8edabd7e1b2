"""The custody log's time filter is applied by the store (SQL), at exact day boundaries, in any zone.

Entries are written on a real case at chosen moments around midnight (UTC and Damascus time), the
clock once going back; every query is compared with the same filter done in Python over the whole
log, and the statements run on the case's engine show that one query reads only the rows shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event

from caseapp.app.case_folder import OpenCase
from caseapp.core.entities import CustodyEntry
from caseapp.core.ports import CustodyQuery, Page
from caseapp.core.services import RecordService
from caseapp.gui.custody_view import CustodyFilter, filtered_entries

DAMASCUS = ZoneInfo("Asia/Damascus")  # UTC+3 in April 2016
MOMENTS = [
    datetime(2016, 4, 26, 23, 59, 59, 999_999, tzinfo=UTC),  # the last instant of the 26th (UTC)
    datetime(2016, 4, 27, 0, 0, tzinfo=UTC),  # the first instant of the 27th
    datetime(2016, 4, 27, 2, 30, tzinfo=DAMASCUS),  # the 27th in Damascus, the 26th (23:30) in UTC: clock back
    datetime(2016, 4, 27, 12, 0, tzinfo=UTC),
    datetime(2016, 4, 28, 1, 0, tzinfo=DAMASCUS),  # the 28th in Damascus, 22:00 on the 27th in UTC
    datetime(2016, 4, 27, 23, 59, 59, 999_999, tzinfo=UTC),  # the last instant of the 27th
    datetime(2016, 4, 28, 0, 0, tzinfo=UTC),
    datetime(2016, 4, 29, 9, 0, tzinfo=UTC),
]


class Statements:
    def __init__(self) -> None:
        self.custody: list[str] = []

    def seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "FROM custody" in statement:
            self.custody.append(statement)


@pytest.fixture
def logged(make_case: Callable[..., tuple[OpenCase, str]]) -> Iterator[tuple[OpenCase, Statements]]:
    case, _ = make_case()
    moments = iter(MOMENTS)
    records = RecordService(case.db, "tester", clock=lambda: next(moments))
    for number in range(len(MOMENTS)):
        records.add_incident(title=f"Incident {number}")
    statements = Statements()
    event.listen(case.db._engine, "before_cursor_execute", statements.seen)
    yield case, statements
    event.remove(case.db._engine, "before_cursor_execute", statements.seen)


def in_python(case: OpenCase, start: datetime | None, before: datetime | None) -> list[CustodyEntry]:
    """The reference: the whole log read, then filtered by parsed times, newest first."""
    found = []
    for entry in case.custody.entries(CustodyQuery(newest_first=True)):
        at = datetime.fromisoformat(entry.at)
        if (start is None or at >= start) and (before is None or at < before):
            found.append(entry)
    return found


RANGES = [
    (datetime(2016, 4, 27, tzinfo=UTC), datetime(2016, 4, 28, tzinfo=UTC)),  # the 27th, UTC
    (datetime(2016, 4, 27, tzinfo=DAMASCUS), datetime(2016, 4, 28, tzinfo=DAMASCUS)),  # the 27th, Damascus
    (datetime(2016, 4, 28, tzinfo=DAMASCUS), None),
    (None, datetime(2016, 4, 27, tzinfo=UTC)),
    (datetime(2016, 4, 27, 3, tzinfo=DAMASCUS), datetime(2016, 4, 27, 0, 0, 0, 1, tzinfo=UTC)),  # one instant
]


@pytest.mark.parametrize(("start", "before"), RANGES)
def test_the_store_filters_by_time_at_day_boundaries_and_in_any_zone(
    logged: tuple[OpenCase, Statements], start: datetime | None, before: datetime | None
) -> None:
    case, statements = logged
    expected = in_python(case, start, before)
    assert expected, "each range holds at least one entry"
    statements.custody.clear()
    query = CustodyQuery(at_from=start, at_before=before, newest_first=True)
    assert case.custody.entries(query) == expected
    assert case.custody.count(query) == len(expected)
    first = case.custody.entries(CustodyQuery(at_from=start, at_before=before, newest_first=True, page=Page(0, 1)))
    assert first == expected[:1]  # paged after filtering: the filter is in the query, not applied to a page
    assert len(statements.custody) == 3


def test_the_day_boundaries_by_hand(logged: tuple[OpenCase, Statements]) -> None:
    case, _ = logged
    the_27th_utc = CustodyQuery(at_from=datetime(2016, 4, 27, tzinfo=UTC), at_before=datetime(2016, 4, 28, tzinfo=UTC))
    assert [e.at for e in case.custody.entries(the_27th_utc)] == [
        "2016-04-27T00:00:00.000000Z",
        "2016-04-27T12:00:00.000000Z",
        "2016-04-27T22:00:00.000000Z",
        "2016-04-27T23:59:59.999999Z",
    ]
    damascus = CustodyQuery(
        at_from=datetime(2016, 4, 27, tzinfo=DAMASCUS), at_before=datetime(2016, 4, 28, tzinfo=DAMASCUS)
    )
    assert [e.at for e in case.custody.entries(damascus)] == [
        "2016-04-26T23:59:59.999999Z",
        "2016-04-27T00:00:00.000000Z",
        "2016-04-26T23:30:00.000000Z",
        "2016-04-27T12:00:00.000000Z",
    ]
    with pytest.raises(ValueError, match="timezone-aware"):
        case.custody.entries(CustodyQuery(at_from=datetime(2016, 4, 27)))  # naive: refused (which zone?)


def test_the_log_views_day_filter_reads_only_the_rows_it_shows(logged: tuple[OpenCase, Statements]) -> None:
    case, statements = logged
    for since, until in ((date(2016, 4, 27), date(2016, 4, 27)), (date(2016, 4, 28), None), (None, date(2016, 4, 26))):
        start = datetime(since.year, since.month, since.day, tzinfo=UTC) if since else None
        after = until + timedelta(days=1) if until else None
        before = datetime(after.year, after.month, after.day, tzinfo=UTC) if after else None
        expected = in_python(case, start, before)
        statements.custody.clear()
        shown = filtered_entries(case.custody, CustodyFilter(since=since, until=until), limit=2)
        assert shown == expected[:2]
        assert len(statements.custody) == 1  # one query, LIMIT 2: no page read and filtered in Python
