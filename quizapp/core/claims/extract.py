"""Claims: each sentence of an article with who says it, its figures and its dates."""

from __future__ import annotations

import re
from dataclasses import replace

from quizapp.core.claims.attribution import Cue, find_cues
from quizapp.core.claims.cast import Cast
from quizapp.core.claims.claim import STRENGTHS, VAGUE_SPEAKER, Attribution, Claim
from quizapp.core.claims.context import carry_sources, continue_quotes, quote_open_after
from quizapp.core.claims.figures import extract_figures
from quizapp.core.claims.speakers import (
    Speaker,
    SpeakerPhrase,
    known_source_head,
    read_speaker,
)
from quizapp.core.reading.sentences import split_sentences
from quizapp.core.text.dates import extract_dates

__all__ = ["STRENGTHS", "VAGUE_SPEAKER", "Attribution", "Claim", "extract_claims",
           "named_speakers"]


def extract_claims(text: str, *, year: int | None = None, month: int | None = None
                   ) -> list[Claim]:
    """Split `text` into claims: sentence, attribution, figures and dates, in reading order."""
    cast = Cast(text)
    pending: list[tuple[int, int, str, Cue | None, int | None]] = []
    seconds: list[list[tuple[Cue, int | None]]] = []
    quoting, last_end = False, 0
    for sentence in split_sentences(text):
        # a quotation left open goes on into the next paragraph only if that reopens it
        opened = quoting and ("\n" not in text[last_end : sentence.start]
                              or sentence.text[:1] in "“\"‘'")
        subject = _NAMED_SUBJECT.match(sentence.text) if _OWN_PRONOUN.search(
            sentence.text) else None
        if subject:  # "Virginia Absom wept as she told how ...": she is the sentence's subject
            cast.notice_subject(subject.group(1), sentence.start)
        cue, entity, others = _choose_cue(cast, sentence.text, sentence.start, opened)
        seconds.append(others)
        if cue is None or cue.phrase is None or cue.phrase.kind not in ("pronoun", "person"):
            cast.notice(sentence.text, sentence.start)
        pending.append((sentence.start, sentence.end, sentence.text, cue, entity))
        quoting, last_end = quote_open_after(sentence.text, opened), sentence.end
    speakers = cast.speakers()
    claims = []
    attributions = [
        _attribution(start, end, cue, speakers[entity] if entity is not None else None, sentence)
        for start, end, sentence, cue, entity in pending
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
                dates=tuple(extract_dates(sentence, start, year, month)),
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
        other = _attribution(start, end, cue, speakers[entity] if entity is not None else None,
                             sentence)
        if other.strength not in ("named", "described") or other.speaker is None:
            continue
        if other.frame == "relaying":  # "C, the Journal reported, citing X": it reports X
            names.add(other.speaker.name.lower())
            more.append(replace(other, frame="medium", medium="reported",
                                content_start=attribution.content_start,
                                content_end=attribution.content_end))
            continue
        if other.strength == "described" and not known_source_head(other.speaker.name):
            continue  # "Genetic evidence suggests": no second source
        if other.speaker.name.lower() in names or other.mention_start < 0:
            continue
        a = attribution
        if a.content_start <= other.mention_start < a.content_end:
            if _reported(sentence, start, a, other):
                names.add(other.speaker.name.lower())  # "X said C, according to Y": both
                stop = max(other.content_start, a.cue_start - 1 if a.frame == "according"
                           else a.mention_start - 1)
                while stop > other.content_start and sentence[stop - start - 1] in " ,;—":
                    stop -= 1
                more.append(replace(other, content_end=min(other.content_end, stop)))
                continue
            if other.frame == "according" and other.speaker.kind == "org" and _OUTLET.search(
                    sentence[other.mention_start - start : other.mention_end - start]) and (
                    other.mention_start > a.mention_start >= 0):
                names.add(other.speaker.name.lower())  # '"C," X told Y, according to news
                more.append(replace(other, frame="medium", medium="reported",  # agency Z'
                                    content_start=other.content_start,
                                    content_end=other.content_end))
                stop = other.cue_start
                while stop > a.content_start and sentence[stop - start - 1] in " ,;—":
                    stop -= 1
                if a.content_start < stop < a.content_end:  # "X says C, according to AP": C
                    attribution = replace(a, content_end=stop)
                continue
            joint = _JOINT.search(sentence, 0, other.mention_start - start)
            if joint is None or joint.start() + start < a.content_start:
                continue  # a cue inside the reported words: "C, Y said" told by X
            attribution = a = replace(a, content_end=start + joint.start())
        if other.content_start <= a.mention_start < other.content_end:
            verb = sentence[other.cue_start - start : other.cue_end - start]
            relayed = other.frame == "according" and _OUTLET.search(
                sentence[other.mention_start - start : other.mention_end - start])
            if other.speaker.kind == "org" and (re.search(r"\breport", verb) or relayed) and \
                    other.mention_start > a.mention_start:  # "X said C, CNBC reported", "X
                # told Y C, according to news agency Interfax"
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
        if phrase is not None and phrase.kind == "vague" and _BROADCAST.search(medium):
            phrase = replace(phrase, kind="org")  # "told HaberTurk television": an outlet
        if phrase is not None and phrase.kind in ("org", "person", "unknown") and at >= 0 and \
                phrase.name.lower() not in names and medium.split()[-1] != "me":
            outlet = Speaker(phrase.name, phrase.description, medium, (), "org", start + at)
            how = re.search(rf"\b(quoted|cited|seen|obtained|reviewed)\s+by\s+{re.escape(medium)}",
                            sentence)  # "X, quoted by the Tribune, said": the outlet quotes X
            how = "" if how is None else "quoted" if how.group(1) in ("quoted", "cited") else \
                "reported"
            more.append(Attribution(outlet, "named", start, end, frame="medium", medium=how,
                                    mention_start=start + at, mention_end=start + at + len(medium),
                                    content_start=attribution.content_start,
                                    content_end=attribution.content_end))
    return attribution, tuple(more)


def _reported(sentence: str, start: int, outer: Attribution, inner: Attribution) -> bool:
    """Tell whether a speaker opens the words an outlet or document reports: "X said C,
    according to Y", "X told reporters C, the paper reported" (X said it, Y reports it)."""
    if outer.frame not in ("according", "postposed") or inner.frame != "preposed" or \
            outer.mention_start < inner.mention_end:
        return False
    verb = sentence[inner.cue_start - start : inner.cue_end - start].split()[-1:]
    if not verb or verb[0] not in _SPOKE:
        return False  # "Returns show C, the board said": the board's finding, not a chain
    lead = sentence[outer.content_start - start : inner.mention_start - start]
    return not lead.strip(" “”\"‘’'") and not _QUOTE_OPEN.search(
        sentence, 0, inner.mention_start - start)


_QUOTE_OPEN = re.compile(r"[“\"]")
_SPOKE = frozenset("""said says told tells added adds warned warns claimed claims argued argues
    stated states insisted insists stressed stresses admitted admits explained explains expected
    forecast predicted estimated described describes recounted recounts conceded concedes
    confirmed confirms reported reports""".split())

#: An outlet named with what it is: "HaberTurk television", "Radio Valdor", "state TV".
_BROADCAST = re.compile(r"^(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&-]*)*\s+(?:television|TV|radio|"
                        r"newspaper|daily|channel|news\s+agency|broadcaster)$")
#: A conjunction that hands a sentence to a second speaker ("X said A, but Y said B").
_JOINT = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;\s*(?:and|but)?|\s(?:and|but|while|"
                    r"whereas))\s+(?:\w+\s+){0,3}$")

#: A person named in full opening a sentence, then a verb: "Virginia Absom could not ...".
_NAMED_SUBJECT = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž][a-z’'-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-z’'-]+){1,2})\s+(?!said\b|says\b|"
                            r"told\b)(?:[a-z]+)\b")
