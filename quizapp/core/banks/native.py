"""The quizapp bank format (JSON or YAML): read strictly and all-or-nothing, written back stably.

`load_bank` raises `BankError` naming the line and reason of the first problem; `dump_bank` writes
a bank with its keys in a stable order.
"""

from __future__ import annotations

import json

import yaml

from quizapp.core.banks import lines
from quizapp.core.banks.fields import Invalid
from quizapp.core.banks.model import MAX_BYTES, MAX_DEPTH, Bank, BankError
from quizapp.core.banks.schema import bank_from_data, bank_to_data


def load_bank(data: str | bytes, fmt: str = "json", max_bytes: int = MAX_BYTES) -> Bank:
    """Read a quizapp bank in JSON or YAML; raise BankError with the line and reason."""
    if fmt not in ("json", "yaml"):
        raise BankError(f"unknown bank format '{fmt}' (expected json or yaml)")
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    if size > max_bytes:
        raise BankError(f"file is {size} bytes; the limit is {max_bytes}")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise BankError(f"file is not UTF-8 text (byte {exc.start})") from None
    text = data.removeprefix("\ufeff")
    located: dict[lines.Path, int] | None = None
    try:
        if fmt == "json":
            parsed = lines.json_load(text, MAX_DEPTH)
        else:
            parsed, located = lines.yaml_load(text, MAX_DEPTH)
        return bank_from_data(parsed)
    except lines.LocatedError as exc:
        raise BankError(exc.reason, line=exc.line) from None
    except Invalid as exc:
        if located is None:
            located = lines.json_lines(text)[0]
        raise BankError(exc.reason, line=lines.line_of(located, exc.path)) from None


def dump_bank(bank: Bank, fmt: str = "json") -> str:
    """Write a bank as pretty UTF-8 JSON or as YAML, keys in a stable order."""
    data = bank_to_data(bank)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "yaml":
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    raise BankError(f"unknown bank format '{fmt}' (expected json or yaml)")
