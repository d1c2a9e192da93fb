"""Authoring: generate draft questions from articles, review them, and write questions by hand."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import cast, func, select, true
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ..core.banks import model as core
from ..core.banks.schema import question_from_data, question_to_data
from ..core.claims.extract import extract_claims
from ..core.questions import ANSWER_IN_EVIDENCE, check_integrity, generate_questions
from ..core.scoring.dates import find_dates
from ..core.text.numbers import find_numbers
from ..extensions import db
from ..models import RETIRED, Attempt, Bank, Evidence, Question, Response, Source, utcnow
from . import Conflict, ServiceError
from .banks import add_questions
from .library import clean_tags, own_sources
from .sharing import bank_for, question_for, source_for
from .sources import to_core_source

NOT_IN_EVIDENCE = "answer does not occur in the cited evidence"


class InvalidQuestion(ServiceError):
    """A hand-written question that its evidence does not back: the problems, one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass
class Draft:
    """A question as an instructor writes it: plain values from the form."""

    type: str
    prompt: str
    answer: str
    accept: list[str] = field(default_factory=list)
    choices: list[str] | None = None
    explanation: str = ""
    tags: list[str] = field(default_factory=list)
    difficulty: float = 0.5
    source_id: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    weights: list[float] | None = None  # percent credit per choice (or typed answer)


def generate_into_bank(
    owner_id: int, source_ids: list[int], bank_id: int | None = None, title: str = ""
) -> tuple[Bank, int]:
    """Generate draft questions from the owner's articles into a new or existing bank."""
    if not source_ids:
        raise ServiceError("Choose at least one article.")
    sources = [source_for(owner_id, sid) for sid in dict.fromkeys(source_ids)]
    bank = bank_for(owner_id, bank_id) if bank_id is not None else None
    if bank is None and not title.strip():
        raise ServiceError("Give the new bank a title, or choose an existing bank.")
    questions = generate_questions([to_core_source(s) for s in sources])
    if not questions:
        raise ServiceError("No questions could be generated: the articles cite no one by name.")
    if bank is None:
        bank = Bank(owner_id=owner_id, title=title.strip()[:200], tags=[])
        db.session.add(bank)
    stamp = utcnow().strftime("%Y%m%d%H%M%S")
    for q in questions:
        q.id = f"gen-{stamp}-{q.id}"
    add_questions(bank, questions, {str(s.id): s for s in sources}, status="draft")
    bank.updated_at = utcnow()
    db.session.commit()
    return bank, len(questions)


def review_queue(
    user_id: int, bank_id: int, limit: int | None = None
) -> tuple[Bank, list[Question]]:
    """Return a bank and its (first `limit`) drafts with their evidence loaded."""
    bank = bank_for(user_id, bank_id)
    stmt = (
        select(Question)
        .where(Question.bank_id == bank_id, Question.status == "draft")
        .options(selectinload(Question.evidence).selectinload(Evidence.source))
        .order_by(Question.position, Question.id)
        .limit(limit)
    )
    return bank, list(db.session.execute(stmt).scalars())


def draft_count(bank_id: int) -> int:
    """Return how many drafts a bank holds."""
    stmt = select(func.count(Question.id)).where(
        Question.bank_id == bank_id, Question.status == "draft"
    )
    return db.session.execute(stmt).scalar_one()


def set_status(user_id: int, question_id: int, status: str) -> Question:
    """Approve a question, or withdraw it to the drafts."""
    if status not in ("draft", "approved"):
        raise ServiceError(f"Unknown status {status!r}.")
    question = question_for(user_id, question_id)
    question.status = status
    question.bank.updated_at = utcnow()
    db.session.commit()
    return question


def approve_all(user_id: int, bank_id: int) -> int:
    """Approve every draft of a bank; return how many."""
    bank, drafts = review_queue(user_id, bank_id)
    for q in drafts:
        q.status = "approved"
    bank.updated_at = utcnow()
    db.session.commit()
    return len(drafts)


def in_use(question_id: int) -> bool:
    """Return whether a student answered the question or an attempt holds it (drawn)."""
    answered = select(Response.id).where(Response.question_id == question_id).limit(1)
    if db.session.execute(answered).first():
        return True
    a = Attempt.__table__
    if db.session.get_bind().dialect.name == "postgresql":
        held = select(a.c.id).where(
            cast(a.c.question_ids, JSONB).contains(cast(func.json_build_array(question_id), JSONB))
        )
    else:
        ids = func.json_each(a.c.question_ids).table_valued("value")
        held = select(a.c.id).select_from(a).join(ids, true()).where(ids.c.value == question_id)
    return db.session.execute(held.limit(1)).first() is not None


def reject(user_id: int, question_id: int) -> bool:
    """Reject a draft: delete it, or retire it when in use; return whether it was deleted.

    Nothing a student submitted is ever deleted: a question that an attempt holds or a student
    answered is retired instead (kept for those attempts, which can still finish; out of the
    bank's pages, the review queue and future draws). The foreign key from responses
    (RESTRICT) refuses a delete that an answer saved meanwhile would lose: then it is retired.
    """
    question = question_for(user_id, question_id)
    if question.status != "draft":
        raise Conflict("Only drafts can be rejected: withdraw the question to the drafts first.")
    if not in_use(question_id):
        db.session.delete(question)
        try:
            db.session.commit()
        except IntegrityError:  # answered in the meantime
            db.session.rollback()
        else:
            return True
        question = question_for(user_id, question_id)
    question.status = RETIRED
    question.bank.updated_at = utcnow()
    db.session.commit()
    return False


