"""Speaker names: tell a name's capitals, split a phrase ending in a name into description,
title and name, and give a name's initials and short forms."""

from __future__ import annotations

import re

from quizapp.core.claims.speaker import SpeakerPhrase
from quizapp.core.claims.speaker_words import (
    FIRM_NOUNS,
    LEADING,
    ORG_NOUNS,
    ORG_WORDS,
    POSSESSIVES,
    TITLES,
)

_ADJECTIVE_END = ("an", "ian", "ese", "ish", "ic", "ch", "ern", "i")
_CAPITAL = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.&/-]*|[A-ZÀ-ÖØ-ÞĀ-Ž]|(?:al|el|bin|ibn|abu|ben|da|de|di|du|le|la)-[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*)$")
CONNECTORS = frozenset("of for and & the de la del da van von der den bin al du le".split())
#: Bodies named "on" what they deal with: "the Intergovernmental Panel on Climate Change".
ON_BODIES = frozenset("panel committee commission council conference forum board".split())


def is_capital(word: str) -> bool:
    """Tell whether `word` is capitalised like a name."""
    return bool(_CAPITAL.match(word))


def is_adjective(word: str) -> bool:
    """Tell whether a capitalised word reads as a nationality adjective ("Russian")."""
    return word.lower().endswith(_ADJECTIVE_END) and not word.endswith(("’s", "'s"))


def has_proper_word(words: list[str]) -> bool:
    """Tell whether modifiers hold a proper name, not just nationality adjectives."""
    for word in words:
        if not is_capital(word) or word.lower() in LEADING or word.lower() in POSSESSIVES:
            continue  # "Its humanitarian office": no name
        if word.endswith(("’s", "'s")) or "." in word or word.isupper() or not is_adjective(word):
            return True
    return False


_PARTICLES = frozenset("de la del da van von der den bin al du le".split())


def person_end(words: list[str]) -> list[str]:
    """Return the personal name that ends a run of capitalised words: the surname with its
    particles and one given name ("Ursula von der Leyen" of "... Commission Ursula von der
    Leyen"), or [] when the last word is an organisation's."""
    if not words or words[-1].lower() in ORG_WORDS or not is_capital(words[-1]):
        return []
    at = len(words) - 1
    while at > 0 and words[at - 1] in _PARTICLES:
        at -= 1
    if at > 0 and is_capital(words[at - 1]) and words[at - 1].lower() not in ORG_WORDS:
        at -= 1
    return words[at:]


def initials(name: str) -> str:
    """Return the initials of a name, skipping connectors ("U.S. Geological Survey" -> "USGS")."""
    words = [w for w in re.split(r"[\s.]+", name) if w and w.lower() not in CONNECTORS]
    return "".join(w[0] for w in words if w[0].isupper())


def capitals(acronym: str) -> str:
    """Return the capitals of an acronym written in mixed case ("DfE" -> "DE", "MoD" -> "MD"),
    which stand for the name's words the way `initials` reads them; any other word as it is."""
    if " " in acronym or sum(c.isupper() for c in acronym) < 2 or not acronym.isalpha():
        return acronym
    return "".join(c for c in acronym if c.isupper())


