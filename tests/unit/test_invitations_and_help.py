"""Invitations and requests for help on the Network aggregate: the events each records, and what each refuses.

An invitation can never raise a role: only the coordinator and the client invite, nobody invites a coordinator,
the client invites only a member, and accepting gives exactly the invitation's role and consent.
"""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import DomainError, UnknownEntity
from domain.history import network_as_of
from domain.network import Network
from domain.state import Stamp
from tests.unit.test_network import TODAY, add, new_events, on, opened


def by(user: str, day: str = "2026-03-01") -> Stamp:
    return Stamp(by=user, on=date.fromisoformat(day), today=TODAY)


def with_client() -> Network:
    """Mevr. Jansen's network with Anna (her daughter, a contact) and the client herself signed up as 'karin'."""
    network = opened()
    add(network, "anna", "other_family")
    network.grant_access(on("2026-02-02"), "karin", "client")
    network.collect_events()
    return network


def test_inviting_records_the_role_contact_and_consent_but_nothing_secret() -> None:
    network = with_client()
    network.invite(by("coord"), "inv-1", "Anna de Vries", "spilmantelzorger", "anna", ["map", "burden"])
    [event] = network.collect_events()
    assert isinstance(event, Network.PersonInvited)
    assert (event.name, event.role, event.contact_id, event.scopes) == (
        "Anna de Vries",
        "spilmantelzorger",
        "anna",
        ["burden", "map"],
    )
    assert event.on_behalf_of_client is True  # the coordinator chose the consent for the client
    assert set(event.__dict__) & {"email", "token", "digest", "secret"} == set()
    assert list(network.open_invitations) == ["inv-1"]


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_nobody_invites_a_coordinator_or_a_made_up_role(role: str) -> None:
    with pytest.raises(DomainError) as refused:
        with_client().invite(by("coord"), "inv-1", "Anna", role)
    assert (refused.value.code, refused.value.field) == ("invalid_choice", "role")


@pytest.mark.parametrize("role", ["spilmantelzorger", "client"])
def test_the_client_invites_a_member_only(role: str) -> None:
    with pytest.raises(DomainError) as refused:
        with_client().invite(by("karin"), "inv-1", "Anna", role)
    assert (refused.value.code, refused.value.field) == ("role_not_yours", "role")


def test_the_clients_own_invitation_records_consent_as_the_clients() -> None:
    network = with_client()
    network.invite(by("karin"), "inv-1", "Piet", "member", None, ["map"])
    [event] = network.collect_events()
    assert event.on_behalf_of_client is False


def test_a_member_or_spilmantelzorger_cannot_invite() -> None:
    network = with_client()
    network.grant_access(on("2026-02-02"), "mo", "member")
    with pytest.raises(DomainError) as refused:
        network.invite(by("mo"), "inv-1", "Piet", "member")
    assert refused.value.code == "may_not_invite"


def test_a_client_invitation_carries_no_consent() -> None:
    with pytest.raises(DomainError) as refused:
        with_client().invite(by("coord"), "inv-1", "Meneer Jansen", "client", None, ["map"])
    assert (refused.value.code, refused.value.field) == ("consent_not_needed", "scopes")


def test_accepting_gives_the_invitations_role_and_consent_in_the_inviters_name() -> None:
    network = with_client()
    network.invite(by("coord"), "inv-1", "Anna", "member", "anna", ["map"])
    network.collect_events()
    network.accept_invitation(by("anna-user", "2026-03-04"), "inv-1", "anna-user")
    accepted, granted, consented = network.collect_events()
    assert isinstance(accepted, Network.InvitationAccepted) and accepted.recorded_by == "anna-user"
    assert isinstance(granted, Network.AccessGranted)
    assert (granted.user_id, granted.role, granted.contact_id, granted.recorded_by) == (
        "anna-user",
        "member",
        "anna",
        "coord",
    )
    assert isinstance(consented, Network.ConsentGiven)
    assert (consented.scopes, consented.on_behalf_of_client, consented.recorded_by) == (["map"], True, "coord")
    assert network.role_of("anna-user") == "member" and network.access["anna-user"].consent == ["map"]
    assert network.open_invitations == {}


def test_an_invitation_is_accepted_once() -> None:
    network = with_client()
    network.invite(by("coord"), "inv-1", "Anna", "member")
    network.accept_invitation(by("anna-user"), "inv-1", "anna-user")
    with pytest.raises(DomainError) as refused:
        network.accept_invitation(by("someone-else"), "inv-1", "someone-else")
    assert refused.value.code == "invitation_closed"
    assert network.role_of("someone-else") is None


