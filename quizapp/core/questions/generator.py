"""Generate quiz questions from sources, and check that every question is backed by its evidence."""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from quizapp.core.banks.model import QUESTION_TYPES, VERDICT_CHOICES, Bank, Question, Source
from quizapp.core.questions.across import across_candidates
from quizapp.core.questions.builders import article_candidates
from quizapp.core.questions.consistency import fair_variants, gate_problems
from quizapp.core.questions.corpus import Candidate, Corpus
from quizapp.core.questions.discrepancy import discrepancy_candidates
from quizapp.core.questions.disputes import dispute_candidates
from quizapp.core.questions.origins import origin_candidates
from quizapp.core.questions.ranking import select
from quizapp.core.questions.statements import has_doubled, undoubled
from quizapp.core.questions.verdicts import verdict_candidates
from quizapp.core.reading.sentences import split_sentences

#: Types whose answer must be written in the cited evidence.
ANSWER_IN_EVIDENCE = ("source", "figure", "date")


def generate_questions(
    sources: list[Source], *, limit_per_source: int | None = None
) -> list[Question]:
    """Generate, rank and check questions for each source; ids run q1, q2, ... in order."""
    with _collector_paused():
        return _generate(sources, limit_per_source)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bank is generated. The corpus and its
    questions are many long-lived objects and no reference cycles, so each full collection
    re-scans them all and frees nothing (about 7% of the time at 1,000 articles). Reference
    counting still frees everything; the collector is resumed after, unless it was off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _generate(sources: list[Source], limit_per_source: int | None) -> list[Question]:
    """Generate the questions of `generate_questions`."""
    corpus = Corpus.read(sources)
    texts = {s.id: s.text for s in sources}
    questions: list[Question] = []
    for article in corpus.articles:
        candidates: list[Candidate] = article_candidates(corpus, article)
        candidates += verdict_candidates(corpus, article)
        candidates += discrepancy_candidates(corpus, article)
        candidates += dispute_candidates(article) + across_candidates(corpus, article)
        candidates += origin_candidates(article)
        for candidate in candidates:
            _repair(candidate.question, texts)
        checked: dict[int, bool] = {}

        def valid(candidate: Candidate, checked: dict[int, bool] = checked) -> bool:
            key = id(candidate)
            if key not in checked:  # a candidate refused once is not checked again
                checked[key] = not _problems(candidate.question, texts)
            return checked[key]

        chosen = select(candidates, limit_per_source, valid)
        doubled = has_doubled(article.source.text)  # a typo's "the the" to take out, or none
        for candidate in chosen:
            question = candidate.question
            if doubled:
                _undouble(question)
            question.id = f"q{len(questions) + 1}"
            questions.append(question)
    return questions


def generate_bank(sources: list[Source], title: str, description: str = "") -> Bank:
    """Generate a bank of approved questions from sources."""
    questions = generate_questions(sources)
    return Bank(title=title, description=description, sources=list(sources), questions=questions)


def _undouble(question: Question) -> None:
    """Print no word twice where the article's typo did ("The the ministry"): in the prompt,
    the key, the choices and the forms accepted."""
    question.prompt, question.answer = undoubled(question.prompt), undoubled(question.answer)
    if question.choices:
        question.choices = [undoubled(c) for c in question.choices]
    question.accept = list(dict.fromkeys(undoubled(a) for a in question.accept))


def _repair(question: Question, texts: dict[str, str]) -> None:
    """Drop the noise among a question's accepted forms (the gate refuses any left)."""
    if not question.accept:
        return
    evidence = " ".join(texts.get(e.source, "")[e.start : e.end] for e in question.evidence)
    question.accept = fair_variants(question, evidence)


def check_integrity(question: Question, sources: list[Source]) -> list[str]:
    """Return the problems of a question: evidence out of range or outside a sentence, an
    answer not among its choices, a source/figure/date answer missing from its evidence, and
    whatever the consistency gate finds (quizapp.core.consistency)."""
    return _problems(question, {s.id: s.text for s in sources})


def _problems(question: Question, texts: dict[str, str]) -> list[str]:
    """Return the problems of a question given the texts of the sources by id."""
    problems: list[str] = []
    if question.type not in QUESTION_TYPES:
        problems.append(f"unknown type {question.type!r}")
    if not question.prompt.strip() or not question.answer.strip():
        problems.append("empty prompt or answer")
    if not question.evidence:
        problems.append("no evidence")
    spans: list[str] = []
    for ev in question.evidence:
        text = texts.get(ev.source)
        if text is None:
            problems.append(f"evidence cites unknown source {ev.source!r}")
            continue
        if not 0 <= ev.start < ev.end <= len(text):
            problems.append(f"evidence {ev.start}-{ev.end} out of range")
            continue
        if not _in_sentence(text, ev.start, ev.end):
            problems.append(f"evidence {ev.start}-{ev.end} is not inside one sentence")
        spans.append(text[ev.start : ev.end])
    if question.choices is not None:
        if question.type != "multi" and question.answer not in question.choices:
            problems.append("answer is not one of the choices")
        if len(set(question.choices)) != len(question.choices) or len(question.choices) < 2:
            problems.append("choices repeat or are too few")
    if question.type == "verdict" and tuple(question.choices or ()) != VERDICT_CHOICES:
        problems.append("verdict choices differ from VERDICT_CHOICES")
    if question.type in ANSWER_IN_EVIDENCE and spans:
        if not any(_norm(question.answer) in _norm(span) for span in spans):
            problems.append("answer does not occur in the cited evidence")
    if question.type in (*ANSWER_IN_EVIDENCE, "evidence") and _contains(
        question.prompt, question.answer
    ):
        problems.append("prompt contains its own answer")
    if not problems:
        problems.extend(gate_problems(question, " ".join(spans)))
    return problems


def _in_sentence(text: str, start: int, end: int) -> bool:
    """Tell whether start-end lies inside one sentence of the text: the last sentence opening at
    or before `start` is looked up first, then every sentence as before."""
    spans = _sentence_spans(text)
    at = bisect_right(_sentence_starts(text), start) - 1
    if at >= 0 and spans[at][0] <= start and end <= spans[at][1]:
        return True
    return any(s <= start and end <= e for s, e in spans)


@lru_cache(maxsize=256)
def _sentence_starts(text: str) -> tuple[int, ...]:
    """Return the start offsets of a text's sentences, in the order of `_sentence_spans`."""
    return tuple(s for s, _ in _sentence_spans(text))


@lru_cache(maxsize=256)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the sentence spans of a text (cached: many questions cite one source)."""
    return tuple((s.start, s.end) for s in split_sentences(text))


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """Normalise case, quotes and spaces for answer lookup."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def _contains(prompt: str, answer: str) -> bool:
    """Tell whether the prompt states the answer as whole words."""
    answer = _norm(answer)
    prompt = _norm(prompt)
    start = prompt.find(answer) if answer else -1
    while start >= 0:
        end = start + len(answer)
        before = prompt[start - 1] if start else " "
        after = prompt[end] if end < len(prompt) else " "
        if not (before.isalnum() or before in ",.") and not (after.isalnum() or after == ","):
            return True
        start = prompt.find(answer, start + 1)
    return False
