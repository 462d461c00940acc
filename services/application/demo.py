"""A demo network on request (`make demo`, and the button on an empty Mijn netwerken): a daughter overloaded by
caring for her mother, with a year of history, so a newcomer sees a living network in the first five minutes.

The year is recorded through the Kring application's own commands, each dated with its effective date, in the
order things happened, so every rule of the domain holds and the map, the time slider, "Veranderingen", the
burden trend and the reminders show change exactly as they would for a real network. What the year holds is in
demo_year.py; the texts are Dutch message ids that the caller's gettext translates (the demo is recorded in the
language of whoever asks for it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from services.application.demo_year import CLIENT, the_year
from services.application.kring import Context, Kring
from services.application.networks import Outcome
from services.application.readside import ReadSide

__all__ = ["CLIENT", "DemoNetworks", "Script"]

Words = Callable[[str], str]
YEAR = 364  # the network was opened this many days ago; the last step is at most a few days ago
EDIZ_PLUS_ITEMS = 15


@dataclass(frozen=True)
class Step:
    """One command of the year, `day` days after the network was opened."""

    day: int
    record: Callable[[Recording, Context], Outcome]


@dataclass
class Recording:
    """The demo network being recorded: the application, the words, and the ids of what was made so far."""

    kring: Kring
    words: Words
    network_id: UUID | None = None
    ids: dict[str, str] = field(default_factory=dict)

    def network(self) -> UUID:
        assert self.network_id is not None, "the first step opens the network"
        return self.network_id

    def keep(self, key: str, outcome: Outcome) -> Outcome:
        """Remember the id a command made under the story's name for it."""
        assert outcome.created_id is not None
        self.ids[key] = outcome.created_id
        return outcome


