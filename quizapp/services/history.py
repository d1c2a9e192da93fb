"""History: a student's attempts, their reviews with the evidence, skills, and cited sources.

Every function here runs a fixed number of queries, however many attempts or questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import selectinload

from ..core.reading.sentences import Sentence, split_sentences
from ..core.scoring.credit import decode_picks, picks_text
from ..extensions import db
from ..models import Appeal, Attempt, Evidence, MarkChange, Question, Quiz, Response, Source
from ..passages import Passage, passage, squash, valid_span, whole_text, without_cited_quotes
from . import Conflict, NotFound, ServiceError
from .attempts import ordered_choices, own_attempt
from .closing import is_closed, settle
from .marks import mark_changes
from .sharing import instructor_may_read_source

#: The skills the history breaks down, one per question type.
SKILLS = ("source", "figure", "date", "verdict", "evidence", "attribution", "discrepancy")
SKILL_LABELS = {
    "source": "Finding the source",
    "figure": "Reading figures",
    "date": "Reading dates",
    "verdict": "Judging statements",
    "evidence": "Finding the evidence",
    "attribution": "Weighing attribution",
    "discrepancy": "Spotting discrepancies",
    "text": "Other questions",
}
WEAK_SHARE = 0.6


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


@dataclass
class SkillStat:
    """How often the student got one type of question right."""

    skill: str
    right: int
    total: int

    @property
    def label(self) -> str:
        return SKILL_LABELS.get(self.skill, self.skill.capitalize())

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class History:
    """Every attempt of a student (newest first) and a breakdown by skill."""

    attempts: list[Attempt]
    answered: dict[int, int]
    skills: list[SkillStat]

    @property
    def finished(self) -> list[Attempt]:
        """Return the finished whole-quiz attempts, oldest first (the chart's order)."""
        done = (a for a in self.attempts if a.finished and a.retry_of_id is None)
        return sorted(done, key=lambda a: a.finished_at)

    @property
    def practice(self) -> list[Attempt]:
        """Return the finished practice of missed questions, oldest first (plotted apart)."""
        done = (a for a in self.attempts if a.finished and a.retry_of_id is not None)
        return sorted(done, key=lambda a: a.finished_at)

    @property
    def weak(self) -> list[SkillStat]:
        """Return the skills answered right less often than WEAK_SHARE, weakest first."""
        return sorted((s for s in self.skills if s.share < WEAK_SHARE), key=lambda s: s.share)


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


def history(user_id: int) -> History:
    """Return the user's attempts with their quizzes, answer counts and skills (3 queries)."""
    stmt = (
        select(Attempt)
        .where(Attempt.user_id == user_id)
        .options(
            selectinload(Attempt.quiz).load_only(
                Quiz.id, Quiz.title, Quiz.published, Quiz.closes_at
            )
        )
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    )
    attempts = list(db.session.execute(stmt).scalars())
    closed = {a.quiz_id for a in attempts if not a.finished and is_closed(a.quiz)}
    if closed and settle(closed):  # attempts at quizzes closed since: submitted
        attempts = list(db.session.execute(stmt).scalars())
    stmt = (
        select(Response.attempt_id, func.count(Response.id))
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.user_id == user_id)
        .group_by(Response.attempt_id)
    )
    answered = {aid: n for aid, n in db.session.execute(stmt)}
    stmt = (
        select(
            Question.type, func.count(Response.id), func.sum(case((Response.correct, 1), else_=0))
        )
        .join(Response, Response.question_id == Question.id)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(
            Attempt.user_id == user_id,
            (Attempt.finished_at.is_not(None)) | (Attempt.mode == "practice"),
        )
        .group_by(Question.type)
    )
    counts = {
        qtype: (int(right or 0), int(total)) for qtype, total, right in db.session.execute(stmt)
    }
    order = list(SKILLS) + sorted(set(counts) - set(SKILLS))
    skills = [SkillStat(s, *counts[s]) for s in order if s in counts]
    return History(attempts, answered, skills)


def may_see_source(source_id: int, user_id: int) -> bool:
    """Return whether the user answered a question citing the source (and may see its feedback)."""
    stmt = select(
        exists()
        .where(
            Evidence.source_id == source_id,
            Response.question_id == Evidence.question_id,
            Attempt.id == Response.attempt_id,
            Attempt.user_id == user_id,
        )
        .where((Attempt.finished_at.is_not(None)) | (Attempt.mode == "practice"))
    )
    return bool(db.session.execute(stmt).scalar())


def source_page(
    source_id: int, user_id: int, instructor: bool, start: int | None, end: int | None
) -> tuple[Source, Passage | None]:
    """Return a cited source for its reader, with start..end highlighted when given."""
    source = db.session.get(Source, source_id)
    if instructor:
        readable = instructor_may_read_source(user_id, source_id)
    else:
        readable = may_see_source(source_id, user_id)
    if source is None or not readable:
        raise NotFound("There is no such source.")
    if start is None and end is None:
        return source, None
    if not valid_span(len(source.text), start, end):
        raise InvalidSpan("The highlighted span is outside the article.")
    return source, whole_text(source.text, start, end)


class InvalidSpan(ServiceError):
    """A highlight that does not fit in the article's text."""
