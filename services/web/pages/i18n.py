"""The pages' language: Dutch by default, English on request; labels and phrases said in it; dates written out.

The Dutch text is the message id (ADR 0009); every label and composed sentence comes from domain/words (ADR 0019)
and is said here with the request's catalogue. `?lang=en` (or `nl`) switches and is remembered in the session;
otherwise the browser's Accept-Language decides.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from flask import Flask, request, session
from flask_babel import Babel, format_date, format_time, get_locale
from flask_babel import gettext as _

from domain.words import LABELS, Phrase
from domain.words import label as label_of
from services.web.auth import LANGUAGE_KEY
from services.web.language import LANGUAGES, say


def label(vocabulary: str, code: str | None) -> str:
    """The shown label of a code of a vocabulary in the page's language (a dash for none)."""
    return "–" if code is None else say(label_of(vocabulary, code))


def choices(vocabulary: str) -> list[tuple[str, str]]:
    """(code, label) pairs for a select or radio group."""
    return [(code, say(text)) for code, text in LABELS[vocabulary].items()]


def said(value: Phrase | str | list[Any]) -> str:
    """A phrase in the page's language; several phrases said one after the other."""
    if isinstance(value, list):
        return " ".join(say(part) for part in value)
    return say(value)


def select_locale() -> str:
    """?lang=, then the language remembered in the session, then the browser's preference; Dutch by default."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    remembered = session.get(LANGUAGE_KEY)
    if remembered in LANGUAGES:
        return str(remembered)
    return request.accept_languages.best_match(LANGUAGES, default="nl") or "nl"


def remember_language() -> None:
    """A page opened with ?lang= keeps that language for the rest of the session."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and session.get(LANGUAGE_KEY) != asked and not request.path.startswith("/api"):
        session[LANGUAGE_KEY] = asked


def language() -> str:
    """The language of this page ("nl" or "en")."""
    return str(get_locale() or "nl")


def long_date(day: date | str | None) -> str:
    """A day written out: "26 november 2026" (or "November 26, 2026")."""
    if day is None or day == "":
        return "–"
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return format_date(day, "long")


def long_datetime(moment: datetime | str) -> str:
    """A moment written out in Kring's time zone (Europe/Amsterdam): "26 november 2026 om 14:05"."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return _("%(day)s om %(time)s", day=format_date(moment, "long"), time=format_time(moment, "HH:mm"))


def init_app(app: Flask) -> None:
    """Flask-Babel with Kring's locale choice, and the helpers the templates use."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "nl")
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Amsterdam")
    Babel(app, locale_selector=select_locale)
    app.before_request(remember_language)
    app.jinja_env.globals.update(label=label, choices=choices, language=language, say=said)
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.filters["long_datetime"] = long_datetime
    app.jinja_env.filters["say"] = said
    app.jinja_env.globals.update(other_language=other_language, language_link=language_link)
    app.jinja_env.globals["other_language_name"] = lambda: "English" if language() == "nl" else _("Nederlands")


def other_language() -> str:
    return "en" if language() == "nl" else "nl"


def language_link() -> str:
    """This page in the other language (the rest of the query kept, e.g. the day of the map)."""
    return "?" + urlencode({**request.args.to_dict(), "lang": other_language()})
