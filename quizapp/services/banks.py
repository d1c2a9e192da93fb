"""Banks: bring a core bank into the database and back out again."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..core.banks import model as core
from ..core.banks.native import load_bank
from ..extensions import db
from ..models import RETIRED, Bank, Evidence, Question, Quiz, Source


def text_hash(text: str) -> str:
    """Return the SHA-256 of a source text, to recognise an article seen before."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_iso_date(value: str | None) -> date | None:
    """Return the date of an ISO string, or None."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def find_or_add_source(doc: core.Source, owner_id: int | None) -> Source:
    """Return the owner's source with this text, adding it when new."""
    digest = text_hash(doc.text)
    stmt = select(Source).where(
        Source.text_hash == digest, Source.owner_id.is_not_distinct_from(owner_id)
    )
    found = db.session.execute(stmt).scalars().first()
    if found is not None:
        return found
    source = Source(
        owner_id=owner_id,
        title=doc.title,
        publisher=doc.publisher,
        author=doc.author,
        published=parse_iso_date(doc.date),
        url=doc.url,
        text=doc.text,
        text_hash=digest,
    )
    db.session.add(source)
    return source


def add_questions(
    bank: Bank,
    questions: Iterable[core.Question],
    sources: dict[str, Source],
    status: str | None = None,
) -> list[Question]:
    """Add core questions to a bank, mapping their evidence to database sources (no commit)."""
    start = len(bank.questions)
    rows = []
    for offset, q in enumerate(questions):
        row = Question(
            key=q.id,
            position=start + offset,
            type=q.type,
            prompt=q.prompt,
            answer=q.answer,
            accept=list(q.accept),
            choices=list(q.choices) if q.choices else None,
            explanation=q.explanation,
            tags=list(q.tags),
            difficulty=q.difficulty,
            tolerance=q.tolerance,
            weights=list(q.weights) if q.weights is not None else None,
            feedback=list(q.feedback) if q.feedback is not None else None,
            wildcards=q.wildcards,
            status=status or q.status,
            evidence=[
                Evidence(source=sources[ev.source], start=ev.start, end=ev.end, position=i)
                for i, ev in enumerate(q.evidence)
            ],
        )
        bank.questions.append(row)
        rows.append(row)
    return rows


def add_bank(
    doc: core.Bank, owner_id: int | None, origin: str | None = None, status: str | None = None
) -> Bank:
    """Add a core bank with its sources and questions to the session (no commit)."""
    bank = Bank(
        owner_id=owner_id,
        title=doc.title,
        description=doc.description,
        tags=list(doc.tags),
        origin=origin,
    )
    db.session.add(bank)
    sources = {s.id: find_or_add_source(s, owner_id) for s in doc.sources}
    add_questions(bank, doc.questions, sources, status)
    return bank


def import_bank(doc: core.Bank, owner_id: int | None, status: str | None = None) -> Bank:
    """Store a parsed bank for its owner, all or nothing."""
    bank = add_bank(doc, owner_id, status=status)
    db.session.commit()
    return bank


def load_bank_files(files: Iterable[tuple[str, bytes]]) -> list[str]:
    """Load bank files not loaded before and publish a practice quiz of each; return their names."""
    loaded = []
    for name, data in files:
        origin = f"questions/{name}"
        if db.session.execute(select(Bank.id).where(Bank.origin == origin)).first():
            continue
        doc = load_bank(data, "yaml" if name.endswith((".yaml", ".yml")) else "json")
        bank = add_bank(doc, owner_id=None, origin=origin)
        settings = doc.quiz or core.QuizSettings()
        quiz = Quiz(
            title=doc.title,
            description=doc.description,
            origin=origin,
            mode=settings.mode,
            book=settings.book,
            question_count=settings.questions,
            banks=[bank],
            published=True,
            shuffle=True,
        )
        db.session.add(quiz)
        loaded.append(name)
    db.session.commit()
    return loaded


def source_to_core(source: Source, key: str) -> core.Source:
    """Return a stored source as a core source with the given bank-local id."""
    return core.Source(
        id=key,
        title=source.title,
        text=source.text,
        publisher=source.publisher,
        author=source.author,
        date=source.published.isoformat() if source.published else None,
        url=source.url,
    )


def question_to_core(q: Question, keys: dict[int, str] | None = None) -> core.Question:
    """Return a stored question as a core question (evidence sources named by `keys`)."""
    keys = keys or {}
    return core_question(q, [core.Evidence(keys.get(e.source_id, str(e.source_id)), e.start, e.end)
                             for e in q.evidence])


def core_question(q: Any, evidence: list[core.Evidence]) -> core.Question:
    """Return a core question from anything holding a stored question's columns (a `Question`
    row, or a row the answer path read in one query), with the given evidence."""
    return core.Question(
        id=q.key or f"q{q.id}",
        type=q.type,
        prompt=q.prompt,
        answer=q.answer,
        accept=list(q.accept or []),
        choices=list(q.choices) if q.choices else None,
        evidence=evidence,
        explanation=q.explanation,
        tags=list(q.tags or []),
        difficulty=q.difficulty,
        tolerance=q.tolerance or 0.0,
        status=q.status,
        weights=list(q.weights) if q.weights is not None else None,
        feedback=list(q.feedback) if q.feedback is not None else None,
        wildcards=bool(q.wildcards),
    )


def evidence_text(q: Question) -> str:
    """Return the cited text of a stored question, its spans joined by blank lines."""
    return "\n\n".join(e.source.text[e.start : e.end] for e in q.evidence)


def to_core(bank_id: int) -> core.Bank:
    """Return a stored bank as a core bank, its sources numbered s1, s2, ..."""
    stmt = (
        select(Bank)
        .where(Bank.id == bank_id)
        .options(
            selectinload(Bank.questions)
            .selectinload(Question.evidence)
            .selectinload(Evidence.source)
        )
    )
    bank = db.session.execute(stmt).scalar_one()
    keys: dict[int, str] = {}
    sources: list[core.Source] = []
    kept = [q for q in bank.questions if q.status != RETIRED]  # rejected, kept for attempts
    for q in kept:
        for ev in q.evidence:
            if ev.source_id not in keys:
                keys[ev.source_id] = f"s{len(keys) + 1}"
                sources.append(source_to_core(ev.source, keys[ev.source_id]))
    questions = [question_to_core(q, keys) for q in kept]
    return core.Bank(
        title=bank.title,
        description=bank.description,
        sources=sources,
        questions=questions,
        tags=list(bank.tags or []),
    )