#: A pronoun speaker later in the same sentence: "... as she told how", ", he said".
_OWN_PRONOUN = re.compile(r"(?:\bas|,|\band)\s+(?:she|he)\s+(?:later\s+|also\s+)?(?:said|says|told|"
                          r"added|explained|recalled|described|admitted|insisted)\b")


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
        if rank <= best[0] + (cue.frame == "preposed") and cue.frame in (
                "according", "preposed") and best[1].frame == "poll" and _holds(cue, best[1]):
            # "56% of adults said C, according to a Reuters poll", "New research from JWS
            best = (rank, cue, entity)  # shows the share of people who say C": the poll,
            break  # whose respondents speak inside it
        if rank <= best[0] + 0.5 and cue.frame == "postposed" and cue.phrase is not None and \
                best[1].frame != "postposed" and _holds(cue, best[1]) and (
                    entity is None or entity != best[2]):  # not "He insisted that A, ... he
            # said": one speaker, whose first cue tells its content best
            best = (rank, cue, entity)
            break
    if best[1].frame in ("by", "passive"):
        holder = next(((r, c, e) for r, c, e in ranked if c.frame == "preposed" and c.phrase
                       is not None and c.phrase.kind != "pronoun" and _holds(c, best[1])), None)
        if holder is not None:  # "X informed AFP that the toll is lower than the number
            best = holder  # released by the ministry": X's claim, about the ministry's count
    outer = best[1]
    if outer.phrase is not None and outer.frame == "preposed" and _OUTLET.search(
            outer.phrase.name):
        inner = [(r, c, e) for r, c, e in ranked if c is not outer and c.phrase is not None
                 and r <= 1 and _holds(outer, c) and c.frame in ("preposed", "postposed")]
        if inner:  # "Reuters reports that a group X said C": X's claim,
            best = inner[0]  # which the agency relays
    for rank, cue, entity in ranked:
        if cue.frame == "postposed" and cue.phrase is not None and \
                cue.cue_end <= best[1].cue_start and _RELAYING.match(
                    sentence, cue.cue_end, best[1].cue_start):
            best = (rank, cue, entity)  # "“C,” a diplomat told Reuters, summarizing a briefing
            break  # from the minister": the diplomat speaks; the minister is whom they relay
    best, ranked = _cited_over(best, ranked)
    others = [(c, e) for r, c, e in ranked if c.cue_start != best[1].cue_start and r <= 1
              and c.phrase and (e is None or e != best[2])]
    return best[1], best[2], others


