"""Every word Kring shows, in one place (ADR 0019): the labels of the codes, and the sentences composed from data.

Dutch is the source language: a message id is the Dutch text itself, with `%(name)s` placeholders. The modules here
only mark words and build `Phrase`s; the edge says them in the reader's language with a `Speaker` (Flask-Babel's
catalogue on a page, babel.support.Translations for the scheduler's e-mails):

- `labels`: the label of every code of a closed vocabulary (category, ring, strength, flow, support type, ...);
- `history`: the line of every event type, and the timeline's kinds;
- `quality`: each measure's name, meaning and sentences, strengths and risks;
- `care`: burden scores' meaning, overload signals, reminders, e-mail and calendar;
- `problems`: what a form says about a value it refuses (by validation key or domain refusal code).

Adding a word: put the Dutch in the module it belongs to, wrapped in `N_("...")` in a table, or as the literal first
argument of `phrase("...", name=value)` / `plural("1 ...", "%(count)s ...", count)` in a function that builds it;
run `make translations` and write the English in services/web/translations/en/LC_MESSAGES/messages.po.
"""

from domain.words.labels import LABELS, label, labels
from domain.words.phrases import DUTCH, N_, Nn_, Percent, Phrase, Speaker, phrase, plural

__all__ = ["DUTCH", "LABELS", "N_", "Nn_", "Percent", "Phrase", "Speaker", "label", "labels", "phrase", "plural"]