#: A romanised Korean name, family name first: "Ryu Seong-hyeon", "Kim Jong-un".
_FAMILY_FIRST = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{1,5} [A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+-[a-z]+")


def family_first(name: str) -> bool:
    """Tell whether a two-word name puts the family name first ("Ryu Seong-hyeon")."""
    return _FAMILY_FIRST.fullmatch(name) is not None


def short_forms(name: str, kind: str, acronym: str = "") -> tuple[str, ...]:
    """Return the short forms a reader may use for a speaker: surname, first name, acronym."""
    forms: list[str] = []
    words = name.split()
    if acronym:
        forms.append(acronym)
    if kind == "person" and len(words) > 1:
        forms.append(words[-1])
        if not (is_adjective(words[0]) and words[0].lower().endswith(("ish", "ian", "ese"))):
            forms.append(words[0])  # not "British" of "British Gas-owner Centrica"
    if kind == "org" and len(words) > 1 and words[-1].lower().rstrip(".") in _LEGAL_SUFFIXES:
        forms.append(" ".join(words[:-1]).rstrip(","))  # "Ford Motor" of "Ford Motor Co."
    return tuple(dict.fromkeys(f for f in forms if f and f != name))


#: A company's legal form at the end of its name, which readers leave out.
_LEGAL_SUFFIXES = frozenset("co corp inc ltd plc llc llp ag sa nv gmbh".split())
CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december""".split()
)


def _name_number(words: list[str], at: int) -> bool:
    """Tell whether words[at] is a number inside a broadcaster's or body's name, after a
    capitalised word ("Channel 4", "France 24", "La 1")."""
    return at > 0 and re.fullmatch(r"\d{1,2}", words[at]) is not None and is_capital(
        words[at - 1])


def name_ends_in_number(words: list[str]) -> bool:
    """Tell whether a phrase ends in a name with a number ("broadcaster La 1")."""
    return _name_number(words, len(words) - 1)


def read_name(words: list[str], acronym: str) -> SpeakerPhrase | None:
    """Read a phrase ending in a capitalised name: split description, title and name."""
    start = len(words) - 1
    while start > 0:
        prev = words[start - 1]
        if is_capital(prev) or _name_number(words, start - 1) or (
                (prev.lower() in CONNECTORS or (prev == "on" and start > 1 and words[
                    start - 2].lower() in ON_BODIES)) and (
                is_capital(words[start - 2]) or (  # "Ursula von der Leyen", "Head of the
                    words[start - 2].lower() in CONNECTORS and start > 2  # Commission"
                    and is_capital(words[start - 3])))):
            start -= 1
        else:
            break
    run = words[start:]
    desc = words[:start]
    for i in range(len(run) - 1, -1, -1):
        if run[i].endswith(("’s", "'s")):
            desc, run = desc + run[: i + 1], run[i + 1 :]
            break
    titled = False
    for i in range(len(run) - 2, -1, -1):
        tail = run[i + 1 :]
        office = tail[0].lower() in ("of", "for")  # "Governor of the Bank of England X Y"
        if run[i].lower() in TITLES and tail[-1].lower() not in TITLES and (
                len(person_end(tail)) >= 2 if office else not any(
                    w.lower() in ORG_WORDS for w in tail)):
            desc, run, titled = desc + run[: i + 1], tail, True  # "Governor of the Bank of
            break  # England Andrew Bailey": the office, then the person
    org = not titled and (
        any(w.lower().strip(".,") in ORG_WORDS for w in run)
        or ("and" in run[1:-1] and len(run) >= 4)  # "Emergency Operations and Control Room":
        # no person's name holds "and"
        or (len(run) == 1 and run[0].replace(".", "").isupper() and len(run[0]) > 1)
        or any(w.isdigit() for w in run)  # "Channel 4", "La 1": no person's name holds a number
        or (len(run) > 1 and any("/" in w or "&" in w for w in run))  # "CNN/USA Today",
        # "AT&T Inc": two bodies' names, or a body's, never a person's
    )
    office = titled and bool(run) and run[0].lower() in ("of", "for")
    if office:  # "Secretary of State Antony Blinken": the office's words, then the name
        person = person_end(run)
        desc, run = desc + run[: len(run) - len(person)], person
    while run and run[0].lower() in CONNECTORS and not (len(run) > 1 and run[1].isdigit()):
        desc.append(run.pop(0))  # (but "La 1": a name)
    if not run or (len(run) == 1 and run[0].lower().rstrip(".") in CALENDAR):
        return None  # "confirmed on Wednesday that": a day, not a speaker
    name = " ".join(run)
    mention = " ".join(desc + run)
    if org or (len(run) == 1 and any(w.lower() in ORG_NOUNS for w in desc)) or (
            desc and desc[-1].lower() in FIRM_NOUNS):  # "energy consultancy Tellmark Partners"
        kind = "org"
    elif len(run) == 1:
        kind = "unknown"
    else:
        kind = "person"
    return SpeakerPhrase(name, " ".join(desc), mention, kind, acronym)
