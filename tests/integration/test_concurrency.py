"""Two workers editing the same network never silently overwrite each other."""

from __future__ import annotations

import threading
from collections.abc import Callable
from uuid import UUID

import pytest

from domain.network import Network
from services.application.kring import Context, Kring
from services.application.networks import VersionMismatch

CTX = Context(by="coord")


def note_texts(app: Kring, network_id: UUID) -> list[str]:
    """The notes in the network's history, in the order they were saved."""
    return [e.text for e in app.network_events(network_id) if isinstance(e, Network.NoteAdded)]


def test_a_command_that_loses_the_race_is_retried_and_both_changes_are_kept(
    store: dict[str, str], make_kring: Callable[[dict[str, str]], Kring]
) -> None:
    worker_a, worker_b = make_kring(store), make_kring(store)
    nid = worker_a.open_network("Mevr. Jansen", "coord", by="coord").network_id
    calls = []

    def note_while_b_writes_first(network: Network) -> None:
        if not calls:  # the first attempt: worker B saves in between our get and our save
            worker_b.add_note(nid, CTX, "written by B")
        calls.append(network.version)
        network.add_note(worker_a.stamp("coord"), worker_a.new_id(), "written by A")

    outcome = worker_a.change(nid, note_while_b_writes_first)
    assert calls == [1, 2]  # retried once, on the fresh version
    assert outcome.version == 3
    assert note_texts(worker_a, nid) == ["written by B", "written by A"]


def test_a_command_with_a_stale_expected_version_is_refused_and_writes_nothing(
    store: dict[str, str], make_kring: Callable[[dict[str, str]], Kring]
) -> None:
    worker_a, worker_b = make_kring(store), make_kring(store)
    nid = worker_a.open_network("Mevr. Jansen", "coord", by="coord").network_id
    worker_b.add_note(nid, CTX, "B got there first")
    with pytest.raises(VersionMismatch) as refused:
        worker_a.add_note(nid, Context(by="coord", expected_version=1), "A's edit of version 1")
    assert (refused.value.expected, refused.value.current) == (1, 2)
    assert note_texts(worker_a, nid) == ["B got there first"]


def test_an_expected_version_that_goes_stale_between_get_and_save_is_refused(
    store: dict[str, str], make_kring: Callable[[dict[str, str]], Kring]
) -> None:
    worker_a, worker_b = make_kring(store), make_kring(store)
    nid = worker_a.open_network("Mevr. Jansen", "coord", by="coord").network_id

    def b_writes_in_between(network: Network) -> None:
        worker_b.add_note(nid, CTX, "B")
        network.add_note(worker_a.stamp("coord"), worker_a.new_id(), "A")

    with pytest.raises(VersionMismatch):
        worker_a.change(nid, b_writes_in_between, expected_version=1)
    assert note_texts(worker_a, nid) == ["B"]


def test_many_concurrent_writers_on_two_workers_lose_no_change(
    store: dict[str, str], make_kring: Callable[[dict[str, str]], Kring]
) -> None:
    workers = [make_kring(store), make_kring(store)]
    nid = workers[0].open_network("Mevr. Jansen", "coord", by="coord").network_id
    errors: list[BaseException] = []

    def write(worker: Kring, who: int) -> None:
        try:
            for i in range(15):
                worker.add_note(nid, CTX, f"{who}-{i}")
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(workers[n % 2], n)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    texts = note_texts(workers[1], nid)
    assert errors == []
    assert sorted(texts) == sorted(f"{who}-{i}" for who in range(4) for i in range(15))
