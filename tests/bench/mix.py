"""The command mix both the HTTP runs and the direct runs replay, so their rates compare like with like.

Per network the commands come in rounds of four: add a contact, assess a tie, assign a role, assess a tie.
Tie assessments go round the network's contacts and alternate normal/strong, so every command records
exactly one event (TieRecorded the first time, then TieStrengthened / TieWeakened).
"""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["contact", "tie", "role"]
KINDS: tuple[Kind, ...] = ("contact", "tie", "role", "tie")

CONTACT: dict[str, Any] = {"name": "Bench Contact", "category": "friend", "ring": "friend"}
TIE: dict[str, Any] = {"stressful": False, "flow": "both", "frequency": None}
ROLE: dict[str, Any] = {
    "support_type": "practical",
    "direction": "to_client",
    "task": "Boodschappen doen",
    "rhythm": "weekly",
}


@dataclass(frozen=True)
class Op:
    kind: Kind
    contact_id: str | None = None
    strength: str | None = None


@dataclass
class Script:
    """What to do next on one network; told the id of each contact the store created."""

    contacts: list[str] = field(default_factory=list)
    strengths: dict[str, str] = field(default_factory=dict)
    step: int = 0
    ties: int = 0

    def next(self) -> Op:
        kind = KINDS[self.step % len(KINDS)]
        self.step += 1
        if kind == "contact" or not self.contacts:  # no contact yet (its creation was refused): make one
            return Op("contact")
        if kind == "role":
            return Op("role", self.contacts[-1])
        return self.next_tie()

    def next_tie(self) -> Op:
        """Re-assess the next contact's tie, flipping it between normal and strong."""
        contact_id = self.contacts[self.ties % len(self.contacts)]
        self.ties += 1
        strength = "strong" if self.strengths.get(contact_id) == "normal" else "normal"
        self.strengths[contact_id] = strength
        return Op("tie", contact_id, strength)

    def added(self, contact_id: str) -> None:
        self.contacts.append(contact_id)


def percentile(values: list[float], fraction: float) -> float:
    """The value below which this fraction of the values lie (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


@dataclass(frozen=True)
class Rate:
    """How many commands in how long, and how long each took (seconds)."""

    label: str
    count: int
    seconds: float
    latencies: list[float]
    own_cpu: float | None = None  # CPU seconds this benchmark process used meanwhile (all its threads)
    server_cpu: float | None = None  # CPU seconds the server's processes used meanwhile
    refused: int = 0  # commands the server did not answer with success (not in `count`)
    first_refusal: str | None = None
    gave_up: bool = False  # stopped early after too many refusals

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def p95_ms(self) -> float:
        return percentile(self.latencies, 0.95) * 1000


def run_together(workers: list[threading.Thread], start: threading.Barrier) -> tuple[float, float]:
    """Start the threads, release them at once (they wait on `start`), wait for all of them.

    Returns the wall seconds from the release and this process's CPU seconds over the run.
    """
    for worker in workers:
        worker.start()
    own_cpu = time.process_time()
    start.wait()
    began = time.perf_counter()
    for worker in workers:
        worker.join()
    return time.perf_counter() - began, time.process_time() - own_cpu
