"""Padding around a right name or phrase: another name, a second item or a claim of its own."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.core.text.normalise import COUNTRIES, GLUE, Token, tokenise

_DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern upper lower".split()
)
REGIONAL = frozenset(d for d in _DIRECTIONS if d.endswith("ern") or d == "central")
NEGATIONS = frozenset(
    "not no never neither nor isnt wasnt arent werent didnt doesnt dont cannot cant wont".split()
)
JOINS = frozenset({"and", "or", "&", "plus", "nor", "also", "/"})
#: Joins that add a claim to a free-text answer ("stable but critical").
_TEXT_JOINS = JOINS | {"but", "yet", "while", "although", "though", "with"}
_REPORTING = frozenset(
    "said says say told reported reports claimed claims stated states estimated estimates "
    "warned announced confirmed believes believe thinks found wrote added noted according "
    "who which that because".split()
)
#: Words after a place that name another place: "Chad's capital", "the Syrian border".
_PLACE_PARTS = frozenset(
    "capital border borders coast outskirts suburbs neighbour neighbor".split()
)
PLACE_LEADS = frozenset({"in", "near", "at", "outside", "inside", "around", "of"})


@dataclass(frozen=True)
class Target:
    """What an expected name or phrase accepts, worked out once per (expected, evidence, kind)."""

    variants: tuple[tuple[str, ...], ...]  # key sequences, longest first
    exact: frozenset[tuple[str, ...]]  # variants that must match without typos
    person: tuple[str, ...]  # a person's name keys, or () when not a person
    acronyms: frozenset[str]  # acronyms an answer's initials may spell
    countries: frozenset[str]
    others: frozenset[str]  # keys of other names in the evidence
    span: tuple[int, int] | None
    full: tuple[str, ...]
    denies: bool  # the expected answer itself contains a negation


def extra_claim(words: list[Token], at: tuple[int, int], goal: Target, kind: str) -> str | None:
    """Return why the words around a right answer add a wrong claim, or None."""
    prefix, suffix = words[: at[0]], words[at[1] :]
    if kind == "place" and any(t.key in _DIRECTIONS and t.key not in goal.full for t in words):
        return "Your answer names a different part of the place."
    for i, tok in enumerate(suffix):
        if tok.raw in _REPORTING:
            suffix = suffix[:i]
            break
    for tok in prefix:
        if tok is prefix[-1] and tok.text.replace("\u2019", "'").endswith("'s"):
            continue  # "London's Metropolitan Police": the possessive only qualifies the name
        if tok.key in COUNTRIES:
            if goal.countries and tok.key not in goal.countries:
                return "The country in your answer is not the one in the article."
        elif tok.key in goal.others and not (kind == "place" and prefix[-1].raw in PLACE_LEADS):
            return "Your answer adds another name from the article, which is not the answer."
    if kind == "place":
        if any(t.key in _PLACE_PARTS and t.key not in goal.full for t in suffix):
            return "Your answer names another place (a part or a neighbour of the one asked for)."
        suffix = [t for t in suffix if t.key not in COUNTRIES or t.key in goal.countries]
    if any(tok.key in goal.others for tok in suffix):
        return "Your answer adds another name from the article, which is not the answer."
    return None


def joined_claim(
    tokens: tuple[Token, ...], words: list[Token], at: tuple[int, int], goal: Target, kind: str,
    evidence: str,
) -> str | None:
    """Return why "X and Y" adds a second name, or a free-text claim the article lacks, or None."""
    if at[1] >= len(words) and at[0] == 0:
        return None
    first, last = words[at[0]], words[at[1] - 1]
    outside = [t for t in tokens if t.end <= first.start or t.start >= last.end]
    if kind == "text":
        return _unsupported_addition(outside, goal, evidence)
    for i, tok in enumerate(outside):
        if tok.raw in JOINS and any(
            not t.punct and t.key not in GLUE and t.raw not in _REPORTING for t in outside[i + 1 :]
        ):
            return "Your answer adds a second name, which is not the answer."
    return None


def _unsupported_addition(outside: list[Token], goal: Target, evidence: str) -> str | None:
    """Return why a joined addition to a free-text answer is a claim the article does not make."""
    joins = [i for i, t in enumerate(outside) if t.raw in _TEXT_JOINS]
    if not joins:
        return None
    added = [t for t in outside[joins[0] + 1 :] if not t.punct and t.key not in GLUE]
    known = {t.key for t in tokenise(evidence)} | set(goal.full)
    if added and not any(t.key in known for t in added):
        return "Your answer adds a claim the article does not make."
    return None
