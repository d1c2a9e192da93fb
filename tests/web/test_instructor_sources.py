"""The workspace's articles: paste or upload, details that win over inference, claims marked."""

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Source
from tests.conftest import login, make_user

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


@pytest.fixture
def prof(app, client):
    """An instructor, logged in."""
    user = make_user("prof", "instructor")
    login(client, "prof")
    return user


def upload(client, name: str, data: bytes, **fields):
    """Post the add-article form with a file."""
    form = {"file": (io.BytesIO(data), name), "text": "", **fields}
    return client.post("/teach/sources/new", data=form, content_type="multipart/form-data")


def sources() -> list[Source]:
    db.session.expire_all()
    return list(db.session.execute(select(Source).order_by(Source.id)).scalars())


def test_dashboard_greets_an_empty_workspace(prof, client):
    page = client.get("/teach/").get_data(as_text=True)
    assert "Your workspace" in page
    assert "No articles yet" in page
    assert 'href="/static/workspace.css"' in page


def test_pasted_article_is_stored_with_inferred_details(prof, client):
    text = (DATA / "floods.txt").read_text()
    response = client.post("/teach/sources/new", data={"text": text})
    assert response.status_code == 302
    [source] = sources()
    assert source.owner_id == prof.id
    assert source.title == "Floods displace thousands in the north"
    assert source.author == "Jane Reporter"
    assert source.published.isoformat() == "2025-06-10"
    assert "12,000 people" in source.text and "By Jane Reporter" not in source.text
    assert response.headers["Location"].endswith(f"/teach/sources/{source.id}")


def test_form_details_win_over_inferred_ones(prof, client):
    data = (DATA / "floods.html").read_bytes()
    upload(client, "floods.html", data, title="My title", published="2024-01-02", publisher="")
    [source] = sources()
    assert source.title == "My title"
    assert source.published.isoformat() == "2024-01-02"
    assert source.publisher == "The Gazette"  # empty field: the inferred value stays
    assert source.author == "Sam Writer"


def test_the_same_article_twice_is_stored_once(prof, client):
    text = (DATA / "floods.txt").read_text()
    client.post("/teach/sources/new", data={"text": text})
    again = client.post("/teach/sources/new", data={"text": text}, follow_redirects=True)
    assert "You had added this article already" in again.get_data(as_text=True)
    assert len(sources()) == 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("floods.pdf", b"%PDF-1.4 ...", "Upload a .txt, .md or .html file."),
        ("not_utf8.txt", (DATA / "not_utf8.txt").read_bytes(), "is not UTF-8 text"),
        ("empty.txt", b"   \n\n ", "cannot be read"),
    ],
)
def test_bad_uploads_re_render_with_the_reason(prof, client, name, data, message):
    response = upload(client, name, data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert sources() == []


def test_text_or_file_but_not_neither(prof, client):
    response = client.post("/teach/sources/new", data={"text": "  "})
    assert response.status_code == 400
    assert "Paste the article text or upload a file." in response.get_data(as_text=True)


def test_oversized_upload_is_a_413_page(app, prof, client):
    app.config["MAX_CONTENT_LENGTH"] = 10_000
    response = upload(client, "big.txt", b"word " * 5000)
    assert response.status_code == 413
    assert "Upload too large" in response.get_data(as_text=True)


def test_bad_url_and_date_are_field_errors(prof, client):
    response = client.post(
        "/teach/sources/new",
        data={"text": (DATA / "floods.txt").read_text(), "url": "not a url", "published": "x"},
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Enter a full http(s) address." in page
    assert 'aria-invalid="true"' in page


def test_article_page_marks_claims_by_kind_with_a_text_label(prof, client):
    client.post("/teach/sources/new", data={"text": (DATA / "floods.txt").read_text()})
    [source] = sources()
    page = client.get(f"/teach/sources/{source.id}").get_data(as_text=True)
    assert '<mark class="claim claim-figure">more than 12,000' in page
    assert '<mark class="claim claim-source">the Red Cross' in page
    assert 'class="claim claim-vague"' in page
    assert 'class="claim claim-date">June 17' in page
    assert "attributed figure" in page and "vague attribution" in page
    assert 'class="claim-tag"' in page  # the letter: not colour alone
    assert "style=" not in page


def test_details_can_be_edited_but_not_emptied(prof, client):
    client.post("/teach/sources/new", data={"text": (DATA / "floods.txt").read_text()})
    [source] = sources()
    page = client.get(f"/teach/sources/{source.id}/edit").get_data(as_text=True)
    assert 'value="Floods displace thousands in the north"' in page
    bad = client.post(f"/teach/sources/{source.id}/edit", data={"title": ""})
    assert bad.status_code == 400
    ok = client.post(
        f"/teach/sources/{source.id}/edit",
        data={
            "title": "New title",
            "author": "",
            "url": "https://example.org/a",
            "published": "2025-06-11",
        },
    )
    assert ok.status_code == 302
    [source] = sources()
    assert (source.title, source.url) == ("New title", "https://example.org/a")
    assert source.author is None


def test_sources_list_shows_only_my_articles(prof, client):
    client.post("/teach/sources/new", data={"text": (DATA / "floods.txt").read_text()})
    other = make_user("other", "instructor")
    db.session.add(Source(owner_id=other.id, title="Not mine", text="x", text_hash="y"))
    db.session.commit()
    page = client.get("/teach/sources").get_data(as_text=True)
    assert "Floods displace thousands" in page and "Not mine" not in page
    assert db.session.execute(select(func.count(Source.id))).scalar() == 2


def test_only_web_addresses_become_links(prof, client):
    text = (DATA / "floods.txt").read_text()
    bad = "javascript://x.org/%0aalert(1)"
    assert client.post("/teach/sources/new", data={"text": text, "url": bad}).status_code == 400
    source = Source(owner_id=prof.id, title="Imported", text=text, text_hash="h", url=bad)
    db.session.add(source)
    db.session.commit()
    page = client.get(f"/teach/sources/{source.id}").get_data(as_text=True)
    assert 'href="javascript' not in page and "alert(1)" in page
