"""Attribution from context: quotations that run over several sentences, "It said" for the
source before, and figures that go on from "According to X" or a poll in the sentences after."""

from __future__ import annotations

import re
from dataclasses import replace

from quizapp.core.claims.claim import VAGUE_SPEAKER, Attribution
from quizapp.core.claims.frames import double_apostrophes
from quizapp.core.claims.neighbours import carry_neighbours, group_before, nearer_described
from quizapp.core.text.countries import is_country


def carry_sources(text: str, pending: list, attributions: list[Attribution]) -> list[Attribution]:
    """Give the figures that follow "According to X, ..." (or a report, study or survey's
    finding) in the same paragraph, with no source of their own, the source X: "According to
    the help line, 143 were on board. 16 boarded coach A1, 41 coach B1." (frame "context")."""
    result = carry_neighbours(text, pending, _carry_poll(pending, list(attributions)))
    for i in range(1, len(result)):
        before, here = result[i - 1], result[i]
        if here.strength != "none" or not before.speaker or before.strength not in (
                "named", "described"):
            continue
        lead = before if before.frame != "context" else None
        if lead is None:
            lead_index = i - 1
            while lead_index > 0 and result[lead_index].frame == "context":
                lead_index -= 1
            lead = result[lead_index]
        start, _end, sentence = pending[i][0], pending[i][1], pending[i][2]
        pointer = _POINTER.match(sentence)
        if not _documents(lead) and not (pointer and before is lead and _ESTIMATE.fullmatch(
                text[lead.cue_start : lead.cue_end].split()[-1] if lead.cue_end > lead.cue_start
                else "")):
            continue  # but "X estimates a rise to £2,000. That means 66pc": X's sums
        if _QUOTE_MARKS.search(sentence) or ("\n" in text[pending[i - 1][1] : start] and not (
                before is lead and pointer)):
            continue  # someone's words, or a new paragraph that does not point back ("This was")
        if not (_FIGURE.search(sentence) or pointer) or re.match(
                r"\s*(?:But|However|Yet|Meanwhile)\b", sentence):
            continue
        result[i] = Attribution(before.speaker, before.strength, here.start, here.end,
                                frame="context", content_start=here.start,
                                content_end=here.end)
    return result


#: Verbs of a source's own sums, whose consequences a pointer sentence goes on giving.
_ESTIMATE = re.compile(r"estimat\w*|forecasts?|predict\w*|project(?:s|ed|ing)|calculat\w*|"
                       r"expect(?:s|ed)")
_PERCENT = re.compile(r"\d\s?(?:%|per\s?cent\b|percent\b)")
_POLL_WORDS = frozenset("poll polls survey surveys".split())


def _carry_poll(pending: list, result: list[Attribution]) -> list[Attribution]:
    """In a poll story, whose opening sentences cite the poll ("..., according to a new X poll"),
    give its later bare percentages ("77% of Democrats have ...", "42% say ...") the poll."""
    lead = next((a for a, p in zip(result[:3], pending, strict=False)
                 if a.strength in ("named", "described") and a.speaker and a.mention_start >= 0
                 and _POLL_WORDS & set(p[2][a.mention_start - p[0] : a.mention_end - p[0]]
                                       .lower().split())), None)
    if lead is None:
        return result
    for i in range(result.index(lead) + 1, len(result)):
        here, sentence = result[i], pending[i][2]
        if here.strength == "none" and _PERCENT.search(sentence) and not re.search(
                r"[,.!?][”\"’']\s+(?:he|she|they|[A-ZÀ-ÖØ-ÞĀ-Ž]\w+)\s", sentence) and not (
                _OTHER_SOURCE.search(sentence)):  # "Odds on betting site X priced in 76%"
            result[i] = Attribution(lead.speaker, lead.strength, here.start, here.end,
                                    frame="context", content_start=here.start,
                                    content_end=here.end)
    return result


