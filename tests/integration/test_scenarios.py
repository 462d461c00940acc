"""The same scenarios on every store: memory, a SQLite file and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

import pytest

from services.application.kring import Context, Kring
from services.application.networks import NetworkNotFound


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def service(request: pytest.FixtureRequest, make_kring: Callable[[dict[str, str]], Kring]) -> Kring:
    if request.param == "memory":
        return make_kring({"PERSISTENCE_MODULE": "eventsourcing.popo"})
    return make_kring(request.getfixturevalue(f"{request.param}_store"))


def ctx(day: str, by: str = "coord") -> Context:
    return Context(by=by, effective_on=date.fromisoformat(day))


def kitchen_table_network(service: Kring) -> tuple[UUID, dict[str, str]]:
    """Mevr. Jansen's network: her daughter Anna carries most, neighbour Piet helps, a home nurse comes daily."""
    nid = service.open_network("Mevr. Jansen", "wijkteam-1", by="wijkteam-1", effective_on=date(2026, 1, 5)).network_id
    made = {
        "anna": service.add_contact(
            nid, ctx("2026-01-05"), name="Anna", category="family_of_origin", ring="intimate", travel_minutes=25
        ).created_id,
        "piet": service.add_contact(
            nid,
            ctx("2026-01-05"),
            name="Piet",
            category="neighbour",
            ring="friend",
            travel_minutes=2,
            skills=["can drive"],
        ).created_id,
        "zorg": service.add_contact(
            nid, ctx("2026-01-05"), name="Thuiszorg", category="professional", ring="service"
        ).created_id,
    }
    ids = {k: str(v) for k, v in made.items()}
    service.assess_tie(
        nid, ctx("2026-01-05"), ids["anna"], strength="strong", stressful=False, flow="both", frequency="daily"
    )
    service.assess_tie(
        nid, ctx("2026-01-05"), ids["piet"], strength="normal", stressful=False, flow="to_client", frequency="weekly"
    )
    service.record_acquaintance(nid, ctx("2026-01-05"), ids["anna"], ids["piet"])
    service.assign_role(
        nid,
        ctx("2026-01-05"),
        contact_id=ids["piet"],
        support_type="practical",
        direction="to_client",
        task="boodschappen",
        rhythm="zaterdag",
    )
    service.designate_spilmantelzorger(nid, ctx("2026-01-05"), ids["anna"])
    return nid, ids


def test_the_network_reads_back_as_recorded(service: Kring) -> None:
    nid, ids = kitchen_table_network(service)
    network = service.get_network(nid)
    assert [c.name for c in network.active_contacts] == ["Anna", "Piet", "Thuiszorg"]
    assert network.spilmantelzorger_id == ids["anna"]
    assert network.active_roles[0].task == "boodschappen"
    assert network.version == 9


def test_the_network_as_it_was_before_a_tie_weakened_and_a_contact_left(service: Kring) -> None:
    nid, ids = kitchen_table_network(service)
    service.assess_tie(
        nid,
        ctx("2026-06-01"),
        ids["piet"],
        strength="tenuous",
        stressful=True,
        flow="to_client",
        frequency="monthly",
    )
    service.remove_contact(nid, ctx("2026-09-01"), ids["piet"], "verhuisd")
    now = service.get_network(nid)
    assert [c.name for c in now.active_contacts] == ["Anna", "Thuiszorg"] and now.active_roles == []
    spring = service.network_as_of(nid, date(2026, 5, 1))
    piet = spring.contacts[ids["piet"]]
    assert piet.is_active and piet.tie is not None and (piet.tie.strength, piet.tie.stressful) == ("normal", False)
    summer = service.network_as_of(nid, date(2026, 7, 1))
    assert summer.contacts[ids["piet"]].tie.strength == "tenuous"  # type: ignore[union-attr]
    assert len(summer.active_roles) == 1
    with pytest.raises(NetworkNotFound, match="did not exist yet"):
        service.network_as_of(nid, date(2025, 12, 31))


def test_the_history_keeps_every_change_in_order_with_who_and_when(service: Kring) -> None:
    nid, _ = kitchen_table_network(service)
    service.add_note(nid, ctx("2026-02-01", by="anna@example.org"), "Anna vraagt om respijt")
    events = list(service.network_events(nid))
    assert [type(e).__name__ for e in events] == [
        "NetworkOpened",
        "ContactAdded",
        "ContactAdded",
        "ContactAdded",
        "TieRecorded",
        "TieRecorded",
        "ContactsAcquainted",
        "SupportRoleAssigned",
        "SpilmantelzorgerDesignated",
        "NoteAdded",
    ]
    assert events[-1].recorded_by == "anna@example.org" and events[-1].effective_on == date(2026, 2, 1)
    assert [e.originator_version for e in events] == list(range(1, 11))


def test_networks_are_listed_in_the_order_they_were_opened_a_page_at_a_time(service: Kring) -> None:
    ids = [service.open_network(f"Client {i}", "coord", by="coord").network_id for i in range(5)]
    service.add_note(ids[0], Context(by="coord"), "an event between the openings")
    first = service.list_network_ids(0, 3)
    rest = service.list_network_ids(first[-1][0], 3)
    assert [nid for _, nid in first + rest] == ids


def test_a_long_history_is_loaded_from_a_snapshot_that_equals_the_full_replay(service: Kring) -> None:
    nid, ids = kitchen_table_network(service)
    for i in range(120):
        strength = "strong" if i % 2 else "tenuous"
        service.assess_tie(
            nid,
            ctx("2026-03-01"),
            ids["piet"],
            strength=strength,
            stressful=False,
            flow="to_client",
            frequency="weekly",
        )
    assert service.snapshots is not None
    snapshots = list(service.snapshots.get(nid))
    assert [s.originator_version for s in snapshots] == [100]
    from_snapshot = service.get_network(nid)
    replayed = service.network_as_of(nid, date(2026, 11, 26))
    assert from_snapshot.version == replayed.version == 129
    assert from_snapshot.contacts == replayed.contacts and from_snapshot.roles == replayed.roles
