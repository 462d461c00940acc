"""The API documentation page, /api/docs: Swagger UI served by Kring itself (from the flask-swagger-ui package's
copy of swagger-ui-dist), so it works without internet, and without inline script under the CSP."""

from __future__ import annotations

from pathlib import Path

import flask_swagger_ui
from flask import Flask, Response, render_template, send_from_directory

ASSETS = Path(flask_swagger_ui.__file__).parent / "dist"


def init_app(app: Flask) -> None:
    """The page and its files, beside the OpenAPI document (endpoints named like flask-smorest's own)."""
    app.add_url_rule("/api/docs", "api-docs.swagger_ui", swagger_ui, methods=["GET"])
    app.add_url_rule("/api/docs/assets/<path:name>", "api-docs.swagger_ui_asset", swagger_ui_asset, methods=["GET"])


def swagger_ui() -> str:
    """Swagger UI on Kring's OpenAPI document."""
    return render_template("api_docs.html")


def swagger_ui_asset(name: str) -> Response:
    """One of Swagger UI's files (its scripts, style sheet, icons)."""
    return send_from_directory(ASSETS, name)
