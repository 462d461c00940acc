"""Who people are to the client apart from the ecogram's group, how contact happens, the client's profile, reviews
and meetings with the people of the network, and events stored before any of this still loading."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.days import age_on
from domain.errors import DomainError, UnknownEntity
from domain.history import network_as_of
from domain.network import Network
from tests.unit.test_network import new_events, on, opened


def _add(network: Network, contact_id: str, **details: Any) -> None:
    network.add_contact(on("2026-02-01"), contact_id, **{"name": contact_id.title(), "ring": "intimate", **details})


@pytest.mark.parametrize(
    ("relation", "lives_with", "category"),
    [
        ("child", False, "other_family"),
        ("child", True, "household"),  # a daughter at home: daughter and huisgenoot
        ("parent", False, "family_of_origin"),
        ("partner", True, "household"),
        ("neighbour", False, "neighbour"),
        ("colleague", False, "acquaintance"),
        ("organisation", True, "professional"),  # an organisation never lives with the client
    ],
)
def test_the_relation_gives_the_group_and_who_lives_with_the_client_is_household(
    relation: str, lives_with: bool, category: str
) -> None:
    network = opened()
    _add(network, "x", relation=relation, lives_with_client=lives_with)
    contact = network.contacts["x"]
    assert (contact.relation, contact.lives_with_client, contact.category) == (relation, lives_with, category)


def test_a_group_chosen_apart_from_the_relation_stays_when_the_relation_changes() -> None:
    network = opened()
    _add(network, "lies", relation="child", contact_mode="video")
    _add(network, "rob", relation="friend", category="digital")
    network.collect_events()
    network.change_contact_details(on("2026-03-01"), "lies", lives_with_client=True)
    network.change_contact_details(on("2026-03-01"), "rob", relation="neighbour")
    assert network.contacts["lies"].category == "household"  # it followed the relation
    assert network.contacts["rob"].category == "digital"  # chosen apart: it stays
    assert [e.changes for e in network.collect_events()] == [  # type: ignore[attr-defined]
        {"lives_with_client": True, "category": "household"},
        {"relation": "neighbour"},
    ]


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"relation": "cousin"}, "relation"),
        ({"relation": "friend", "contact_mode": "pigeon"}, "contact_mode"),
        ({"relation": None}, "category"),  # neither group nor relation
        ({"relation": "friend", "lives_with_client": "yes"}, "lives_with_client"),
    ],
)
def test_a_relation_or_contact_mode_outside_the_vocabulary_is_refused(details: dict[str, Any], field: str) -> None:
    with pytest.raises(DomainError) as refused:
        _add(opened(), "x", **details)
    assert refused.value.field == field


def test_a_change_that_changes_nothing_records_nothing_whatever_its_day() -> None:
    network = opened()
    _add(network, "piet", relation="friend")
    network.assess_tie(on("2026-03-01"), "piet", "strong", False, "both", "weekly")
    network.collect_events()
    network.change_contact_details(on("2026-02-01"), "piet", name="Piet", relation="friend")
    network.assess_tie(on("2026-02-01"), "piet", "strong", False, "both", "weekly")
    assert new_events(network) == []
    with pytest.raises(DomainError, match="before the last change"):
        network.change_contact_details(on("2026-02-01"), "piet", ring="friend")


def test_the_clients_profile_records_what_changed_each_as_its_own_event() -> None:
    network = opened()
    stamp = on("2026-02-01")
    network.change_client_profile(stamp, date_of_birth=date(1942, 3, 14), living_situation="alone", help_question="")
    assert new_events(network) == ["ClientBirthDateRecorded", "LivingSituationChanged"]
    network.change_client_profile(stamp, help_question="Ik wil thuis blijven wonen.", living_situation="alone")
    assert new_events(network) == ["HelpQuestionRecorded"]
    network.change_client_profile(stamp, living_situation=None)
    assert new_events(network) == ["LivingSituationChanged"] and network.living_situation is None
    assert (network.date_of_birth, network.help_question) == (date(1942, 3, 14), "Ik wil thuis blijven wonen.")
    assert age_on(date(1942, 3, 14), date(2026, 11, 26)) == 84 and age_on(date(1942, 11, 27), date(2026, 11, 26)) == 83


@pytest.mark.parametrize(
    ("profile", "field", "code"),
    [
        ({"date_of_birth": date(2027, 1, 1)}, "date_of_birth", "date_in_future"),
        ({"living_situation": "castle"}, "living_situation", "invalid_choice"),
        ({"help_question": "x" * 2001}, "help_question", "invalid_help_question"),
        ({"help_question": "a\x00b"}, "help_question", "unprintable"),
        ({"shoe_size": 44}, "shoe_size", "unknown_field"),
    ],
)
def test_a_profile_that_cannot_be_right_is_refused(profile: dict[str, Any], field: str, code: str) -> None:
    with pytest.raises(DomainError) as refused:
        opened().change_client_profile(on("2026-02-01"), **profile)
    assert (refused.value.field, refused.value.code) == (field, code)


def test_a_review_names_people_of_the_network_once_each_and_whether_the_client_took_part() -> None:
    network = opened()
    _add(network, "piet", relation="friend")
    network.collect_events()
    network.review(on("2026-03-01"), ["Dokter Visser"], "", None, ["piet", "piet"], True)
    [event] = network.collect_events()
    assert (event.participant_ids, event.participants, event.client_took_part) == (  # type: ignore[attr-defined]
        ["piet"],
        ["Dokter Visser"],
        True,
    )
    with pytest.raises(UnknownEntity) as refused:
        network.hold_meeting(on("2026-03-02"), [], [], ["nobody"], None)
    assert refused.value.field == "attendee_ids.0"


def test_events_stored_before_relations_and_participants_load_with_what_they_did_not_say_left_open() -> None:
    contact = {"contact_id": "piet", "name": "Piet", "category": "household", "ring": "intimate"}
    Network.ContactAdded.upcast_v1_v2(state := dict(contact))
    assert state == {**contact, "relation": None, "lives_with_client": False, "contact_mode": None}
    Network.NetworkReviewed.upcast_v1_v2(review := {"participants": ["Anna"]})
    assert review == {"participants": ["Anna"], "participant_ids": [], "client_took_part": None}
    Network.SupportGroupMeetingHeld.upcast_v1_v2(meeting := {"attendees": []})
    assert meeting == {"attendees": [], "attendee_ids": [], "client_took_part": None}


def test_the_profile_and_relations_are_there_on_an_earlier_day_as_they_were_then() -> None:
    network = Network.open("Mevr. Jansen", "coord", 13, on("2026-01-05"))
    network.change_client_profile(on("2026-01-05"), living_situation="alone")
    network.add_contact(on("2026-02-01"), "ria", name="Ria", relation="child", ring="intimate")
    network.change_client_profile(on("2026-06-01"), living_situation="care_home")
    network.change_contact_details(on("2026-06-01"), "ria", contact_mode="phone")
    then = network_as_of(network.collect_events(), date(2026, 3, 1))
    assert then is not None and then.living_situation == "alone"
    assert (then.contacts["ria"].relation, then.contacts["ria"].contact_mode) == ("child", None)
