"""Times as people give them: a date, a month, a year or an exact moment, with its precision."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta

from caseapp.core.entities import TimePrecision
from caseapp.core.errors import ValidationError


def parse_time_range(text: str) -> tuple[datetime, datetime, TimePrecision]:
    """Turn ``2016``, ``2016-12``, ``2016-12-13`` or ``2016-12-13T14:05[:00][Z|+03:00]`` into a range.

    The range covers the whole period the text names (a day is 00:00 to 23:59:59.999999 UTC).
    A moment without a zone is taken as UTC. Raises ValidationError naming the bad value.
    """
    value = text.strip()
    try:
        if len(value) == 4 and value.isdigit():
            start = datetime(int(value), 1, 1, tzinfo=UTC)
            end = datetime(int(value) + 1, 1, 1, tzinfo=UTC)
            precision = TimePrecision.YEAR
        elif len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:])
            start = datetime(year, month, 1, tzinfo=UTC)
            end = start + timedelta(days=calendar.monthrange(year, month)[1])
            precision = TimePrecision.MONTH
        elif len(value) == 10:
            start = datetime.fromisoformat(value).replace(tzinfo=UTC)
            end = start + timedelta(days=1)
            precision = TimePrecision.DAY
        else:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
            return moment, moment, TimePrecision.EXACT
    except ValueError:
        raise ValidationError(f"{text!r} is not a time; use 2016, 2016-12, 2016-12-13 or 2016-12-13T14:05Z") from None
    return start, end - timedelta(microseconds=1), precision


def check_coordinates(latitude: float | None, longitude: float | None) -> None:
    if (latitude is None) != (longitude is None):
        raise ValidationError("give both latitude and longitude, or neither")
    if latitude is not None and not -90.0 <= latitude <= 90.0:
        raise ValidationError(f"latitude {latitude} is outside -90..90")
    if longitude is not None and not -180.0 <= longitude <= 180.0:
        raise ValidationError(f"longitude {longitude} is outside -180..180")
