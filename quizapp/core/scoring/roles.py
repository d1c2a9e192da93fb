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
    zone: frozenset[str]  # the words the evidence describes a body with ("state news agency")


@lru_cache(maxsize=2048)
def _accepts(forms: tuple[str, ...], evidence: str, kind: str) -> _Accepts:
    """Work out the descriptions of a key a fair marker accepts."""
    exact, bare, wholes, roles, zone = set(), set(), [], [], set()
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
            if _alone(form, evidence, kind):
                zone |= _descriptors(form, evidence, kind) - set(want)
    return _Accepts(
        frozenset(exact), frozenset(bare), tuple(wholes), tuple(roles), frozenset(zone)
    )


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
    if _body(given, accepts.zone):
        return True
    return any(_role(given, said) for said in accepts.roles)


#: Nouns that say what kind of body a description is about ("the state news agency").
_BODY_HEADS = frozenset(
    "agency media broadcaster newspaper ministry company watchdog regulator bank court army "
    "police channel network outlet".split()
)


_COMPASS = frozenset({"north", "south", "east", "west"})  # "North Korea's" is a country


def _alone(form: str, evidence: str, kind: str) -> bool:
    """Say whether the evidence names no body or person but the key (countries aside)."""
    mine = {k for v in target(form, evidence, kind).variants for k in v}
    return all(
        set(entity) & mine or all(k in COUNTRIES or k in _COMPASS for k in entity)
        for entity in read_evidence(evidence).entities
    )


def _body(given: tuple[str, ...], zone: frozenset[str]) -> bool:
    """Say whether the answer is the evidence's own description of the body asked for.

    "the state news agency" where the article says "North Korea's state news agency KCNA": two
    words or more, all from the phrase around the name, one of them saying what kind of body.
    "Media" stands for a news agency or broadcaster.
    """
    if len(given) < 2 or not zone:
        return False
    said = zone | ({"media"} if zone & {"news", "agency", "broadcaster"} else set())
    return all(k in said for k in given) and any(k in _BODY_HEADS for k in given)


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
