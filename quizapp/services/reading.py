"""Reading: the articles a question, an attempt or a quiz is about, with their reading panes.

Rows are read as plain tuples (no ORM objects); an article's text is read only the first time
this process renders its pane (see reading_pane). Nothing here reads evidence offsets or keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, select

from ..extensions import db
from ..models import Evidence, Question, Quiz, Response, Source, quiz_banks
from ..reading_pane import Pane, cached_pane, keep_pane
from . import Conflict, NotFound
from .attempts import own_attempt


@dataclass(frozen=True)
class Article:
    """An article as a reader sees it: its details and its reading pane."""

    id: int
    title: str
    publisher: str | None
    author: str | None
    published: date | None
    url: str | None
    pane: Pane | None  # None where only the details are listed (a quiz's overview)


_COLUMNS = (
    Source.id,
    Source.title,
    Source.publisher,
    Source.author,
    Source.published,
    Source.url,
    Source.text_hash,
)


def _articles(rows, with_panes: bool = True) -> list[Article]:
    """Return the articles of source rows, rendering (and keeping) panes not rendered yet."""
    rows = list(rows)
    if not with_panes:
        return [Article(*r[:6], pane=None) for r in rows]
    panes = {row.id: cached_pane(row.id, row.text_hash) for row in rows}
    missing = [sid for sid, pane in panes.items() if pane is None]
    if missing:
        texts = db.session.execute(
            select(Source.id, Source.text_hash, Source.text).where(Source.id.in_(missing))
        )
        for sid, text_hash, text in texts:
            panes[sid] = keep_pane(sid, text_hash, text)
    return [
        Article(r.id, r.title, r.publisher, r.author, r.published, r.url, panes[r.id])
        for r in rows
        if panes.get(r.id) is not None
    ]


def _quiz_sources(quiz_id):
    """Return the SELECT of the distinct sources cited by a quiz's approved questions."""
    return (
        select(*_COLUMNS)
        .join(Evidence, Evidence.source_id == Source.id)
        .join(Question, Question.id == Evidence.question_id)
        .join(quiz_banks, quiz_banks.c.bank_id == Question.bank_id)
        .where(quiz_banks.c.quiz_id == quiz_id, Question.status == "approved")
        .distinct()
    )


def _question_sources():
    """Return the SELECT of a question's sources, with how many articles its quiz is about."""
    inner = _quiz_sources(bindparam("quiz_id")).subquery()
    count = select(func.count()).select_from(inner).scalar_subquery()
    return (
        select(*_COLUMNS, count.label("quiz_articles"))
        .join(Evidence, Evidence.source_id == Source.id)
        .where(Evidence.question_id == bindparam("question_id"))
        .group_by(*_COLUMNS)
        .order_by(func.min(Evidence.position), Source.id)
    )


QUESTION_SOURCES = _question_sources()  # built once: compiled once, then from the cache


def question_articles(question_id: int, quiz_id: int) -> tuple[list[Article], int]:
    """Return the articles a question cites (in the order of its evidence) and how many
    articles its quiz is about, in one query on the session's connection (no ORM rows)."""
    params = {"question_id": question_id, "quiz_id": quiz_id}
    rows = db.session.connection().execute(QUESTION_SOURCES, params).all()
    return _articles(rows), rows[0].quiz_articles if rows else 0


def articles_of_questions(question_ids: list[int]) -> list[Article]:
    """Return the articles cited by any of the questions, in the order they are first cited."""
    if not question_ids:
        return []
    stmt = (
        select(*_COLUMNS, func.min(Evidence.question_id).label("first"))
        .join(Evidence, Evidence.source_id == Source.id)
        .where(Evidence.question_id.in_(question_ids))
        .group_by(*_COLUMNS)
    )
    order = {qid: i for i, qid in enumerate(question_ids)}
    rows = list(db.session.execute(stmt))
    rows.sort(key=lambda r: (order.get(r.first, len(order)), r.id))
    return _articles(rows)


def quiz_articles(quiz_id: int) -> list[Article]:
    """Return the articles a quiz's questions are about, by title (for its overview)."""
    stmt = _quiz_sources(quiz_id).order_by(Source.title, Source.id)
    return _articles(db.session.execute(stmt), with_panes=False)


@dataclass
class ReadFirst:
    """A closed-book attempt before its first answer: the articles to read."""

    attempt_id: int
    quiz_title: str
    mode: str
    total: int
    articles: list[Article]


def read_first(attempt_id: int, user_id: int) -> ReadFirst:
    """Return the articles of a closed-book attempt to read before question 1.

    Raises NotFound for another's attempt or an open-book quiz, and Conflict once the attempt
    has an answer or is finished: from then on the article comes back only with each feedback.
    """
    attempt = own_attempt(attempt_id, user_id)
    if attempt.quiz.book != "closed":
        raise NotFound("This quiz is open book: the article is beside every question.")
    answered = db.session.execute(
        select(Response.id).where(Response.attempt_id == attempt.id).limit(1)
    ).first()
    if attempt.finished or answered:
        raise Conflict("You have started answering: the article comes back with each feedback.")
    ids = list(attempt.question_ids)
    articles = articles_of_questions(ids)
    return ReadFirst(attempt.id, attempt.quiz.title, attempt.mode, len(ids), articles)


def quiz_article(quiz_id: int, source_id: int) -> tuple[Quiz, Article]:
    """Return an article of an open-book published quiz, for reading before starting it."""
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None or not quiz.published or quiz.book == "closed":
        raise NotFound("There is no such article in this quiz.")
    row = db.session.execute(_quiz_sources(quiz_id).where(Source.id == source_id)).first()
    if row is None:
        raise NotFound("There is no such article in this quiz.")
    return quiz, _articles([row])[0]
