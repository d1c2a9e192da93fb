"""What the database can hold, checked the same way on every engine.

PostgreSQL refuses NUL characters in text and strings longer than their column, where SQLite
stores both: values are checked (or, when inferred rather than typed, shortened) against the
models' own column lengths before anything is written, so both engines answer alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..core.banks import model as core
from ..models import Source


def limit(column) -> int | None:
    """Return the length of a model's string column (None for unbounded text)."""
    return getattr(column.type, "length", None)


def fault(value: str | None, length: int | None) -> str | None:
    """Return why a string cannot be stored in a column of that length, or None."""
    if value is None:
        return None
    if "\x00" in value:
        return "holds a NUL character"
    if length is not None and len(value) > length:
        return f"is longer than {length} characters ({len(value)})"
    return None


def clip(value: str | None, column) -> str | None:
    """Make an inferred value fit its column: no NUL, cut to length (None stays None)."""
    if value is None:
        return None
    value, length = value.replace("\x00", ""), limit(column)
    return value if length is None else value[:length]


def _bank_fields(doc: core.Bank) -> Iterator[tuple[str, str | None, int | None]]:
    """Yield (where, value, length) for every string of a bank that the database stores."""
    yield "the bank's title", doc.title, None  # shortened to fit, as before
    yield "the bank's description", doc.description, None
    yield from _each("the bank's tags", doc.tags)
    for s in doc.sources:
        name = f"source {s.id}"
        yield f"{name}: title", s.title, limit(Source.title)
        yield f"{name}: publisher", s.publisher, limit(Source.publisher)
        yield f"{name}: author", s.author, limit(Source.author)
        yield f"{name}: url", s.url, limit(Source.url)
        yield f"{name}: text", s.text, None
    for q in doc.questions:
        name = f"question {q.id}"
        yield f"{name}: id", q.id, None  # shortened to fit, as before
        for field in ("prompt", "answer", "explanation"):
            yield f"{name}: {field}", getattr(q, field), None
        yield from _each(f"{name}: accepted answers", q.accept)
        yield from _each(f"{name}: choices", q.choices or ())
        yield from _each(f"{name}: tags", q.tags)


def _each(where: str, values: Iterable[str]) -> Iterator[tuple[str, str, None]]:
    for value in values:
        yield where, value, None


def bank_fault(doc: core.Bank) -> str | None:
    """Return the first reason a parsed bank cannot be stored, naming the field, or None."""
    for where, value, length in _bank_fields(doc):
        problem = fault(value if isinstance(value, str) else None, length)
        if problem:
            return f"{where} {problem}"
    return None