#: A sentence naming a source of its own by what it is: "betting website X", "rival pollster Y".
_OTHER_SOURCE = re.compile(
    r"\b(?:website|site|bookmakers?|pollsters?|firm|company|newspaper|broadcaster|agency|"
    r"exchange|market|markets|index)\s+[A-ZÀ-ÖØ-ÞĀ-Ž]|\b(?:odds|bookmakers|betting|markets)\b", re.I)


_FIGURE = re.compile(r"\d")
#: A sentence that points back at the figures before it: "This was a rise of 9%", "These
#: figures exclude ...", "That compares with ...".
_POINTER = re.compile(
    r"\s*(?:This|These|That|Those)(?:\s+(?:figures?|data|numbers?|statistics|results?|rise|"
    r"increase|fall|drop|decline|estimates?|total))?\s+(?:was|were|is|are|represents?|"
    r"marks?|means?|compares?|compared|excludes?|excluded|includes?|included|shows?|showed)\b")
_DOCUMENT_WORDS = frozenset(
    "report reports study studies survey surveys poll polls figures data statistics census "
    "analysis estimates records manifest line helpline".split())


def _documents(lead: Attribution) -> bool:
    """Tell whether an attribution cites a document or a record ("according to", "figures
    from", "the study found"), whose figures the next sentences may go on giving."""
    if lead.frame in ("according", "by"):
        return True
    words = (lead.speaker.name if lead.speaker else "").lower().split()
    return bool(words) and words[-1] in _DOCUMENT_WORDS


def continue_quotes(sentences: list[str], attributions: list[Attribution]) -> list[Attribution]:
    """Give the sentences of a quotation the speaker its tag names: a quote that runs over
    several sentences ("'Demand is slowing. We expect a quieter summer,' he added."), and
    a fully quoted paragraph right after a quoted speaker's, with no tag of its own."""
    result = list(attributions)
    runs: list[list[int]] = []
    inside = False
    for i, sentence in enumerate(sentences):
        if inside and runs:
            runs[-1].append(i)
        else:
            runs.append([i])
        inside = quote_open_after(sentence, inside)
    for run in runs:
        tagged = [result[i] for i in run if result[i].strength in ("named", "described")
                  and result[i].frame != "continued"]
        if len(run) < 2 or not tagged:
            continue
        speakers = {a.speaker.name for a in tagged if a.speaker}
        if len(speakers) != 1:
            continue
        for i in run:
            if result[i].strength == "none" and result[i].frame != "pronoun":
                result[i] = _continued(result[i], tagged[0])  # never a sentence with its own tag
    for i, here in enumerate(result):
        if here.speaker is VAGUE_SPEAKER and here.mention_start >= 0:
            word = sentences[i][here.mention_start - here.start : here.mention_end - here.start]
            earlier = _described_before(result[max(0, i - 3) : i], word.lower())
            if earlier is None and word.lower() in ("they", "it") and i > 0:
                earlier = group_before(sentences[i - 1], result[i - 1], word.lower(), frozenset(
                    a.speaker.name for a in result[:i] if a.speaker is not None
                    and a.speaker.kind == "org"))
            if earlier is not None:
                result[i] = replace(here, speaker=earlier.speaker, strength=earlier.strength)
            elif word.lower() in ("it", "they", "we"):  # a source exists, but not one we can name
                result[i] = Attribution(None, "none", here.start, here.end, frame="pronoun")
        elif here.strength == "named" and here.mention_start >= 0 and sentences[i][
                here.mention_start - here.start : here.mention_end - here.start].lower() in (
                "he", "she"):  # "..., the military source said. '...,' she said": the source
            nearer = nearer_described(result[max(0, i - 3) : i], here)
            if nearer is not None:
                result[i] = replace(here, speaker=nearer.speaker, strength=nearer.strength)
    for i in range(1, len(sentences)):
        before, here = result[i - 1], result[i]
        if (here.strength == "none" and here.frame != "pronoun" and _fully_quoted(sentences[i])
                and before.strength in ("named", "described")
                and (_QUOTE_MARKS.search(sentences[i - 1]) or before.frame in _SPEECH)):
            result[i] = _continued(here, before)
    for run in runs:  # an untagged quotation right after a speaker's quote or reported speech
        first = run[0]
        if first == 0 or sentences[first].lstrip()[:1] not in "“\"‘'":
            continue
        if any(result[i].strength != "none" or result[i].frame == "pronoun" for i in run):
            continue  # tagged, if only by a pronoun we cannot resolve ("she said")
        before = result[first - 1]
        if before.strength in ("named", "described") and (
                before.frame in _SPEECH or _QUOTE_MARKS.search(sentences[first - 1])):
            for i in run:
                result[i] = _continued(result[i], before)
    return result


