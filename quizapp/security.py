"""Request hygiene and the response headers that every page carries."""

from flask import Flask, Response, abort, request

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def has_nul(values) -> bool:
    """Return whether any submitted value holds a NUL character (no form field has a use for one,
    and PostgreSQL refuses them in text, so they would fail deep in a service)."""
    return any("\x00" in f"{key}{value}" for key, value in values.items(multi=True))


def security_headers(app: Flask) -> list[tuple[str, str]]:
    """Return the headers every response carries, unless a view set its own."""
    headers = [
        ("Content-Security-Policy", CSP),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
        # Pages show answer keys, scores and exports: no browser or proxy may keep a copy (the
        # static files set their own caching, which stays).
        ("Cache-Control", "no-store"),
    ]
    if app.config["SESSION_COOKIE_SECURE"]:
        headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
    return headers


def register(app: Flask) -> None:
    """Refuse NUL characters in requests; add security headers to every response."""
    defaults = [(name.lower(), name, value) for name, value in security_headers(app)]

    @app.before_request
    def refuse_nul() -> None:
        if "\x00" in request.path or (request.query_string and has_nul(request.args)):
            abort(400)
        if request.method in ("POST", "PUT", "PATCH") and has_nul(request.form):
            abort(400)

    @app.after_request
    def set_headers(response: Response) -> Response:
        headers = response.headers
        present = {name.lower() for name, _ in headers.items()}
        for key, name, value in defaults:
            if key not in present:
                headers.add(name, value)
        return response
