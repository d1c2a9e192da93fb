"""The clock that timestamps rows: the current time in UTC."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Return the current time in UTC, as a naive datetime (stored as UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)