#: Frames of a speaker's own words ("X said", "..., said X"), which a next quotation goes on.
_SPEECH = frozenset(("preposed", "postposed", "continued"))


_QUOTE_MARKS = re.compile(r"[“”\"]|(?:^|\s)[‘']\w")


_QUOTE_CHAR = re.compile(r"[“”\"‘’']")


def quote_open_after(sentence: str, inside: bool) -> bool:
    """Tell whether a double or single quotation is still open after a sentence."""
    single = False
    sentence = double_apostrophes(sentence)
    for found in _QUOTE_CHAR.finditer(sentence):
        i, ch = found.start(), found.group()
        before = sentence[i - 1] if i else " "
        after = sentence[i + 1] if i + 1 < len(sentence) else " "
        if ch == "“":
            inside = True
        elif ch == "”":
            inside = False
        elif ch == '"':
            inside = not (before.strip() and inside) if before.isspace() or not i else False
        elif ch in "‘'" and (before.isspace() or not i) and after.isalnum():
            single = True
        elif ch in "’'" and single and not before.isspace() and not after.isalnum():
            single = False
    return inside or single


def _described_before(earlier: list[Attribution], pronoun: str) -> Attribution | None:
    """Return the described source a pronoun speaker refers to ("The telco said ... It said"):
    the latest one before it whose number agrees ("it" a singular, "they" a plural)."""
    if pronoun not in ("it", "they"):
        return None
    for attribution in reversed(earlier):
        if attribution.strength in ("none", "vague"):
            continue  # a sentence between without a source: "It said" goes further back
        if attribution.strength == "named" and attribution.speaker is not None:
            if pronoun == "it" and (attribution.speaker.kind == "org" or is_country(
                    attribution.speaker.name)):
                return attribution  # "The WHO said ... It said": the sentence just before
            if pronoun == "it" and attribution.speaker.kind == "person":
                continue  # "It said" is no person: the body named before
            return None  # the cast resolves he, she and they after a named source
        if attribution.strength == "described" and attribution.speaker:
            plural = _plural_head(attribution.speaker.mention)
            if plural == (pronoun == "they"):
                return attribution
            if pronoun == "they":
                return None
            # "Acme reported ... Analysts had expected ... It said": not the analysts
    return None


def _plural_head(mention: str) -> bool:
    """Tell whether a described source is plural by its head, before what qualifies it
    ("analysts polled by the agency", "people familiar with the talks")."""
    head = (_QUALIFIER.split(mention, maxsplit=1)[0].split() or [""])[-1].lower()
    return head.endswith("s") or head in ("people", "police", "staff", "personnel")


_QUALIFIER = re.compile(r"\s+(?:polled|surveyed|questioned|interviewed|familiar|close|briefed|"
                        r"involved|with|at|in|of|from|for|on|who|that)\b")


def _fully_quoted(sentence: str) -> bool:
    """Tell whether a sentence is one quotation, from its first mark to its last."""
    text = sentence.strip()
    return len(text) > 2 and text[0] in "“\"‘'" and text[-1] in "”\"’'" and len(text.split()) >= 4


def _continued(here: Attribution, tag: Attribution) -> Attribution:
    """Return an untagged sentence's attribution continuing the quotation of `tag`."""
    return Attribution(tag.speaker, tag.strength, here.start, here.end, frame="continued",
                       content_start=here.start, content_end=here.end)