def test_accepting_replaces_an_earlier_role_and_its_consent_with_the_invitations() -> None:
    network = with_client()
    network.grant_access(on("2026-02-02"), "anna-user", "member")
    network.set_consent(on("2026-02-02"), "anna-user", ["map", "notes"], on_behalf_of_client=True)
    network.invite(by("coord"), "inv-1", "Anna", "spilmantelzorger", "anna", ["map"])
    network.collect_events()
    network.accept_invitation(by("anna-user"), "inv-1", "anna-user")
    assert new_events(network) == ["InvitationAccepted", "AccessGranted", "ConsentWithdrawn"]
    assert (network.role_of("anna-user"), network.access["anna-user"].consent) == ("spilmantelzorger", ["map"])


def test_a_contact_removed_before_acceptance_is_left_out_of_the_role() -> None:
    network = with_client()
    network.invite(by("coord"), "inv-1", "Anna", "member", "anna")
    network.remove_contact(by("coord", "2026-03-02"), "anna", "moved away")
    network.accept_invitation(by("anna-user", "2026-03-03"), "inv-1", "anna-user")
    assert network.access["anna-user"].contact_id is None


def test_the_coordinator_cannot_accept_an_invitation_to_their_own_network() -> None:
    network = with_client()
    network.invite(by("coord"), "inv-1", "Anna", "member")
    with pytest.raises(DomainError) as refused:
        network.accept_invitation(by("coord"), "inv-1", "coord")
    assert refused.value.code == "is_coordinator"


def test_a_withdrawn_invitation_cannot_be_accepted_and_the_client_withdraws_only_their_own() -> None:
    network = with_client()
    network.invite(by("coord"), "inv-1", "Anna", "member")
    network.invite(by("karin"), "inv-2", "Piet", "member")
    with pytest.raises(DomainError) as refused:
        network.withdraw_invitation(by("karin"), "inv-1")
    assert refused.value.code == "not_your_invitation"
    network.withdraw_invitation(by("karin"), "inv-2")
    network.withdraw_invitation(by("coord"), "inv-1")
    assert new_events(network)[-2:] == ["InvitationWithdrawn", "InvitationWithdrawn"]
    with pytest.raises(DomainError, match="withdrawn already"):
        network.accept_invitation(by("anna-user"), "inv-1", "anna-user")


def test_on_an_earlier_day_the_invitation_is_open_and_the_role_not_yet_given() -> None:
    network = Network.open("Mevr. Jansen", "coord", 13, on("2026-01-05"))
    network.invite(by("coord", "2026-03-01"), "inv-1", "Anna", "member")
    network.accept_invitation(by("anna-user", "2026-03-05"), "inv-1", "anna-user")
    events = list(network.collect_events())
    before, after = (network_as_of(events, date(2026, 3, day)) for day in (2, 5))
    assert list(before.open_invitations) == ["inv-1"] and before.role_of("anna-user") is None
    assert after.open_invitations == {} and after.role_of("anna-user") == "member"


# ------------------------------------------------------------ help
def test_asking_for_help_records_a_task_nobody_does_yet() -> None:
    network = with_client()
    network.ask_for_help(by("anna-user"), "req-1", "Boodschappen op zaterdag", "practical", "wekelijks")
    [event] = network.collect_events()
    assert isinstance(event, Network.HelpRequested)
    assert (event.task, event.support_type, event.rhythm, event.recorded_by) == (
        "Boodschappen op zaterdag",
        "practical",
        "wekelijks",
        "anna-user",
    )
    assert network.open_help_requests["req-1"].asked_by == "anna-user"


def test_a_request_taken_on_names_the_role_and_is_closed() -> None:
    network = with_client()
    network.ask_for_help(by("anna-user"), "req-1", "Boodschappen", "practical")
    network.assign_role(by("coord"), "role-1", "anna", "practical", "to_client", "Boodschappen", None)
    network.close_help_request(by("coord"), "req-1", "taken_on", "role-1")
    closed = network.collect_events()[-1]
    assert isinstance(closed, Network.HelpRequestClosed)
    assert (closed.reason, closed.role_id) == ("taken_on", "role-1")
    assert network.open_help_requests == {}
    with pytest.raises(UnknownEntity):
        network.close_help_request(by("coord"), "req-1", "withdrawn")


@pytest.mark.parametrize(("reason", "role_id"), [("taken_on", None), ("withdrawn", "role-1"), ("forgotten", None)])
def test_a_request_is_taken_on_by_a_role_and_withdrawn_without_one(reason: str, role_id: str | None) -> None:
    network = with_client()
    network.ask_for_help(by("anna-user"), "req-1", "Boodschappen", "practical")
    network.assign_role(by("coord"), "role-1", "anna", "practical", "to_client", "Boodschappen", None)
    with pytest.raises(DomainError):
        network.close_help_request(by("coord"), "req-1", reason, role_id)


def test_asking_for_help_needs_a_task_and_a_kind_of_support() -> None:
    network = with_client()
    with pytest.raises(DomainError) as refused:
        network.ask_for_help(by("anna-user"), "req-1", "  ", "practical")
    assert refused.value.field == "task"
    with pytest.raises(DomainError) as refused:
        network.ask_for_help(by("anna-user"), "req-1", "Boodschappen", "money")
    assert refused.value.field == "support_type"
