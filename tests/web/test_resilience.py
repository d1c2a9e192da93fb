"""An unreachable database gives a friendly 503 page, and service resumes by itself."""

import contextlib
import shutil
import socket
import threading

import pytest
from sqlalchemy.engine import make_url

from quizapp import create_app


def test_unreachable_database_gives_a_friendly_503(tmp_path):
    folder = tmp_path / "db"
    folder.mkdir()
    url = "sqlite:///" + str(folder / "quizapp.sqlite")
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "DATABASE_URL": url, "LOAD_DEMO": False})
    from quizapp.extensions import dispose_engines
    from quizapp.services.setup import upgrade_database

    with app.app_context():
        upgrade_database()
    client = app.test_client()
    assert client.get("/").status_code == 200

    with app.app_context():
        dispose_engines()
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
        dispose_engines()


class Proxy:
    """A TCP proxy to PostgreSQL that the test can cut (dropping every connection) and restore."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.closed = False
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        """Refuse new connections and drop the open ones, as a network failure would."""
        self.up = False
        with self.lock:
            for s in self.sockets:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self.sockets.clear()

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.cut()
        self.closed = True
        self.thread.join(timeout=5)
        self.listener.close()


def test_postgresql_out_of_reach_gives_503_and_service_resumes(database_url, tmp_path):
    if not database_url.startswith("postgres"):
        pytest.skip("PostgreSQL only (set QUIZAPP_TEST_DATABASE_URL); SQLite: the test above")
    from sqlalchemy import select

    from quizapp.extensions import db, dispose_engines
    from quizapp.models import Response
    from tests.conftest import login, make_test_app, make_user
    from tests.factories import make_bank, make_quiz

    real = make_url(database_url)
    proxy = Proxy(real.host or "127.0.0.1", real.port or 5432)
    url = real.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    try:
        app = make_test_app(url, tmp_path)
        with app.app_context():
            make_quiz([make_bank()])
            make_user("ana")
            client = app.test_client()
            login(client, "ana")
            assert client.get("/").status_code == 200
            assert client.get("/me/history").status_code == 200
            question = client.post("/quizzes/1/start").location
            assert client.post(question, data={"answer": "the governor"}).status_code == 302

            proxy.cut()
            for path in ("/", "/me/history", "/quizzes/1"):
                down = client.get(path)
                body = down.get_data(as_text=True)
                assert down.status_code == 503, path
                assert "Temporarily unavailable" in body and "Traceback" not in body
                assert down.headers["Retry-After"] == "5"
            posted = client.post("/auth/login", data={"username": "ana", "password": "x"})
            assert posted.status_code == 503
            second = question.replace("/questions/1", "/questions/2")
            assert client.post(second, data={"answer": "Red Cross"}).status_code == 503

            proxy.restore()
            assert client.get("/").status_code == 200
            assert "Flood quiz" in client.get("/").get_data(as_text=True)
            assert client.get("/me/history").status_code == 200
            assert client.post(second, data={"answer": "Red Cross"}).status_code == 302
            saved = db.session.execute(select(Response.answer).order_by(Response.id)).scalars()
            assert list(saved) == ["the governor", "Red Cross"]
            db.session.remove()
            dispose_engines()
    finally:
        proxy.close()
