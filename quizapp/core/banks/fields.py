"""Read one typed field of parsed bank data, or raise `Invalid` at the path of a bad one."""

from __future__ import annotations

import math

from quizapp.core.banks.lines import Path


class Invalid(Exception):
    """A rule broken at a path inside the parsed data (the caller turns it into a line)."""

    def __init__(self, reason: str, path: Path = ()):
        super().__init__(reason)
        self.reason = reason
        self.path = path


MISSING = object()


def get_field(obj: dict, key: str, path: Path, kind: str, default: object = MISSING) -> object:
    """Return obj[key] checked against kind ("str", "str?", "number", "int", "list")."""
    if key not in obj:
        if default is MISSING:
            raise Invalid(f"missing field '{key}'", path)
        return default
    value = obj[key]
    if kind.endswith("?") and value is None:
        return None
    ok = {
        "str": isinstance(value, str),
        "int": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool)
        and math.isfinite(value),
        "list": isinstance(value, list),
    }[kind.rstrip("?")]
    if not ok:
        noun = {"str": "a string", "int": "a whole number", "number": "a number",
                "list": "a list"}[kind.rstrip("?")]
        raise Invalid(f"'{key}' must be {noun}" + (" or null" if kind.endswith("?") else ""),
                       path + (key,))
    return value


def check_mapping(obj: object, keys: tuple[str, ...], what: str, path: Path) -> dict:
    """Check obj is a mapping with only known keys."""
    if not isinstance(obj, dict):
        raise Invalid(f"{what} must be an object", path)
    for key in obj:
        if key not in keys:
            raise Invalid(f"unknown field '{key}'", path + (key,))
    return obj


def get_strings(obj: dict, key: str, path: Path) -> list[str]:
    """Return an optional list of strings."""
    values = get_field(obj, key, path, "list", [])
    for i, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            raise Invalid(f"'{key}' must be a list of non-empty strings", path + (key, i))
    return list(values)
