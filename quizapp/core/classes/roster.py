"""Class rosters: read a CSV of usernames or email addresses (pure: text in, names out)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

MAX_ROWS = 2000
MAX_CELL = 254
HEADER_WORDS = {"username", "user", "login", "email", "e-mail", "email address", "mail", "name"}


class RosterError(ValueError):
    """The file is not a roster quizapp can read: the message says why."""


@dataclass
class Roster:
    """What a roster file names: each entry a username or an email, in file order, no repeats."""

    entries: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # rows that name nobody, with the reason


def is_email(entry: str) -> bool:
    """Return whether an entry looks like an email address rather than a username."""
    local, at, domain = entry.rpartition("@")
    return bool(at and local and "." in domain and " " not in entry)


def decode(data: bytes) -> str:
    """Return the text of an uploaded file: UTF-8 (with or without BOM), else Latin-1."""
    if b"\x00" in data:
        raise RosterError("This is not a text file: upload a CSV of usernames or emails.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _columns(header: list[str]) -> list[int]:
    """Return the indexes of a header row's username and email columns, username first."""
    names = [cell.strip().lower() for cell in header]
    wanted = ("username", "user", "login", "email", "e-mail", "email address", "mail")
    return [names.index(w) for w in wanted if w in names]


def parse_roster(text: str) -> Roster:
    """Read a CSV (comma, semicolon or tab) of one username or email per row.

    A header row naming `username` and/or `email` columns picks them (a row's username, else
    its email); without one, the first non-empty cell of each row is taken. Blank rows are
    ignored; repeats are kept once.
    """
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if len(rows) > MAX_ROWS:
        raise RosterError(f"The file has {len(rows)} rows; the limit is {MAX_ROWS}.")
    roster = Roster()
    columns: list[int] = []
    header = bool(rows) and (bool(_columns(rows[0])) or _is_header(rows[0]))
    if header:
        columns = _columns(rows[0])
        rows = rows[1:]
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2 if header else 1):
        cells = [cell.strip() for cell in row]
        picked = [cells[i] for i in columns if i < len(cells)] if columns else cells
        value = next((cell for cell in picked if cell), None)
        if not value:
            continue
        if len(value) > MAX_CELL:
            roster.skipped.append(f"row {number}: too long to be a username or email")
            continue
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            roster.entries.append(value)
    return roster


def _is_header(row: list[str]) -> bool:
    """Return whether a first row reads as column titles (only header words)."""
    cells = [cell.strip().lower() for cell in row if cell.strip()]
    return bool(cells) and all(cell in HEADER_WORDS for cell in cells)
