"""Question builders for one article: source, figure, date, attribution and evidence questions."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from quizapp.core.banks.model import Question
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.claims.speaker import Speaker
from quizapp.core.questions.asking import date_prompt, plural, repeats, whole_hits
from quizapp.core.questions.believable import compares
from quizapp.core.questions.citations import evidence_for, mentions, source_questions
from quizapp.core.questions.corpus import (
    Article,
    Candidate,
    Corpus,
    distinct,
    order_choices,
    quizzable,
    seed_of,
)
from quizapp.core.questions.evidence_names import figure_name, gives_away, topic
from quizapp.core.questions.figure_builders import conversion, figure_questions
from quizapp.core.questions.figure_sources import own_claim
from quizapp.core.questions.labels import quoted, reads_as_question, written_label
from quizapp.core.questions.source_choices import cut_name
from quizapp.core.questions.sourcing import surely_unsourced
from quizapp.core.questions.statements import (
    claim_phrase,
    clause,
    cloze,
    dangling,
    denial,
    speaker_label,
    strip_lead,
    verbless,
)
from quizapp.core.questions.unverified import unverified_candidates
from quizapp.core.questions.verdicts import mid_label
from quizapp.core.scoring.aliases import same_body
from quizapp.core.text.words import has_word

__all__ = ["ATTRIBUTION_CHOICES", "article_candidates", "figure_name", "reads_as_question"]

#: How a claim is sourced. The vague choice says it names and describes no one, so that an
#: anonymous but described source ("a senior official said") fits the first choice only.
ATTRIBUTION_CHOICES = ["A named or described source",
                       "Vague reports, no source named or described", "No source given"]
_STRENGTH_ANSWER = {"named": ATTRIBUTION_CHOICES[0], "described": ATTRIBUTION_CHOICES[0],
                    "vague": ATTRIBUTION_CHOICES[1], "none": ATTRIBUTION_CHOICES[2]}


def article_candidates(corpus: Corpus, article: Article) -> list[Candidate]:
    """Return every candidate question of one article."""
    found: list[Candidate] = []
    claims = article.sentence_claims()
    pool = [c.text for c in claims if 40 <= len(c.text) <= 320]
    for claim in claims:
        found.extend(source_questions(corpus, article, claim))
        asked: list[tuple[Figure, str]] = []  # figures asked by what they measure
        for figure in claim.figures:
            if quizzable(figure) and not conversion(claim, figure):
                figures = figure_questions(article, own_claim(claim, figure), figure)
                asked += [(figure, c.question.prompt) for c in figures
                          if "closed-book" not in c.question.tags]
                found.extend(figures)
        found.extend(date_questions(article, claim))
        found.extend(attribution_questions(article, claim))
        found.extend(evidence_questions(article, claim, pool, asked[0] if asked else None))
    found.extend(unverified_candidates(article))  # "could not be independently verified"
    return found




def date_questions(article: Article, claim: Claim) -> list[Candidate]:
    """Ask when something happened, by the claim: "When does the article say X happened?"."""
    found = []
    a = claim.attribution
    label = "the article"
    if a.strength == "named" and a.speaker:
        label = speaker_label(a.speaker) or label
    elif a.strength == "described" and a.speaker:
        label = written_label(article, claim, a.speaker)
    content = clause(claim, article.source.text) or claim.content.strip().rstrip(".")
    for date in claim.dates:
        if date.relative and not re.search(r"\d|[A-ZÀ-ÖØ-ÞĀ-Ž]", date.text):
            continue
        if claim.text.count(date.text) != 1 or _in_dateline(claim, date.start):
            continue  # "LONDON Nov 19 - ...": the wire's date, no fact of the claim
        if _PAIRED_DATE.match(claim.text, date.end - claim.start) or re.search(
                r"\b(?:and|or)\s+$", claim.text[: date.start - claim.start]):
            continue  # "on Oct. 8 and Oct. 9": one of two dates is half the answer
        prompt = date_prompt(content, date, label, plural(label))
        prompt = reads_as_question(prompt, article.source.text) if prompt else None
        if prompt is not None and repeats(prompt, label):
            prompt = None  # "By when does Reuters say a Reuters poll showed ...?"
        tags = ["date"]
        if prompt is None or dangling(prompt):
            filled = cloze(claim, date.start, date.end, a.speaker)
            if filled is None:
                continue
            prompt = f"Which date completes this statement from the article: {quoted(filled)}?"
            tags.append("closed-book")  # a blank in the sentence: recall only
        if mentions(prompt, [date.text]):
            continue
        bare = re.sub(r"^(?:on|in|at|since|by)\s+", "", date.text, flags=re.I)  # "Sunday"
        bare = re.sub(r"^(?:last|this|past)\s+(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)",
                      "", bare, flags=re.I)  # "last Sunday": "Sunday"
        accept = [v for v in dict.fromkeys((date.iso, date.text.replace(",", ""), bare))
                  if v and v != date.text]
        explanation = f'The article says: "{claim.text}"'
        question = Question("", "date", prompt, date.text, accept, None,
                            evidence_for(article, claim), explanation, tags, 0.5)
        covers = (f"date:{article.source.id}:{date.start}",)
        score = 0.75 if "closed-book" in tags else 0.9
        found.append(Candidate(question, article.source.id, score, covers))
    return found


_PAIRED_DATE = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|[-–])\s*(?:(?:on|in)\s+)?"
                          r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|"
                          r"Fri|Sat|Sun|\d)")


def attribution_questions(article: Article, claim: Claim) -> list[Candidate]:
    """Ask how a claim with a figure is sourced: named, vague or no source."""
    a = claim.attribution
    if not any(quizzable(f) for f in claim.figures) and a.strength not in ("vague", "described"):
        return []
    if a.frame == "pronoun" or compares(claim, article.source.text) or denial(claim):
        return []  # "He forecast 16%" with no referent: neither unsourced nor vague; "36 cents,
        # beating the estimate": the estimate is compared with, not cited for the claim
    if a.strength == "none" and not surely_unsourced(article, claim):
        return []  # "No source given" would be a doubtful key
    if _CITING_UNNAMED.search(claim.text):
        return []  # "C, CNBC reported, citing several sources": named and unnamed at once
    content = clause(claim, article.source.text)
    if content is None or (a.strength in ("named", "described") and a.speaker and mentions(
            content, [a.speaker.name, a.speaker.mention, *a.speaker.short_forms])):
        return []  # "the claim that a long-awaited report ... has revealed ...": the prompt
        # would name its own source
    content = unhedged(content)
    if content is None or verbless(content):
        return []  # a hedge the prompt would keep tells "vague reports" without reading
    answer = _STRENGTH_ANSWER[a.strength]
    prompt = f"How does the article source {claim_phrase(content, article.source.text)}?"
    if a.strength == "named" and a.speaker:
        why = f"It names its source, {a.speaker.mention}"
    elif a.strength == "described" and a.speaker:
        why = f"It describes its source: {a.speaker.mention}"
    elif a.strength == "vague":
        cue = claim.text[a.cue_start - claim.start : a.cue_end - claim.start]
        why = f'It relies on vague attribution ("{cue}")'
    else:
        why = "The sentence gives no source"
    explanation = f'{why}: "{claim.text}"'
    question = Question("", "attribution", prompt, answer, [], list(ATTRIBUTION_CHOICES),
                        evidence_for(article, claim), explanation,
                        ["attribution", a.strength + "-source"], 0.45)
    return [Candidate(question, article.source.id, 0.9, ())]


_HEDGE_ADVERB = re.compile(r"\s+(?:reportedly|allegedly|purportedly|supposedly)\b", re.I)
_HEDGED_BE = re.compile(r"\b(is|are|was|were)\s+(?:believed|said|thought|reported|understood|"
                        r"alleged|rumou?red|claimed)\s+to\s+(be|have)\b")
_HEDGE_LEFT = re.compile(r"\b(?:believed|said|thought|reported|alleged|rumou?red|claimed)\s+to\b"
                         r"|\b(?:reportedly|allegedly|purportedly|supposedly)\b", re.I)
_HAVE = {"is": "has", "are": "have", "was": "had", "were": "had"}
#: A hedged past of a regular verb, whose participle is its past: "is thought to have started".
_HEDGED_PAST = re.compile(r"\b(?:is|are)\s+(?:believed|said|thought|reported|understood|alleged|"
                          r"rumou?red|claimed)\s+to\s+have\s+([a-z]+ed)\b")


#: A named teller relaying sources it does not name: "..., citing several sources".
_CITING_UNNAMED = re.compile(r"\bciting\s+(?:several\s+|unnamed\s+|anonymous\s+|two\s+|three\s+|"
                             r"other\s+)?(?:sources|people|officials|reports)\b")


def unhedged(content: str) -> str | None:
    """Return a claim without the hedge that marks it as reported ("X is believed to be
    sending" -> "X is sending", "soldiers reportedly included" -> "soldiers included"), for an
    attribution prompt that must not tell its answer; None when a hedge would stay."""
    content = _HEDGE_ADVERB.sub("", content)
    content = _HEDGED_PAST.sub(r"\1", content)  # "is thought to have started": "started"
    content = _HEDGED_BE.sub(
        lambda m: m.group(1) if m.group(2) == "be" else _HAVE[m.group(1).lower()], content)
    return None if _HEDGE_LEFT.search(content) else content


def evidence_questions(article: Article, claim: Claim, pool: list[str],
                       asked: tuple[Figure, str] | None = None) -> list[Candidate]:
    """Ask which sentence is the evidence for a claim, among sentences that share the words
    that name it, so that no word of the prompt finds the answer alone: the sentence that
    answers its figure's question (`asked`: "What figure does the bank give for growth?"),
    among others on growth; a figure given by a source ("the figure of 27 dead given by a rebel
    leader"), among others with 27 from other sources; or a source's claim about a subject
    ("the ministry's claim about the repo rate"), among others' claims about it."""
    a = claim.attribution
    if a.strength == "none" and not claim.figures:
        return []
    content = clause(claim, article.source.text)
    if content is None:
        return []
    speaker = a.speaker if a.strength in ("named", "described") else None
    text = article.source.text
    label = ""
    if speaker is not None:
        label = (written_label(article, claim, speaker) if a.strength == "described"
                 else speaker_label(speaker))
        label = mid_label(label, text, a.strength == "described")
    if asked is None and not label:
        return []  # two sentences on one subject or figure: only their sources tell them apart

    def others() -> list[str]:
        """Return the pool without the source's own other claims ("initially killed one man"
        beside "Two people were killed", he said), worked out only when a question may stand."""
        own = _same_voice(article, claim)
        return [t for t in pool if t not in own]

    if asked is not None and not gives_away(asked[1], claim.text) and _shared(
            pool, claim.text, _telling(asked[1], label)):
        figure, question = asked  # no other sentence gives a figure for it (`unique_prompt`)
        restated = {c.text for c in article.sentence_claims() if any(
            f.value and abs(f.value - figure.value) <= 0.05 * abs(figure.value)
            for f in c.figures)}  # "The Dow slid 185 points" beside "closed down 185.58"
        found = _evidence(article, claim, content, [t for t in others() if t not in restated],
                          [figure.number_text],
                          _telling(question, label),
                          f"Which sentence of the article answers this question: {question}",
                          label)
        if found:
            return found
    if not label:
        return []  # two sentences on one subject or figure: only their sources tell them apart
    figure = next((f for f in claim.figures if quizzable(f)
                   and claim.text.count(f.number_text) == 1), None)
    named_claim = figure and figure_name(claim, figure)
    if named_claim and figure is not None:
        if gives_away(named_claim, claim.text, label) or not _owned(claim, figure, text) or (
                cut_name(label, text)):
            return []  # "the figure of three key factors": "There are three key factors ..."
        if not _shared(pool, claim.text, [figure.number_text]):
            return []  # no other sentence gives the number: matching it finds the answer
        return _evidence(article, claim, content, others(), [], [figure.number_text],
                         f"Which sentence of the article is the evidence for {named_claim} "
                         f"given by {label}?", label)
    subject = topic(content, text, label, pool)
    if subject is None or gives_away(subject, claim.text, label) or len(
            [w for w in subject.split() if w.lower() not in ("the", "a", "an")]) < 2:
        return []  # "Kushch's claim about Russia", "the claim about the union": too vague
    named_claim = (f"the claim of {label} about {subject}" if plural(label)
                   else f"{label}'s claim about {subject}")
    words = [w for w in subject.split() if len(w) > 3]
    if not _shared(pool, claim.text, words):
        return []
    return _evidence(article, claim, content, others(), [], words,
                     f"Which sentence of the article is the evidence for {named_claim}?", label)


def _shared(pool: list[str], answer: str, words: list[str]) -> bool:
    """Tell whether a sentence of the pool but the answer holds one of the words (a cheap test
    before the question's wrong choices are looked for)."""
    low = [w.lower() for w in words]
    return any(t != answer and any(w in t.lower() for w in low) for t in pool)


#: Words of an evidence prompt that name no claim.
_TEMPLATE = frozenset("""which what whose when does do did give gives say says said according
    much many figure figures article sentence answers question evidence claim about""".split())


def _telling(question: str, label: str) -> list[str]:
    """Return the words of a figure's question that name what it measures (not its source)."""
    theirs = {w.lower() for w in re.findall(r"[\w’'-]+", label)}
    return [w for w in re.findall(r"[\w’'-]{4,}", question)
            if w.lower() not in _TEMPLATE and w.lower() not in theirs]


def _evidence(article: Article, claim: Claim, content: str, pool: list[str], avoid: list[str],
              share: list[str], prompt: str, label: str = "") -> list[Candidate]:
    """Build an evidence question: the claim's sentence among three sentences of `pool` that
    hold none of the words in `avoid`, at least one of which holds a word of `share` (the
    words that name the claim), those that do first, then the most alike; none when a word
    of the prompt (but its source's, `label`) stands in the answer alone."""
    similar = process.extract(content, pool, scorer=fuzz.token_set_ratio, limit=12)
    ranked = [t for t, _, _ in similar if t != claim.text and not any(
        whole_hits(t.lower(), n.lower()) for n in avoid)]
    sharing = [t for t in ranked if any(whole_hits(t.lower(), w.lower()) for w in share)]
    if not sharing:
        return []  # one word of the prompt would find the answer
    distractors = distinct(claim.text, sharing + [t for t in ranked if t not in sharing], 3)
    if len(distractors) < 3:
        return []
    answer = claim.text.lower()
    for word in _telling(prompt, label):
        if whole_hits(answer, word.lower()) and not any(
                whole_hits(d.lower(), word.lower()) for d in distractors):
            return []  # "MRI" or "pre-tax" only in the answer: matching it finds the sentence
    seed = seed_of(article.source.id, claim.start, "evidence")
    question = Question("", "evidence", prompt, claim.text, [],
                        order_choices(claim.text, distractors, seed), evidence_for(article, claim),
                        f'The supporting sentence is: "{claim.text}"', ["evidence"], 0.5)
    return [Candidate(question, article.source.id, 0.8, ())]


def _same_voice(article: Article, claim: Claim) -> set[str]:
    """Return the other sentences the claim's own source gives, or names."""
    speaker = claim.attribution.speaker
    if speaker is None or claim.attribution.strength not in ("named", "described"):
        return set()
    held = article.voices if article.voices is not None else {}
    article.voices = held
    if speaker not in held:  # worked out once per source of an article
        forms = [f for f in (speaker.name, *speaker.short_forms) if len(f) > 2]
        held[speaker] = frozenset(c.text for c in article.sentence_claims() if (
            (c.attribution.speaker is not None and _one_voice(speaker, c.attribution.speaker))
            or any(f in c.text for f in forms)))
    return set(held[speaker])


_ACRONYM_WORD = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž]{2,}\b")


@lru_cache(maxsize=8192)
def _one_voice(speaker: Speaker, other: Speaker) -> bool:
    """Tell whether two speakers may be one voice: one entity, a body and who speaks for it
    ("NEBE" and "NEBE spokesperson Getahun Amogne"), or one body named two ways ("UNHCR
    spokesperson William Spindler" and "the UN refugee agency")."""
    if other.name == speaker.name:
        return True
    for a, b in ((speaker, other), (other, speaker)):
        if any(f and len(f) > 1 and has_word(f"{a.mention} {a.description}", f)
               for f in (b.name, *b.short_forms)):
            return True  # "HB spokesperson Ana Lind" speaks for the Harbour Board (HB)
    words = set(_ACRONYM_WORD.findall(f"{speaker.mention} {other.mention}"))  # "UNHCR"
    return any(same_body(w, body) for w in words for body in (speaker.mention, other.mention)
               if w not in body)  # (not `verdicts.linked`, which reads every sentence: too
    # slow for each pair of an article's sources)


def _owned(claim: Claim, figure: Figure, text: str) -> bool:
    """Tell whether a figure is the cited source's own: within the words it is cited for, and
    not what a figure is compared with ("36 cents, beating the average estimate")."""
    a = claim.attribution
    inside = a.content_end <= a.content_start or (
        a.content_start <= figure.start and figure.end <= a.content_end)
    hedged = re.search(r"\b(?:is|are|was|were)\s+(?:believed|thought|understood|estimated|"
                       r"said|reported)\b", text[claim.start : figure.start])
    return inside and not hedged and not compares(claim, text)  # not "... has not confirmed
    # the number, which is thought to be near 520": the figure is nobody's


def _in_dateline(claim: Claim, at: int) -> bool:
    """Tell whether offset `at` falls in the dateline that leads a claim's sentence."""
    lead = strip_lead(claim.text)
    return lead != claim.text and at - claim.start < len(claim.text) - len(lead)
