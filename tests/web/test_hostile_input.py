"""Hostile input: oversized uploads, poisoned bank files, and markup in every stored text.

Uploads over the limit are refused with a 413 page; malformed, deeply nested, huge and
entity-laden bank files are refused by the web import and by `quizapp import` with nothing
written; and markup typed into sources, questions, banks, quizzes and answers is shown escaped on
every page that shows it.
"""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.core.banks import model as core
from quizapp.extensions import db
from quizapp.models import Bank, Evidence, Question, Quiz, Response, Source
from tests.conftest import login, make_user
from tests.factories import make_bank, make_quiz

DEEP = 50_000  # levels; files stay under 500 KB, where the test client would spool to disk
QUESTION_XML = (
    b'<question type="shortanswer"><name><text>n</text></name><questiontext format="html">'
    b'<text>%s</text></questiontext><answer fraction="100"><text>a</text></answer></question>'
)
LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>\n<quiz>"
    + QUESTION_XML % b"&lol9;"
    + b"</quiz>"
)
XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<quiz>'
    + QUESTION_XML % b"&xxe;"
    + b"</quiz>"
)
PARAMETER_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY % remote SYSTEM "file:///etc/passwd">'
    b"%remote;]>\n<quiz>" + QUESTION_XML % b"q" + b"</quiz>"
)
HEAD = '{"format": "quizapp-bank", "version": 1, "title": "x", '
YAML_LAUGHS = (
    "format: quizapp-bank\nversion: 1\ntitle: x\na0: &a0 [lol, lol, lol, lol]\n"
    + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9))
    + "questions: *a8\n"
)

# (file name, content, a phrase of quizapp's refusal, or a tuple of phrases any one of which does:
# which check refuses a deep YAML file first depends on the YAML parser's own nesting limit)
HOSTILE_FILES = [
    ("laughs.xml", LAUGHS, "entities are not allowed"),
    ("xxe.xml", XXE, "entities are not allowed"),
    ("parameter.xml", PARAMETER_ENTITY, "not allowed"),
    ("deep.xml", b"<quiz>" + b"<a>" * DEEP + b"</a>" * DEEP + b"</quiz>", "line"),
    ("deep.json", (HEAD + '"questions": ' + "[" * DEEP + "]" * DEEP + "}").encode(), "nested"),
    ("deep-object.json", (HEAD + '"sources": [{"id": "s1", "title": "t", "text": '
                          + '{"a": ' * DEEP + "1" + "}" * DEEP + "}]}").encode(), "nested"),
    ("deep.yaml", ("format: quizapp-bank\nversion: 1\ntitle: x\nquestions: "
                   + "[" * DEEP + "]" * DEEP).encode(), ("nested deeper", "invalid YAML: ")),
    ("laughs.yaml", YAML_LAUGHS.encode(), "aliases are not allowed"),
    ("truncated.json", (HEAD + '"questions": [{"id": "q1"').encode(), "invalid JSON"),
    ("types.json", json.dumps({"format": "quizapp-bank", "version": 1, "title": ["x"],
                               "questions": "none"}).encode(), "must be"),
    ("offsets.json", json.dumps({
        "format": "quizapp-bank", "version": 1, "title": "x",
        "sources": [{"id": "s1", "title": "t", "text": "short"}],
        "questions": [{"id": "q1", "type": "source", "prompt": "p", "answer": "a",
                       "evidence": [{"source": "s1", "start": -5, "end": 10**30}]}],
    }).encode(), "line"),
    ("binary.gift", bytes(range(256)) * 40, "not UTF-8"),
    ("nul.json", HEAD.encode() + b"\x00" * 100 + b"}", "binary"),
    ("braces.gift", b"::q:: {=" + b"{" * 50_000, "never closed"),
    ("empty.json", b"", ""),
]  # fmt: skip


@pytest.fixture
def prof(app, client):
    user = make_user("prof", "instructor")
    login(client, "prof")
    return user


def refused_with(reason: str | tuple[str, ...], text: str) -> bool:
    """Tell whether the text holds the refusal's phrase (or one of its phrases)."""
    return any(phrase in text for phrase in ((reason,) if isinstance(reason, str) else reason))


