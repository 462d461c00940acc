"""Saying Kring's words in the reader's language: on a page or an API answer with the request's language (Flask-Babel:
?lang=, the session, Accept-Language; Dutch by default), and outside a request (the scheduler's e-mails) with the
catalogue itself. The words and their phrases are domain/words (ADR 0019)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from babel.support import Translations
from flask_babel import get_locale, get_translations
from marshmallow import fields

from domain.words import Phrase, Speaker

LANGUAGES = ("nl", "en")
TRANSLATIONS = Path(__file__).resolve().parent / "translations"


def speaker() -> Speaker:
    """The Speaker of this request's language."""
    return Speaker(get_translations(), str(get_locale() or "nl"))


def say(said: Phrase | str) -> str:
    """A phrase (or a message id) in this request's language."""
    return speaker()(said)


@cache
def speaker_for(lang: str) -> Speaker:
    """The Speaker of a language outside a request (e-mails); the compiled catalogue, Dutch without one."""
    if lang not in LANGUAGES:
        raise ValueError(f"Kring speaks {', '.join(LANGUAGES)}, not {lang!r}")
    return Speaker(Translations.load(str(TRANSLATIONS), [lang]), lang)


class Said(fields.String):
    """An API field holding a phrase (or several, said one after the other): said in the caller's language
    (?lang= or Accept-Language; Dutch by default)."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> str | None:
        if isinstance(value, Phrase):
            return say(value)
        if isinstance(value, list):
            return " ".join(say(part) for part in value)
        return super()._serialize(value, attr, obj, **kwargs)