class Script:
    """The year as a list of steps, written in the story's words: who comes in, which tie changes, who does what."""

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.ties: dict[str, dict[str, Any]] = {}  # each contact's tie as the story left it, to assess it whole

    def _add(self, day: int, record: Callable[[Recording, Context], Outcome]) -> None:
        assert not self.steps or day >= self.steps[-1].day, "the story is told in the order things happened"
        self.steps.append(Step(day, record))

    def open(self, client_name: str) -> None:
        def record(r: Recording, ctx: Context) -> Outcome:
            outcome = r.kring.open_network(r.words(client_name), ctx.by, by=ctx.by, effective_on=ctx.effective_on)
            r.network_id = outcome.network_id
            return outcome

        self._add(0, record)

    def contact(self, day: int, key: str, tie: dict[str, Any] | None = None, **details: Any) -> None:
        """Someone comes into the network (names marked with N_ are translated), and how the tie is."""

        def record(r: Recording, ctx: Context) -> Outcome:
            said = {"name": r.words(details["name"]), "skills": [r.words(s) for s in details.get("skills", ())]}
            return r.keep(key, r.kring.add_contact(r.network(), ctx, **{**details, **said}))

        self._add(day, record)
        if tie is not None:
            self.tie(day, key, **{"stressful": False, "note": "", **tie})

    def tie(self, day: int, key: str, **changes: Any) -> None:
        """The tie with a contact as it is now (what is not named stays as it was)."""
        tie = self.ties[key] = {**self.ties.get(key, {}), "note": "", **changes}

        def record(r: Recording, ctx: Context) -> Outcome:
            return r.kring.assess_tie(r.network(), ctx, r.ids[key], **{**tie, "note": r.words(tie["note"])})

        self._add(day, record)

    def acquainted(self, day: int, *pairs: tuple[str, str]) -> None:
        """These contacts know each other."""
        for pair in pairs:
            self._acquainted(day, *pair)

    def _acquainted(self, day: int, first: str, second: str) -> None:
        self._add(day, lambda r, c: r.kring.record_acquaintance(r.network(), c, r.ids[first], r.ids[second]))

    def spilmantelzorger(self, day: int, key: str) -> None:
        self._add(day, lambda r, c: r.kring.designate_spilmantelzorger(r.network(), c, r.ids[key]))

    def task(  # noqa: PLR0913 - a task's fields
        self, day: int, key: str, who: str, kind: str, task: str, rhythm: str, *, by_client: bool = False
    ) -> None:
        """Someone takes on a task (or the client does something for them)."""
        direction = "from_client" if by_client else "to_client"

        def record(r: Recording, ctx: Context) -> Outcome:
            role = {"support_type": kind, "task": r.words(task), "rhythm": r.words(rhythm), "direction": direction}
            return r.keep(key, r.kring.assign_role(r.network(), ctx, contact_id=r.ids[who], **role))

        self._add(day, record)

    def end_task(self, day: int, key: str, reason: str) -> None:
        self._add(day, lambda r, c: r.kring.end_role(r.network(), c, r.ids[key], r.words(reason)))

    def burden(self, day: int, who: str, score: int) -> None:
        """The carer fills in the EDIZ-plus: `score` of its 15 questions answered yes."""
        report = {"instrument": "ediz_plus", "answers": [1] * score + [0] * (EDIZ_PLUS_ITEMS - score)}
        self._add(day, lambda r, c: r.kring.report_burden(r.network(), c, carer_id=r.ids[who], **report))

    def risks(self, day: int, who: str, *factors: str) -> None:
        self._add(day, lambda r, c: r.kring.report_carer_risks(r.network(), c, r.ids[who], list(factors)))

    def review(self, day: int, participants: list[str], summary: str) -> None:
        def record(r: Recording, ctx: Context) -> Outcome:
            said = {"participants": [r.words(p) for p in participants], "summary": r.words(summary)}
            return r.kring.record_review(r.network(), ctx, next_review_on=None, **said)

        self._add(day, record)

    def meeting(self, day: int, attendees: list[str], agreements: list[str]) -> None:
        def record(r: Recording, ctx: Context) -> Outcome:
            return r.kring.record_meeting(
                r.network(),
                ctx,
                attendees=[r.words(a) for a in attendees],
                agreements=[r.words(a) for a in agreements],
            )

        self._add(day, record)

    def goal(self, day: int, key: str, title: str, due_after: int | None = None) -> None:
        """A goal of the action plan, due `due_after` days after it was set (if at all)."""

        def record(r: Recording, ctx: Context) -> Outcome:
            assert ctx.effective_on is not None
            due = ctx.effective_on + timedelta(days=due_after) if due_after is not None else None
            return r.keep(key, r.kring.set_goal(r.network(), ctx, title=r.words(title), due_on=due))

        self._add(day, record)

    def reached(self, day: int, key: str) -> None:
        self._add(day, lambda r, c: r.kring.complete_goal(r.network(), c, r.ids[key]))

    def note(self, day: int, text: str) -> None:
        self._add(day, lambda r, c: r.kring.add_note(r.network(), c, r.words(text)))

    def gone(self, day: int, key: str, reason: str) -> None:
        """Someone leaves the network."""
        self._add(day, lambda r, c: r.kring.remove_contact(r.network(), c, r.ids[key], r.words(reason)))


def script() -> Script:
    """The demo's year, as steps."""
    told = Script()
    the_year(told)
    return told


class DemoNetworks:
    """The demo network of a coordinator: found if they have one, otherwise recorded, a year of it."""

    def __init__(self, kring: Kring, side: ReadSide) -> None:
        self.kring, self.side = kring, side

    @property
    def steps(self) -> int:
        """How many commands the year takes (for a progress bar)."""
        return len(script().steps)

    def existing(self, coordinator: str, words: Words) -> UUID | None:
        """The coordinator's demo network, if the read side knows one (by the client's name, in either language)."""
        names = {CLIENT, words(CLIENT)}
        for row in self.side.attention.networks_of(coordinator):
            if row["role"] == "coordinator" and row["client_name"] in names:
                return UUID(row["network_id"])
        return None

    def make(self, coordinator: str, words: Words, progress: Callable[[int], None] | None = None) -> Outcome:
        """Record the demo's year for this coordinator (recorded by them), in the language of `words`; returns the
        last command's outcome (its position: read-your-writes)."""
        recording, opened = Recording(self.kring, words), self.kring.today() - timedelta(days=YEAR)
        outcome: Outcome | None = None
        for step in script().steps:
            outcome = step.record(recording, Context(by=coordinator, effective_on=_day(opened, step.day)))
            if progress is not None:
                progress(1)
        assert outcome is not None
        return Outcome(recording.network(), outcome.version, outcome.position)


def _day(opened: date, day: int) -> date:
    return opened + timedelta(days=day)