def written() -> tuple[int, int, int, int]:
    """Count the rows an import could write."""
    db.session.expire_all()
    return tuple(
        db.session.execute(select(func.count(model.id))).scalar_one()
        for model in (Bank, Question, Evidence, Source)
    )


def import_file(client, name: str, data: bytes, **fields):
    form = {"file": (io.BytesIO(data), name), "bank": "0", "format": "", **fields}
    return client.post("/teach/banks/import", data=form, content_type="multipart/form-data")


@pytest.mark.parametrize(
    ("name", "data", "reason"), HOSTILE_FILES, ids=[f[0] for f in HOSTILE_FILES]
)
def test_hostile_bank_file_is_refused_by_the_web_import(prof, client, name, data, reason):
    before = written()
    response = import_file(client, name, data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400, page[-800:]
    assert refused_with(reason, page)
    assert "Traceback" not in page and "root:x:0" not in page
    assert written() == before


@pytest.mark.parametrize(
    ("name", "data", "reason"), HOSTILE_FILES, ids=[f[0] for f in HOSTILE_FILES]
)
def test_hostile_bank_file_is_refused_by_the_command_line(app, tmp_path, name, data, reason):
    make_user("prof", "instructor")
    path = tmp_path / name
    path.write_bytes(data)
    before = written()
    result = app.test_cli_runner().invoke(args=["import", str(path), "--owner", "prof"])
    assert result.exit_code != 0
    assert refused_with(reason, result.output)
    assert "Traceback" not in result.output and "root:x:0" not in result.output
    assert written() == before


def test_a_bank_file_over_the_size_limit_is_refused_by_the_command_line(app, tmp_path):
    path = tmp_path / "huge.json"
    questions = [{"id": f"q{i}", "type": "text", "prompt": "p" * 500, "answer": "a"}
                 for i in range(12_000)]  # fmt: skip
    path.write_text(json.dumps({"format": "quizapp-bank", "version": 1, "title": "Huge",
                                "questions": questions}))  # fmt: skip
    assert path.stat().st_size > core.MAX_BYTES
    before = written()
    result = app.test_cli_runner().invoke(args=["import", str(path)])
    assert result.exit_code != 0 and "the limit is" in result.output
    assert written() == before


def test_external_dtd_is_never_fetched(prof, client):
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]
        data = (
            b'<?xml version="1.0"?>\n<!DOCTYPE quiz SYSTEM "http://127.0.0.1:%d/evil.dtd">\n'
            b"<quiz>%s</quiz>" % (port, QUESTION_XML % b"Who?")
        )
        import_file(client, "dtd.xml", data)
        listener.settimeout(0.3)
        with pytest.raises(TimeoutError):
            listener.accept()


