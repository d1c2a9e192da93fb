"""A claim: one sentence of an article, with who it is attributed to, its figures and dates."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.core.claims.figures import Figure
from quizapp.core.claims.speakers import Speaker
from quizapp.core.text.dates import DateMention

#: named: a person or organisation; described: a role, group or document ("officials", "the
#: study"); vague: a marker without a source ("reportedly", "reports said"); none: no attribution.
STRENGTHS = ("named", "described", "vague", "none")
VAGUE_SPEAKER = Speaker("unnamed sources", "", "unnamed sources", (), "vague")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a sentence's claim is attributed to; offsets index the clean text, -1 when absent."""

    speaker: Speaker | None
    strength: str  # one of STRENGTHS
    start: int  # the sentence
    end: int
    cue_start: int = -1  # the cue: "according to", "said", "reportedly"
    cue_end: int = -1
    mention_start: int = -1  # the speaker as written in this sentence (may be "he")
    mention_end: int = -1
    content_start: int = -1  # what is reported, without the attribution
    content_end: int = -1
    frame: str = "none"
    medium: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence of an article: `text == source[start:end]`."""

    start: int
    end: int
    text: str
    attribution: Attribution
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    #: further sources of the sentence: "C, OCHA said, but other officials put it at N", "the
    #: IOM quoted him as saying" (the IOM reports his words)
    others: tuple[Attribution, ...] = ()

    @property
    def content(self) -> str:
        """Return what the sentence reports, without its attribution."""
        a = self.attribution
        if a.content_end > a.content_start >= 0:
            return self.text[a.content_start - self.start : a.content_end - self.start]
        return self.text
