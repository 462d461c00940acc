"""A Speaker over a few translations given as a dict (message id: translation), for tests of what is translated."""

from __future__ import annotations

from domain.words import Speaker


class Dictionary:
    """A catalogue of a few words; a message id it does not have stays as it is (Dutch)."""

    def __init__(self, words: dict[str, str]) -> None:
        self.words = words

    def gettext(self, message: str) -> str:
        return self.words.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def speaker_of(words: dict[str, str], locale: str = "en") -> Speaker:
    """A Speaker of these words in this locale (its numbers and days too)."""
    return Speaker(Dictionary(words), locale)
