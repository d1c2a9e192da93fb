"""Topics of figures: keyword families that let figures on one subject be compared."""

from __future__ import annotations

import re
from functools import lru_cache

#: Measures: the unit alone decides the topic ("1,300 square kilometers" is territory).
MEASURE_TOPICS: dict[str, tuple[str, ...]] = {
    "share": ("%", "percent", "per cent", "percentage point", "percentage points", "pct"),
    "money": (
        "$", "€", "£", "¥", "dollar", "dollars", "euro", "euros", "pound sterling", "yen",
        "yuan", "rupees", "won", "francs", *(
            "soles pesos rand rubles roubles lira naira shillings ringgit baht dirhams reais "
            "zloty kronor krona kroner rupiah dinars riyals hryvnias forints".split()
        ),
    ),
    "territory": (
        "square kilometers", "square kilometres", "square miles", "square meters",
        "square metres", "sq km", "sq miles", "km2", "hectares", "acres",
    ),
    "distance": ("miles", "mile", "kilometers", "kilometres", "km", "meters", "metres", "feet"),
    "duration": (
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
        "day", "week", "month", "year", "hour",
    ),
    "weight": ("tonnes", "tons", "kilograms", "kg", "metric tons"),
    "temperature": ("degrees", "degrees celsius", "degrees fahrenheit", "°c", "°f"),
    "speed": ("mph", "km/h", "kph", "knots"),
    "energy": ("megawatts", "gigawatts", "mw", "gw", "kwh", "barrels"),
    "calibre": ("mm", "cm", "millimetre", "millimeter"),
}

#: Events that decide the topic of counted people or things when the clause mentions them.
EVENT_TOPICS: dict[str, tuple[str, ...]] = {
    "casualties": (
        "killed", "dead", "death", "deaths", "died", "die", "injured", "wounded", "casualties",
        "casualty", "fatalities", "fatality", "losses", "death toll", "lives", "bodies",
        "hospitalised", "hurt", "slain",
    ),
    "displacement": ("evacuated", "evacuation", "displaced", "refugees", "evacuees", "fled"),
    "arrests": (
        "arrested", "arrests", "detained", "charged", "convicted", "suspects", "prosecuted",
        "jailed", "sentenced",
    ),
    "health": (
        "cases", "infections", "infected", "patients", "hospitalized", "vaccinated", "doses",
        "outbreak", "tested positive",
    ),
    "employment": (
        "jobs", "hired", "laborers", "labourers", "workers", "layoffs", "laid off", "unemployed",
        "employees", "workforce",
    ),
    "votes": ("votes", "voters", "ballots", "seats", "turnout", "voted"),
}

#: Counted nouns and verbs of the remaining families.
THING_TOPICS: dict[str, tuple[str, ...]] = {
    "munitions": (
        "shells", "missiles", "rockets", "weapons", "ammunition", "drones", "launchers",
        "artillery", "bombs", "tanks", "warheads", "rounds", "munitions",
    ),
    "deployment": (
        "troops", "soldiers", "personnel", "brigades", "battalions", "divisions", "regiments",
        "engineers", "sappers", "forces", "fighters", "deployed",
        "deployment", "dispatched", "sent", "mercenaries", "recruits",
    ),
    "production": (
        "produced", "manufactured", "production", "output", "vehicles", "units", "built",
        "chips", "cars",
    ),
    "users": ("users", "customers", "subscribers", "downloads", "accounts", "members"),
    "sport": ("goals", "points", "wins", "matches", "games", "medals", "runs", "titles"),
    "population": (
        "people", "residents", "inhabitants", "households", "homes", "families", "children",
        "students", "visitors", "passengers", "men", "women",
    ),
}

_WORD_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _family_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Compile one alternation that matches any word of a family as a whole word."""
    pattern = _WORD_CACHE.get(words)
    if pattern is None:
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w]){'(?:' + alternatives + ')'}(?![\w])", re.IGNORECASE)
        _WORD_CACHE[words] = pattern
    return pattern


def _first_family(families: dict[str, tuple[str, ...]], text: str) -> str | None:
    """Return the first family with a word in `text`."""
    for topic, words in families.items():
        if _family_pattern(words).search(text):
            return topic
    return None


@lru_cache(maxsize=4096)
def measure_topic(unit: str) -> str | None:
    """Return the topic a measurement unit decides on its own, or None for counted nouns."""
    low = unit.lower().strip()
    if not low:
        return None
    first = low.split()[0]
    for topic, words in MEASURE_TOPICS.items():
        if low in words or first in words or any(low.startswith(w + " ") for w in words):
            return topic
    return None


def classify_topic(unit: str, context: str) -> str:
    """Return the topic of a figure from its unit or counted noun and the clause around it."""
    topic = measure_topic(unit)
    if topic:
        return topic
    for families in (EVENT_TOPICS, THING_TOPICS):
        topic = _first_family(families, unit) if unit else None
        if topic:
            return topic
        topic = _first_family(families, context)
        if topic:
            return topic
    return "count"


#: Phrases that name each topic in a prompt ("figures for {label}").
TOPIC_LABELS = {
    "casualties": "casualties",
    "deployment": "troop numbers",
    "territory": "territory",
    "money": "money",
    "munitions": "munitions",
    "share": "a share",
    "production": "production",
    "displacement": "people displaced",
    "arrests": "arrests",
    "health": "cases",
    "employment": "jobs",
    "votes": "votes",
}


def topic_label(topic: str) -> str:
    """Return a noun phrase for `topic` fit for a prompt."""
    return TOPIC_LABELS.get(topic, topic)
