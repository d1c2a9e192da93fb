"""Source prompts from a claim's own words: a continued quotation, speech whose subject pronoun
is the speaker, the content up to a phrase pointing outside it, and the sentence with its
speaker blanked (quoted with the sentence before when it leans on it)."""

from __future__ import annotations

import re
from dataclasses import replace

from quizapp.core.claims.cues import SAY_VERBS
from quizapp.core.claims.extract import Claim
from quizapp.core.questions.corpus import Article
from quizapp.core.questions.source_choices import mentions
from quizapp.core.questions.statements import EXCERPT, clause, dangling


def continued_quote(claim: Claim) -> str | None:
    """Return a sentence of continued quotation as a quote for a prompt ("“I want to …”"): its
    pronouns are the speaker's, so it reads on its own."""
    text = claim.text.strip().strip("“”\"‘’'").strip()
    tag = re.search(r"[,.!?]?[\"”’']\s+(?:he|she|they|it|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*)*)\s+"
                    r"(?:said|says|added|told|wrote)\b", text)
    if tag:
        text = text[: tag.start()].strip()  # "I was ready,” he said.": the words only
    if len(text.split()) < 5:
        return None
    if len(text) > EXCERPT:
        cut = text[:EXCERPT]
        text = cut[: cut.rfind(" ")].rstrip(" ,;:—–") + " …"
    return f"‘{text}’" if any(q in text for q in "\"“”") else f"“{text.rstrip('.')}”"


_SELF = re.compile(r"^(?:he|she|it|they)\b")


def self_reference(claim: Claim) -> str | None:
    """Return reported speech whose subject pronoun is the speaker ("she had waited an hour"),
    which reads on its own after "Who said that ...?", or None."""
    a = claim.attribution
    if a.frame not in ("preposed", "postposed") or a.content_end <= a.content_start:
        return None
    text = claim.content.strip().rstrip(".")
    if text.lower().startswith("it ") and (a.speaker is None or a.speaker.kind != "org"):
        return None  # "the analysis showed it is not X": "it" is the skull, not the analysis
    if not _SELF.match(text) or len(text.split()) < 4 or len(text) > 240:
        return None
    rest = _SELF.sub("X", text, count=1)
    return None if dangling(rest) else text


#: A phrase that points back to an earlier sentence: "in the same period", "at that time".
_POINTER_PHRASE = re.compile(r"\s+(?:(?:in|at|on|during|for|over|from|by)\s+)?"
                             r"(?:the same|that|this|these|those)\s+[a-z]+\b")


def before_pointer(claim: Claim, text: str) -> str | None:
    """Return the reported content up to a phrase that points outside the sentence ("75 people
    had been charged with fraud …" of "... charged in the same period, ..."), or None."""
    content = claim.content
    found = _POINTER_PHRASE.search(content)
    if found is None or len(content[: found.start()].split()) < 6:
        return None
    cut = clause(replace(claim, attribution=replace(
        claim.attribution, content_end=claim.attribution.content_start + found.start())), text)
    if cut and not cut.endswith("…"):
        cut = _DANGLING_TAIL.sub("", cut)  # "dipped 4% compared with [the same quarter]"
        return f"{cut} …" if len(cut.split()) >= 5 else None
    return cut


#: Words a cut leaves hanging at its end: "compared to", "than", "from", "in".
_DANGLING_TAIL = re.compile(r"(?:\s+(?:compared|compares|relative|(?:up|down)|to|with|than|"
                            r"from|of|in|on|at|for|by|over|during|since|the|a|an))+\s*$")


#: A document named by its kind alone, which a blank would ask for without a name to find.
_GENERIC_WORKS = frozenset("""report study statement survey poll figures data analysis review
    research paper document findings estimates statistics numbers letter""".split())


def previous_sentence(article: Article, claim: Claim) -> Claim | None:
    """Return the sentence right before a claim in its article, or None."""
    before = [c for c in article.claims if c.end <= claim.start]
    return before[-1] if before else None


def source_cloze(claim: Claim, forms: list[str], context: Claim | None = None,
                 answer: str = "") -> str | None:
    """Ask for the speaker blanked out of the claim sentence, or None. When the words before the
    blank lean on an earlier sentence ("This development was reported by ___"), quote that
    sentence too, provided it reads on its own and does not name the speaker. An `answer` that
    ends the mention is all the blank holds ("the head of the rescue team ___ said")."""
    a = claim.attribution
    if a.mention_start < 0:
        return None
    lo, hi = a.mention_start - claim.start, a.mention_end - claim.start
    if answer and len(answer) < hi - lo and claim.text[lo:hi].endswith(" " + answer) and not (
            re.fullmatch(r"(?i)\s*(?:the|an?)\s*", claim.text[lo : hi - len(answer)])):
        lo = hi - len(answer)  # (never "An ___ told" of "An Ethiopian man named Mohamed")
    possessive = re.match(r"’s|'s|’|'", claim.text[hi:])
    if possessive:
        hi += possessive.end()  # "while ___ latest count stood at 187", not "___' latest"
    blanked = re.sub(r"^(?:the|a|an|this|its)\s+", "", claim.text[lo:hi].strip(), flags=re.I)
    if blanked.lower() in _GENERIC_WORKS:
        return None  # "... fewer students than expected, ___ says": "the report" tests nothing
    text = claim.text[:lo] + "___" + claim.text[hi:]
    if mentions(text, forms) or len(text) > 320:
        return None
    who = "Who is the source" if tells(claim) else "Who is"  # "___ declined to testify":
    # the subject of an act, no source of a claim
    if not dangling(text[: text.index("___")]):
        return f'{who} left out of this sentence from the article: "{text}"?'
    if context is None or dangling(context.text) or mentions(context.text, forms) or len(
            context.text) + len(text) > 420 or '"' in context.text:
        return None  # "One of them, ___, said": who are "them"?
    return f'{who} left out of this passage from the article: "{context.text} {text}"?'


#: Cue words that tell what someone says, reports, estimates or finds (of SAY_VERBS, the acts
#: are left out: asking, urging, pledging, apologising, conceding, blaming, rejecting).
_TELLING = frozenset(SAY_VERBS) - frozenset("""asked encouraged encourages apologised apologized
    conceded concedes concede maintained maintains advised advises vowed vows pledged pledges
    promised promises rejected rejects blamed blames accused accuses urged urges urge""".split()
) | {"cited", "cites", "gave", "gives"}  # "X cited the death toll as 194" (a cue only so)
#: A cue that says nothing was said: "has not yet confirmed", "refused to confirm".
_NEGATED_CUE = re.compile(r"\b(?:not|never|refused|refuses|declined|declines|unable|yet)\b")


def tells(claim: Claim) -> bool:
    """Tell whether the cue of a claim reports what its subject says, estimates or finds ("the
    ministry said", "researchers found"), not an act ("the committee decided to keep the rate",
    "the firm encouraged customers to", "the office has not yet confirmed")."""
    a = claim.attribution
    if a.cue_start < 0 or a.frame not in ("preposed", "postposed"):
        return True  # "the toll given by ___", "figures from ___": a source by its frame
    cue = claim.text[max(a.cue_start - claim.start, 0) : a.cue_end - claim.start]
    return not _NEGATED_CUE.search(cue) and any(w in _TELLING for w in cue.split())
