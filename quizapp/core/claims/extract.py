"""Claims: each sentence of an article with who says it, its figures and its dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from quizapp.core.claims.attribution import Cue, find_cues
from quizapp.core.claims.cast import Cast
from quizapp.core.claims.figures import Figure, extract_figures
from quizapp.core.claims.frames import double_apostrophes
from quizapp.core.claims.speakers import (
    Speaker,
    SpeakerPhrase,
    known_source_head,
    read_speaker,
)
from quizapp.core.reading.sentences import split_sentences
from quizapp.core.text.dates import DateMention, extract_dates

#: named: a person or organisation; described: a role, group or document ("officials", "the
#: study"); vague: a marker without a source ("reportedly", "reports said"); none: no attribution.
STRENGTHS = ("named", "described", "vague", "none")
VAGUE_SPEAKER = Speaker("unnamed sources", "", "unnamed sources", (), "vague")


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


def extract_claims(text: str, *, year: int | None = None) -> list[Claim]:
    """Split `text` into claims: sentence, attribution, figures and dates, in reading order."""
    cast = Cast(text)
    pending: list[tuple[int, int, str, Cue | None, int | None]] = []
    seconds: list[list[tuple[Cue, int | None]]] = []
    quoting, last_end = False, 0
    for sentence in split_sentences(text):
        # a quotation left open goes on into the next paragraph only if that reopens it
        opened = quoting and ("\n" not in text[last_end : sentence.start]
                              or sentence.text[:1] in "“\"‘'")
        cue, entity, others = _choose_cue(cast, sentence.text, sentence.start, opened)
        seconds.append(others)
        if cue is None or cue.phrase is None or cue.phrase.kind not in ("pronoun", "person"):
            cast.notice(sentence.text, sentence.start)
        pending.append((sentence.start, sentence.end, sentence.text, cue, entity))
        quoting, last_end = quote_open_after(sentence.text, opened), sentence.end
    speakers = cast.speakers()
    claims = []
    attributions = [
        _attribution(start, end, cue, speakers[entity] if entity is not None else None)
        for start, end, _sentence, cue, entity in pending
    ]
    attributions = continue_quotes([p[2] for p in pending], attributions)
    attributions = carry_sources(text, pending, attributions)
    for (start, end, sentence, _cue, _entity), attribution, others in zip(
            pending, attributions, seconds, strict=True):
        attribution, more = _chain(start, end, sentence, attribution, others, speakers)
        claims.append(
            Claim(
                start=start,
                end=end,
                text=sentence,
                attribution=attribution,
                others=more,
                figures=tuple(extract_figures(sentence, start)),
                dates=tuple(extract_dates(sentence, start, year)),
            )
        )
    return claims


def _chain(start: int, end: int, sentence: str, attribution: Attribution,
           others: list[tuple[Cue, int | None]], speakers: list[Speaker]
           ) -> tuple[Attribution, tuple[Attribution, ...]]:
    """Return a sentence's attribution and its other sources: each speaker with its own part
    ("X said A, and Y said B": A is X's only), and the outlet a speaker told or was quoted by."""
    if attribution.strength not in ("named", "described"):
        return attribution, ()
    more: list[Attribution] = []
    names = {attribution.speaker.name.lower()} if attribution.speaker else set()
    for cue, entity in others:
        other = _attribution(start, end, cue, speakers[entity] if entity is not None else None)
        if other.strength not in ("named", "described") or other.speaker is None:
            continue
        if other.strength == "described" and not known_source_head(other.speaker.name):
            continue  # "Genetic evidence suggests": no second source
        if other.speaker.name.lower() in names or other.mention_start < 0:
            continue
        a = attribution
        if a.content_start <= other.mention_start < a.content_end:
            joint = _JOINT.search(sentence, 0, other.mention_start - start)
            if joint is None or joint.start() + start < a.content_start:
                continue  # a cue inside the reported words: "C, Y said" told by X
            attribution = a = replace(a, content_end=start + joint.start())
        if other.content_start <= a.mention_start < other.content_end:
            verb = sentence[other.cue_start - start : other.cue_end - start]
            if other.speaker.kind == "org" and re.search(r"\breport", verb) and \
                    other.mention_start > a.mention_start:  # "X said C, CNBC reported"
                names.add(other.speaker.name.lower())
                more.append(replace(other, frame="medium", medium="reported",
                                    content_start=a.content_start, content_end=a.content_end))
            continue
        names.add(other.speaker.name.lower())
        more.append(other)
    medium = attribution.medium
    if medium and attribution.frame in ("quoted", "preposed", "postposed"):
        phrase = read_speaker(medium)
        at = sentence.find(medium)
        if phrase is not None and phrase.kind in ("org", "person", "unknown") and at >= 0 and \
                phrase.name.lower() not in names and medium.split()[-1] != "me":
            outlet = Speaker(phrase.name, phrase.description, medium, (), "org", start + at)
            more.append(Attribution(outlet, "named", start, end, frame="medium",
                                    mention_start=start + at, mention_end=start + at + len(medium),
                                    content_start=attribution.content_start,
                                    content_end=attribution.content_end))
    return attribution, tuple(more)


#: A conjunction that hands a sentence to a second speaker ("X said A, but Y said B").
_JOINT = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;\s*(?:and|but)?|\s(?:and|but|while|"
                    r"whereas))\s+(?:\w+\s+){0,3}$")


def carry_sources(text: str, pending: list, attributions: list[Attribution]) -> list[Attribution]:
    """Give the figures that follow "According to X, ..." (or a report, study or survey's
    finding) in the same paragraph, with no source of their own, the source X: "According to
    the help line, 143 were on board. 16 boarded coach A1, 41 coach B1." (frame "context")."""
    result = _carry_poll(pending, list(attributions))
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
        if not _documents(lead):
            continue
        start, _end, sentence = pending[i][0], pending[i][1], pending[i][2]
        pointer = _POINTER.match(sentence)
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
                r"[,.!?][”\"’']\s+(?:he|she|they|[A-Z]\w+)\s", sentence):
            result[i] = Attribution(lead.speaker, lead.strength, here.start, here.end,
                                    frame="context", content_start=here.start,
                                    content_end=here.end)
    return result


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
    several sentences ("'The market is ready for a pause. We expect a pullback,' he added."), and
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
            if result[i].strength == "none":
                result[i] = _continued(result[i], tagged[0])
    for i, here in enumerate(result):
        if here.speaker is VAGUE_SPEAKER and here.mention_start >= 0:
            word = sentences[i][here.mention_start - here.start : here.mention_end - here.start]
            earlier = _described_before(result[max(0, i - 3) : i], word.lower())
            if earlier is not None:
                result[i] = replace(here, speaker=earlier.speaker, strength=earlier.strength)
            elif word.lower() in ("it", "they", "we"):  # a source exists, but not one we can name
                result[i] = Attribution(None, "none", here.start, here.end, frame="pronoun")
    for i in range(1, len(sentences)):
        before, here = result[i - 1], result[i]
        if (here.strength == "none" and _fully_quoted(sentences[i])
                and before.strength in ("named", "described")
                and (_QUOTE_MARKS.search(sentences[i - 1]) or before.frame in _SPEECH)):
            result[i] = _continued(here, before)
    for run in runs:  # an untagged quotation right after a speaker's quote or reported speech
        first = run[0]
        if first == 0 or sentences[first].lstrip()[:1] not in "“\"‘'":
            continue
        if any(result[i].strength != "none" for i in run):
            continue
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
            if pronoun == "it" and attribution.speaker.kind == "org":
                return attribution  # "The WHO said ... It said": the sentence just before
            return None  # the cast resolves he, she and they after a named source
        if attribution.strength == "described" and attribution.speaker:
            plural = attribution.speaker.mention.split()[-1].endswith("s")
            return attribution if plural == (pronoun == "they") else None
    return None


