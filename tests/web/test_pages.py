"""The skeleton's pages: home, error pages, security headers."""

from quizapp.extensions import db
from quizapp.models import Bank, Quiz


def publish_quiz(title="Casualty claims", mode="practice"):
    quiz = Quiz(title=title, mode=mode, published=True, banks=[Bank(title="b")])
    db.session.add(quiz)
    db.session.commit()
    return quiz


def test_home_lists_published_quizzes_only(client):
    publish_quiz("Casualty claims")
    db.session.add(Quiz(title="Secret draft quiz", published=False))
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert "Casualty claims" in page
    assert "Secret draft quiz" not in page


def test_home_says_when_nothing_is_published(client):
    assert "No quiz is published yet" in client.get("/").get_data(as_text=True)


def test_missing_page_is_a_styled_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)
    assert "<nav" in response.get_data(as_text=True)


def test_wrong_method_is_405_page(client):
    response = client.get("/auth/logout")
    assert response.status_code == 405
    assert "Method not allowed" in response.get_data(as_text=True)


def test_pages_carry_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


def test_static_files_are_served(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert b"--brand" in response.data
    response.close()


def test_oversized_request_is_a_413_page(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/auth/login", data={"username": "x" * 5000, "password": "y"})
    assert response.status_code == 413
    assert "Upload too large" in response.get_data(as_text=True)


def test_unexpected_error_is_a_500_page_without_traceback(app, client):
    @app.route("/boom")
    def boom():
        raise RuntimeError("secret internals")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "Something went wrong" in body
    assert "secret internals" not in body and "Traceback" not in body
