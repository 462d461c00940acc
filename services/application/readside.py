"""The read side: projections kept current from the event log, and the questions they answer."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import networkx as nx

from domain.graph import network_graph
from domain.measures import Measures, measure
from domain.network import Network
from projections.access import AccessProjection, AccessQueries
from projections.attention import Attention
from projections.db import ReadStore
from projections.network_map import NetworkMapProjection, NetworkMaps
from projections.parking import Parked
from projections.records import Records, RecordsProjection
from projections.reminders import DueReminders, DueRemindersProjection
from projections.runner import Runner
from projections.timeline import KINDS, TimelineProjection, TimelineQuery, Timelines
from projections.who_does_what import WhoDoesWhat
from services.application.kring import Kring
from services.application.networks import NetworkNotFound

__all__ = [  # with the read side's own types its callers name
    "TIMELINE_KINDS",
    "Parked",
    "PositionBeyondLog",
    "ReadSide",
    "ReadSideBehind",
    "TimelineQuery",
    "measures_view",
]
TIMELINE_KINDS: tuple[str, ...] = tuple(KINDS)  # what a timeline can be filtered by (TimelineQuery.kinds)
CHANGE_TYPES = {
    "ContactAdded": "contacts_added",
    "ContactRemoved": "contacts_removed",
    "TieRecorded": "ties_recorded",
    "TieStrengthened": "ties_strengthened",
    "TieWeakened": "ties_weakened",
    "TieStrained": "ties_strained",
    "TieEased": "ties_eased",
    "TieEnded": "ties_ended",
    "SupportRoleAssigned": "roles_started",
    "SupportRoleEnded": "roles_ended",
}
MAX_WAITERS = 4  # requests of one process waiting for the projections at once; more are answered 503 at once


class ReadSideBehind(Exception):
    """The projections did not reach the asked log position in time."""


class PositionBeyondLog(Exception):
    """A read asked for a log position that no write has reached: waiting would not help."""

    def __init__(self, position: int, end: int) -> None:
        super().__init__(
            f"Position {position} is past the end of the event log (it ends at position {end}); pass the "
            "position a command returned."
        )
        self.position = position
        self.end = end


def measures_view(result: Measures) -> dict[str, Any]:
    """Measures as data for an answer: each measure's figures and lines (phrases), the concerns, the strengths."""
    return {
        "measures": {name: {"value": m.value, "lines": m.lines} for name, m in result.measures.items()},
        "signals": result.signals,
        "strengths": result.strengths,
    }


class ReadSide:
    """Projections, their runner and the queries, over the same database as the event store."""

    def __init__(self, app: Kring, settings: Mapping[str, str]) -> None:
        self.app = app
        self.store = ReadStore.for_settings(settings)
        self.map_projection = NetworkMapProjection(app)
        self.runner = Runner(
            app,
            self.store,
            [
                self.map_projection,
                TimelineProjection(app),
                RecordsProjection(app),
                DueRemindersProjection(app),
                AccessProjection(app),
            ],
        )
        self.maps = NetworkMaps(self.store, self.map_projection)
        self.timelines = Timelines(self.store)
        self.records = Records(self.store)
        self.who_does_what = WhoDoesWhat(self.store)
        self.attention = Attention(self.store)
        self.access = AccessQueries(self.store)
        self.due = DueReminders(self.store)
        self._waiters = threading.BoundedSemaphore(MAX_WAITERS)

    def close(self) -> None:
        """Stop the runner and close the read store."""
        self.runner.stop()
        self.store.close()

    def reach(self, position: int | None, timeout: float = 2.0) -> None:
        """Read-your-writes: wait (a while) until the projections include this log position.

        A position past the end of the log is refused at once (PositionBeyondLog); at most MAX_WAITERS requests
        wait at a time, the others hear at once that the read side is behind: waiting cannot tie up the server.
        """
        if not position or self.runner.reached(position):
            return
        end = self.app.log_position()
        if position > end:
            raise PositionBeyondLog(position, end)
        behind = ReadSideBehind(f"The read side has not reached position {position} yet; try again shortly.")
        if not self._waiters.acquire(blocking=False):
            raise behind
        try:
            if not self.runner.wait_for(position, timeout):
                raise behind
        finally:
            self._waiters.release()

    def settle_access(self, position: int | None, timeout: float = 5.0) -> None:
        """Apply the log up to this position to the access projection now, in this process: a change of
        access or consent is in force for every later request when its command answers."""
        if not position:
            return
        deadline = time.monotonic() + timeout
        while self.runner.position_of("access") < position:
            if self.runner.step(["access"]):
                continue
            if time.monotonic() >= deadline:
                raise ReadSideBehind(f"The access rules have not reached position {position} yet; try again.")
            time.sleep(0.005)

    # ------------------------------------------------------------ the map
    def network(self, network_id: UUID, as_of: date | None = None) -> Network:
        """The current map from the projection, or the map on a date (replayed from the log)."""
        if as_of is not None:
            return self.app.network_as_of(network_id, as_of)
        network = self.maps.current(network_id)
        if network is None:
            raise NetworkNotFound(network_id)
        return network

    def graphml(self, network_id: UUID, as_of: date | None = None) -> str:
        """The map as GraphML (every tie type its own edge)."""
        return "\n".join(nx.generate_graphml(network_graph(self.network(network_id, as_of)))) + "\n"

    def measures(self, network_id: UUID, as_of: date | None = None) -> Measures:
        """The quality measures, with stability since the previous review (without one: since the intake day, the
        day the network was opened)."""
        network = self.network(network_id, as_of)
        basis = "review" if network.last_reviewed_on else "intake"
        if as_of is None:
            previous = self.maps.at_last_review(network_id)  # the review day's network, or the intake day's
        else:  # replayed up to as_of: its last review is on or before that day
            previous = self.app.network_as_of(network_id, network.last_reviewed_on or network.opened_on)
        return measure(network, previous, basis)

    def changes(self, network_id: UUID, start: date, end: date) -> dict[str, Any]:
        """What changed after `start` up to and including `end`, with the measures before and after."""
        after = self.app.network_as_of(network_id, end)
        try:
            before: Network | None = self.app.network_as_of(network_id, start)
        except NetworkNotFound:
            before = None
        lines = self.timelines.lines(
            network_id,
            TimelineQuery(kinds=("contact", "tie", "role"), start=start + timedelta(days=1), end=end, limit=10_000),
        )
        counts = Counter(CHANGE_TYPES[line["type"]] for line in lines if line["type"] in CHANGE_TYPES)
        return {
            "from": start,
            "to": end,
            "counts": {name: counts.get(name, 0) for name in CHANGE_TYPES.values()},
            "changes": [line for line in lines if line["type"] in CHANGE_TYPES],
            "measures_before": measures_view(measure(before)) if before else None,
            "measures_after": measures_view(measure(after, before, "day")),
        }
