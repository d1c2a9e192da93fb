"""The review queue in bulk: approve, reject or tag several drafts of a bank at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from ..extensions import db
from ..models import Question, Response, utcnow
from . import ServiceError
from .library import clean_tags
from .sharing import bank_for

ACTIONS = ("approve", "reject", "tag")


@dataclass
class BulkResult:
    """What a bulk action did: how many drafts changed, and the ones it left, with why."""

    done: int = 0
    kept: list[str] = field(default_factory=list)


def bulk_review(
    user_id: int, bank_id: int, question_ids: list[int], action: str, tags: list[str] | None = None
) -> BulkResult:
    """Approve, reject (delete) or tag the chosen drafts of a bank, all in one commit.

    Ids of other banks' questions, or of questions no longer drafts, are ignored; a draft that
    students have answered is kept rather than deleted.
    """
    bank = bank_for(user_id, bank_id)
    if action not in ACTIONS:
        raise ServiceError("Choose approve, reject or tag.")
    if not question_ids:
        raise ServiceError("Select at least one draft first.")
    new_tags = clean_tags(tags or []) if action == "tag" else []
    if action == "tag" and not new_tags:
        raise ServiceError("Type the tag to add.")
    stmt = select(Question).where(
        Question.bank_id == bank.id, Question.id.in_(question_ids), Question.status == "draft"
    )
    drafts = list(db.session.execute(stmt).scalars())
    answered = set(
        db.session.execute(
            select(Response.question_id).where(Response.question_id.in_([q.id for q in drafts]))
        ).scalars()
    ) if drafts else set()  # fmt: skip
    result = BulkResult()
    for question in drafts:
        if action == "approve":
            question.status = "approved"
        elif action == "tag":
            question.tags = clean_tags([*(question.tags or []), *new_tags])
        elif question.id in answered:
            result.kept.append(f"draft {question.position + 1}: students have answered it")
            continue
        else:
            db.session.delete(question)
        result.done += 1
    bank.updated_at = utcnow()
    db.session.commit()
    return result
