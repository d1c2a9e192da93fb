"""When "No source given" is a safe key: a sentence that names no source, in a passage that
gives it none either. A reader may take a sentence's source from the sentences around it (the
report cited before, the poll the story is about), from a possessive ("analysts' forecasts",
"Wall Street's bets") or from a passive ("deaths were reported"); in any of those the key would
be doubtful, and a doubtful key is worse than no question."""

from __future__ import annotations

import re
from bisect import bisect_left

from quizapp.core.claims.claim import Claim
from quizapp.core.questions.corpus import Article

#: Words that signal a source or a sourced figure somewhere in the sentence.
_SOURCE_WORDS = re.compile(
    r"\b(?:accord(?:ing|ed)|analysts?|economists?|experts?|forecasts?|forecast(?:ed|ing)?|"
    r"estimates?|estimated|expectations?|expected|predict(?:ed|ions?|s)?|projections?|"
    r"projected|consensus|bets?|markets?|polls?|polled|surveys?|surveyed|respondents?|"
    r"voters?|report(?:s|ed|ing)?|records?|recorded|figures?|data|statistics|census|count(?:ed)?|"
    r"tally|official(?:s|ly)?|authorities|police|spokes(?:man|woman|person)|sources?|"
    r"confirm(?:s|ed)?|announc(?:ed|es|ement)|statement|quoted|cited|claim(?:s|ed)?|"
    r"say(?:s|ing)?|said|told|called|described|believed|thought|found|shows?|showed|"
    r"study|research(?:ers)?|according|reportedly|allegedly)\b", re.I)
#: A sentence that leans on the one before: "However, ...", "This was ...", "Among them, ...".
_LEANS_BACK = re.compile(
    r"\s*(?:However|But|And|Also|Meanwhile|Among|Of\s+(?:those|these|them)|This|That|These|"
    r"Those|It|They|Its|Their|He|She|His|Her|The\s+(?:rest|remainder|others?|figure|number|"
    r"total|rate|share|proportion))\b")
_QUOTE = re.compile(r"[“”\"]|(?:^|\s)[‘']\w")


def surely_unsourced(article: Article, claim: Claim) -> bool:
    """Tell whether a sentence that names no source gives its reader no source to infer."""
    text = claim.text
    if _QUOTE.search(text) or _SOURCE_WORDS.search(text) or _LEANS_BACK.match(text):
        return False
    claims = article.claims
    at = bisect_left(claims, claim.start, key=lambda c: c.start)
    after = claim.start
    for before in reversed(claims[max(0, at - 2) : at]):
        if "\n" in article.source.text[before.end : after]:
            break  # a new paragraph: what came before is no context
        if before.attribution.strength != "none":
            return False  # a source just before may go on: "According to the report, ..."
        after = before.start
    nxt = claims[at + 1] if at + 1 < len(claims) and claims[at] is claim else None
    if nxt is not None and "\n" not in article.source.text[claim.end : nxt.start] and (
            nxt.attribution.strength in ("named", "described")) and (
            nxt.attribution.frame == "postposed"):
        return False  # "More than 30 were hurt. Four are critical, railway officials said.":
        # a tag closing the next sentence may cover this one too
    if nxt is not None and nxt.attribution.strength != "none" and re.match(
            r"\s*(?:That|This|These|Those|It)(?:[’']s)?\b", nxt.text):
        return False  # "194,600 migrants have fled. That's double the number of 2015,
        # according to the IOM": the source of the next sentence's comparison is this one's
    return not any(_DOCUMENT.search(c.text) for c in claims[:4])  # a story about a report,
    # a study or a poll: its bare figures are the document's


#: A document a story may be about, whose figures its later sentences go on giving.
_DOCUMENT = re.compile(r"\b(?:polls?|surveys?|study|studies|report|reports|research|figures|data|"
                       r"statistics|census|analysis|review|audit|results|index)\b", re.I)
