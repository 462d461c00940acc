"""The Network aggregate: which events each command records, and which it refuses."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.errors import DomainError, UnknownEntity
from domain.history import network_as_of
from domain.network import Network
from domain.state import Stamp

TODAY = date(2026, 11, 26)


def on(day: str) -> Stamp:
    return Stamp(by="coord", on=date.fromisoformat(day), today=TODAY)


def new_events(network: Network) -> list[str]:
    return [type(e).__name__ for e in network.collect_events()]


def opened(day: str = "2026-01-05") -> Network:
    network = Network.open("Mevr. Jansen", "coord", 13, on(day))
    network.collect_events()
    return network


def add(network: Network, contact_id: str, category: str = "neighbour", day: str = "2026-02-01", **extra: Any) -> None:
    details = {"name": contact_id.title(), "category": category, "ring": "friend", **extra}
    network.add_contact(on(day), contact_id, **details)
    network.collect_events()


# ------------------------------------------------------------- opening
def test_opening_a_network_records_who_when_and_the_first_review_six_weeks_later() -> None:
    network = Network.open("Mevr. Jansen", "coord", 13, on("2026-01-05"))
    [event] = network.collect_events()
    assert isinstance(event, Network.NetworkOpened)
    assert (event.client_name, event.recorded_by, event.effective_on) == ("Mevr. Jansen", "coord", date(2026, 1, 5))
    assert network.next_review_on == date(2026, 2, 16)


@pytest.mark.parametrize("weeks", [0, 105, True])
def test_a_review_interval_outside_one_to_104_weeks_is_refused(weeks: int) -> None:
    with pytest.raises(DomainError) as refused:
        Network.open("Mevr. Jansen", "coord", weeks, on("2026-01-05"))
    assert refused.value.field == "review_interval_weeks"


def test_a_network_cannot_be_opened_in_the_future() -> None:
    with pytest.raises(DomainError, match="future"):
        Network.open("Mevr. Jansen", "coord", 13, Stamp("coord", date(2026, 12, 1), TODAY))


# ------------------------------------------------------------ contacts
def test_adding_a_contact_records_all_its_details() -> None:
    network = opened()
    network.add_contact(
        on("2026-02-01"),
        "piet",
        name="Piet",
        category="neighbour",
        ring="friend",
        travel_minutes=5,
        skills=["can drive"],
        email="piet@example.org",
    )
    [event] = network.collect_events()
    assert isinstance(event, Network.ContactAdded)
    assert (event.name, event.travel_minutes, event.skills, event.phone) == ("Piet", 5, ["can drive"], None)
    assert network.contacts["piet"].added_on == date(2026, 2, 1)


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"category": "stranger"}, "category"),
        ({"ring": "outer"}, "ring"),
        ({"name": "  "}, "name"),
        ({"travel_minutes": -1}, "travel_minutes"),
        ({"known_since": date(2027, 1, 1)}, "known_since"),
    ],
)
def test_nonsense_contact_details_are_refused(details: dict[str, Any], field: str) -> None:
    network = opened()
    with pytest.raises(DomainError) as refused:
        network.add_contact(on("2026-02-01"), "x", **{"name": "X", "category": "friend", "ring": "friend", **details})
    assert refused.value.field == field
    assert new_events(network) == []


def test_changing_a_contact_records_only_what_changed() -> None:
    network = opened()
    add(network, "piet")
    network.change_contact_details(on("2026-03-01"), "piet", name="Piet", travel_minutes=20)
    [event] = network.collect_events()
    assert isinstance(event, Network.ContactDetailsChanged)
    assert event.changes == {"travel_minutes": 20}


def test_removing_a_contact_ends_their_roles_and_their_spilmantelzorger_designation() -> None:
    network = opened()
    add(network, "anna", "family_of_origin")
    network.assign_role(on("2026-02-01"), "r1", "anna", "practical", "to_client", "boodschappen", "za")
    network.designate_spilmantelzorger(on("2026-02-01"), "anna")
    network.collect_events()
    network.remove_contact(on("2026-07-01"), "anna", "moved abroad")
    assert new_events(network) == ["SupportRoleEnded", "SpilmantelzorgerStoodDown", "ContactRemoved"]
    assert network.active_contacts == [] and network.active_roles == [] and network.spilmantelzorger_id is None
    assert network.former_contacts[0].removal_reason == "moved abroad"


def test_a_removed_contact_can_no_longer_be_changed() -> None:
    network = opened()
    add(network, "piet")
    network.remove_contact(on("2026-03-01"), "piet", "")
    with pytest.raises(UnknownEntity):
        network.assess_tie(on("2026-03-02"), "piet", "strong", False, "both", None)


# ----------------------------------------------------------------- ties
def test_the_first_assessment_records_the_tie() -> None:
    network = opened()
    add(network, "piet")
    network.assess_tie(on("2026-02-01"), "piet", "strong", False, "both", "weekly")
    assert new_events(network) == ["TieRecorded"]


@pytest.mark.parametrize(
    ("assessment", "expected"),
    [
        (("strong", False, "both", "weekly"), []),
        (("tenuous", False, "both", "weekly"), ["TieWeakened"]),
        (("normal", True, "both", "weekly"), ["TieWeakened", "TieStrained"]),
        (("strong", False, "to_client", "monthly"), ["SupportFlowChanged", "ContactFrequencyChanged"]),
    ],
)
def test_a_new_assessment_records_what_changed(assessment: tuple[str, bool, str, str], expected: list[str]) -> None:
    network = opened()
    add(network, "piet")
    network.assess_tie(on("2026-02-01"), "piet", "strong", False, "both", "weekly")
    network.collect_events()
    network.assess_tie(on("2026-05-01"), "piet", *assessment)
    assert new_events(network) == expected


def test_a_tenuous_stressful_tie_that_recovers_is_strengthened_and_eased() -> None:
    network = opened()
    add(network, "piet")
    network.assess_tie(on("2026-02-01"), "piet", "tenuous", True, "both", None)
    network.collect_events()
    network.assess_tie(on("2026-05-01"), "piet", "strong", False, "both", None, "weer contact")
    assert new_events(network) == ["TieStrengthened", "TieEased"]
    tie = network.contacts["piet"].tie
    assert tie is not None and (tie.strength, tie.stressful, tie.note) == ("strong", False, "weer contact")


def test_an_ended_tie_is_recorded_afresh_by_the_next_assessment() -> None:
    network = opened()
    add(network, "piet")
    network.assess_tie(on("2026-02-01"), "piet", "normal", False, "both", None)
    network.end_tie(on("2026-03-01"), "piet", "lost touch")
    network.assess_tie(on("2026-04-01"), "piet", "tenuous", False, "none", None)
    assert new_events(network)[-2:] == ["TieEnded", "TieRecorded"]


def test_a_tie_change_dated_before_the_last_change_to_that_contact_is_refused() -> None:
    network = opened()
    add(network, "piet")
    network.assess_tie(on("2026-06-01"), "piet", "normal", False, "both", None)
    with pytest.raises(DomainError) as refused:
        network.assess_tie(on("2026-05-01"), "piet", "strong", False, "both", None)
    assert refused.value.code == "date_out_of_order"


# -------------------------------------------------------- acquaintances
def test_two_contacts_become_acquainted_once_whichever_way_round() -> None:
    network = opened()
    add(network, "piet")
    add(network, "anna")
    network.record_acquaintance(on("2026-02-01"), "piet", "anna")
    network.record_acquaintance(on("2026-02-02"), "anna", "piet")
    assert new_events(network) == ["ContactsAcquainted"]
    network.end_acquaintance(on("2026-03-01"), "anna", "piet")
    assert new_events(network) == ["AcquaintanceEnded"] and network.acquaintances == {}


def test_a_contact_cannot_be_acquainted_with_themselves() -> None:
    network = opened()
    add(network, "piet")
    with pytest.raises(DomainError, match="themselves"):
        network.record_acquaintance(on("2026-02-01"), "piet", "piet")


# ---------------------------------------------------------------- roles
def test_a_role_for_an_unknown_contact_is_refused() -> None:
    network = opened()
    with pytest.raises(UnknownEntity) as refused:
        network.assign_role(on("2026-02-01"), "r1", "nobody", "practical", "to_client", "boodschappen", None)
    assert refused.value.field == "contact_id"


def test_a_role_cannot_start_before_its_contact_was_added() -> None:
    network = opened()
    add(network, "piet", day="2026-03-01")
    with pytest.raises(DomainError, match="before"):
        network.assign_role(on("2026-02-01"), "r1", "piet", "practical", "to_client", "boodschappen", None)


def test_an_ended_role_is_kept_with_its_end_date() -> None:
    network = opened()
    add(network, "piet")
    network.assign_role(on("2026-02-01"), "r1", "piet", "respite", "to_client", "oppas", "wekelijks")
    network.end_role(on("2026-04-01"), "r1", "no time")
    assert new_events(network) == ["SupportRoleAssigned", "SupportRoleEnded"]
    assert network.roles["r1"].ended_on == date(2026, 4, 1) and network.active_roles == []


# ----------------------------------------------------- spilmantelzorger
def test_a_professional_cannot_be_the_spilmantelzorger() -> None:
    network = opened()
    add(network, "wijkverpleegkundige", "professional")
    with pytest.raises(DomainError) as refused:
        network.designate_spilmantelzorger(on("2026-02-01"), "wijkverpleegkundige")
    assert refused.value.code == "professional_spilmantelzorger"


def test_designating_a_new_spilmantelzorger_stands_the_previous_one_down() -> None:
    network = opened()
    add(network, "anna", "household")
    add(network, "kees", "other_family")
    network.designate_spilmantelzorger(on("2026-02-01"), "anna")
    network.designate_spilmantelzorger(on("2026-03-01"), "kees")
    assert new_events(network) == [
        "SpilmantelzorgerDesignated",
        "SpilmantelzorgerStoodDown",
        "SpilmantelzorgerDesignated",
    ]
    assert network.spilmantelzorger_id == "kees"


# -------------------------------------------------------- burden, plans
def test_burden_answers_are_stored_exactly_as_given() -> None:
    network = opened()
    add(network, "anna", "household")
    answers = ["Ja!", "Nee", "Min of meer", "Nee!", "Ja", "Nee", "Nee", "Ja", "Min of meer"]
    network.report_burden(on("2026-03-01"), "b1", "anna", "ediz", answers)
    [event] = network.collect_events()
    assert isinstance(event, Network.CarerBurdenReported)
    assert event.answers == answers and event.effective_on == date(2026, 3, 1)


def test_answers_that_do_not_fit_the_instrument_are_refused() -> None:
    network = opened()
    add(network, "anna", "household")
    with pytest.raises(DomainError) as refused:
        network.report_burden(on("2026-03-01"), "b1", "anna", "ediz", ["Ja!", "Nee"])
    assert (refused.value.code, refused.value.field) == ("invalid_answers", "answers")
    assert new_events(network) == []


def test_a_review_sets_the_next_review_by_the_interval_unless_a_date_is_given() -> None:
    network = opened()
    network.review(on("2026-03-02"), ["client", "anna"], "all well", None)
    assert network.next_review_on == date(2026, 6, 1)
    network.review(on("2026-04-01"), ["client"], "", date(2026, 5, 1))
    assert network.next_review_on == date(2026, 5, 1)
    with pytest.raises(DomainError):
        network.review(on("2026-04-02"), [], "", date(2026, 4, 2))


def test_a_goal_is_set_and_completed() -> None:
    network = opened()
    network.set_goal(on("2026-02-01"), "g1", "Respijt regelen", date(2026, 6, 1))
    network.complete_goal(on("2026-05-01"), "g1")
    assert new_events(network) == ["GoalSet", "GoalCompleted"]
    with pytest.raises(UnknownEntity):
        network.complete_goal(on("2026-05-02"), "g1")


# ----------------------------------------------------------- lifecycle
def test_a_closed_network_refuses_changes_until_it_is_reopened() -> None:
    network = opened()
    network.close(on("2026-03-01"), "client moved")
    with pytest.raises(DomainError) as refused:
        network.add_note(on("2026-03-02"), "n1", "hello")
    assert refused.value.code == "network_closed"
    network.reopen(on("2026-04-01"))
    network.add_note(on("2026-04-02"), "n1", "hello")
    assert new_events(network) == ["NetworkClosed", "NetworkReopened", "NoteAdded"]


def test_a_closed_network_can_still_be_handed_over_to_another_coordinator() -> None:
    network = opened()
    network.close(on("2026-03-01"), "client moved")
    network.collect_events()
    network.change_coordinator(on("2026-03-02"), "successor")
    assert new_events(network) == ["CoordinatorChanged"]
    assert network.role_of("successor") == "coordinator" and network.role_of("coord") is None


def test_nothing_can_be_dated_in_the_future() -> None:
    network = opened()
    with pytest.raises(DomainError) as refused:
        network.add_note(Stamp("coord", date(2026, 11, 27), TODAY), "n1", "tomorrow")
    assert refused.value.code == "date_in_future"


# ------------------------------------------------------------- history
def test_the_network_as_of_a_date_shows_only_what_had_happened_by_then() -> None:
    network = Network.open("Mevr. Jansen", "coord", 13, on("2026-01-05"))
    network.add_contact(on("2026-02-01"), "piet", name="Piet", category="neighbour", ring="friend")
    network.assess_tie(on("2026-02-01"), "piet", "strong", False, "both", None)
    network.add_contact(on("2026-01-20"), "anna", name="Anna", category="household", ring="intimate")
    network.assess_tie(on("2026-06-01"), "piet", "tenuous", False, "both", None)
    events = network.collect_events()
    before = network_as_of(events, date(2026, 1, 10))
    assert before is not None and before.contacts == {}
    spring = network_as_of(events, date(2026, 3, 1))
    assert spring is not None and sorted(spring.contacts) == ["anna", "piet"]
    assert spring.contacts["piet"].tie.strength == "strong"  # type: ignore[union-attr]
    assert spring.version == 4 and spring.as_of == date(2026, 3, 1)
    assert network_as_of(events, date(2026, 1, 1)) is None


def test_removing_a_contact_ends_their_acquaintances_too() -> None:
    network = opened()
    add(network, "piet")
    add(network, "anna")
    network.record_acquaintance(on("2026-02-01"), "piet", "anna")
    network.collect_events()
    network.remove_contact(on("2026-03-01"), "piet", "verhuisd")
    assert new_events(network) == ["AcquaintanceEnded", "ContactRemoved"] and network.acquaintances == {}


def test_a_removal_cannot_be_dated_before_the_carers_last_burden_report() -> None:
    network = opened()
    add(network, "anna", "household")
    network.report_burden(on("2026-05-01"), "b1", "anna", "srb", [6])
    with pytest.raises(DomainError, match="last burden report"):
        network.remove_contact(on("2026-04-01"), "anna", "")


def test_the_spilmantelzorger_cannot_be_recategorised_as_a_professional() -> None:
    network = opened()
    add(network, "anna", "household")
    network.designate_spilmantelzorger(on("2026-02-01"), "anna")
    with pytest.raises(DomainError) as refused:
        network.change_contact_details(on("2026-03-01"), "anna", category="professional")
    assert refused.value.field == "category"


def test_a_closure_cannot_be_dated_before_the_latest_change_in_the_network() -> None:
    network = opened()
    add(network, "piet", day="2026-06-01")
    with pytest.raises(DomainError, match="latest change"):
        network.close(on("2026-03-01"), "")