def _fully_quoted(sentence: str) -> bool:
    """Tell whether a sentence is one quotation, from its first mark to its last."""
    text = sentence.strip()
    return len(text) > 2 and text[0] in "“\"‘'" and text[-1] in "”\"’'" and len(text.split()) >= 4


def _continued(here: Attribution, tag: Attribution) -> Attribution:
    """Return an untagged sentence's attribution continuing the quotation of `tag`."""
    return Attribution(tag.speaker, tag.strength, here.start, here.end, frame="continued",
                       content_start=here.start, content_end=here.end)


def named_speakers(claims: list[Claim]) -> list[Speaker]:
    """Return the distinct named speakers of an article's claims, in order of first citation."""
    seen: dict[str, Speaker] = {}
    for claim in claims:
        speaker = claim.attribution.speaker
        if claim.attribution.strength == "named" and speaker and speaker.name not in seen:
            seen[speaker.name] = speaker
    return list(seen.values())


def _choose_cue(cast: Cast, sentence: str, offset: int, opened: bool = False
                ) -> tuple[Cue | None, int | None, list[tuple[Cue, int | None]]]:
    """Resolve every cue of a sentence against the cast; return the best cue, its entity and
    the other cues that name a source.

    A speaker beats a bare vague marker ("reportedly"), and an outer "C, X said" beats a cue
    inside its C ("Returns show C, the board said": the board is the source)."""
    ranked = _resolved(cast, sentence, offset, opened)
    if not ranked:
        return None, None, []
    best = min(ranked, key=lambda r: r[0])
    for rank, cue, entity in ranked:
        if rank <= best[0] + 0.5 and cue.frame == "postposed" and cue.phrase is not None and \
                best[1].frame != "postposed" and _holds(cue, best[1]):
            best = (rank, cue, entity)
            break
    others = [(c, e) for r, c, e in ranked if c is not best[1] and r <= 1 and c.phrase]
    return best[1], best[2], others


