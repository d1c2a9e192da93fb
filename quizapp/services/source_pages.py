"""Source pages: a cited article for its reader, who may see it, and the span highlighted."""

from __future__ import annotations

from sqlalchemy import exists, select

from ..extensions import db
from ..models import Attempt, Evidence, Response, Source
from ..passages import Passage, valid_span, whole_text
from . import NotFound, ServiceError
from .sharing import instructor_may_read_source


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
