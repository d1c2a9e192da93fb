"""Conversions between the units news prose uses, by pint ("about 21 days" for "three weeks").

pint's registry takes about a second to build, so it is built once, on the first conversion that
is needed, never at import: most answers are in the key's own unit and never need it.
"""

from __future__ import annotations

import math
from decimal import Decimal
from functools import lru_cache
from typing import Any

#: The scorer's unit codes (units.UNIT_NAMES) as pint spells them.
PINT_NAMES = {
    "km": "kilometer", "mi": "mile", "m": "meter", "cm": "centimeter", "mm": "millimeter",
    "ft": "foot", "in": "inch", "km2": "kilometer ** 2", "mi2": "mile ** 2", "ha": "hectare",
    "acre": "acre", "mph": "mile / hour", "kmh": "kilometer / hour", "knot": "knot",
    "kg": "kilogram", "lb": "pound", "t": "metric_ton", "s": "second", "min": "minute",
    "h": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
    "decade": "decade", "century": "century", "degc": "degC", "degf": "degF",
    "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "kwh": "kilowatt_hour",
    "mwh": "megawatt_hour", "gwh": "gigawatt_hour",
}
#: What each unit measures, so that answers in an unrelated unit never build the registry.
_MEASURES = {
    **dict.fromkeys(("km", "mi", "m", "cm", "mm", "ft", "in"), "length"),
    **dict.fromkeys(("km2", "mi2", "ha", "acre"), "area"),
    **dict.fromkeys(("mph", "kmh", "knot"), "speed"),
    **dict.fromkeys(("kg", "lb", "t"), "mass"),
    **dict.fromkeys(("s", "min", "h", "day", "week", "month", "year", "decade", "century"), "time"),
    **dict.fromkeys(("degc", "degf"), "temperature"),
    **dict.fromkeys(("kw", "mw", "gw"), "power"),
    **dict.fromkeys(("kwh", "mwh", "gwh"), "energy"),
}
#: Units written together as one quantity, larger first ("8 years 4 months", "5 ft 11 in").
COMPOUNDS = {
    "year": {"month", "week", "day"}, "month": {"week", "day"}, "week": {"day"},
    "day": {"h"}, "h": {"min"}, "min": {"s"}, "ft": {"in"}, "mi": {"ft"}, "m": {"cm"},
    "lb": set(), "kg": set(),
}
#: A converted answer is rounded by the student, but never by more than this share of the value.
MAX_ROUNDING = 0.03

_registry: Any = None


def _units() -> Any:
    """Return pint's unit registry, building it on first use."""
    global _registry
    if _registry is None:
        import pint  # noqa: PLC0415 - deferred: building the registry costs about a second

        _registry = pint.UnitRegistry()
    return _registry


@lru_cache(maxsize=4096)
def convert(value: float, unit: str, to: str) -> float | None:
    """Return `value` in `unit` expressed in `to`, or None when the two do not convert."""
    if unit == to:
        return value
    if _MEASURES.get(unit, unit) != _MEASURES.get(to, to) or unit not in PINT_NAMES:
        return None
    ureg = _units()
    source, target = ureg.Unit(PINT_NAMES[unit]), ureg.Unit(PINT_NAMES[to])
    if source.dimensionality != target.dimensionality:
        return None
    return float(ureg.Quantity(value, source).to(target).magnitude)


def step(value: float) -> float:
    """Return the place of the last significant digit of a typed value (210 -> 10, 2.5 -> 0.1)."""
    if not math.isfinite(value) or value == 0:
        return 1.0
    exponent = Decimal(repr(abs(value))).normalize().as_tuple().exponent
    return 10.0 ** int(exponent)


def same_after_rounding(given: float, given_unit: str, wanted: float, wanted_unit: str) -> bool:
    """Say whether `given` (in its unit) is `wanted` (in its unit) converted and rounded.

    "about 210 km/h" is 130 mph rounded to the tens; "about 518 km2" is 200 square miles.
    """
    if given_unit == wanted_unit or _MEASURES.get(given_unit, 1) != _MEASURES.get(wanted_unit, 2):
        return False
    exact = convert(wanted, wanted_unit, given_unit)
    if exact is None:
        return False
    half = step(given) / 2
    close = abs(exact - given) <= half * (1 + 1e-9)
    return close and abs(exact - given) <= MAX_ROUNDING * abs(exact)
