"""What a request may bring, checked before any view reads it: a body of at most 64 KiB (also when it is sent in
chunks, without Content-Length), and on the API only JSON that is Unicode text and not nested too deep."""

from __future__ import annotations

import json
from typing import Any

from flask import Flask, request
from flask_smorest import abort

MAX_BODY_BYTES = 64 * 1024
UPLOADS = frozenset({"exchange.import_new_network", "exchange.import_into_network"})  # multipart, not JSON
MAX_DEPTH = 20  # Kring's own bodies are at most three levels deep
LONE_SURROGATE = "Not valid Unicode text: it holds a lone surrogate (such as \\ud800)."


def init_app(app: Flask) -> None:
    """Limit every request's body (to MAX_CONTENT_LENGTH) and check the API's JSON before the views parse it."""
    app.before_request(limit_streamed_body)
    app.before_request(require_json_body)


def limit_streamed_body() -> None:
    """A chunked body is read up to the limit: one that reaches it is a 413, never cut off into bad JSON (400)."""
    if request.content_length is not None or "chunked" not in request.headers.get("Transfer-Encoding", "").lower():
        return
    limit = request.max_content_length or MAX_BODY_BYTES
    if len(request.get_data(cache=True)) >= limit:
        abort(413)


def require_json_body() -> None:
    """On the API a body is JSON (else 415), no deeper than MAX_DEPTH (else 400), with Unicode text only (else
    422 naming the field)."""
    if not request.path.startswith("/api") or request.method in ("GET", "HEAD", "OPTIONS"):
        return
    has_body = bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "").lower()
    if not has_body or request.endpoint in UPLOADS:  # multipart files: the exchange blueprint checks those
        return
    if not request.is_json:
        abort(
            415,
            message="Send the request body as JSON, with Content-Type: application/json.",
            error="unsupported_media_type",
        )
    try:
        body = json.loads(request.get_data(cache=True))
    except RecursionError:  # the decoder's own guard, thousands of levels deep
        abort(400, message=f"The JSON body is nested too deeply (at most {MAX_DEPTH} levels).")
    except ValueError:
        return  # not JSON at all: the view's parser answers 400 "not valid JSON"
    _check(body, "", 0)


def _check(value: Any, path: str, depth: int) -> None:
    """Walk the body: refuse depth past MAX_DEPTH and any key or text with a lone surrogate."""
    if depth > MAX_DEPTH:
        abort(400, message=f"The JSON body is nested too deeply (at most {MAX_DEPTH} levels).")
    if isinstance(value, str):
        _unicode(value, path)
    elif isinstance(value, dict):
        for key, item in value.items():
            name = f"{path}.{key}" if path else key
            _unicode(key, name)
            _check(item, name, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check(item, f"{path}.{index}" if path else str(index), depth + 1)


def _unicode(text: str, path: str) -> None:
    """A 422 naming the field when the text cannot be stored (or written in any answer) as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        abort(422, messages={"json": {path or "_schema": [LONE_SURROGATE]}})
