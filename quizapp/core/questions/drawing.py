"""Drawing an attempt's questions: a balanced, random sample across question types."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A question that may be drawn: its id, type and prompt."""

    id: int
    type: str
    prompt: str


def draw_balanced(candidates: Sequence[Candidate], count: int, rng: random.Random) -> list[int]:
    """Draw `count` ids taking the types in turn, never the same prompt twice when avoidable."""
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(candidate.type, []).append(candidate)
    for group in groups.values():
        rng.shuffle(group)
    types = list(groups)
    rng.shuffle(types)
    drawn: list[int] = []
    prompts: set[str] = set()
    leftovers: list[Candidate] = []
    while len(drawn) < count and any(groups.values()):
        for qtype in types:
            group = groups[qtype]
            while group and len(drawn) < count:
                candidate = group.pop()
                key = " ".join(candidate.prompt.lower().split())
                if key in prompts:
                    leftovers.append(candidate)  # a variant of a question already drawn
                    continue
                prompts.add(key)
                drawn.append(candidate.id)
                break
    drawn += [c.id for c in leftovers[: count - len(drawn)]]
    return drawn
