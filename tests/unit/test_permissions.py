"""Who may read an event's contents: every event type has a rule, and the rules follow the endpoints'."""

from __future__ import annotations

from domain.network import Network
from domain.permissions import EVENT_CONTENTS, may_read_event, permissions

EVENT_TYPES = {
    name for name, value in vars(Network).items() if isinstance(value, type) and issubclass(value, Network.Event)
} - {"Event", "Created"}  # the base class and the library's unused default


def test_every_event_type_of_a_network_says_who_may_read_its_contents() -> None:
    assert len(EVENT_TYPES) >= 35
    assert set(EVENT_CONTENTS) == EVENT_TYPES


def test_the_client_reads_the_map_history_but_not_notes_or_a_carers_burden() -> None:
    client = permissions("client")
    assert may_read_event("TieWeakened", client, None, None)
    assert may_read_event("ConsentGiven", client, None, None)
    assert not may_read_event("NoteAdded", client, None, None)
    assert not may_read_event("NetworkReviewed", client, None, None)
    assert not may_read_event("CarerBurdenReported", client, None, "sam")


def test_a_carer_reads_their_own_burden_only_and_the_coordinator_everything() -> None:
    member = permissions("member")
    assert may_read_event("CarerBurdenReported", member, "sam", "sam")
    assert not may_read_event("CarerRiskFactorsReported", member, "sam", "piet")
    assert all(may_read_event(name, permissions("coordinator"), None, "sam") for name in EVENT_TYPES)
