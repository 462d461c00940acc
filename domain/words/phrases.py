"""Phrases: what a sentence says without its words yet, and the Speaker that says it in the reader's language.

A `Phrase` is a message id (the Dutch text, with `%(name)s` placeholders), its named parameters and, for a counted
noun, the plural message id and the count. The domain and the read side build phrases; the edge says them with a
`Speaker` over a gettext catalogue and a locale: numbers with the locale's decimal sign, shares as percentages, days
written out ("5 december 2026"), lists joined the locale's way ("Mo en Sven"), codes by their label.

`N_`, `Nn_`, `phrase` and `plural` are Babel's extraction keywords (babel.cfg): `make translations` finds every
message id written with them; `N_` and `Nn_` only mark (the domain imports no web framework).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent


def N_(text: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """Mark a message id for extraction; it is translated when said."""
    return text


def Nn_(singular: str, plural_text: str) -> tuple[str, str]:  # noqa: N802 - N_ for a pair of forms
    """Mark a singular and plural message id for extraction, as one entry with plural forms; said with `plural`."""
    return singular, plural_text


@dataclass(frozen=True)
class Percent:
    """A share (0.53) said as a percentage ("53%")."""

    share: float


@dataclass(frozen=True)
class Phrase:
    """A sentence or label in no language yet: message id, parameters, and the plural form and count if counted."""

    text: str
    params: Mapping[str, Any] = field(default_factory=dict)
    plural: str | None = None
    count: int | None = None

    def __str__(self) -> str:  # a phrase shown without a Speaker would be Dutch on an English page
        raise TypeError(f"say this phrase with a Speaker: {self.text!r}")

    def with_params(self, **params: Any) -> Phrase:
        """The same phrase with more (or other) parameters."""
        return Phrase(self.text, {**self.params, **params}, self.plural, self.count)


def phrase(text: str, **params: Any) -> Phrase:
    """A sentence with named parameters: phrase("%(name)s is zwaar belast", name=...)."""
    return Phrase(text, params)


def plural(singular: str, plural_text: str, count: int, **params: Any) -> Phrase:
    """A sentence about a number of things: the singular and plural message ids, chosen by `count` (also a
    parameter: %(count)s)."""
    return Phrase(singular, {"count": count, **params}, plural_text, count)


class Catalogue(Protocol):
    """What a Speaker needs of a catalogue: babel.support.Translations, gettext.NullTranslations, Flask-Babel's."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...


class Speaker:
    """Says phrases in one language: the catalogue's words, the locale's numbers, dates and lists."""

    def __init__(self, catalogue: Catalogue, locale: str) -> None:
        self.catalogue = catalogue
        self.locale = locale

    def __call__(self, said: Phrase | str) -> str:
        """The phrase in this language; a plain string is a message id (a label, a heading)."""
        if isinstance(said, str):
            return self.catalogue.gettext(said)
        if said.plural is not None and said.count is not None:
            text = self.catalogue.ngettext(said.text, said.plural, said.count)
        else:
            text = self.catalogue.gettext(said.text)
        if not said.params:
            return text
        return text % {name: self.value(value) for name, value in said.params.items()}

    def value(self, value: Any) -> str:
        """One parameter as it is written in this language."""
        if isinstance(value, Phrase):
            return self(value)
        if isinstance(value, bool):
            raise TypeError("a yes or no is said with a phrase of its own, not as a parameter")
        if isinstance(value, int | float):
            return self.number(value)
        if isinstance(value, Percent):
            return format_percent(value.share, locale=self.locale)
        if isinstance(value, date):
            return self.day(value)
        if isinstance(value, Sequence) and not isinstance(value, str):
            return format_list([self.value(item) for item in value], locale=self.locale)
        return str(value)

    def number(self, value: float) -> str:
        """A number with the locale's decimal sign, at most one decimal ("6", "2,5"); never "-0"."""
        rounded = round(float(value), 1) + 0.0
        return format_decimal(rounded, format="#,##0.#", locale=self.locale)

    def day(self, day: date) -> str:
        """A day written out: "5 december 2026", "December 5, 2026"."""
        return format_date(day, "long", locale=self.locale)


class _Source:
    """The source language's catalogue: every message id is already Dutch."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


DUTCH = Speaker(_Source(), "nl")  # what a phrase says without a catalogue: the Dutch of its message ids
