"""What a database column cannot hold is refused the same way on SQLite and PostgreSQL.

SQLite stores over-long strings and NUL characters that PostgreSQL refuses (a 500 there):
bank files, uploaded articles and their inferred details are checked before anything is
written, and refused with a 400 (or one line on the command line) naming the field.
"""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Bank, Evidence, Question, Source
from tests.conftest import login, make_user

TEXT = "The Red Cross said 12,000 people left. Officials said 40 schools would close."


def bank_file(source: dict | None = None, question: dict | None = None, **top) -> bytes:
    data = {
        "format": "quizapp-bank", "version": 1, "title": "Floods",
        "sources": [{"id": "s1", "title": "Floods", "text": TEXT, **(source or {})}],
        "questions": [{"id": "q1", "type": "source", "prompt": "Who said it?",
                       "answer": "the Red Cross", "evidence": [{"source": "s1", "start": 0,
                                                                "end": 38}],
                       **(question or {})}],
        **top,
    }  # fmt: skip
    return json.dumps(data).encode()


# (case, file name, content, a phrase of the refusal)
UNSTORABLE_FILES = [
    ("long source title", "a.json", bank_file({"title": "t" * 501}), "longer than 500"),
    ("long publisher", "a.json", bank_file({"publisher": "p" * 201}), "longer than 200"),
    ("long author", "a.json", bank_file({"author": "a" * 201}), "longer than 200"),
    ("long url", "a.json", bank_file({"url": "https://x.example/" + "u" * 2000}),
     "longer than 2000"),
    ("NUL in the article", "a.json", bank_file({"text": TEXT.replace(" said", "\x00said")}),
     "NUL"),
    ("NUL in a source title", "a.json", bank_file({"title": "Flo\x00ods"}), "NUL"),
    ("NUL in a prompt", "a.json", bank_file(question={"prompt": "Who\x00?"}), "NUL"),
    ("NUL in an answer", "a.json", bank_file(question={"answer": "the Red\x00Cross"}), "NUL"),
    ("NUL in accepted answers", "a.json", bank_file(question={"accept": ["Red\x00"]}), "NUL"),
    ("NUL in tags", "a.json", bank_file(question={"tags": ["a\x00"]}), "NUL"),
    ("NUL in the bank title", "a.json", bank_file(title="Flo\x00ods"), "NUL"),
    ("NUL in the description", "a.json", bank_file(description="d\x00"), "NUL"),
    ("NUL in a GIFT question", "a.gift", b"::q1:: Who said it\x00? {=the Red Cross}", "NUL"),
    ("NUL in a YAML bank", "a.yaml",
     b'format: quizapp-bank\nversion: 1\ntitle: "x\\0y"\nquestions:\n'
     b'- {id: q1, type: text, prompt: p, answer: a}\n', "NUL"),
]  # fmt: skip


def written() -> tuple[int, ...]:
    db.session.expire_all()
    return tuple(db.session.execute(select(func.count(m.id))).scalar_one()
                 for m in (Bank, Question, Evidence, Source))  # fmt: skip


@pytest.fixture
def prof(app, client):
    user = make_user("prof", "instructor")
    login(client, "prof")
    return user


@pytest.mark.parametrize(("case", "name", "data", "reason"), UNSTORABLE_FILES,
                         ids=[c[0] for c in UNSTORABLE_FILES])  # fmt: skip
def test_an_unstorable_bank_file_is_refused_by_the_web_import(prof, client, case, name, data,
                                                              reason):  # fmt: skip
    before = written()
    form = {"file": (io.BytesIO(data), name), "bank": "0", "format": ""}
    response = client.post("/teach/banks/import", data=form, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 400, page[-800:]
    assert reason in page
    assert written() == before


@pytest.mark.parametrize(("case", "name", "data", "reason"), UNSTORABLE_FILES,
                         ids=[c[0] for c in UNSTORABLE_FILES])  # fmt: skip
def test_an_unstorable_bank_file_is_refused_by_the_command_line_in_one_line(
    app, tmp_path, case, name, data, reason
):
    make_user("prof", "instructor")
    path = tmp_path / name
    path.write_bytes(data)
    before = written()
    result = app.test_cli_runner().invoke(args=["import", str(path), "--owner", "prof"])
    assert result.exit_code != 0
    assert reason in result.output and "Traceback" not in result.output
    said = [line for line in result.output.strip().splitlines() if "[alembic." not in line]
    assert len(said) == 1, result.output  # the migration log aside
    assert written() == before


def upload_article(client, data: bytes, name: str, **fields):
    form = {"file": (io.BytesIO(data), name), **fields}
    return client.post("/teach/sources/new", data=form, content_type="multipart/form-data")


def test_an_article_file_with_nul_characters_is_refused(prof, client):
    before = written()
    response = upload_article(client, (TEXT + "\x00 more").encode(), "a.txt")
    assert response.status_code == 400
    assert "NUL" in response.get_data(as_text=True)
    assert written() == before


def test_an_articles_over_long_inferred_details_are_shortened_to_fit(prof, client):
    page = (f"<html><head><title>{'T' * 700}</title>"
            f'<meta property="og:site_name" content="{"P" * 400}">'
            f'<meta name="author" content="{"A" * 400}"></head>'
            f"<body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>")  # fmt: skip
    response = upload_article(client, page.encode(), "a.html")
    assert response.status_code == 302, response.get_data(as_text=True)[-800:]
    db.session.expire_all()
    source = db.session.execute(select(Source)).scalar_one()
    assert 0 < len(source.title) <= 500
    assert source.publisher is None or len(source.publisher) <= 200
    assert source.author is None or len(source.author) <= 200
