"""Security headers on every answer, pages, API and errors alike: a Content-Security-Policy that allows scripts and
styles only from Kring's own files (no inline script, no inline style), no framing, no MIME sniffing, no
referrer beyond Kring itself, and no caching of what is personal (every answer that does not say otherwise)."""

from __future__ import annotations

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",  # Swagger UI's icons are data: URIs in its style sheet
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "Referrer-Policy": "same-origin",  # not no-referrer: Flask-WTF checks the Referer of forms sent over HTTPS
}


def init_app(app: Flask) -> None:
    """Add the headers to every response."""
    app.after_request(secure)


def secure(response: Response) -> Response:
    """The security headers; `Cache-Control: no-store` unless the view chose its own caching (static files, the
    calendar feed)."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "no-store"
    return response
