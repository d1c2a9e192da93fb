"""What a right number counts: the counted thing, the direction of a change, added names."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.text.normalise import COUNTRIES, clean, normalise_word, tokenise

_UP = (
    "rise rises rose risen rising increase increased increases increasing gain gains gained "
    "growth grew grow grows jump jumped jumps surge surged climb climbed climbs"
)
_DOWN = (
    "fall falls fell fallen falling drop dropped drops decline declined declines decrease "
    "decreased decreases slump slumped plunge plunged shrank shrink shrinks"
)
#: What happened to the people counted: "62 deaths" fits "killed 62", not "injured 62".
_OUTCOMES = (
    "killed killing kill kills dead death deaths died die dies dying fatalities fatality lives",
    "injured injuring injuries injury wounded wounding hurt treated hospitalised hospitalized",
    "infected infections infection cases sickened",
    "arrested arrests arrest detained detentions",
    "evacuated evacuations evacuees",
    "rescued rescue rescues saved",
    "missing",
    "casualties casualty losses lost",
    "dispatched deployed sent",
)
#: Kinds of things counted. Words of one kind may stand for each other ("homes", "houses");
#: words of two kinds never do ("17 people" for "17 vehicles").
_KINDS = (
    "people persons individuals",
    "men boys",
    "women girls",
    "soldiers troops servicemen personnel fighters",
    "residents inhabitants citizens civilians locals",
    "refugees migrants evacuees asylum",
    "passengers travellers travelers",
    "patients",
    "voters",
    "workers laborers labourers staff employees",
    "students children pupils adults teachers",
    "fans tourists visitors spectators",
    "members",
    "protesters demonstrators",
    "officers police policemen",
    "doctors nurses",
    "players athletes",
    "homes houses households families properties dwellings apartments flats",
    "businesses companies firms shops stores",
    "vehicles cars trucks lorries buses",
    "flights",
    "trains",
    "ships vessels boats",
    "tanks",
    "brigades battalions regiments divisions platoons squadrons",
    "destroyers frigates warships",
    "carriers",
    "submarines",
    "aircraft planes jets warplanes",
    "drones",
    "helicopters",
    "schools",
    "hospitals",
    "acres hectares",
    "votes",
    "seats",
)
#: Capitalised words an answer may use about a figure without naming anything new.
_FIGURE_WORDS = frozenset(
    "i it he she they we about around over under more less nearly almost roughly approximately "
    "some just well".split()
)


def _table(groups: tuple[str, ...]) -> dict[str, int]:
    """Map each word of each group, and its singular, to the group's number."""
    table = {}
    for i, group in enumerate(groups):
        for word in map(normalise_word, group.split()):
            table.setdefault(word.removesuffix("s"), i)
            table[word] = i
    return table


#: The kinds of people (the first groups): "people", "men" or "women" fit any of them, but two
#: roles never stand for each other ("12,000 refugees" for 12,000 troops).
_PEOPLE = range(0, 17)
_ANY_PERSON = (0, 1, 2)


def _fit(a: int, b: int) -> bool:
    """Say whether two kinds of counted things may stand for each other."""
    if a == b:
        return True
    if a in _PEOPLE and b in _PEOPLE:
        return (a in _ANY_PERSON or b in _ANY_PERSON) and {a, b} != {1, 2}
    return False


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_DIRECTION = {w: 1 for w in _table((_UP,))} | {w: -1 for w in _table((_DOWN,))}
_OUTCOME = _table(_OUTCOMES)
#: Outcomes an answer may not add on its own: "12,000 killed" for 12,000 sent.
_HARM = frozenset({0, 1, 2, 3, 7})
_KIND = _table(_KINDS)


def direction_fault(answer: str, owned: frozenset[str]) -> str | None:
    """Return why the answer turns a rise into a fall (or back), or None.

    `owned` are the words of the evidence clauses about the number.
    """
    said = {_DIRECTION[w] for w in owned if w in _DIRECTION}
    if not said:
        return None
    given = {_DIRECTION[w] for w in map(normalise_word, _WORD.findall(answer)) if w in _DIRECTION}
    if len(given) == 1 and not given & said:
        return "The number is right, but the article says it went the other way."
    return None


def noun_clash(
    nouns: tuple[str, ...], counted: tuple[str, ...], owners: dict[str, set[float]],
    owned: frozenset[str],
) -> bool:
    """Say whether the answer counts something the evidence ties only to another number.

    A word of the same kind as the thing counted is no clash ("48 residents" for "48 people").
    """
    kinds = {_KIND[w] for w in counted if w in _KIND}
    support = clash = False
    for noun in nouns:
        if owners.get(noun):
            if noun in owned or noun in _KIND and any(_fit(_KIND[noun], k) for k in kinds):
                support = True
            else:
                clash = True
    return clash and not support


def counted_fault(
    nouns: tuple[str, ...], counted: tuple[str, ...], owned: frozenset[str]
) -> str | None:
    """Return why the answer's counted thing is not the article's, or None.

    `counted` are the words after the number where the article states it ("17 vehicles").
    """
    outcome = next((_OUTCOME[w] for w in nouns if w in _OUTCOME), None)
    if outcome is not None:
        said = {_OUTCOME[w] for w in owned.union(counted) if w in _OUTCOME}
        if said and outcome not in said:
            return "The number is right, but the article says something else happened to them."
        if not said and owned and outcome in _HARM:
            return "The number is right, but the article does not say that happened to them."
    kind = next((_KIND[w] for w in nouns if w in _KIND), None)
    said_kind = next((_KIND[w] for w in counted if w in _KIND), None)
    if kind is not None and said_kind is not None and not _fit(kind, said_kind):
        return "The number is right, but the article counts something else with it."
    return None


@lru_cache(maxsize=2048)
def _evidence_keys(evidence: str) -> frozenset[str]:
    """Return the comparison keys of every word of the evidence."""
    keys = {t.key for t in tokenise(evidence) if not t.punct}
    return frozenset(keys | {k.rstrip("s") for k in keys})


def added_name(answer: str, evidence: str, units: frozenset[str]) -> str | None:
    """Return why a figure answer names a place or party the article does not, or None.

    `units` are unit and currency words, which an answer may add ("degrees Celsius").
    """
    known = None
    for i, m in enumerate(_WORD.finditer(clean(answer))):
        word = m.group()
        name = i > 0 and len(word) > 2 and word[0].isupper() and word[1:].islower()
        key = normalise_word(word)
        if not (name or key in COUNTRIES) or key in _FIGURE_WORDS or word.lower() in units:
            continue
        after = answer[m.end() : m.end() + 12].lstrip().lower()
        if after.startswith(("$", "dollar")):
            continue  # "US$5 million", "Hong Kong dollars": the country names the currency
        key = tokenise(word)[0].key  # demonyms name their country: "Korean" -> "korea"
        known = known or _evidence_keys(evidence)
        if key not in known and key.rstrip("s") not in known:
            return f"Your answer adds {word}, which the article does not say."
    return None
