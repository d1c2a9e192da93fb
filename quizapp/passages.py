"""Passages: a cited span of an article with some context around it, ready to highlight.

Pure functions over text and offsets (no Flask, no database): templates render
`before`, `<mark>marked</mark>` and `after`, each escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .core.reading.sentences import Sentence, split_sentences

CONTEXT_SENTENCES = 2


@dataclass(frozen=True)
class Passage:
    """A piece of an article split around the highlighted span."""

    before: str
    marked: str
    after: str
    start: int
    end: int
    clipped_before: bool = False
    clipped_after: bool = False


def valid_span(length: int, start: int | None, end: int | None) -> bool:
    """Return whether start..end is a non-empty span inside a text of `length` characters."""
    return start is not None and end is not None and 0 <= start < end <= length


def whole_text(text: str, start: int, end: int) -> Passage:
    """Return the whole text with start..end highlighted (the span must be valid)."""
    return Passage(text[:start], text[start:end], text[end:], start, end)


def passage(
    text: str,
    start: int,
    end: int,
    context: int = CONTEXT_SENTENCES,
    sentences: list[Sentence] | None = None,
) -> Passage:
    """Return the span with up to `context` sentences either side (an invalid span: no mark)."""
    if not valid_span(len(text), start, end):
        return Passage(text[:600], "", "", 0, 0, False, len(text) > 600)
    sentences = sentences if sentences is not None else split_sentences(text)
    inside = [i for i, s in enumerate(sentences) if s.end > start and s.start < end]
    if not inside:
        lo, hi = start, end
    else:
        lo = sentences[max(inside[0] - context, 0)].start
        hi = sentences[min(inside[-1] + context, len(sentences) - 1)].end
    lo, hi = min(lo, start), max(hi, end)
    return Passage(
        before=text[lo:start],
        marked=text[start:end],
        after=text[end:hi],
        start=start,
        end=end,
        clipped_before=lo > 0 and bool(text[:lo].strip()),
        clipped_after=hi < len(text) and bool(text[hi:].strip()),
    )


MARK = "(highlighted below)"
LEAD_IN_WORDS = 6  # fewer words than this before a removed quotation: a bare lead-in
_QUOTED = re.compile(r"\s*:?\s*(?:\"([^\"]*)\"|“([^”]*)”)")  # quotes pair in order


def squash(text: str) -> str:
    """Return text with its whitespace collapsed and casefolded, for comparison."""
    return " ".join(text.split()).casefold()


def without_cited_quotes(explanation: str, cited: list[str]) -> str:
    """Return an explanation without the quotations of the cited passages shown beside it.

    An explanation that quotes the evidence sentence word for word repeats the highlighted
    passage: each such quotation becomes "(highlighted below)"; other quotations stay.
    """
    passages = [squash(c) for c in cited if c.strip()]
    if not passages:
        return explanation

    def replace(match: re.Match) -> str:
        raw = match.group(1) or match.group(2) or ""
        quoted = squash(raw)
        if len(quoted) < 12:  # a title or a cue word, not a passage
            return match.group(0)
        # The quotation is the passage (or most of it), not a few words quoted from it, such as
        # the cue of a vague attribution ("it was suggested").
        if any(p in quoted or (quoted in p and len(quoted) >= 0.6 * len(p)) for p in passages):
            # keep the full stop that ended the quoted sentence: it ends this one too
            return " " + MARK + (raw.rstrip()[-1] if raw.rstrip()[-1] in ".!?" else "")
        return match.group(0)

    out = _QUOTED.sub(replace, explanation).strip()
    bare = out.removesuffix(".").removesuffix(MARK)
    if bare == out.removesuffix("."):
        return out  # the explanation does not end on a removed quotation
    if len(bare.split()) < LEAD_IN_WORDS:
        return ""  # only a lead-in to the quotation ("The article says:"): nothing to add
    return bare + MARK + "."
