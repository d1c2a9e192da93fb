"""Time in a class: local dates in a class's time zone, and what a timed attempt has left.

Pure: datetimes in, datetimes and words out. Stored times are naive UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

GRACE = timedelta(seconds=5)  # an answer sent at the deadline may arrive a little after it
THRESHOLDS = (300, 60)  # seconds left at which a page announces the time (5 min, 1 min)


class TimeZoneError(ValueError):
    """Not a time zone name quizapp knows."""


def zone(name: str) -> ZoneInfo:
    """Return the IANA time zone of this name, or raise TimeZoneError."""
    if not name or name not in available_timezones():
        raise TimeZoneError(f"{name!r} is not a time zone name such as Europe/London.")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise TimeZoneError(f"{name!r} is not a time zone name such as Europe/London.") from exc


def to_utc(local: datetime | None, tz: str) -> datetime | None:
    """Return a naive local time of the zone as naive UTC (for storing)."""
    if local is None:
        return None
    return local.replace(tzinfo=zone(tz)).astimezone(UTC).replace(tzinfo=None)


def to_local(utc: datetime | None, tz: str) -> datetime | None:
    """Return a stored naive UTC time as an aware time in the zone."""
    if utc is None:
        return None
    return utc.replace(tzinfo=UTC).astimezone(zone(tz))


def local_label(utc: datetime | None, tz: str) -> str:
    """Return a stored time as a reader in the zone says it: "Mon 7 Dec 2026, 09:00 CET"."""
    local = to_local(utc, tz)
    if local is None:
        return ""
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M} {local.tzname()}"


def deadline(
    started: datetime, limit_minutes: int | None, extra_minutes: int = 0
) -> datetime | None:
    """Return when an attempt started at `started` must end, or None when it is untimed."""
    if limit_minutes is None:
        return None
    return started + timedelta(minutes=limit_minutes + max(extra_minutes, 0))


def overdue(deadline_at: datetime | None, now: datetime) -> bool:
    """Return whether the time is up (past the deadline and its short grace)."""
    return deadline_at is not None and now > deadline_at + GRACE


def seconds_left(deadline_at: datetime | None, now: datetime) -> int | None:
    """Return whole seconds left before the deadline (0 when past), or None when untimed."""
    if deadline_at is None:
        return None
    return max(int((deadline_at - now).total_seconds()), 0)


def time_words(seconds: int) -> str:
    """Return time left as words: "12 minutes", "1 minute 30 seconds", "45 seconds"."""
    minutes, secs = divmod(max(seconds, 0), 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if secs and not hours and minutes < 10:
        parts.append(f"{secs} second{'s' if secs != 1 else ''}")
    return " ".join(parts) or "0 seconds"
