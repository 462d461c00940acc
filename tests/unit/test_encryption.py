"""Each network's events are sealed with a key of its own; once the key is destroyed they never open again."""

from __future__ import annotations

import base64
import logging
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import Mapper, MapperDeserialisationError, StoredEvent

from domain.errors import DomainError
from domain.network import Network
from domain.reminders import Reminder
from domain.state import Stamp
from services.application.kring import Context, Kring
from services.application.networks import NetworkNotFound
from services.infrastructure.config import ConfigurationError
from services.infrastructure.crypto import KeyErased, KeyStore, master_key
from services.infrastructure.encryption import CLEAR, SEALED, EncryptingMapper

STAMP = Stamp(by="coord", on=date(2026, 1, 5), today=date(2026, 11, 26))


def opened(app: Kring, name: str = "Wilhelmina Quaxelaar") -> UUID:
    network_id = app.open_network(name, "coord", by="coord", effective_on=date(2026, 1, 5)).network_id
    app.add_contact(
        network_id, Context(by="coord"), name="Bartholomeus Zwierzchowski", category="friend", ring="friend"
    )
    return network_id


def stored(app: Kring, originator_id: UUID) -> list[StoredEvent]:
    return list(app.recorder.select_events(originator_id))


def test_a_networks_events_are_stored_sealed_under_its_own_id_and_read_back_unchanged(memory_kring: Kring) -> None:
    network_id = opened(memory_kring)
    states = [s.state for s in stored(memory_kring, network_id)]
    assert all(s[0] == SEALED and s[1:17] == network_id.bytes for s in states)
    assert not any(b"Quaxelaar" in s or b"Zwierzchowski" in s for s in states)
    network = memory_kring.get_network(network_id)
    assert network.client_name == "Wilhelmina Quaxelaar"
    assert [c.name for c in network.active_contacts] == ["Bartholomeus Zwierzchowski"]


def test_two_networks_have_different_keys_and_a_state_does_not_open_under_another_networks_key(
    memory_kring: Kring,
) -> None:
    first, second = opened(memory_kring), opened(memory_kring, "Hendrika Tuinman")
    event = stored(memory_kring, first)[0]
    moved = replace(event, state=event.state[:1] + second.bytes + event.state[17:])
    with pytest.raises(MapperDeserialisationError, match="does not open"):
        memory_kring.mapper.to_domain_event(moved)


def test_a_sealed_state_copied_onto_another_event_does_not_open(memory_kring: Kring) -> None:
    network_id = opened(memory_kring)
    first, second = stored(memory_kring, network_id)
    with pytest.raises(MapperDeserialisationError):
        memory_kring.mapper.to_domain_event(replace(second, state=first.state))


def test_once_the_key_is_destroyed_the_events_raise_key_erased_and_the_network_is_not_found(
    memory_kring: Kring,
) -> None:
    network_id = opened(memory_kring)
    memory_kring.keys.destroy(network_id)
    with pytest.raises(KeyErased):
        memory_kring.mapper.to_domain_event(stored(memory_kring, network_id)[0])
    with pytest.raises(NetworkNotFound):
        memory_kring.get_network(network_id)
    with pytest.raises(KeyErased):  # nor does a late write start the network again with a new key
        memory_kring.keys.create(network_id)


def test_network_erased_is_stored_in_clear_and_stays_readable_after_the_key_is_gone(memory_kring: Kring) -> None:
    network_id = opened(memory_kring)
    memory_kring.erase_network(network_id, "coord")
    last = stored(memory_kring, network_id)[-1]
    assert last.state[0] == CLEAR and last.state[1:17] == network_id.bytes
    erased = memory_kring.mapper.to_domain_event(last)
    assert isinstance(erased, Network.NetworkErased) and erased.recorded_by == "coord"
    assert memory_kring.list_network_ids() == []


def test_a_master_key_other_than_the_one_the_keys_were_wrapped_with_is_told_apart(memory_kring: Kring) -> None:
    network_id = opened(memory_kring)
    other = KeyStore(memory_kring.keys.store, b"\x07" * 32)
    with pytest.raises(ConfigurationError, match="not the one"):
        other.get(network_id)


