"""Units, currencies and rates that a figure is measured in, as news prose writes them."""

from __future__ import annotations

CURRENCY_SYMBOLS = {"$": "usd", "us$": "usd", "£": "gbp", "€": "eur", "¥": "jpy"}
UNIT_NAMES = {
    "usd": ("dollars", "dollar", "usd"), "gbp": ("pounds", "pound", "sterling", "gbp"),
    "eur": ("euros", "euro", "eur"), "jpy": ("yen", "jpy"), "cny": ("yuan", "renminbi"),
    "inr": ("rupees", "rupee"), "%": ("%", "percent", "pc", "per cent"),
    "pp": ("percentage points", "percentage point", "points"),
    "km2": ("km2", "sq km", "square km", "square kilometers", "square kilometres",
            "square kilometer", "square kilometre", "sq kilometers", "sq kilometres"),
    "mi2": ("square miles", "sq mi", "sq miles", "square mile"),
    "ha": ("hectares", "hectare", "ha"), "acre": ("acres", "acre"),
    "mph": ("mph", "miles per hour", "miles an hour", "mile per hour"),
    "kmh": ("kph", "kmh", "km / h", "km per hour", "kilometers per hour", "kilometres per hour",
            "kilometers an hour", "kilometres an hour"),
    "knot": ("knots", "knot"), "km": ("km", "kilometers", "kilometres", "kilometer", "kilometre"),
    "mi": ("miles", "mile", "mi"), "m": ("m", "meters", "metres", "meter", "metre"),
    "cm": ("cm", "centimeters", "centimetres"), "mm": ("mm", "millimeters", "millimetres"),
    "ft": ("ft", "feet", "foot"), "in": ("inches", "inch"),
    "t": ("tonnes", "tons", "tonne", "ton"), "kg": ("kg", "kilograms", "kilogrammes", "kilos"),
    "lb": ("lb", "lbs"), "s": ("seconds", "secs"), "min": ("minutes", "mins", "minute"),
    "h": ("hours", "hrs", "hour"), "day": ("days", "day"), "week": ("weeks", "week"),
    "month": ("months", "month"), "year": ("years", "year"), "decade": ("decades", "decade"),
    "century": ("centuries", "century"),
    "degc": ("° c", "degrees celsius", "degrees c", "degrees centigrade", "celsius", "c"),
    "degf": ("° f", "degrees fahrenheit", "degrees f", "fahrenheit", "f"), "deg": ("degrees", "°"),
    "kw": ("kw", "kilowatts", "kilowatt"), "mw": ("mw", "megawatts", "megawatt"),
    "gw": ("gw", "gigawatts", "gigawatt"), "kwh": ("kwh", "kilowatt hours", "kilowatt - hours"),
    "mwh": ("mwh", "megawatt hours", "megawatt - hours"), "gwh": ("gwh", "gigawatt hours"),
}
UNITS = {tuple(p.split()): unit for unit, names in UNIT_NAMES.items() for p in names}
CURRENCIES = {"usd", "gbp", "eur", "jpy", "cny", "inr"}
UNIT_WORDS = frozenset(w for names in UNIT_NAMES.values() for p in names for w in p.split())
DURATIONS = {"s", "min", "h", "day", "week", "month", "year", "decade", "century"}
PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year", "annum": "year",
            "hour": "hour", "quarter": "quarter"}
RATE_WORDS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
               "annually": "year", "hourly": "hour", "quarterly": "quarter", "total": "total",
               "overall": "total", "altogether": "total", "combined": "total",
               "cumulative": "total", "cumulatively": "total", "annual": "year"}
RATE_LEADS = {"a", "an", "per", "each", "every"}
