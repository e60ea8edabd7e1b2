"""Times as people give them: a date, a month, a year or an exact moment, with its precision.

A case has a time zone (e.g. ``Asia/Damascus``): a time typed without a zone is a time there.
Stored times are instants (UTC) with the zone they were given in, so they print as typed.
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from caseapp.core.entities import TimePrecision
from caseapp.core.errors import ValidationError


def zone(name: str) -> tzinfo:
    """The zone of an IANA name (``Asia/Damascus``, ``UTC``) or a fixed offset (``+03:00``)."""
    if name in ("UTC", "Z"):
        return UTC
    if name[:1] in "+-" and len(name) == 6 and name[3] == ":":
        try:
            return datetime.fromisoformat(f"2000-01-01T00:00{name}").tzinfo or UTC
        except ValueError:
            pass
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{name!r} is not a time zone; use an IANA name such as Asia/Damascus, or UTC") from None


def check_zone(name: str) -> str:
    zone(name)
    return name


def parse_time_range(text: str, zone_name: str = "UTC") -> tuple[datetime, datetime, TimePrecision, str]:
    """Turn ``2016``, ``2016-12``, ``2016-12-13`` or ``2016-12-13T14:05[:00][Z|+03:00]`` into a range.

    The range covers the whole period the text names, in ``zone_name`` (the case's zone) unless
    the text gives its own offset; its end is the instant before the next period starts (computed
    in UTC, so a day with a clock change is 23 or 25 hours long). A local time that a clock change
    makes happen twice, or not at all, is refused: give its offset. Returns (start, end,
    precision, zone the text was read in). Raises ValidationError naming the bad value.
    """
    value = text.strip()
    where = zone(zone_name)
    try:
        if len(value) == 4 and value.isdigit():
            year = int(value)
            start, following = datetime(year, 1, 1), datetime(year + 1, 1, 1)
            precision = TimePrecision.YEAR
        elif len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:])
            start = datetime(year, month, 1)
            following = start + timedelta(days=calendar.monthrange(year, month)[1])
            precision = TimePrecision.MONTH
        elif len(value) == 10:
            start = datetime.fromisoformat(value)
            following = start + timedelta(days=1)
            precision = TimePrecision.DAY
        else:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                _refuse_clock_change(moment, where, text, zone_name)
                moment = moment.replace(tzinfo=where)
                given = zone_name
            else:
                offset = moment.utcoffset() or timedelta(0)
                given = "UTC" if not offset else _offset_name(offset)
            return moment.astimezone(UTC), moment.astimezone(UTC), TimePrecision.EXACT, given
    except ValueError:
        raise ValidationError(f"{text!r} is not a time; use 2016, 2016-12, 2016-12-13 or 2016-12-13T14:05") from None
    first = start.replace(tzinfo=where).astimezone(UTC)
    end = following.replace(tzinfo=where).astimezone(UTC) - timedelta(microseconds=1)
    return first, end, precision, zone_name


def _refuse_clock_change(moment: datetime, where: tzinfo, text: str, zone_name: str) -> None:
    """A wall-clock time that happens twice (clocks go back) or never (clocks go forward)."""
    earlier, later = moment.replace(tzinfo=where, fold=0), moment.replace(tzinfo=where, fold=1)
    if earlier.utcoffset() != later.utcoffset():
        raise ValidationError(
            f"{text!r} happens twice or not at all in {zone_name} (a clock change); "
            "give it with its offset, e.g. 2016-10-27T23:30+03:00"
        )


def _offset_name(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def in_zone(moment: datetime | None, zone_name: str) -> datetime | None:
    """An instant shown in the zone it was given in."""
    return None if moment is None else moment.astimezone(zone(zone_name))


def check_coordinates(latitude: float | None, longitude: float | None) -> None:
    if (latitude is None) != (longitude is None):
        raise ValidationError("give both latitude and longitude, or neither")
    if latitude is not None and not -90.0 <= latitude <= 90.0:
        raise ValidationError(f"latitude {latitude} is outside -90..90")
    if longitude is not None and not -180.0 <= longitude <= 180.0:
        raise ValidationError(f"longitude {longitude} is outside -180..180")
