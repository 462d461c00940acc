"""Carer-burden scores from questionnaire answers, by the instruments' published scoring rules.

Pure functions, standard library only: no I/O, no clock. A CarerBurdenReported event stores the answers
as given; they are validated and scored here, on reading (and before storing, by the caller).

- EDIZ-plus: 15 items scored 0/1, total 0-15; bands none 0, light 1-3, moderate 4-8, heavy 9-15
  (instrumentwijzer.nl / Movisie; De Boer et al. 2012 put overload at 9 or more).
- EDIZ: 9 statements answered Nee! / Nee / Min of meer / Ja / Ja!; the last three score 1; total 0-9.
  No published cut-off was found (the Zorg voor beter / Movisie form gives none): total only, no band.
- Caregiver Strain Index: 13 yes/no items, yes = 1, total 0-13; 7 or more = high strain (Robinson 1983).
- Self-Rated Burden: one integer 0-10. No published cut-off was found (Van Exel et al. 2004 propose it
  for quick screening only): total only, no band.

The item texts and their sources are in domain.burden_items. The EDIZ-plus and Self-Rated Burden texts
there are PARAPHRASED, to be checked against the licensed originals; the EDIZ and CSI texts are the
published Dutch wording. The Zarit Burden Interview is copyrighted and not included.

Answers accepted per item (never a float, never None):
- EDIZ-plus and CSI: 0 or 1, true or false, the option code ("no", "yes") or its exact Dutch label
  ("Nee", "Ja").
- EDIZ: the option code ("no_strongly", "no", "more_or_less", "yes", "yes_strongly") or the exact Dutch
  label ("Nee!", "Nee", "Min of meer", "Ja", "Ja!"). No numbers: a number would be ambiguous between the
  position on the scale and the item score.
- Self-Rated Burden: an integer 0-10 (not a boolean).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from domain.burden_items import SPECS, Instrument, Item, Option
from domain.errors import DomainError
from domain.vocabulary import INSTRUMENTS
from domain.words import Phrase
from domain.words import care as words

__all__ = [
    "SPECS",
    "Choice",
    "Instrument",
    "Item",
    "Option",
    "Question",
    "Questionnaire",
    "Score",
    "band_of",
    "instrument",
    "questionnaire",
    "score",
    "severity",
    "validate",
]

LANGUAGES: tuple[str, ...] = ("nl", "en")
EDIZ_PLUS_BANDS: tuple[tuple[int, str], ...] = ((0, "none"), (3, "light"), (8, "moderate"), (15, "heavy"))
CSI_HIGH_STRAIN_FROM = 7


@dataclass(frozen=True)
class Score:
    """A scored questionnaire: the total, its maximum, the band where one is published, and what it means.

    band: EDIZ-plus only ("none", "light", "moderate", "heavy"); None where no cut-off is published.
    high_strain: CSI only (7 or more); None for the other instruments.
    """

    instrument: str
    total: int
    maximum: int
    band: str | None
    high_strain: bool | None
    interpretation: Phrase
    item_scores: tuple[int, ...]


@dataclass(frozen=True)
class Question:
    """One item as a form shows it."""

    code: str
    text: str


@dataclass(frozen=True)
class Choice:
    """One answer option as a form shows it; `answer` is the value to send back."""

    answer: int | str
    label: str


@dataclass(frozen=True)
class Questionnaire:
    """An instrument's items and options in one language, for an API or a form to show."""

    instrument: str
    language: str
    name: str
    instruction: str
    items: tuple[Question, ...]
    options: tuple[Choice, ...]
    paraphrased: bool
    source: str


def instrument(code: str) -> Instrument:
    """The instrument with that code, or a DomainError on the field "instrument"."""
    if code not in INSTRUMENTS or code not in SPECS:
        raise DomainError("invalid_choice", f"{code!r} is not one of {', '.join(INSTRUMENTS)}.", "instrument")
    return SPECS[code]


