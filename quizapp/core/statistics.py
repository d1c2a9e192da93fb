"""Item statistics of a quiz, as Moodle's quiz statistics report computes them.

Each attempt is a mapping from question key to the mark it earned (0 to 1). The facility index
of a question is its mean mark. Its discrimination index is the Pearson correlation between the
question's mark and the rest of the test (the attempt's total minus the question's mark), over
the attempts that drew the question: Moodle's "discrimination index", here as -1..1, not percent.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ItemStats:
    """How one question fared: attempts that drew it, facility, spread and discrimination."""

    key: Hashable
    count: int
    facility: float | None  # mean mark, 0..1; None when no attempt drew the question
    sd: float | None  # sample standard deviation of the mark; None below two attempts
    discrimination: float | None  # -1..1; None when either side has no variance


def mean(values: Sequence[float]) -> float | None:
    """Return the arithmetic mean, or None for no values."""
    return sum(values) / len(values) if values else None


def sample_sd(values: Sequence[float]) -> float | None:
    """Return the sample standard deviation (n - 1), or None below two values."""
    n = len(values)
    if n < 2:
        return None
    m = sum(values) / n
    return math.sqrt(sum((v - m) ** 2 for v in values) / (n - 1))


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Return Pearson's r of two equal-length series, or None when either has no variance."""
    if len(xs) != len(ys):
        raise ValueError("series of different lengths")
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    r = sxy / math.sqrt(sxx * syy)
    return max(-1.0, min(1.0, r))


def discrimination(marks: Sequence[float], totals: Sequence[float]) -> float | None:
    """Return the correlation between an item's marks and the rest of each attempt's total."""
    rest = [t - m for m, t in zip(marks, totals, strict=True)]
    return correlation(marks, rest)


def item_statistics(attempts: Iterable[Mapping[Hashable, float]]) -> dict[Hashable, ItemStats]:
    """Return the statistics of every question that appears in the attempts, in first-seen order."""
    marks: dict[Hashable, list[float]] = {}
    totals: dict[Hashable, list[float]] = {}
    for attempt in attempts:
        total = sum(attempt.values())
        for key, mark in attempt.items():
            marks.setdefault(key, []).append(mark)
            totals.setdefault(key, []).append(total)
    return {
        key: ItemStats(
            key=key,
            count=len(values),
            facility=mean(values),
            sd=sample_sd(values),
            discrimination=discrimination(values, totals[key]),
        )
        for key, values in marks.items()
    }


def most_missed(stats: Iterable[ItemStats], limit: int = 5) -> list[ItemStats]:
    """Return the questions with the lowest facility (ties: most attempts first)."""
    answered = [s for s in stats if s.facility is not None and s.facility < 1.0]
    answered.sort(key=lambda s: (s.facility, -s.count))
    return answered[:limit]
