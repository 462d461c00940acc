"""Kring's icon in the browser's tab and on a phone's home screen: a ring of people around the client.

The files are in static/: favicon.svg, drawn by hand, and favicon.ico and apple-touch-icon.png, rendered from it
by chromium and Pillow. They are served at the addresses browsers look for by themselves (/favicon.ico) with a
long cache; every page links them with `icon_url`, whose `?v=` changes with the file, so a new icon is fetched at
once despite the cache.
"""

from __future__ import annotations

import hashlib
import mimetypes
from functools import cache
from pathlib import Path

from flask import Flask, Response, current_app, request, url_for

ICONS = ("favicon.ico", "favicon.svg", "apple-touch-icon.png")
ONE_YEAR = 365 * 24 * 3600


def icon(name: str) -> Response:
    """One of Kring's icons, to be kept for a year (the pages' links change when the file does)."""
    content, digest = _icon(str(current_app.static_folder), name)
    response = Response(content, mimetype=mimetypes.guess_type(name)[0])
    response.cache_control.public = True
    response.cache_control.max_age = ONE_YEAR
    response.set_etag(digest)
    response.make_conditional(request)  # 304 Not Modified when the browser has this one
    return response


def icon_url(name: str) -> str:
    """The address of an icon, with its version (the file's digest)."""
    return url_for("icons.icon", name=name, v=_icon(str(current_app.static_folder), name)[1][:10])


@cache
def _icon(folder: str, name: str) -> tuple[bytes, str]:
    """An icon's bytes (a few kB, read once) and their digest."""
    content = (Path(folder) / name).read_bytes()
    return content, hashlib.sha256(content).hexdigest()


def init_app(app: Flask) -> None:
    """The icons at the root (/favicon.ico, /favicon.svg, /apple-touch-icon.png), and `icon_url` for templates."""
    for name in ICONS:
        app.add_url_rule(f"/{name}", "icons.icon", icon, methods=["GET"], defaults={"name": name})
    app.jinja_env.globals["icon_url"] = icon_url
