"""Attempt reviews: each question of an attempt with its response, evidence and mark changes.

Every function here runs a fixed number of queries, however many questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..core.reading.sentences import Sentence, split_sentences
from ..core.scoring.credit import decode_picks, picks_text
from ..extensions import db
from ..models import Appeal, Attempt, Evidence, MarkChange, Question, Response, Source
from ..passages import Passage, passage, squash, without_cited_quotes
from . import Conflict, NotFound
from .attempts import ordered_choices, own_attempt
from .marks import mark_changes


@dataclass
class Cited:
    """One cited span, with its source and a passage of context."""

    source: Source
    passage: Passage


@dataclass
class ReviewItem:
    """A question of an attempt, the student's response and the evidence.

    A question the attempt did not answer keeps its key to itself: the page shows its prompt
    and "Not answered", never the accepted answer, the variants, the explanation or the
    evidence (`key_shown` is False and `cited` is empty), so that a throw-away attempt
    reveals nothing a later attempt could use.
    """

    position: int
    question: Question
    response: Response | None
    choices: list[str] | None
    cited: list[Cited]
    appeal: Appeal | None = None
    changes: list[MarkChange] = field(default_factory=list)

    @property
    def may_appeal(self) -> bool:
        """Return whether the student may appeal this mark: answered, not right, not appealed."""
        return self.response is not None and not self.response.correct and self.appeal is None

    @property
    def key_shown(self) -> bool:
        """Return whether the page may show this question's key: only once it is answered."""
        return self.response is not None

    @property
    def why(self) -> str | None:
        """Return the scorer's reason when it adds to the verdict and the accepted answer."""
        reason = (self.response.reason or "").strip() if self.response else ""
        if not reason or self.response.correct and reason == "Correct.":
            return None
        if self.question.answer and squash(self.question.answer) in squash(reason):
            return None  # "The right choice is X": the accepted answer already says it
        return reason

    @property
    def explanation(self) -> str:
        """Return the explanation without quoting the passage highlighted beside it."""
        return without_cited_quotes(
            self.question.explanation or "", [c.passage.marked for c in self.cited]
        )

    @property
    def also_accepted(self) -> list[str]:
        """Return the other accepted answers, leaving out those the answer already says."""
        answer = self.question.answer.casefold()
        return [a for a in self.question.accept or [] if a.casefold() not in answer]

    @property
    def shown_answer(self) -> str:
        """Return the response as a person reads it (ticked choices joined for "multi")."""
        if self.response is None:
            return ""
        if self.question.type == "multi":
            return picks_text(self.response.answer)
        return self.response.answer

    @property
    def answer_feedback(self) -> list[str]:
        """Return the imported feedback of the choices (or answer) the response picked."""
        q, r = self.question, self.response
        if r is None or not q.feedback:
            return []
        listed = list(q.choices) if q.choices else [q.answer, *(q.accept or [])]
        picked = decode_picks(r.answer) if q.type == "multi" else [r.answer]
        said = dict(zip(listed, q.feedback, strict=False))
        return [said[p] for p in picked or [] if said.get(p)]


@dataclass
class Review:
    """A whole attempt, question by question."""

    attempt: Attempt
    items: list[ReviewItem]
    hidden: bool = False  # an unfinished test: answers stay hidden until it is submitted

    @property
    def right(self) -> int:
        return sum(1 for i in self.items if i.response is not None and i.response.correct)

    @property
    def missed(self) -> int:
        return len(self.items) - self.right


def _cited(question: Question, cache: dict[int, list[Sentence]]) -> list[Cited]:
    """Return the question's evidence as passages (sentences split once per source)."""
    cited = []
    for ev in question.evidence:
        text = ev.source.text
        if ev.source_id not in cache:
            cache[ev.source_id] = split_sentences(text)
        cited.append(
            Cited(ev.source, passage(text, ev.start, ev.end, sentences=cache[ev.source_id]))
        )
    return cited


def review(attempt_id: int, user_id: int, position: int | None = None) -> Review:
    """Return the review of an attempt, or of one question (an unfinished test: `hidden`)."""
    attempt = own_attempt(attempt_id, user_id)
    ids = list(attempt.question_ids)
    if position is not None:
        if not 1 <= position <= len(ids):
            raise NotFound("There is no such question in this attempt.")
        ids = [ids[position - 1]]
    if attempt.mode == "test" and not attempt.finished:
        if position is not None:
            raise Conflict("Feedback comes once the whole test is submitted.")
        return Review(attempt, [], hidden=True)
    stmt = (
        select(Question)
        .where(Question.id.in_(ids))
        .options(selectinload(Question.evidence).selectinload(Evidence.source))
    )
    questions = {q.id: q for q in db.session.execute(stmt).scalars()} if ids else {}
    stmt = (
        select(Response, Appeal)
        .outerjoin(Appeal, Appeal.response_id == Response.id)
        .where(Response.attempt_id == attempt.id, Response.question_id.in_(ids))
    )
    pairs = db.session.execute(stmt).all() if ids else []
    responses = {r.question_id: r for r, _ in pairs}
    appeals = {r.id: a for r, a in pairs if a is not None}
    cache: dict[int, list[Sentence]] = {}
    items = []
    for i, qid in enumerate(attempt.question_ids, start=1):
        if qid not in questions or (position is not None and i != position):
            continue
        q, response = questions[qid], responses.get(qid)
        cited = _cited(q, cache) if response is not None else []
        items.append(ReviewItem(i, q, response, ordered_choices(q, attempt), cited))
    changes = mark_changes([r.id for r in responses.values()])
    for item in items:
        if item.response is not None:
            item.appeal = appeals.get(item.response.id)
            item.changes = changes.get(item.response.id, [])
    return Review(attempt, items)
