"""Entities behind speaker mentions: whether two mentions name one entity (alias, acronym,
title, short form), so that no question offers both as different answers."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from quizapp.core.claims.speaker_names import capitals
from quizapp.core.claims.speakers import Speaker, initials
from quizapp.core.text.countries import seat_of_country

_DROP = re.compile(r"\([^)]*\)|[’']s\b|[^\w\s]")
_FILLER = frozenset("the a an of for and".split())


@lru_cache(maxsize=4096)
def forms_of(speaker: Speaker) -> frozenset[str]:
    """Return the normalised names a speaker goes by: name, mention, short forms, initials."""
    forms = {speaker.name, speaker.mention, *speaker.short_forms}
    if speaker.kind == "org" and " " in speaker.name:
        forms.add(initials(speaker.name))
    forms.add(capitals(speaker.name))  # "DfE" is "DE", the initials of the Department for
    # Education
    return frozenset(f for f in (_plain(x) for x in forms) if f)


@lru_cache(maxsize=65536)
def same_entity(a: Speaker, b: Speaker) -> bool:
    """Tell whether two speakers may be one entity: a shared form, or one name inside the other."""
    fa, fb = forms_of(a), forms_of(b)
    if fa & fb:
        return True
    return any(_inside(x, y) or _inside(y, x) for x in fa for y in fb)


def names_same(text: str, speaker: Speaker) -> bool:
    """Tell whether a written form (a choice, a phrase) names the speaker."""
    plain = _plain(text)
    return bool(plain) and any(plain == f or _inside(plain, f) or _inside(f, plain)
                               for f in forms_of(speaker))


def same_name(a: str, b: str) -> bool:
    """Tell whether two written names may name one entity ("the World Health Organization" and
    "the World Health Organization (WHO)", "WHO", "Trump" and "Donald Trump")."""
    pa, pb = _plain(a), _plain(b)
    acronyms = {w for w in re.findall(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž]{2,}\b", f"{a} {b}")}
    if pa == pb or _inside(pa, pb) or _inside(pb, pa) or seat_of_country(pa, pb):
        return True  # ("Moscow" for "Russia": its government)
    if any(len(x) >= 5 and len(y) >= 5 and x[0] == y[0] and fuzz.ratio(x, y) >= 88
           for x in pa.split() for y in pb.split() if x[:1].isalpha()):
        return True  # "Malviya" and "Malaviya": one person spelt two ways
    for acronym in acronyms:
        la, lb = acronym.lower() in pa.split(), acronym.lower() in pb.split()
        if la != lb and acronym in (initials(a), initials(b)):
            return True
        if la and lb:
            return True
    return False


@lru_cache(maxsize=8192)
def _plain(text: str) -> str:
    """Lower-case a name and drop punctuation, possessives, brackets and filler words."""
    words = _DROP.sub(" ", text.lower()).split()
    return " ".join(w for w in words if w not in _FILLER)


def _inside(short: str, long: str) -> bool:
    """Tell whether `short` is a whole-word part of `long` that identifies it: a surname, or
    all the proper words of a shorter name ("world health organization" in "...(who)")."""
    if short == long or not short or len(short) < 3:
        return short == long
    return f" {short} " in f" {long} " and (len(short.split()) > 1 or len(long.split()) <= 3)