def questionnaire(code: str, lang: str = "nl") -> Questionnaire:
    """The instrument's instruction, items and answer options in Dutch ("nl") or English ("en")."""
    spec = instrument(code)
    if lang not in LANGUAGES:
        raise DomainError("invalid_choice", f"{lang!r} is not one of {', '.join(LANGUAGES)}.", "lang")
    dutch = lang == "nl"
    return Questionnaire(
        instrument=spec.code,
        language=lang,
        name=spec.name_nl if dutch else spec.name_en,
        instruction=spec.instruction_nl if dutch else spec.instruction_en,
        items=tuple(Question(item.code, item.nl if dutch else item.en) for item in spec.items),
        options=tuple(Choice(_canonical(spec, o), o.nl if dutch else o.en) for o in spec.options),
        paraphrased=spec.paraphrased,
        source=spec.source,
    )


def validate(code: str, answers: Any) -> tuple[int, ...]:
    """Each answer's points, in item order; a DomainError "invalid_answers" naming the first bad one."""
    spec = instrument(code)
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
        raise DomainError("invalid_answers", f"The answers must be a list, one per item of {spec.name_en}.", "answers")
    if len(answers) != len(spec.items):
        raise DomainError(
            "invalid_answers",
            f"{spec.name_en} has {len(spec.items)} items; {len(answers)} answers were given.",
            "answers",
        )
    return tuple(_points(spec, index, answer) for index, answer in enumerate(answers))


def score(code: str, answers: Any) -> Score:
    """Validate the answers and score them by the instrument's published rules."""
    spec = instrument(code)
    points = validate(code, answers)
    total = sum(points)
    maximum = len(spec.items) * max(option.points for option in spec.options)
    band: str | None = None
    high_strain: bool | None = None
    if code == "ediz_plus":
        band = next(name for upper, name in EDIZ_PLUS_BANDS if total <= upper)
    elif code == "csi":
        high_strain = total >= CSI_HIGH_STRAIN_FROM
    line = words.meaning(code, total, maximum, band, high_strain)
    return Score(code, total, maximum, band, high_strain, line, points)


def band_of(result: Score) -> str | None:
    """The band a score is said in: EDIZ-plus's own, "high" or "not_high" for the CSI, none for EDIZ and SRB."""
    if result.high_strain is not None:
        return "high" if result.high_strain else "not_high"
    return result.band


def severity(code: str, answers: Any) -> str | None:
    """A cross-instrument severity where a published cut-off gives one: "heavy", "moderate", "light", "none".

    EDIZ-plus: its band. CSI: "heavy" at 7 or more (high strain), else None (no published gradation below).
    EDIZ and Self-Rated Burden: None (no published cut-off). Invalid answers or an unknown instrument: None,
    never an error, so that a projection can call this on stored answers.
    """
    try:
        result = score(code, answers)
    except DomainError:
        return None
    if result.high_strain:
        return "heavy"
    return result.band


# ------------------------------------------------------------------ helpers
def _canonical(spec: Instrument, option: Option) -> int | str:
    """The value a form sends for this option: the code on a labelled scale, the points otherwise."""
    return option.code if spec.kind == "labels" else option.points


def _points(spec: Instrument, index: int, answer: Any) -> int:
    item = spec.items[index]
    if spec.kind == "scale":
        top = max(option.points for option in spec.options)
        if type(answer) is int and 0 <= answer <= top:
            return answer
        raise _bad(spec, index, item, f"must be a whole number from 0 to {top}", answer)
    if spec.kind == "yes_no":
        if type(answer) is bool:
            return int(answer)
        if type(answer) is int and answer in (0, 1):
            return answer
    if type(answer) is str:
        for option in spec.options:
            if answer in (option.code, option.nl):
                return option.points
    accepted = ", ".join(f"{o.nl!r} ({o.code})" for o in spec.options)
    if spec.kind == "yes_no":
        accepted = f"0 or 1, true or false, {accepted}"
    raise _bad(spec, index, item, f"must be one of {accepted}", answer)


def _bad(spec: Instrument, index: int, item: Item, rule: str, answer: Any) -> DomainError:
    message = f"{spec.name_en}, item {index + 1} ({item.code}: {item.nl!r}): the answer {rule}; got {answer!r}."
    return DomainError("invalid_answers", message, f"answers.{index}")
