"""Applying parked events again, after the cause was fixed (`flask projections retry`).

Each network's parked events are applied in log order, one at a time, each in its own transaction with the
projection's tracking row locked, and forgotten once applied. The first that fails again stays parked, with the
new error, and the events behind it keep waiting; the other networks go on.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from projections import parking
from projections.base import Unreadable
from projections.parking import TRANSIENT, Parked

if TYPE_CHECKING:
    from projections.runner import Runner

log = logging.getLogger(__name__)


def retry(runner: Runner, names: list[str]) -> tuple[int, list[Parked]]:
    """Apply the parked events of these projections again; how many applied, and what is still parked."""
    applied = 0
    for name in names:
        for network_id in dict.fromkeys(p.originator_id for p in runner.parked([name])):
            applied += _network(runner, name, network_id)
    return applied, runner.parked(names)


def _network(runner: Runner, name: str, network_id: str) -> int:
    """One network's parked events, until none is left or one fails again."""
    applied = 0
    while waiting := _waiting(runner, name, network_id):  # read again: a step may have held back more meanwhile
        for position, event in waiting:
            try:
                applied += runner.apply_parked(name, position, event)
            except TRANSIENT:
                raise
            except Exception as error:  # noqa: BLE001 - it stays parked, heading its network's events
                _failed_again(runner, name, position, error)
                return applied
    return applied


def _waiting(runner: Runner, name: str, network_id: str) -> list[tuple[int, Any]]:
    """A network's parked events in a projection, read from the log (an erased network's are forgotten)."""
    found = []
    with runner.store.transaction() as tx:
        positions = [p.position for p in parking.listed(tx, [name], network_id)]
    for position in positions:
        [notification] = runner.app.recorder.select_notifications(start=position, limit=1)
        try:
            found.append((position, runner.app.mapper.to_domain_event(notification)))
        except Unreadable:  # erased meanwhile: nothing of it is ever applied again
            with runner.store.transaction(write=True) as tx:
                parking.release(tx, name, [position])
    return found


def _failed_again(runner: Runner, name: str, position: int, error: Exception) -> None:
    with runner.store.transaction(write=True) as tx:
        parking.failed_again(tx, name, position, error)
    log.error(
        "projection %s still cannot apply the event at log position %d: %s in %s",
        name,
        position,
        type(error).__name__,
        parking.raised_in(error),
    )
