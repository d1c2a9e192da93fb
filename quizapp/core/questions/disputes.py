"""Discrepancy questions on a source that disputes a figure without giving one of its own: "X
rejected the numbers", "Y could not confirm the toll", "there was no casualty", "Z said sorry
and explained the count covered the entire province". The question gives the figure and its
source, and asks which source said what the dispute says (its words after its name)."""

from __future__ import annotations

import re

from quizapp.core.banks.model import Evidence, Question
from quizapp.core.claims.entities import same_name
from quizapp.core.claims.extract import Claim
from quizapp.core.questions.corpus import (
    Article,
    Candidate,
    distinct,
    order_choices,
    quizzable,
    seed_of,
)
from quizapp.core.questions.source_choices import not_a_source, one_force, subsumed
from quizapp.core.questions.statements import speaker_label
from quizapp.core.questions.tolls import count_entries, lowered, same_source, source_label
from quizapp.core.questions.verdicts import mid_label

_DISPUTE = re.compile(
    r"\b(?:rejected|rejects|rejecting|disputed|disputes|disputing|denied|denies|dismissed|"
    r"questioned|could not confirm|cannot confirm|can't confirm|would not confirm|not buying|"
    r"refuted|contradicted|apologi[sz]ed|corrected|retracted|no casualt(?:y|ies)|"
    r"no(?:-| )one was (?:killed|hurt|injured)|nobody was (?:killed|hurt|injured)|no deaths|"
    r"only \w+ (?:were|was) killed|not accurate|inaccurate|(?:is|are|was|were) even higher|"
    r"underestimat\w+|exaggerat\w+)\b", re.I)
#: what the dispute is about: the figures themselves, or deaths and injuries
_ABOUT = re.compile(r"\b(?:tolls?|figures?|numbers|count|tally|statistics|casualt(?:y|ies)|"
                    r"killed|deaths?|dead|injured|hurt)\b", re.I)
_OWN = re.compile(r"\b(?:its|our|their|his|her)\s+(?:own\s+)?(?:figures?|numbers?|counts?|tolls?|"
                  r"estimates?|statistics|data)\b", re.I)
_HURT_ONLY = re.compile(r"\b(?:injured|hurt|injuries)\b", re.I)
_LEAD_IN = re.compile(r"^\s*(?:,\s*(?:however|though|meanwhile|in turn),|,\s*(?:who|which)\b"
                      r"[^,]*,)?\s*", re.I)


def dispute_candidates(article: Article) -> list[Candidate]:
    """Return questions on sources that dispute an earlier figure of the article without one of
    their own: the figure is the latest count before the dispute (of deaths, or of injured when
    only injuries are denied) from another source, in a sentence on the same event."""
    entries, apart = count_entries(article)
    found: list[Candidate] = []
    for claim in article.sentence_claims():
        a = claim.attribution
        if a.strength not in ("named", "described") or claim.start in apart:
            continue
        if not _DISPUTE.search(claim.text):
            continue
        if not _ABOUT.search(claim.text):
            found.extend(_claim_dispute(article, claim))
            continue
        if any(e[0] is claim for e in entries) or any(
                quizzable(f) and f.value >= 2 for f in claim.figures):
            continue  # it gives a figure of its own: a conflict of figures, asked elsewhere,
            # or a count of another thing ("reported seven cases, but no deaths"): no dispute
        who = source_label(article, claim)
        predicate = _predicate(claim)
        if not who or not predicate:
            continue
        kind = "injured" if _HURT_ONLY.search(claim.text) and not re.search(
            r"\b(?:killed|deaths?|dead|toll|casualt)", claim.text, re.I) else "deaths"
        before = [e for e in entries if e[0].start < claim.start and e[2] == kind
                  and e[0].start not in apart and not same_source(e[3], who)]
        if _OWN.search(predicate) or before and any(
                same_source(e[3], who) and e[1].value == before[-1][1].value for e in entries):
            continue  # "has warned that its own figures may understate the number": a caveat
        question = _question(article, claim, who, predicate, before[-1], entries) if before \
            else None
        if question is not None:
            found.append(question)
    return found


_GENERIC = frozenset(
    """about after again against also among before being could forces government officials
    official people police security their there these those under which while would where
    whether other another country said says added""".split())