_Ranked = tuple[float, Cue, int | None]


def _cited_over(best: _Ranked, ranked: list[_Ranked]) -> tuple[_Ranked, list[_Ranked]]:
    """Give a sentence to the source its teller cites: "C, a local media report said, citing
    the state health minister" is the minister's; in "C, the Journal reported, citing a person
    close to the talks" the Journal relays that person's words (its cue becomes "relaying"),
    but "C, CNBC reported, citing sources" stays CNBC's. Every citing cue reads as "according"."""
    citing = next(((r, c, e) for r, c, e in ranked if c.frame == "citing"), None)
    if citing is not None and citing[1] is not best[1] and citing[1].phrase is not None and (
            not _unsourced(citing[1].phrase.name) or best[1].phrase is None or _unsourced(
                best[1].phrase.name)):
        teller = best[1]
        best = (citing[0], replace(citing[1], content_start=teller.content_start,
                                   content_end=teller.content_end), citing[2])
        ranked = [(r, replace(c, frame="relaying") if c is teller and c.phrase is not None and
                   c.phrase.kind in ("org", "person") else c, e) for r, c, e in ranked]
    ranked = [(r, replace(c, frame="according") if c.frame == "citing" else c, e)
              for r, c, e in ranked]
    if best[1].frame == "citing":
        best = (best[0], replace(best[1], frame="according"), best[2])
    return best, ranked


#: A news outlet that relays what a source said ("Reuters reports that X said C").
_OUTLET = re.compile(r"\b(?:Reuters|Associated Press|AP|AFP|Agence France-Presse|Xinhua|Interfax|"
                     r"TASS|Anadolu|news agency|newspaper|broadcaster|television|TV|radio)\b")
#: A speaker's tag, then what they relay: "..., summarizing a briefing from", ", citing".
_RELAYING = re.compile(r"[^,;]{0,60},\s+(?:summari[sz]ing|citing|quoting|relaying|paraphrasing)\b")


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
            if entity is None and cue.phrase.kind == "pronoun" and cue.phrase.name == "they":
                group = cast.group_for_they(start)
                if group is not None:  # "Researchers followed 900 adults. They found C"
                    cue = replace(cue, phrase=group[0], introduced=group[1])
        rank = 0.0 if entity is not None else 1.5 if cue.phrase is None else (
            1.0 if cue.phrase.kind in ("vague", "pronoun", "anaphor") else 2.0)
        if cue.phrase is not None and cue.phrase.kind == "pronoun" and entity is None:
            rank = 1.5  # an unresolved "it said": no better than a vague marker
        found.append((rank, cue, entity))
    return found


#: Heads of "the company estimates" that refer to a business named in the same sentence.
_BUSINESS = frozenset("company firm maker carrier airline retailer lender insurer operator "
                      "club group manufacturer developer startup".split())
_POSSESSOR = re.compile(r"\b([A-ZÀ-ÖØ-ÞĀ-Ž][\w&.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w&.-]*){0,2})[’']s\b")


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


def _attribution(start: int, end: int, cue: Cue | None, speaker: Speaker | None,
                 sentence: str = "") -> Attribution:
    """Build a claim's Attribution from its chosen cue and resolved speaker."""
    if cue is None:
        return Attribution(None, "none", start, end)
    if cue.phrase is not None and cue.phrase.kind == "pronoun" and speaker is None and \
            cue.phrase.name in ("he", "she"):
        # "He forecast growth" with no one to refer to: a source exists, but not one we can name
        return Attribution(None, "none", start, end, frame="pronoun")
    strength = "named" if speaker is not None and speaker.kind in ("person", "org") else "vague"
    if strength == "vague":
        speaker = _vague_speaker(cue, cue.introduced if cue.introduced >= 0 else
                                 start + cue.mention_start if cue.mention_start >= 0 else -1)
        written = sentence[cue.mention_start : cue.mention_end] if cue.mention_start >= 0 else ""
        if speaker is not VAGUE_SPEAKER and (not _unsourced(speaker.name) or _one(written)):
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
    "early earlier initial unconfirmed media press local some unnamed anonymous other another news "
    "several many various television tv radio wire newspaper".split()
)


def _unsourced(name: str) -> bool:
    """Tell whether a described phrase names no one at all ("reports", "early reports")."""
    words = name.lower().split()
    return words[-1] in _VAGUE_HEADS and all(w in _VAGUE_MODS for w in words[:-1])


_ONE = re.compile(r"(?:the|its|their|this|that|his|her)\s+(?:[\w’'-]+\s+){0,2}?"
                  r"(?:report|source|account)$",
                  re.IGNORECASE)


def _one(written: str) -> bool:
    """Tell whether a report is one the article has in mind ("The report found", "its report
    said"), not unnamed reports ("reports said", "a source said")."""
    return bool(_ONE.fullmatch(written.strip())) and not re.search(
        r"\b(?:media|press|news|unconfirmed|early|initial|local)\b", written, re.IGNORECASE)