def _holds(outer: Cue, inner: Cue) -> bool:
    """Tell whether a cue lies inside the content of another."""
    return outer.content_start <= inner.cue_start < outer.content_end


def _resolved(cast: Cast, sentence: str, offset: int,
              opened: bool) -> list[tuple[float, Cue, int | None]]:
    """Return every cue of a sentence with its rank and resolved entity, first cue first."""
    found = []
    for cue in find_cues(sentence, opened):
        entity = None
        if cue.phrase is not None:
            owner = _possessor(sentence, cue)
            if owner is not None:
                cue = replace(cue, phrase=SpeakerPhrase(owner.group(1), "", owner.group(1), "org"))
            start = _locate(sentence, cue, offset) if owner is None else offset + owner.start()
            entity = cast.add(cue.phrase, start)
        rank = 0.0 if entity is not None else 1.5 if cue.phrase is None else (
            1.0 if cue.phrase.kind in ("vague", "pronoun", "anaphor") else 2.0)
        if cue.phrase is not None and cue.phrase.kind == "pronoun" and entity is None:
            rank = 1.5  # an unresolved "it said": no better than a vague marker
        found.append((rank, cue, entity))
    return found


#: Heads of "the company estimates" that refer to a business named in the same sentence.
_BUSINESS = frozenset("company firm maker carrier airline retailer lender insurer operator "
                      "club group manufacturer developer startup".split())
_POSSESSOR = re.compile(r"\b([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})[’']s\b")


def _possessor(sentence: str, cue: Cue) -> re.Match[str] | None:
    """Return the business a sentence names as owner ("SpaceX's Falcon 9 flew 134 times, according
    to the company"): "the company" there means it, not the last organisation cited."""
    phrase = cue.phrase
    if phrase is None or phrase.kind != "anaphor" or phrase.name not in _BUSINESS:
        return None
    found = _POSSESSOR.search(sentence)
    if found and found.group(1).split()[0] not in ("The", "A", "An", "Its", "Their"):
        return found
    return None


def _locate(sentence: str, cue: Cue, offset: int) -> int:
    """Return where the phrase's mention is written in the text, or -1."""
    assert cue.phrase is not None
    mention = cue.phrase.mention
    if not mention.split():
        return -1
    at = sentence.find(mention, max(cue.mention_start, 0))
    if at >= 0:
        return offset + at  # the common case, without compiling a pattern per mention
    pattern = r"\s+".join(re.escape(w) for w in mention.split())
    found = re.compile(pattern).search(sentence, max(cue.mention_start, 0))
    return offset + found.start() if found else -1


def _attribution(start: int, end: int, cue: Cue | None, speaker: Speaker | None) -> Attribution:
    """Build a claim's Attribution from its chosen cue and resolved speaker."""
    if cue is None:
        return Attribution(None, "none", start, end)
    if cue.phrase is not None and cue.phrase.kind == "pronoun" and speaker is None and \
            cue.phrase.name in ("he", "she"):
        # "He forecast growth" with no one to refer to: a source exists, but not one we can name
        return Attribution(None, "none", start, end, frame="pronoun")
    strength = "named" if speaker is not None and speaker.kind in ("person", "org") else "vague"
    if strength == "vague":
        speaker = _vague_speaker(cue, start + cue.mention_start if cue.mention_start >= 0 else -1)
        if speaker is not VAGUE_SPEAKER and not _unsourced(speaker.name):
            strength = "described"
    return Attribution(
        speaker=speaker,
        strength=strength,
        start=start,
        end=end,
        cue_start=start + cue.cue_start,
        cue_end=start + cue.cue_end,
        mention_start=start + cue.mention_start if cue.mention_start >= 0 else -1,
        mention_end=start + cue.mention_end if cue.mention_start >= 0 else -1,
        content_start=start + cue.content_start,
        content_end=start + cue.content_end,
        frame=cue.frame,
        medium=cue.medium,
    )


def _vague_speaker(cue: Cue, at: int = -1) -> Speaker:
    """Return a vague speaker named after its phrase ("South Korean officials") if it has one."""
    phrase = cue.phrase
    if phrase is None or phrase.kind == "pronoun":
        return VAGUE_SPEAKER
    return replace(VAGUE_SPEAKER, name=phrase.name, mention=phrase.mention, mention_start=at)


#: Heads and modifiers of a phrase that signals a source without giving one ("reports said",
#: "unnamed sources"): the reader cannot tell who.
_VAGUE_HEADS = frozenset("report reports source sources account accounts rumours rumors".split())
_VAGUE_MODS = frozenset(
    "early earlier initial unconfirmed media press local some unnamed anonymous other news "
    "several many various".split()
)


def _unsourced(name: str) -> bool:
    """Tell whether a described phrase names no one at all ("reports", "early reports")."""
    words = name.lower().split()
    return words[-1] in _VAGUE_HEADS and all(w in _VAGUE_MODS for w in words[:-1])