def _content_words(text: str) -> set[str]:
    """Return the words of a text that may carry its claim ("homes", "bastions")."""
    words = re.findall(r"[a-z]{5,}", re.sub(r"[’']s\b", "", text.lower()))
    return {w.removesuffix("s") for w in words} - _GENERIC


def _claim_dispute(article: Article, claim: Claim) -> list[Candidate]:
    """Ask which source rejects or denies what another source said just before, with no figure
    on either side ("X said the rebels used homes as bastions" / "Y rejected that the rebels
    used people's homes as bastions"): the nearest of the four sentences before that shares two
    words of substance with the denial and has another named or described source."""
    who, predicate = source_label(article, claim), _predicate(claim)
    if not who or not predicate:
        return []
    words = _content_words(predicate)
    sentences = article.sentence_claims()
    at = sentences.index(claim)
    for earlier in reversed(sentences[max(0, at - 4) : at]):
        source = source_label(article, earlier)
        if earlier.attribution.strength not in ("named", "described") or not source or \
                same_source(source, who) or len(words & _content_words(earlier.content)) < 2:
            continue
        content = earlier.content.strip(" .,;:“”\"")
        if not content[:1].islower() or earlier.attribution.frame not in ("preposed", "postposed"):
            return []  # a quotation or a content that does not read mid-sentence
        title = article.source.title.strip() or "the article"
        prompt = (f'In "{title}", {mid_label(source, article.source.text)} says {content}. '
                  f"Which source {predicate}?")
        key = mid_label(who, article.source.text)
        others = _other_sources(article, claim, key, [])
        if not others:
            return []
        seed = seed_of(article.source.id, claim.start, "claim-dispute")
        evidence = [Evidence(article.source.id, c.start, c.end) for c in (earlier, claim)]
        explanation = f'{source}: "{earlier.text}" {key}: "{claim.text}"'
        question = Question("", "discrepancy", prompt, key, _short_forms(claim, key),
                            order_choices(key, others, seed), evidence, explanation,
                            ["discrepancy", "within-article", "dispute", "claim"], 0.7)
        return [Candidate(question, article.source.id, 1.1,
                          (f"dispute:{article.source.id}:{claim.start}",))]
    return []


def _predicate(claim: Claim) -> str:
    """Return what a source written first says or does, up to the end of its first sentence
    ("could not confirm the toll, while ..."), or "" when the source is not written first."""
    a = claim.attribution
    if a.mention_start < 0 or _DISPUTE.search(claim.text[: a.mention_start - claim.start]):
        return ""
    rest = _LEAD_IN.sub("", claim.text[a.mention_end - claim.start :], count=1)
    cut = re.search(r"[.!?](?=[\"”’']?\s+[\"“‘']?[A-ZÀ-ÖØ-ÞĀ-Ž])", rest)
    rest = (rest[: cut.start()] if cut else rest).rstrip(" .!?")
    tail = _OUTER_SOURCE.search(rest)
    if tail:
        return ""  # "..., officials said": the sentence is another source's, not its subject's
    if not re.match(r"[a-z]", rest) or not _DISPUTE.search(rest):
        return ""  # "The army could ...", not "The army's figure ..."
    rest = _agree(rest)
    if rest.count("“") > rest.count("”"):
        rest += "”"
    elif rest.count('"') % 2:
        rest += '"'
    return rest


#: Another source's tag closing the sentence: "..., but no deaths as of yet, officials said".
_OUTER_SOURCE = re.compile(r",\s+(?:[\w.’'-]+\s+){1,6}(?:said|says|told|reported|added|stated)"
                           r"\b[^,]*$")

_BASE_VERBS = frozenset("say claim warn argue insist believe dispute reject question doubt "
                        "maintain contend suggest point".split())
_IRREGULAR = {"deny": "denies", "are": "is", "have": "has", "were": "was", "do": "does"}


