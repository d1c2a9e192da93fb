"""Figures of a list that say their noun once: "Nine deaths were reported in Ohio, four in Iowa,
two in Utah" (four deaths, two deaths)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.core.claims.figure_build import Figure

_LIST_GAP = re.compile(r"[^.;:()]*(?:,\s*(?:and\s+)?|\s+and\s+)")
_PLACE_AFTER = re.compile(r"\s+(?:in|at|from|for|on)\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž]")
_NAME_BEFORE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:in\s+|at\s+|for\s+)?"
                          r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*\s+){1,4}$")  # "..., in Avonshire 61"


def elided(sentence: str, figures: list[Figure], offset: int) -> list[Figure]:
    """Give a figure of a list its noun when the noun is said only once: "Nine deaths were
    reported in Ohio, four in Iowa, two in Utah" (four deaths, two deaths)."""
    for i in range(1, len(figures)):
        here, before = figures[i], figures[i - 1]
        if here.noun or here.unit or not before.noun or before.noun_before or before.unit != \
                before.noun:
            continue
        named_before = _NAME_BEFORE.search(sentence, 0, here.start - offset)
        if not (_PLACE_AFTER.match(sentence, here.end - offset) or named_before):
            continue
        gap_end = named_before.start() if named_before and not _PLACE_AFTER.match(
            sentence, here.end - offset) else here.start - offset
        gap = sentence[before.end - offset : gap_end]
        if (_LIST_GAP.fullmatch(gap) if gap_end == here.start - offset else not re.search(
                r"[.;:()]", gap)):
            figures[i] = replace(here, noun=before.noun, unit=before.unit, topic=before.topic)
    return figures
