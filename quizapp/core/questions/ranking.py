"""Ranking: score candidates, drop near-duplicates, cover every figure and speaker, then keep
the best with a spread of question types."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz import fuzz

from quizapp.core.questions.corpus import Candidate

DUPLICATE_RATIO = 90
IDEAL_PROMPT = 140
EXTRA_QUESTIONS = 24  # kept beyond the covering questions when no limit is given


def score(candidate: Candidate) -> float:
    """Return a candidate's final score: its builder's score, adjusted for prompt length."""
    question = candidate.question
    excess = max(0, len(question.prompt) - IDEAL_PROMPT)
    bonus = 0.1 if "named-source" in question.tags or question.type == "source" else 0.0
    return candidate.score + bonus - excess / 400


def select(
    candidates: list[Candidate],
    limit: int | None = None,
    valid: Callable[[Candidate], bool] = lambda c: True,
) -> list[Candidate]:
    """Return the chosen candidates of one source, best first.

    First the best valid question for every figure and speaker, then the others round-robin
    across types; at most `limit` in all, or EXTRA_QUESTIONS beyond the covering ones by default.
    """
    ranked = sorted(unambiguous(candidates), key=score, reverse=True)
    keys: dict[int, str] = {}
    chosen: list[Candidate] = []
    kept: dict[str, list[Candidate]] = defaultdict(list)  # chosen by type: a duplicate is of one
    covered: set[str] = set()
    for candidate in ranked:
        new = [c for c in candidate.covers if c not in covered]
        same_type = kept[candidate.question.type]
        if new and not _duplicate(candidate, same_type, keys) and valid(candidate):
            chosen.append(candidate)
            same_type.append(candidate)
            covered.update(candidate.covers)
    cap = len(chosen) + EXTRA_QUESTIONS if limit is None else limit
    taken = {id(c) for c in chosen}
    for candidate in _interleave([c for c in ranked if id(c) not in taken]):
        if len(chosen) >= cap:
            break
        same_type = kept[candidate.question.type]
        if not _duplicate(candidate, same_type, keys) and valid(candidate):
            chosen.append(candidate)
            same_type.append(candidate)
    if limit is not None:
        chosen = chosen[:limit]
    return chosen


def _duplicate(candidate: Candidate, kept: list[Candidate], keys: dict[int, str]) -> bool:
    """Tell whether a kept candidate of the same type and choice style asks nearly the same."""
    q = candidate.question
    mine = _prompt_key(candidate, keys)
    covers = set(candidate.covers)
    for other in kept:
        o = other.question
        if o.type != q.type:
            continue  # every test below concerns questions of one type
        if _prompt_key(other, keys) == mine:
            return True  # one question per prompt: never typed and multiple-choice twins
        if not covers <= set(other.covers):
            continue  # it asks for a figure or speaker the other does not
        if (o.choices is None) != (q.choices is None):
            continue
        if q.type == "verdict" and o.answer != q.answer:
            continue
        if o.answer == q.answer and o.evidence == q.evidence and q.type != "verdict":
            return True
        if fuzz.ratio(o.prompt, q.prompt, score_cutoff=DUPLICATE_RATIO) >= DUPLICATE_RATIO:
            return True
    return False


#: Types whose prompt alone must single out the answer.
_KEYED = frozenset(("source", "figure", "date", "discrepancy", "evidence", "attribution"))


def unambiguous(candidates: list[Candidate]) -> list[Candidate]:
    """Drop candidates whose prompt another candidate of the type asks with another answer
    ("What figure does the article give for games?" of two figures): no key is right then."""
    answers: dict[tuple[str, str], set[str]] = defaultdict(set)
    asked = [(c.question.type, _key(c.question.prompt)) for c in candidates]
    for candidate, prompt in zip(candidates, asked, strict=True):
        if prompt[0] in _KEYED:
            answers[prompt].add(_key(candidate.question.answer))
    return [c for c, prompt in zip(candidates, asked, strict=True)
            if len(answers.get(prompt, ())) <= 1]


def _prompt_key(candidate: Candidate, keys: dict[int, str]) -> str:
    """Return a candidate's normalised prompt, computed once per candidate of a selection."""
    key = keys.get(id(candidate))
    if key is None:
        key = keys[id(candidate)] = _key(candidate.question.prompt)
    return key


@lru_cache(maxsize=2048)
def _key(text: str) -> str:
    """Normalise a prompt or answer for comparison (cached for one source's candidates, a few
    hundred: prompts are long, and a larger cache kept some 10 MB of other sources' prompts)."""
    return " ".join(text.lower().split())


def _interleave(candidates: list[Candidate]) -> list[Candidate]:
    """Order candidates round-robin across question types, best first within each type."""
    by_type: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_type[candidate.question.type].append(candidate)
    queues = sorted(by_type.values(), key=lambda q: score(q[0]), reverse=True)
    ordered: list[Candidate] = []
    while any(queues):
        for queue in queues:
            if queue:
                ordered.append(queue.pop(0))
    return ordered
