"""A name given as a fair description: a role ("the BAT boss"), a body's standard name or a
shortened name that keeps what makes it unique ("South Korean intelligence").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from quizapp.core.scoring.aliases import aliases
from quizapp.core.scoring.evidence_names import read_evidence
from quizapp.core.scoring.names import target
from quizapp.core.text.normalise import COUNTRIES, GLUE, clean, tokenise

#: Words that describe the same role or thing, mapped to one of them.
_SAME = {
    "boss": "chief", "head": "chief", "ceo": "chief", "executive": "chief", "leader": "chief",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "premier": "pm", "official": "state", "state": "state", "government": "state",
    "defense": "military", "military": "military", "army": "military", "intel": "intelligence",
    "govt": "state", "chairman": "chair", "chairwoman": "chair", "chair": "chair",
    "firm": "company", "company": "company", "group": "company",
}
_PHRASES = re.compile(
    r"\b(?:chief executive officer|chief executive|prime minister|state-run|state-owned|"
    r"state run|state owned)\b",
    re.IGNORECASE,
)
_PHRASE_WORD = {"chief executive officer": "chief", "chief executive": "chief",
                "prime minister": "pm", "state-run": "state", "state-owned": "state",
                "state run": "state", "state owned": "state"}
#: Words that name no particular body: a shortened name must keep a word beyond these.
_GENERIC = frozenset(
    "national federal central state service services agency office department ministry "
    "government authority administration council commission committee organization bureau "
    "body officials official source sources group company international world".split()
)
_ROLES = frozenset(
    "chief spokesperson pm president minister secretary mayor governor judge commander "
    "general chair director analyst envoy ambassador prosecutor lawyer attorney "
    "sergeant officer coach manager founder editor".split()
)
_SPOKESMAN = re.compile(
    r"^(?:an?|the)\s+(?P<body>.+?)\s+(?:spokesman|spokeswoman|spokesperson|official|source)s?$",
    re.IGNORECASE,
)


def _canon(text: str) -> tuple[str, ...]:
    """Return the keys of a description with its synonyms made one ("the BAT boss": bat chief)."""
    text = _PHRASES.sub(lambda m: _PHRASE_WORD[m.group().lower()], clean(text))
    keys = (t.key for t in tokenise(text) if not t.punct and t.key not in GLUE)
    return tuple(_SAME.get(k, k) for k in keys)


def _descriptors(expected: str, evidence: str, kind: str) -> set[str]:
    """Return the words the key and the evidence use to describe the expected name."""
    goal = target(expected, evidence, kind)
    words = set(_canon(expected)) - set(goal.person)
    names = read_evidence(evidence)
    occurrence, _ = names.locate(list(goal.variants))
    if occurrence is not None:
        lo, hi = names._zone(*occurrence)
        zone = evidence[names.tokens[lo].start : names.tokens[hi - 1].end] if hi > lo else ""
        words |= set(_canon(zone)) - set(goal.person)
    return words


class _Accepts(NamedTuple):
    """What descriptions of one key a fair marker accepts, worked out once per question."""

    exact: frozenset[tuple[str, ...]]  # standard forms, synonyms, an unnamed spokesman's body
    bare: frozenset[tuple[str, ...]]  # forms a country the article implies may lead
    wholes: tuple[tuple[str, ...], ...]  # names a shortened form may come from
    roles: tuple[frozenset[str], ...]  # the words describing each person the key names


@lru_cache(maxsize=2048)
def _accepts(forms: tuple[str, ...], evidence: str, kind: str) -> _Accepts:
    """Work out the descriptions of a key a fair marker accepts."""
    exact, bare, wholes, roles = set(), set(), [], []
    no_country = not any(t.key in COUNTRIES for t in tokenise(evidence))
    for form in forms:
        exact |= {tuple(_SAME.get(k, k) for k in alias) for alias in aliases(form)}
        if target(form, evidence, kind).person:
            if kind == "source":
                roles.append(frozenset(_descriptors(form, evidence, kind)))
            continue
        want = _canon(form)
        exact.add(want)  # synonyms: "British military intelligence" for UK defence intelligence
        body = _SPOKESMAN.match(clean(form).strip())
        if body:
            exact.add(_canon(body.group("body")))  # "the Libyan government" for its spokesman
        if no_country and not any(k in COUNTRIES for k in want):
            bare.add(want)  # "Ghana's Electoral Commission": the country the article implies
            bare |= {tuple(_SAME.get(k, k) for k in alias) for alias in aliases(form)}
        if kind == "source":
            wholes.append(want)
    return _Accepts(frozenset(exact), frozenset(bare), tuple(wholes), tuple(roles))


def described(answer: str, forms: tuple[str, ...], evidence: str, kind: str) -> bool:
    """Say whether the answer fairly describes the key (a standard form, a role, a short name)."""
    given = _canon(answer)
    if not given:
        return False
    accepts = _accepts(forms, evidence, kind)
    if given in accepts.exact:
        return True
    if accepts.bare:
        stripped = tuple(k for k in given if k not in COUNTRIES)
        if stripped != given and stripped in accepts.bare:
            return True
    if any(_shortened(given, whole) for whole in accepts.wholes):
        return True
    return any(_role(given, said) for said in accepts.roles)


def _shortened(given: tuple[str, ...], want: tuple[str, ...]) -> bool:
    """Say whether a shortened name keeps the key's countries and a distinctive word."""
    if len(given) < 2 or len(set(given)) < len(given) or not set(given) < set(want):
        return False
    if any(k in COUNTRIES and k not in given for k in want):
        return False
    return any(k not in _GENERIC and k not in COUNTRIES for k in given)


def _role(given: tuple[str, ...], said: frozenset[str]) -> bool:
    """Say whether the answer names the person by a role the key or the evidence gives."""
    roles = [k for k in given if k in _ROLES]
    return len(roles) == 1 and roles[0] in said and all(k in said for k in given)