def allowed_sources(user_id: int, bank_id: int) -> list[Source]:
    """Return the articles a bank's questions may cite: the user's own and those it cites."""
    cited = (
        select(Source)
        .join(Evidence, Evidence.source_id == Source.id)
        .join(Question, Question.id == Evidence.question_id)
        .where(Question.bank_id == bank_id)
        .distinct()
    )
    found = {s.id: s for s in own_sources(user_id)}
    for s in db.session.execute(cited).scalars():
        found.setdefault(s.id, s)
    return list(found.values())


def _covers(answer: str, evidence: str) -> bool:
    """Tell whether a figure or date answer matches one written differently in the evidence."""
    values = {n.value for n in find_numbers(answer) if not n.is_year}
    if values and values <= {n.value for n in find_numbers(evidence)}:
        return True
    wanted = [r for d in find_dates(answer) for r in d.readings]
    given = [r for d in find_dates(evidence) for r in d.readings]
    fields = ("year", "month", "day")
    return any(
        all(getattr(w, f) is None or getattr(w, f) == getattr(g, f) for f in fields)
        for w in wanted
        for g in given
    )


def problems_of(draft: Draft, source: Source | None) -> list[str]:
    """Return why a draft is not backed by its evidence (empty when it is)."""
    evidence = [core.Evidence("s", a, b) for a, b in draft.spans] if source else []
    question = core.Question(
        "new", draft.type, draft.prompt, draft.answer, list(draft.accept),
        draft.choices or None, evidence, draft.explanation, list(draft.tags), draft.difficulty,
    )  # fmt: skip
    sources = [core.Source("s", source.title, source.text)] if source else []
    if draft.weights is not None or draft.type == "multi":
        try:  # the bank rules for weights: one per answer, -100..100, a multi's credit
            checked = question_from_data(question_to_data(question) | {
                "weights": draft.weights, "evidence": []}, {})
        except core.BankError as exc:
            return [exc.reason]
        question.answer = draft.answer = checked.answer
        question.weights = checked.weights
    problems = check_integrity(question, sources)
    if draft.type in ("text", "multi") and not evidence:
        problems = [p for p in problems if p != "no evidence"]
    if NOT_IN_EVIDENCE in problems and source is not None:
        cited = " ".join(source.text[a:b] for a, b in draft.spans)
        variants = [draft.answer, *draft.accept]
        if draft.type in ("figure", "date") and any(_covers(v, cited) for v in variants):
            problems.remove(NOT_IN_EVIDENCE)
    if draft.type in ANSWER_IN_EVIDENCE and not evidence:
        problems.append("choose the sentences that contain the answer")
    return problems


def _apply(question: Question, draft: Draft, source: Source | None) -> None:
    """Copy a checked draft onto a question row, replacing its evidence."""
    question.type, question.prompt, question.answer = draft.type, draft.prompt, draft.answer
    question.accept = list(draft.accept)
    question.choices = list(draft.choices) if draft.choices else None
    question.explanation, question.tags = draft.explanation, clean_tags(draft.tags)
    question.difficulty = draft.difficulty
    question.weights = list(draft.weights) if draft.weights is not None else None
    answers = draft.choices or [draft.answer, *draft.accept]
    if question.feedback is not None and len(question.feedback) != len(answers):
        question.feedback = None  # imported per-answer feedback no longer lines up
    question.evidence = [
        Evidence(source_id=source.id, start=a, end=b, position=i)
        for i, (a, b) in enumerate(sorted(draft.spans))
    ] if source else []  # fmt: skip


def _checked_source(user_id: int, bank_id: int, draft: Draft) -> Source | None:
    """Return the draft's article if the bank may cite it, after checking the draft."""
    source = None
    if draft.source_id is not None:
        source = next(
            (s for s in allowed_sources(user_id, bank_id) if s.id == draft.source_id), None
        )
        if source is None:
            raise InvalidQuestion(["choose one of your articles"])
    problems = problems_of(draft, source)
    if problems:
        raise InvalidQuestion(problems)
    return source


def write_question(user_id: int, bank_id: int, draft: Draft, status: str = "approved") -> Question:
    """Add a hand-written question to a bank once its evidence backs it."""
    bank = bank_for(user_id, bank_id)
    source = _checked_source(user_id, bank_id, draft)
    position = max((q.position for q in bank.questions), default=-1) + 1
    question = Question(bank=bank, key=f"hand-{utcnow():%Y%m%d%H%M%S}-{position}",
                        position=position, status=status)  # fmt: skip
    _apply(question, draft, source)
    bank.updated_at = utcnow()
    db.session.add(question)
    db.session.commit()
    return question


def update_question(user_id: int, question_id: int, draft: Draft) -> Question:
    """Change a question (its status stays) once its evidence backs it."""
    question = question_for(user_id, question_id)
    source = _checked_source(user_id, question.bank_id, draft)
    _apply(question, draft, source)
    question.bank.updated_at = utcnow()
    db.session.commit()
    return question


def generation_summary(sources: list[core.Source], questions: list[core.Question]) -> str:
    """Return one line: articles, attributions, figures, and questions by type."""
    claims = [c for s in sources for c in extract_claims(s.text)]
    named = sum(1 for c in claims if c.attribution.strength == "named")
    vague = sum(1 for c in claims if c.attribution.strength == "vague")
    figures = sum(len(c.figures) for c in claims)
    by_type = Counter(q.type for q in questions)
    types = ", ".join(f"{t} {by_type[t]}" for t in core.QUESTION_TYPES if by_type[t])
    return (
        f"{len(sources)} article{'s' if len(sources) != 1 else ''}, {named + vague} attributions "
        f"({named} named, {vague} vague), {figures} figures, {len(questions)} questions"
        + (f" ({types})" if types else "")
    )
