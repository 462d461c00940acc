"""The reminder rules hold: what one save raises, the same save never resolves, and a reminder due again comes back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from domain.words import DUTCH
from services.application.kring import Kring
from services.application.readside import ReadSide
from services.application.reminders import Reminders
from tests.integration.test_reminders import contact, network, on, scan

COORDINATOR = "coord@wijkteam.nl"
STRENGTHS = {"up": "strong", "down": "tenuous", "same": "normal"}  # from "normal"
STRESS = {"on": (False, True), "off": (True, False), "same": (False, False)}  # (before, after)


@pytest.fixture
def reminders(kring: Kring, store: dict[str, str]) -> Iterator[Reminders]:
    """The reminders of Kring on SQLite and on PostgreSQL, with a read side of their own."""
    side = ReadSide(kring, store)
    yield Reminders(kring, side)
    side.close()


def follow_ups(reminders: Reminders, day: str) -> list[tuple[str, date]]:
    """The tie follow-ups in the coordinator's inbox after the scan of that day, as the user reads them."""
    scan(reminders, day)
    reminders.side.runner.catch_up()
    items = reminders.inbox(COORDINATOR, date.fromisoformat(day))
    return [(DUTCH(item["title"]), item["due_on"]) for item in items if item["kind"] == "tie_follow_up"]


def due_list(reminders: Reminders, kind: str) -> list[date]:
    """The days the coordinator's open reminders of this kind are due (as the calendar feed lists them)."""
    reminders.side.runner.catch_up()
    return [item.due_on for item in reminders.open_items(COORDINATOR) if item.kind == kind]


@pytest.mark.parametrize("frequency_changed", [False, True], ids=["frequency same", "frequency changed"])
@pytest.mark.parametrize("flow_changed", [False, True], ids=["flow same", "flow changed"])
@pytest.mark.parametrize("stress", list(STRESS), ids=[f"stress {s}" for s in STRESS])
@pytest.mark.parametrize("strength", list(STRENGTHS), ids=[f"strength {s}" for s in STRENGTHS])
def test_one_assessment_never_resolves_the_follow_up_it_raised(
    kring: Kring, reminders: Reminders, strength: str, stress: str, flow_changed: bool, frequency_changed: bool
) -> None:
    nid = network(kring, "Mevr. Jansen", opened=date(2026, 11, 1))
    rob = contact(kring, nid, "Rob", "2026-11-01")
    before, after = STRESS[stress]
    kring.assess_tie(nid, on("2026-11-01"), rob, strength="normal", stressful=before, flow="both", frequency="weekly")
    kring.assess_tie(
        nid,
        on("2026-11-10"),
        rob,
        strength=STRENGTHS[strength],
        stressful=after,
        flow="to_client" if flow_changed else "both",
        frequency="monthly" if frequency_changed else "weekly",
    )
    raised = strength == "down" or stress == "on"  # weaker or stressful now: look again in two weeks
    # a follow-up of the first assessment (stressful from the start) is answered by the later one
    expected = [("Kijk hoe het gaat met Rob (netwerk van Mevr. Jansen)", date(2026, 11, 24))] if raised else []
    assert follow_ups(reminders, "2026-11-26") == expected


def test_a_tie_stressful_from_its_first_assessment_is_followed_up(kring: Kring, reminders: Reminders) -> None:
    nid = network(kring, "Mevr. Jansen", opened=date(2026, 11, 1))
    rob, els = contact(kring, nid, "Rob", "2026-11-01"), contact(kring, nid, "Els", "2026-11-01")
    kring.assess_tie(nid, on("2026-11-02"), rob, strength="strong", stressful=True, flow="both", frequency=None)
    kring.assess_tie(nid, on("2026-11-02"), els, strength="tenuous", stressful=False, flow="both", frequency=None)
    assert follow_ups(reminders, "2026-11-26") == [
        ("Kijk hoe het gaat met Rob (netwerk van Mevr. Jansen)", date(2026, 11, 16))
    ]  # a first assessment as weak is where the tie starts, not a change to follow up


def test_a_later_look_at_the_tie_answers_its_follow_up_and_an_ended_tie_needs_none(
    kring: Kring, reminders: Reminders
) -> None:
    nid = network(kring, "Mevr. Jansen", opened=date(2026, 11, 1))
    rob, els = contact(kring, nid, "Rob", "2026-11-01"), contact(kring, nid, "Els", "2026-11-01")
    for who in (rob, els):
        kring.assess_tie(nid, on("2026-11-01"), who, strength="strong", stressful=False, flow="both", frequency=None)
        kring.assess_tie(nid, on("2026-11-02"), who, strength="normal", stressful=False, flow="both", frequency=None)
    kring.assess_tie(nid, on("2026-11-09"), rob, strength="normal", stressful=False, flow="both", frequency="weekly")
    kring.end_tie(nid, on("2026-11-02"), els, "verhuisd")
    assert follow_ups(reminders, "2026-11-26") == []