@pytest.mark.parametrize(
    ("url", "fields"),
    [
        ("/teach/sources/new", {"file": (io.BytesIO(b"word " * 30_000), "big.txt")}),
        ("/teach/banks/import", {"file": (io.BytesIO(b"x" * 150_000), "big.json"), "bank": "0"}),
        ("/teach/sources/new", {"text": "word " * 30_000}),
    ],
)
def test_uploads_over_the_limit_get_a_clear_413_page(app, prof, client, url, fields):
    app.config["MAX_CONTENT_LENGTH"] = 100_000
    before = written()
    response = client.post(url, data=fields, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "Upload too large" in page and "The limit is 97 KB" in page
    assert "Traceback" not in page
    assert written() == before


# -------------------------------------------------------------------------- markup is escaped

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
RAW = ("<script>alert(1)", "<img src=x", "onerror=alert(1)>")


def poisoned_bank() -> core.Bank:
    """Return a bank whose article, questions and choices carry markup."""
    text = (f"The Red Cross {SCRIPT} said 12,000 people left {IMG}. "
            "Officials said 40 schools would close.")  # fmt: skip
    evidence = [core.Evidence("s1", 0, text.index(". ") + 1)]
    return core.Bank(
        title=f"Bank {SCRIPT}{IMG}",
        description=f"About {SCRIPT}",
        sources=[core.Source("s1", f"Title {SCRIPT}{IMG}", text, publisher=f"Pub {IMG}")],
        questions=[
            core.Question("q1", "source", f"Who said it? {SCRIPT}{IMG}", "the Red Cross",
                          evidence=evidence, explanation=f"Because {SCRIPT}"),
            core.Question("q2", "text", f"Pick one {IMG}", f"Yes {SCRIPT}",
                          choices=[f"Yes {SCRIPT}", f"No {IMG}"], evidence=evidence),
        ],
    )  # fmt: skip


def assert_escaped(page: str, where: str) -> None:
    for raw in RAW:
        assert raw not in page, f"{where}: unescaped {raw!r}"


def test_markup_is_shown_escaped_on_every_page(app, client):
    prof = make_user("prof", "instructor")
    bank = make_bank(prof, poisoned_bank())
    quiz = make_quiz([bank], prof, title=f"Quiz {SCRIPT}{IMG}", description=f"Desc {IMG}")
    make_user("stu")
    login(client, "stu")
    start = client.post(f"/quizzes/{quiz.id}/start")
    question_url = start.location
    attempt_id = int(question_url.split("/")[3])
    pages = {"question 1": question_url, "question 2": question_url[:-1] + "2"}
    assert_escaped(client.get(question_url).get_data(as_text=True), "question page")
    answered = client.post(question_url, data={"answer": f"{SCRIPT}{IMG}"})
    assert answered.status_code == 302
    client.post(pages["question 2"], data={"answer": f"No {IMG}"})
    client.post(f"/quizzes/attempts/{attempt_id}/submit")
    db.session.expire_all()
    stored = db.session.execute(select(Response.answer)).scalars().all()
    assert f"{SCRIPT}{IMG}" in stored  # kept as typed: escaping is the page's job
    source_id = db.session.execute(select(Source.id)).scalar_one()
    question_id = bank.questions[0].id
    student_pages = {
        **pages,
        "home": "/",
        "overview": f"/quizzes/{quiz.id}",
        "feedback": question_url + "/feedback",
        "result": f"/quizzes/attempts/{attempt_id}/result",
        "attempt": f"/me/attempts/{attempt_id}",
        "history": "/me/history",
        "source": f"/quizzes/sources/{source_id}",
        "source span": f"/quizzes/sources/{source_id}?start=0&end=30",
    }
    seen_escaped = 0
    for where, url in student_pages.items():
        page = client.get(url, follow_redirects=True).get_data(as_text=True)
        assert_escaped(page, where)
        seen_escaped += "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    client.post("/auth/logout")
    login(client, "prof")
    teacher_pages = [
        "/teach/", "/teach/sources", f"/teach/sources/{source_id}",
        f"/teach/sources/{source_id}/edit", "/teach/banks", f"/teach/banks/{bank.id}",
        f"/teach/banks/{bank.id}/edit", f"/teach/banks/{bank.id}/delete",
        f"/teach/banks/{bank.id}/review", f"/teach/questions/{question_id}/edit",
        "/teach/quizzes", f"/teach/quizzes/{quiz.id}", f"/teach/quizzes/{quiz.id}/edit",
        f"/teach/quizzes/{quiz.id}/results", f"/teach/quizzes/{quiz.id}/statistics",
        "/teach/generate", "/teach/quizzes/new", f"/quizzes/sources/{source_id}",
    ]  # fmt: skip
    for url in teacher_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.get_data(as_text=True)
        assert_escaped(page, url)
        seen_escaped += "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert seen_escaped >= 20  # the payload really was on the pages, escaped
    db.session.expire_all()
    assert db.session.execute(select(Quiz.title)).scalar_one() == f"Quiz {SCRIPT}{IMG}"


def test_markup_in_a_pasted_source_is_escaped(app, client):
    make_user("prof", "instructor")
    login(client, "prof")
    text = (Path(__file__).parent.parent / "data" / "articles_raw").glob("*.txt")
    article = next(iter(sorted(text))).read_text(encoding="utf-8")
    response = client.post("/teach/sources/new", data={
        "text": f"{SCRIPT} {article} {IMG}", "title": f"T {SCRIPT}{IMG}", "publisher": IMG,
    })  # fmt: skip
    assert response.status_code == 302, response.get_data(as_text=True)[-500:]
    page = client.get(response.location).get_data(as_text=True)
    assert_escaped(page, "source page")
    assert "&lt;script&gt;" in page
    assert_escaped(client.get("/teach/sources").get_data(as_text=True), "sources")
