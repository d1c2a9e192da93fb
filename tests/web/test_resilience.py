"""An unreachable database gives a friendly 503 page, and service resumes by itself."""

import shutil

from quizapp import create_app


def test_unreachable_database_gives_a_friendly_503(tmp_path):
    folder = tmp_path / "db"
    folder.mkdir()
    url = "sqlite:///" + str(folder / "quizapp.sqlite")
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "DATABASE_URL": url, "LOAD_DEMO": False})
    from quizapp.extensions import db
    from quizapp.services.setup import upgrade_database

    with app.app_context():
        upgrade_database()
    client = app.test_client()
    assert client.get("/").status_code == 200

    with app.app_context():
        db.engine.dispose()
    shutil.rmtree(folder)  # the database disappears: SQLite cannot open it any more
    down = client.get("/")
    body = down.get_data(as_text=True)
    assert down.status_code == 503
    assert "Temporarily unavailable" in body and "Traceback" not in body
    assert down.headers["Retry-After"] == "5"

    folder.mkdir()
    with app.app_context():
        upgrade_database()
    assert client.get("/").status_code == 200
    with app.app_context():
        db.engine.dispose()
