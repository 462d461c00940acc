"""The days Kring accepts: nothing before 1900, nothing after today that happened, nothing planned over ten years
ahead. One definition for the domain's rules, the API's schemas and the forms' date fields."""

from __future__ import annotations

from datetime import date

from domain.errors import DomainError

EARLIEST = date(1900, 1, 1)
YEARS_AHEAD = 10
TOO_EARLY = f"Give a day from {EARLIEST.isoformat()} on."
IN_FUTURE = "This date lies in the future."
TOO_FAR = f"Give a day at most {YEARS_AHEAD} years from today."


def latest(today: date) -> date:
    """The last day a plan may name: YEARS_AHEAD years after today (28 February for a 29 February)."""
    year = today.year + YEARS_AHEAD
    return today.replace(year=year) if (today.month, today.day) != (2, 29) else date(year, 2, 28)


def require_past(day: date, today: date, field: str) -> None:
    """A day something happened: from EARLIEST to today."""
    if day < EARLIEST:
        raise DomainError("date_too_early", TOO_EARLY, field, {"earliest": EARLIEST})
    if day > today:
        raise DomainError("date_in_future", IN_FUTURE, field)


def require_planned(day: date, today: date, field: str) -> None:
    """A day planned ahead (or asked about): from EARLIEST to YEARS_AHEAD years after today."""
    if day < EARLIEST:
        raise DomainError("date_too_early", TOO_EARLY, field, {"earliest": EARLIEST})
    if day > latest(today):
        raise DomainError("date_too_far", TOO_FAR, field, {"years": YEARS_AHEAD})


def age_on(born: date, day: date) -> int:
    """Someone's age in whole years on a day."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