def _other_sources(article: Article, claim: Claim, key: str, entries: list) -> list[str]:
    """Return up to three other sources of the article to offer beside the key: those giving
    its counts, then those of its sentences, then its named speakers."""
    who = claim.attribution.speaker
    others = [mid_label(e[3], article.source.text) for e in entries if e[3]]
    others += [mid_label(source_label(article, c), article.source.text)
               for c in article.sentence_claims() if c.attribution.strength in (
                   "named", "described") and c.attribution.speaker is not who
               and source_label(article, c)]
    others += [mid_label(speaker_label(s), article.source.text) for s in article.speakers
               if s is not who and speaker_label(s) and (who is None or s.name.split()[-1]
                                                       not in who.name.split())]
    kept: list[str] = []
    for other in others:
        if not same_source(other, key) and not not_a_source(other) and not any(
                subsumed(other, x) or same_name(other, x) or one_force(other, x)
                for x in (key, *kept)):
            kept.append(other)  # never "a rebel leader" beside "rebel leader A. Hissene", nor
            # "Malaviya" beside "Amit Malviya" (one person spelt two ways)
    return distinct(key, kept, 3)


def _short_forms(claim: Claim, key: str) -> list[str]:
    """Return the other forms of the speaker a student may give (a surname)."""
    speaker = claim.attribution.speaker
    if speaker is None:
        return []
    given = speaker.name.split()[0] if speaker.kind == "person" and " " in speaker.name else ""
    return [f for f in speaker.short_forms if f.lower() != key.lower() and f != given]
    # never "Alfred" of "Mayor Alfred Romualdez": a given name alone is no answer


def _one_source(a: str, b: str) -> bool:
    """Tell whether two labels name one source, one more fully ("a rebel leader", "rebel leader
    Abdoulaye Hissene")."""
    words_a, words_b = (set(re.sub(r"^(?:the|a|an)\s+", "", x.lower()).split()) for x in (a, b))
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def _stem(noun: str) -> str:
    """Return the head of a counted noun without a plural s ("rhinos" -> "rhino")."""
    return (noun.split() or [""])[-1].lower().removesuffix("s")


def _agree(predicate: str) -> str:
    """Put a plural source's verb in the singular of "Which source ...?" ("say the statistics
    are wrong" -> "says the statistics are wrong")."""
    first, _, rest = predicate.partition(" ")
    if first in _IRREGULAR:
        first = _IRREGULAR[first]
    elif first in _BASE_VERBS:
        first += "s"
    return f"{first} {rest}" if rest else first


def _question(article: Article, claim: Claim, who: str, predicate: str, disputed: tuple,
              entries: list) -> Candidate | None:
    """Ask which source disputes a figure, given the figure and who gives it; None when the
    article has no other source to offer as a choice."""
    dc, df, kind, dw = disputed
    what = "the number of injured" if kind == "injured" else "the number of dead"
    citing = f"citing {mid_label(dw, article.source.text)}" if dw else (
        "citing only unnamed reports" if dc.attribution.strength == "vague" else
        "citing no source")  # "reportedly killing two": a vague source, not none
    title = article.source.title.strip() or "The article"
    prompt = (f'"{title}" gives a figure of {lowered(df.text)} for {what}, {citing}. '
              f"Which source {predicate}?")
    key = mid_label(who, article.source.text)
    choices = _other_sources(article, claim, key, entries)
    if not choices:
        return None
    accept = _short_forms(claim, key)
    seed = seed_of(article.source.id, claim.start, "dispute")
    again = [c for c in article.sentence_claims() if c is not dc and c is not claim
             and any(f.value == df.value and _stem(f.noun) == _stem(df.noun) for f in c.figures)]
    again += [e[0] for e in entries if e[2] == kind and e[0] not in (dc, claim, *again)
              and _one_source(e[3], dw)]  # "a rebel leader" gave 27, "rebel leader X" gave 22
    evidence = [Evidence(article.source.id, c.start, c.end)
                for c in sorted((dc, claim, *again), key=lambda c: c.start)]
    explanation = (f'The article gives {df.text} ({dw or "no source"}): "{dc.text}" and '
                   f'{key} disputes it: "{claim.text}"')
    question = Question("", "discrepancy", prompt, key, accept,
                        order_choices(key, choices, seed), evidence, explanation,
                        ["discrepancy", "within-article", "dispute", df.topic], 0.7)
    return Candidate(question, article.source.id, 1.2,
                     (f"dispute:{article.source.id}:{claim.start}",))
