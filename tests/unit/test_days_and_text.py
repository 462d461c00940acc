"""Kring's range of days and its rules for text, as the domain holds them for every way in (API, forms, CLI)."""

from __future__ import annotations

from datetime import date

import pytest

from domain import days, text
from domain.errors import DomainError
from domain.network import Network
from domain.reminders import Reminder
from domain.state import Stamp
from tests.unit.test_network import TODAY, on, opened


def _code(refused: pytest.ExceptionInfo[DomainError]) -> tuple[str, str | None]:
    return refused.value.code, refused.value.field


def test_a_plan_may_reach_ten_years_ahead_and_a_29_february_counts_to_28_february() -> None:
    assert days.latest(date(2026, 11, 26)) == date(2036, 11, 26)
    assert days.latest(date(2028, 2, 29)) == date(2038, 2, 28)


def test_a_goal_due_past_ten_years_is_refused_by_the_network_itself() -> None:
    network = opened()
    with pytest.raises(DomainError) as refused:
        network.set_goal(on("2026-02-01"), "g1", "Verhuizen", date(9999, 12, 31))
    assert _code(refused) == ("date_too_far", "due_on")
    network.set_goal(on("2026-02-01"), "g1", "Verhuizen", date(2036, 11, 26))
    assert [type(e).__name__ for e in network.collect_events()] == ["GoalSet"]


def test_a_next_review_past_ten_years_and_a_day_before_1900_are_refused() -> None:
    network = opened()
    with pytest.raises(DomainError) as refused:
        network.review(on("2026-03-01"), [], "", date(2040, 1, 1))
    assert _code(refused) == ("date_too_far", "next_review_on")
    with pytest.raises(DomainError) as early:
        Network.open("Mevr. Jansen", "coord", 13, Stamp("coord", date(1899, 12, 31), TODAY))
    assert _code(early) == ("date_too_early", "effective_on")
    with pytest.raises(DomainError) as known:
        network.add_contact(
            on("2026-02-01"),
            "oma",
            name="Oma",
            category="family_of_origin",
            ring="intimate",
            known_since=date(1800, 1, 1),
        )
    assert _code(known) == ("date_too_early", "known_since")


def test_a_reminder_is_snoozed_at_most_ten_years() -> None:
    reminder = Reminder(network_id="n", kind="review_due", subject="", due_on=TODAY, channels=[], recorded_by="s")
    with pytest.raises(DomainError) as refused:
        reminder.snooze("coord", date(2037, 1, 1), TODAY)
    assert _code(refused) == ("date_too_far", "until")


@pytest.mark.parametrize("name", ["", " ", "\u200b", "\u00ad\u200e", "\t\n"])
def test_a_name_with_nothing_visible_is_required(name: str) -> None:
    with pytest.raises(DomainError) as refused:
        opened().add_contact(on("2026-02-01"), "x", name=name, category="friend", ring="friend")
    assert _code(refused) == ("required", "name")


def test_control_characters_are_refused_and_line_breaks_only_in_notes() -> None:
    network = opened()
    with pytest.raises(DomainError) as refused:
        network.set_goal(on("2026-02-01"), "g1", "Naar\nbuiten", None)
    assert _code(refused) == ("unprintable", "title")
    with pytest.raises(DomainError) as nul:
        network.add_note(on("2026-02-01"), "n1", "een\x00nul")
    assert _code(nul) == ("unprintable", "text")
    network.add_note(on("2026-02-01"), "n1", "regel een\n\tregel twee")
    assert text.unprintable("emoji 👩‍👩‍👧 en Zoë") is False
    assert text.unprintable("\ud800") is True
