"""Figures of a list that say their noun once: "Nine deaths were reported in Ohio, four in Iowa,
two in Utah" (four deaths, two deaths)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.core.claims.figure_build import Figure

_LIST_GAP = re.compile(r"[^.;:()]*(?:,\s*(?:and\s+)?|\s+and\s+)")
_PLACE_AFTER = re.compile(r"\s+(?:in|at|from|for|on)\s+(?:the\s+)?[A-Z]")


def elided(sentence: str, figures: list[Figure], offset: int) -> list[Figure]:
    """Give a figure of a list its noun when the noun is said only once: "Nine deaths were
    reported in Ohio, four in Iowa, two in Utah" (four deaths, two deaths)."""
    for i in range(1, len(figures)):
        here, before = figures[i], figures[i - 1]
        if here.noun or here.unit or not before.noun or before.noun_before or before.unit != \
                before.noun or not _PLACE_AFTER.match(sentence, here.end - offset):
            continue
        if _LIST_GAP.fullmatch(sentence, before.end - offset, here.start - offset):
            figures[i] = replace(here, noun=before.noun, unit=before.unit, topic=before.topic)
    return figures
