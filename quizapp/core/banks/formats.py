"""One door to every bank format: detect it, decode the bytes safely, load or dump it."""

from __future__ import annotations

import codecs
import re
from pathlib import PurePosixPath

from quizapp.core.banks.aiken import parse_aiken
from quizapp.core.banks.gift import parse_gift
from quizapp.core.banks.gift_export import dump_gift
from quizapp.core.banks.model import MAX_BYTES, Bank, BankError
from quizapp.core.banks.moodle_xml import dump_moodle_xml, parse_moodle_xml
from quizapp.core.banks.native import dump_bank, load_bank
from quizapp.core.banks.qti import dump_qti

FORMATS = ("json", "yaml", "gift", "moodle-xml", "aiken")
#: Formats quizapp writes: all it reads but Aiken, and QTI 1.2 (Canvas, Blackboard, D2L).
EXPORTS = ("json", "yaml", "gift", "moodle-xml", "qti")

#: File name endings per format; the first is what an export is saved as.
EXTENSIONS = {
    "json": (".json",),
    "yaml": (".yaml", ".yml"),
    "gift": (".gift", ".gift.txt", ".txt"),
    "moodle-xml": (".xml",),
    "aiken": (".aiken", ".aiken.txt", ".txt"),
}

_AIKEN_ANSWER = re.compile(r"^ANSWER:\s*[A-ZÀ-ÖØ-ÞĀ-Ž]\s*$", re.MULTILINE)
_GIFT_SECTION = re.compile(r"\{[^{}]*\}|^::|^\$CATEGORY:", re.MULTILINE)


def _sniff(text: str) -> str | None:
    """Guess a format from the start of a text."""
    head = text.lstrip()[:2000]
    if head.startswith("<"):
        return "moodle-xml"
    if head.startswith("{") and '"format"' in head:
        return "json"
    if re.search(r"^format:\s*['\"]?quizapp-bank", head, re.MULTILINE):
        return "yaml"
    if _AIKEN_ANSWER.search(text):
        return "aiken"
    if _GIFT_SECTION.search(text):
        return "gift"
    return None


def _decode(data: bytes) -> str:
    """Decode UTF-8 (with or without a BOM; UTF-16 with a BOM), refusing binary data."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BankError(f"file is not UTF-8 text (byte {exc.start} cannot be decoded)",
                        line=line) from None
    if "\x00" in text:
        raise BankError("file looks binary (it contains NUL characters), not a bank")
    return text


def detect_format(filename: str, data: bytes) -> str:
    """Return the format of a file from its name, or its content when the name is ambiguous."""
    name = PurePosixPath(filename.replace("\\", "/")).name.lower()
    by_name = [fmt for fmt, endings in EXTENSIONS.items()
               if any(name.endswith(e) for e in endings if e != ".txt")]
    if len(by_name) == 1:
        return by_name[0]
    try:
        sniffed = _sniff(data[:MAX_BYTES].decode("utf-8-sig", errors="replace"))
    except (ValueError, LookupError):
        sniffed = None
    if sniffed and (not name.endswith(".txt") or sniffed in ("gift", "aiken")):
        return sniffed
    if name.endswith(".txt"):
        return "gift"
    raise BankError(f"cannot tell the format of '{filename}' (expected one of: "
                    f"{', '.join(FORMATS)})")


def load_any(data: bytes, filename: str, fmt: str | None = None, max_bytes: int = MAX_BYTES,
             skip_unsupported: bool = False) -> Bank:
    """Load a bank in any format; the title falls back to the file name."""
    if len(data) > max_bytes:
        raise BankError(f"file is {len(data)} bytes; the limit is {max_bytes}")
    fmt = fmt or detect_format(filename, data)
    if fmt not in FORMATS:
        raise BankError(f"unknown format '{fmt}' (expected one of: {', '.join(FORMATS)})")
    text = _decode(data)
    if fmt in ("json", "yaml"):
        bank = load_bank(text, fmt, max_bytes=max_bytes)
    elif fmt == "gift":
        bank = parse_gift(text, skip_unsupported=skip_unsupported)
    elif fmt == "moodle-xml":
        # Bytes, so the parser honours the file's own encoding declaration.
        bank = parse_moodle_xml(data, skip_unsupported=skip_unsupported)
    else:
        bank = parse_aiken(text)
    if not bank.title.strip():
        stem = PurePosixPath(filename.replace("\\", "/")).name
        for ending in sorted((e for es in EXTENSIONS.values() for e in es), key=len,
                             reverse=True):
            if stem.lower().endswith(ending):
                stem = stem[: -len(ending)]
                break
        bank.title = stem or "Imported questions"
    return bank


def dump_any(bank: Bank, fmt: str) -> str:
    """Write a bank in a format that supports export (every one but Aiken, and QTI 1.2)."""
    if fmt in ("json", "yaml"):
        return dump_bank(bank, fmt)
    if fmt == "gift":
        return dump_gift(bank)
    if fmt == "moodle-xml":
        return dump_moodle_xml(bank)
    if fmt == "qti":
        return dump_qti(bank)
    if fmt == "aiken":
        raise BankError("Aiken is an import-only format")
    raise BankError(f"unknown format '{fmt}' (expected one of: {', '.join(FORMATS)})")
