"""The tests' client leaves no upload body open: a large multipart body that Werkzeug spooled
to a temporary file is closed once the app has answered (else a ResourceWarning surfaces in a
later test)."""

from __future__ import annotations

import gc
import io
import warnings


def test_a_large_upload_body_is_closed_after_the_answer(app):
    client = app.test_client()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        response = client.post("/auth/login", data={
            "file": (io.BytesIO(b"z" * 1000), "a.json"),
            "other": (io.BytesIO(b"q" * 900_000), "b.json")})
        assert response.status_code < 500
        assert response.request.environ["wsgi.input"].closed
        del response
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