def test_two_saves_on_one_day_keep_the_follow_up(kring: Kring, reminders: Reminders) -> None:
    nid = network(kring, "Mevr. Jansen", opened=date(2026, 11, 1))
    rob = contact(kring, nid, "Rob", "2026-11-01")
    kring.assess_tie(nid, on("2026-11-01"), rob, strength="strong", stressful=False, flow="both", frequency=None)
    kring.assess_tie(nid, on("2026-11-05"), rob, strength="normal", stressful=False, flow="both", frequency=None)
    kring.assess_tie(nid, on("2026-11-05"), rob, strength="normal", stressful=False, flow="both", frequency="rarely")
    assert follow_ups(reminders, "2026-11-26") == [
        ("Kijk hoe het gaat met Rob (netwerk van Mevr. Jansen)", date(2026, 11, 19))
    ]


def test_an_assessment_read_in_two_batches_keeps_its_follow_up(kring: Kring, reminders: Reminders) -> None:
    nid = network(kring, "Mevr. Jansen", opened=date(2026, 11, 1))
    rob = contact(kring, nid, "Rob", "2026-11-01")
    kring.assess_tie(nid, on("2026-11-01"), rob, strength="strong", stressful=False, flow="both", frequency=None)
    kring.assess_tie(nid, on("2026-11-05"), rob, strength="normal", stressful=True, flow="none", frequency="rarely")
    while reminders.side.runner.step(batch_size=1):  # every event in a batch of its own, as a batch boundary may fall
        pass
    assert follow_ups(reminders, "2026-11-26") == [
        ("Kijk hoe het gaat met Rob (netwerk van Mevr. Jansen)", date(2026, 11, 19))
    ]


# ------------------------------------------------------------------ the other rules: a reminder due again
def test_a_network_closed_and_reopened_before_its_review_is_reminded_of_it(kring: Kring, reminders: Reminders) -> None:
    nid = network(kring, "Mevr. Jansen", opened=date(2026, 11, 1))  # first review 2026-12-13
    kring.close_network(nid, on("2026-11-10"), "cliënt in het ziekenhuis")
    assert due_list(reminders, "review_due") == []
    kring.reopen_network(nid, on("2026-11-12"))
    assert due_list(reminders, "review_due") == [date(2026, 12, 13)]


def test_a_review_interval_changed_and_changed_back_keeps_its_review(kring: Kring, reminders: Reminders) -> None:
    nid = network(kring, "Mevr. Jansen", opened=date(2026, 10, 1))
    kring.record_review(nid, on("2026-11-02"), participants=[], summary="", next_review_on=None)  # 13 weeks
    assert due_list(reminders, "review_due") == [date(2027, 2, 1)]
    kring.update_network(nid, on("2026-11-03"), review_interval_weeks=8)
    assert due_list(reminders, "review_due") == [date(2026, 12, 28)]
    kring.update_network(nid, on("2026-11-04"), review_interval_weeks=13)
    assert due_list(reminders, "review_due") == [date(2027, 2, 1)]


def test_a_review_that_keeps_the_planned_date_keeps_its_reminder(kring: Kring, reminders: Reminders) -> None:
    nid = network(kring, "Mevr. Jansen", opened=date(2026, 11, 1))  # first review 2026-12-13
    kring.record_review(nid, on("2026-11-20"), participants=[], summary="", next_review_on=date(2026, 12, 13))
    assert due_list(reminders, "review_due") == [date(2026, 12, 13)]


def test_two_moderate_burden_reports_on_one_day_keep_the_check_in(kring: Kring, reminders: Reminders) -> None:
    nid = network(kring, "Mevr. Jansen", opened=date(2026, 11, 1))
    anna = contact(kring, nid, "Anna", "2026-11-01")
    moderate = [1] * 5 + [0] * 10  # EDIZ-plus 5: moderate, ask again in four weeks
    for _ in range(2):
        kring.report_burden(nid, on("2026-11-03"), carer_id=anna, instrument="ediz_plus", answers=moderate)
    assert due_list(reminders, "burden_check_in") == [date(2026, 12, 1)]
