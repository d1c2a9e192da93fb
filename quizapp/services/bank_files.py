"""Bank files: import any supported format all-or-nothing, and export a bank for download."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import func, insert, select

from ..core.banks import model as core
from ..core.banks.formats import EXPORTS, EXTENSIONS, FORMATS, dump_any, load_any
from ..extensions import db
from ..models import Bank, Evidence, Question, Source, User, utcnow
from . import NotFound, ServiceError, storable
from .banks import parse_iso_date, text_hash, to_core
from .library import clean_tags
from .sharing import bank_for

EXPORT_FORMATS = EXPORTS
MIME_TYPES = {
    "json": "application/json",
    "yaml": "application/yaml",
    "gift": "text/plain",
    "moodle-xml": "application/xml",
    "qti": "application/xml",
}
EXPORT_EXTENSIONS = {f: EXTENSIONS[f][0] for f in FORMATS} | {"qti": ".qti.xml"}


class ImportRejected(ServiceError):
    """A bank file that cannot be imported: where (line or element) and why."""

    def __init__(self, reason: str, line: int | None = None, where: str | None = None):
        self.reason, self.line, self.where = reason, line, where
        place = f"line {line}" if line is not None else where
        super().__init__(f"{place}: {reason}" if place else reason)


@dataclass
class ImportResult:
    """What an import wrote."""

    bank: Bank
    questions: int
    sources: int
    skipped: list[str] = field(default_factory=list)  # "line N: reason" of left-out questions


def parse_bank_file(
    data: bytes, filename: str, fmt: str | None = None, skip_unsupported: bool = False
) -> core.Bank:
    """Parse a bank file in any format, raising ImportRejected with the line and reason.

    With `skip_unsupported`, questions of kinds quizapp cannot ask (Moodle's matching, essay,
    description...) are left out and listed in the bank's `skipped`; anything malformed still
    rejects the whole file.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ImportRejected(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    try:
        doc = load_any(data, filename, fmt, skip_unsupported=skip_unsupported)
    except core.BankError as exc:
        raise ImportRejected(exc.reason, exc.line, exc.where) from None
    if not doc.questions:
        if doc.skips:
            kinds: dict[str, int] = {}
            for skip in doc.skips:
                kinds[skip.kind] = kinds.get(skip.kind, 0) + 1
            left = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
            raise ImportRejected(
                f"the file holds no question quizapp can ask: it left out {left} ("
                + "; ".join(doc.skipped[:5]) + ("; ..." if len(doc.skipped) > 5 else "") + ")"
            )
        raise ImportRejected("the file holds no questions")
    problem = storable.bank_fault(doc)
    if problem:
        raise ImportRejected(problem)
    return doc


def _store_sources(doc: core.Bank, owner_id: int | None) -> dict[str, int]:
    """Return database ids for the file's sources, adding the new ones (one lookup query)."""
    hashes = {s.id: text_hash(s.text) for s in doc.sources}
    stmt = select(Source.text_hash, Source.id).where(
        Source.owner_id.is_not_distinct_from(owner_id), Source.text_hash.in_(set(hashes.values()))
    )
    known = dict(db.session.execute(stmt).all()) if hashes else {}
    added: dict[str, Source] = {}
    for s in doc.sources:
        if hashes[s.id] in known or hashes[s.id] in added:
            continue
        added[hashes[s.id]] = Source(
            owner_id=owner_id,
            title=s.title or "Untitled article",
            publisher=s.publisher,
            author=s.author,
            published=parse_iso_date(s.date),
            url=s.url,
            text=s.text,
            text_hash=hashes[s.id],
        )
    db.session.add_all(added.values())
    db.session.flush()
    known.update({digest: source.id for digest, source in added.items()})
    return {key: known[digest] for key, digest in hashes.items()}


def insert_questions(
    bank: Bank, questions: list[core.Question], source_ids: dict[str, int], status: str | None
) -> int:
    """Insert questions and their evidence with two bulk statements (no per-row flush)."""
    last = select(func.max(Question.position)).where(Question.bank_id == bank.id)
    start = (db.session.execute(last).scalar() or -1) + 1
    now = utcnow()
    rows = [
        {
            "bank_id": bank.id,
            "key": q.id[:100],
            "position": start + i,
            "type": q.type,
            "prompt": q.prompt,
            "answer": q.answer,
            "accept": list(q.accept),
            "choices": list(q.choices) if q.choices else None,
            "explanation": q.explanation,
            "tags": list(q.tags),
            "difficulty": q.difficulty,
            "tolerance": q.tolerance,
            "weights": list(q.weights) if q.weights is not None else None,
            "feedback": list(q.feedback) if q.feedback is not None else None,
            "wildcards": q.wildcards,
            "status": status or q.status,
            "created_at": now,
            "updated_at": now,
        }
        for i, q in enumerate(questions)
    ]
    # Positions are unique in the batch, so they map returned ids back to their questions
    # without sort_by_parameter_order (which SQLite can only honour one row at a time).
    stmt = insert(Question).returning(Question.id, Question.position)
    by_position = {pos: qid for qid, pos in db.session.execute(stmt, rows)}
    ids = [by_position[start + i] for i in range(len(rows))]
    evidence = [
        {"question_id": qid, "source_id": source_ids[ev.source], "start": ev.start,
         "end": ev.end, "position": n}
        for qid, q in zip(ids, questions, strict=True)
        for n, ev in enumerate(q.evidence)
    ]  # fmt: skip
    if evidence:
        db.session.execute(insert(Evidence), evidence)
    return len(rows)


def import_bank_file(
    owner_id: int | None,
    data: bytes,
    filename: str,
    fmt: str | None = None,
    title: str | None = None,
    bank_id: int | None = None,
    status: str | None = None,
    skip_unsupported: bool = False,
) -> ImportResult:
    """Import a bank file into a new bank (or an existing one): everything or nothing."""
    doc = parse_bank_file(data, filename, fmt, skip_unsupported)
    if bank_id is not None:
        bank = (
            bank_for(owner_id, bank_id) if owner_id is not None else db.session.get(Bank, bank_id)
        )
        bank.updated_at = utcnow()
    else:
        bank = Bank(
            owner_id=owner_id,
            title=(title or doc.title).strip()[:200] or "Imported questions",
            description=doc.description,
            tags=clean_tags([]),
        )
        db.session.add(bank)
    try:
        db.session.flush()
        source_ids = _store_sources(doc, owner_id)
        count = insert_questions(bank, doc.questions, source_ids, status)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return ImportResult(bank, count, len(doc.sources), list(doc.skipped))


def owned_bank_by_title(owner_id: int | None, title: str) -> Bank | None:
    """Return the owner's live bank with this title (the newest), or None."""
    stmt = (
        select(Bank)
        .where(
            Bank.owner_id.is_not_distinct_from(owner_id),
            Bank.title == title,
            Bank.deleted_at.is_(None),
        )
        .order_by(Bank.id.desc())
    )
    return db.session.execute(stmt).scalars().first()


def export_filename(title: str, fmt: str) -> str:
    """Return a safe download name for a bank in a format."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "bank"
    return slug + EXPORT_EXTENSIONS[fmt]


def export_bank(user_id: int | None, bank_id: int, fmt: str) -> tuple[str, str]:
    """Return the download name and text of a bank in a format."""
    if fmt not in EXPORT_FORMATS:
        raise ServiceError(f"Cannot export as {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}.")
    bank = bank_for(user_id, bank_id) if user_id is not None else find_bank(str(bank_id))
    try:
        text = dump_any(to_core(bank.id), fmt)
    except core.BankError as exc:
        raise ServiceError(f"This bank cannot be written as {fmt}: {exc}") from None
    return export_filename(bank.title, fmt), text


def instructor_id(username: str) -> int:
    """Return the id of the instructor with this username (for the command line)."""
    stmt = select(User).where(func.lower(User.username) == username.strip().lower())
    user = db.session.execute(stmt).scalar_one_or_none()
    if user is None or not user.is_instructor:
        raise ServiceError(f"there is no instructor called {username.strip()!r}")
    return user.id


def find_bank(ref: str) -> Bank:
    """Return the live bank with this id or title (for the command line)."""
    if ref.isdigit():
        bank = db.session.get(Bank, int(ref))
        if bank is not None and bank.deleted_at is None:
            return bank
    stmt = select(Bank).where(Bank.title == ref, Bank.deleted_at.is_(None)).limit(2)
    found = list(db.session.execute(stmt).scalars())
    if len(found) > 1:
        raise ServiceError(f"several banks are called {ref!r}: give the bank's id instead")
    if not found:
        raise NotFound(f"no bank with the id or title {ref!r}")
    return found[0]