def test_a_reminders_events_are_sealed_with_the_key_of_its_network_even_those_that_do_not_name_it(
    memory_kring: Kring,
) -> None:
    network_id = opened(memory_kring)
    reminder = Reminder(str(network_id), "review_due", "review", date(2026, 2, 16), ["inbox"], "scheduler")
    reminder.acknowledge("coord")
    memory_kring.save(reminder)
    raised, acknowledged = stored(memory_kring, reminder.id)
    assert raised.state[1:17] == acknowledged.state[1:17] == network_id.bytes
    fresh = EncryptingMapper(memory_kring.mapper.transcoder, memory_kring.keys, memory_kring._first_event)
    later = Reminder.ReminderSnoozed(
        originator_id=reminder.id,
        originator_version=3,
        timestamp=reminder.modified_on,
        until=date(2026, 12, 1),
        recorded_by="coord",
    )
    assert fresh.to_stored_event(later).state[1:17] == network_id.bytes  # found from the reminder's first event
    memory_kring.keys.destroy(network_id)
    with pytest.raises(KeyErased):
        memory_kring.repository.get(reminder.id)


def test_states_stored_before_encryption_existed_are_still_read(memory_kring: Kring) -> None:
    event = Network.open("Oud Netwerk", "coord", 13, STAMP).collect_events()[0]
    plain = Mapper[UUID](transcoder=memory_kring.mapper.transcoder).to_stored_event(event)
    assert plain.state.startswith(b"{")
    assert memory_kring.mapper.to_domain_event(plain).client_name == "Oud Netwerk"  # type: ignore[attr-defined]


def test_an_erased_network_refuses_every_change_and_erasing_it_again_records_nothing() -> None:
    network = Network.open("Wilhelmina Quaxelaar", "coord", 13, STAMP)
    network.erase(STAMP)
    network.erase(STAMP)
    assert [type(e).__name__ for e in network.collect_events()] == ["NetworkOpened", "NetworkErased"]
    with pytest.raises(DomainError) as refused:
        network.add_note(STAMP, str(uuid4()), "Nog iets")
    assert refused.value.code == "network_erased"
    with pytest.raises(DomainError):
        network.reopen(STAMP)


# ------------------------------------------------------------------ the master key
def test_the_master_key_file_is_made_once_and_only_its_owner_may_read_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "keys" / "master.key"
    settings = {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": "k", "KRING_MASTER_KEY_FILE": str(path)}
    with caplog.at_level(logging.WARNING):
        first = master_key(settings)
    assert "back it up" in caplog.text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert master_key(settings) == first and len(first) == 32


def test_a_master_key_from_the_settings_wins_and_must_be_32_bytes(tmp_path: Path) -> None:
    given = base64.b64encode(b"k" * 32).decode()
    file = str(tmp_path / "unused.key")
    assert master_key({"KRING_MASTER_KEY": given, "KRING_MASTER_KEY_FILE": file}) == b"k" * 32
    assert not Path(file).exists()
    with pytest.raises(ConfigurationError, match="32 random bytes"):
        master_key({"KRING_MASTER_KEY": base64.b64encode(b"short").decode()})


def test_a_store_in_memory_gets_a_key_of_its_own_and_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert master_key({"PERSISTENCE_MODULE": "eventsourcing.popo"}) != master_key(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"}
    )
    assert not (tmp_path / "var").exists()


def test_a_sealed_network_whose_key_row_went_missing_is_never_written_in_clear(memory_kring: Kring) -> None:
    network_id = opened(memory_kring)
    network = memory_kring.get_network(network_id)  # loaded while the key was there
    with memory_kring.keys.store.transaction(write=True) as tx:
        tx.execute("DELETE FROM kring_network_keys")
    memory_kring.keys._cache.clear()
    network.add_note(memory_kring.stamp("coord"), str(uuid4()), "Nog iets")
    with pytest.raises(KeyErased):
        memory_kring.save(network)
    assert len(stored(memory_kring, network_id)) == 2


def test_an_erasure_interrupted_before_the_key_was_destroyed_is_finished_by_erasing_again(memory_kring: Kring) -> None:
    network_id = opened(memory_kring)
    network = memory_kring.get_network(network_id)
    network.erase(memory_kring.stamp("coord"))
    memory_kring.save(network)  # ... and the process died before destroying the key
    with pytest.raises(NetworkNotFound):
        memory_kring.get_network(network_id)
    assert memory_kring.erase_network(network_id, "coord").position is None  # nothing recorded twice
    with pytest.raises(KeyErased):
        memory_kring.mapper.to_domain_event(stored(memory_kring, network_id)[0])
    with pytest.raises(NetworkNotFound):
        memory_kring.erase_network(network_id, "coord")
