"""Figure prompts from the sentence's own words: "According to X, how many things VERB ...?" and
"What figure do X estimates place N at?"."""

from __future__ import annotations

import re

from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.capitals import lower_described
from quizapp.core.questions.phrasing import subject_phrase
from quizapp.core.questions.statements import clause, common_word

_AUXILIARY = frozenset("has have had will would could may might should can is are was were "
                      "did do does".split())


def how_many_prompt(claim: Claim, figure: Figure, label: str) -> str | None:
    """Turn "[qualifier] N things VERB ..." into "According to X, how many things VERB ...?"."""
    content = clause(claim)
    if content is None or not figure.noun or figure.unit != figure.noun:
        return None
    if not content.lower().startswith(figure.text.lower() + " " + figure.noun.lower()):
        return None
    rest = content[len(figure.text) :].strip()
    verb = rest[len(figure.noun) :].split()[:2]
    if verb[:1] and verb[0].lower() in ("who", "that", "which"):
        verb = verb[1:]  # "how many people who were killed ... had been identified?"
    if not verb or not _FINITE.fullmatch(verb[0].lower()):
        return None  # "how many seats based on strong rural support?": no verb
    others = [f.number_text for f in claim.figures if f is not figure]
    cut = _ASIDE.search(rest)
    if cut and any(n in rest[cut.start() :] for n in others) and not any(
            n in rest[: cut.start()] for n in others):
        rest = rest[: cut.start()]  # "... since 2015, over 30 of which were launched ...":
        # the aside with the other figure goes
    rest = rest.split("; ", 1)[0]  # "... on Friday; and more were feared lost on a second
    # ferry": a semicolon ends the figure's clause
    if len(rest.split()) < 3 or any(f.number_text in rest for f in claim.figures):
        return None  # "how many workers stayed away and 38 ships waited?": one figure a time
    return f"According to {label}, how many {rest}?"


_ASIDE = re.compile(r",\s|;\s|\s[–—-]\s")


_FINITE = re.compile(r"(?!(?:based|aged|located|called|named|known|including|excluding)$)"
                     r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|"
                     r"should|did|do|does|died|remain|remained|[a-z]+ed|fell|rose|went|came|"
                     r"left|took|made|lost|won|saw|got|ran|fled|hit|put|set|held|met|stood)")


def estimate_at_prompt(claim: Claim, figure: Figure, article_text: str = "") -> str | None:
    """Turn "X estimates place N at F" into "What figure do X estimates place N at?"."""
    a = claim.attribution
    if a.cue_start < 0 or a.mention_start < 0:
        return None
    cue = claim.text[a.cue_start - claim.start : a.cue_end - claim.start].split()
    if not cue or cue[-1].lower() not in ("place", "places", "put", "puts"):
        return None
    tail = claim.text[a.cue_end - claim.start : figure.start - claim.start]
    found = re.fullmatch(r"\s+(?P<np>[^,;]{3,80}?)\s+at\s+", tail)
    if not found or figure.end > a.content_end:
        return None
    if re.fullmatch(r"(?i)(?:the|that|this|its|their)\s+(?:figure|number|total|count|tally)",
                    found.group("np")):
        return None  # "put the figure at 7.5 million": which figure? Quote the sentence
    subject = subject_phrase(claim.text[a.mention_start - claim.start : a.cue_start - claim.start])
    if common_word(subject, article_text):
        subject = subject[0].lower() + subject[1:]
    elif a.strength == "described":
        subject = lower_described(subject, article_text)  # "Railway officials" opened it
    verb = cue[-1].lower()
    adverbs = " ".join(w for w in cue[:-1] if w.lower() not in _AUXILIARY)
    subject = f"{subject} {adverbs}" if adverbs else subject  # "had X earlier put", not
    cue = [w for w in cue[:-1] if w.lower() in _AUXILIARY] + cue[-1:]  # "had earlier X put"
    if len(cue) > 1:
        aux = " ".join(cue[:-1])
    else:
        aux = "does" if verb.endswith("s") else "did" if verb == "put" else "do"  # "put": past
        verb = verb.rstrip("s") if verb.endswith("s") and verb != "puts" else verb
        verb = "put" if verb == "puts" else verb
    return f"What figure {aux} {subject} {verb} {found.group('np')} at?"
