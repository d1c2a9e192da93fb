"""Browser fixtures: a live quizapp server, Debian's Chromium through Playwright, axe-core.

The end-to-end tests drive a real browser against a real server on the test database (SQLite, or
PostgreSQL from QUIZAPP_TEST_DATABASE_URL), with CSRF protection ON as in production. They are
skipped, with the reason, when Chromium or node_modules/axe-core is missing, unless
QUIZAPP_REQUIRE_E2E=1 (CI), which turns the skip into a failure. Mark test modules with
`pytestmark = pytest.mark.e2e`.

Fixtures and helpers:

- `live_server`: a `LiveServer` started per test: `.base_url` ("http://127.0.0.1:PORT"),
  `.url(path)`, `.app`, and `.run(func, *args)` to call a function inside the app context
  (seed data: `live_server.run(make_quiz, ...)`; return plain values such as ids, not rows).
  Its tables are emptied first.
- `browser`: one headless Chromium per session (`launch_args()` gives its options).
- `page`: a fresh context and page per test, `base_url` set so `page.goto("/")` works. It records
  every request; at teardown it fails the test if a request left the server's origin, if an
  asset (not a page: error pages are visited on purpose) failed with 4xx/5xx, or if the console
  reported an error (a CSP violation, a script error).
  `page.requests_seen` holds the URLs.
- `axe_check(page, context="")`: run axe-core on the page and fail on serious or critical
  violations, listing them. Returns the full axe result.
- `register(page, username, password)` and `log_in(page, username, password)`: fill the forms
  (plain helpers; import them from `tests.e2e.conftest`).
- `tab_to(page, selector)`: press Tab until the element matching `selector` has the focus.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from quizapp.extensions import db, dispose_engines
from tests.conftest import make_test_app

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("QUIZAPP_CHROMIUM", "/usr/lib/chromium/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REQUIRE_ENV = "QUIZAPP_REQUIRE_E2E"
PASSWORD = "correct horse battery"


def missing_tools() -> str | None:
    """Return why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    if not CHROMIUM.exists():
        return f"Chromium is not at {CHROMIUM} (apt-get install chromium)"
    if not AXE.exists():
        return f"axe-core is not at {AXE} (npm install axe-core)"
    return None


def require_tools() -> None:
    """Skip (or, when QUIZAPP_REQUIRE_E2E=1, fail) when the browser tools are missing."""
    reason = missing_tools()
    if reason is None:
        return
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"end-to-end tests required ({REQUIRE_ENV}=1) but {reason}")
    pytest.skip(f"end-to-end tests skipped: {reason}")


def launch_args() -> dict:
    """Return Playwright's launch options for Debian's Chromium."""
    return {
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


class LiveServer:
    """The app served over HTTP by werkzeug in a background thread."""

    def __init__(self, app):
        self.app = app
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.base_url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=10)

    def url(self, path: str) -> str:
        """Return the absolute URL of a path on this server."""
        return self.base_url + path

    def run(self, func: Callable, *args, **kwargs):
        """Call func inside the app context (to seed or inspect the database)."""
        with self.app.app_context():
            try:
                return func(*args, **kwargs)
            finally:
                db.session.remove()


@pytest.fixture
def live_server(database_url, tmp_path) -> Iterator[LiveServer]:
    """Serve a fresh app (empty tables, CSRF on, no rate limits) for one test."""
    require_tools()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = make_test_app(database_url, tmp_path, WTF_CSRF_ENABLED=True, PROPAGATE_EXCEPTIONS=False)
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()
    with app.app_context():
        db.session.remove()
        dispose_engines()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    require_tools()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(**launch_args())
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page on the live server; fails on requests elsewhere or console errors."""
    context = browser.new_context(base_url=live_server.base_url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.requests_seen = []
    errors: list[str] = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} on {r.url}")
            if r.status >= 400 and r.request.resource_type != "document"
            else None
        ),
    )
    yield page
    context.close()
    origin = urlsplit(live_server.base_url)
    outside = [
        u
        for u in page.requests_seen
        if (urlsplit(u).scheme, urlsplit(u).netloc) != (origin.scheme, origin.netloc)
    ]
    assert not outside, f"requests outside the app: {outside}"
    # error pages (400, 404...) are visited on purpose; a failed asset is caught above
    errors = [e for e in errors if not e.startswith("Failed to load resource")]
    assert not errors, f"console errors: {errors}"


def run_axe(page) -> dict:
    """Load axe-core into the page and return its results.

    `page.add_script_tag(path=...)` injects an inline script, which the CSP rightly blocks, so
    the file's source is evaluated through the DevTools protocol instead (not subject to CSP).
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    return page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")


@functools.cache
def axe_source() -> str:
    """Return axe-core's source, read once."""
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def axe_check() -> Callable:
    """Return a checker: no serious or critical axe-core violations on the current page."""

    def check(page, context: str = "") -> dict:
        results = run_axe(page)
        bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        details = "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in bad
        )
        assert not bad, f"axe violations on {context or page.url}: {details}"
        return results

    return check


def register(page, username: str, password: str = PASSWORD) -> None:
    """Create a student account through the register form."""
    page.goto("/auth/register")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Repeat password").fill(password)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_load_state()


def log_in(page, username: str, password: str = PASSWORD) -> None:
    """Log in through the login form."""
    page.goto("/auth/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.locator("form").get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has the keyboard focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")




def seed_quiz(live_server: LiveServer, **fields) -> int:
    """Store a published quiz over the flood bank (unshuffled unless asked); return its id."""
    from tests.factories import evidence_bank, make_bank, make_quiz

    return live_server.run(lambda: make_quiz([make_bank(doc=evidence_bank())], **fields).id)
