"""The Kring application: one command for every thing a user records on a network.

Each command gets the network, calls the domain method and saves (Networks.change, which retries on a concurrent
write unless If-Match was given) and returns the Outcome: the new version and the log position for read-your-writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from domain.errors import DomainError
from domain.network import Network
from domain.state import Stamp
from domain.vocabulary import DEFAULT_REVIEW_INTERVAL_WEEKS
from services.application.networks import Networks, Outcome

PROFILE = ("date_of_birth", "living_situation", "help_question")  # the client's profile, as the domain names it


@dataclass(frozen=True)
class Context:
    """Who records a command, when it happened (default today), and the If-Match version if any."""

    by: str
    effective_on: date | None = None
    expected_version: int | None = None


@contextmanager
def refused_as(path: str) -> Iterator[None]:
    """A refusal of one item of a list in a command, named by where it is (`tasks.1.task`)."""
    try:
        yield
    except DomainError as error:
        if error.field is not None and error.field != "effective_on":
            error.field = f"{path}.{error.field}"
        raise


class Kring(Networks):
    """Every change to a client's network is an event; a command gets the network, changes it and saves it."""

    def new_id(self) -> str:
        """A fresh id for a contact, role, goal, report or note."""
        return str(uuid4())

    def open_network(
        self,
        client_name: str,
        coordinator: str,
        *,
        by: str,
        review_interval_weeks: int = DEFAULT_REVIEW_INTERVAL_WEEKS,
        effective_on: date | None = None,
    ) -> Outcome:
        """Open a network for a client."""
        network = Network.open(client_name, coordinator, review_interval_weeks, self.stamp(by, effective_on))
        recordings = self.save(network)
        return Outcome(network.id, network.version, recordings[-1].notification.id, str(network.id))

    def _run(
        self,
        network_id: UUID,
        ctx: Context,
        call: Callable[[Network, Stamp], None],
        created_id: str | None = None,
    ) -> Outcome:
        stamp = self.stamp(ctx.by, ctx.effective_on)
        return self.change(
            network_id, lambda n: call(n, stamp), expected_version=ctx.expected_version, created_id=created_id
        )

    def update_network(self, network_id: UUID, ctx: Context, **changes: Any) -> Outcome:
        """Change the client's name or profile (date of birth, living situation, help question), the coordinator
        or the review interval."""
        profile = {k: changes[k] for k in PROFILE if k in changes}

        def call(n: Network, s: Stamp) -> None:
            if changes.get("client_name") is not None:
                n.change_client_details(s, changes["client_name"])
            if profile:
                n.change_client_profile(s, **profile)
            if changes.get("coordinator") is not None:
                n.change_coordinator(s, changes["coordinator"])
            if changes.get("review_interval_weeks") is not None:
                n.change_review_interval(s, changes["review_interval_weeks"])

        return self._run(network_id, ctx, call)

    def close_network(self, network_id: UUID, ctx: Context, reason: str) -> Outcome:
        """Close the network."""
        return self._run(network_id, ctx, lambda n, s: n.close(s, reason))

    def reopen_network(self, network_id: UUID, ctx: Context) -> Outcome:
        """Reopen a closed network."""
        return self._run(network_id, ctx, lambda n, s: n.reopen(s))

    def add_contact(self, network_id: UUID, ctx: Context, **details: Any) -> Outcome:
        """Add a contact; the outcome carries the new contact's id."""
        contact_id = self.new_id()
        return self._run(network_id, ctx, lambda n, s: n.add_contact(s, contact_id, **details), contact_id)

    def change_contact(self, network_id: UUID, ctx: Context, contact_id: str, **changes: Any) -> Outcome:
        """Change some of a contact's details."""
        return self._run(network_id, ctx, lambda n, s: n.change_contact_details(s, contact_id, **changes))

    def remove_contact(self, network_id: UUID, ctx: Context, contact_id: str, reason: str) -> Outcome:
        """Take a contact out of the network."""
        return self._run(network_id, ctx, lambda n, s: n.remove_contact(s, contact_id, reason))

    def assess_tie(self, network_id: UUID, ctx: Context, contact_id: str, **tie: Any) -> Outcome:
        """Record how the tie with a contact is now."""
        return self._run(network_id, ctx, lambda n, s: n.assess_tie(s, contact_id, **tie))

    def end_tie(self, network_id: UUID, ctx: Context, contact_id: str, reason: str) -> Outcome:
        """The tie with a contact has ended."""
        return self._run(network_id, ctx, lambda n, s: n.end_tie(s, contact_id, reason))

    def record_acquaintance(self, network_id: UUID, ctx: Context, first: str, second: str) -> Outcome:
        """Two contacts know each other."""
        return self._run(network_id, ctx, lambda n, s: n.record_acquaintance(s, first, second))

    def end_acquaintance(self, network_id: UUID, ctx: Context, first: str, second: str) -> Outcome:
        """Two contacts no longer know each other."""
        return self._run(network_id, ctx, lambda n, s: n.end_acquaintance(s, first, second))

    def assign_role(self, network_id: UUID, ctx: Context, request_id: str | None = None, **role: Any) -> Outcome:
        """A contact takes on a task (answering a request for help, if one is named); the outcome carries the new
        role's id."""
        role_id = self.new_id()

        def call(n: Network, s: Stamp) -> None:
            n.assign_role(s, role_id, **role)
            if request_id is not None:
                n.close_help_request(s, request_id, "taken_on", role_id)

        return self._run(network_id, ctx, call, role_id)

    def ask_for_help(self, network_id: UUID, ctx: Context, **request: Any) -> Outcome:
        """Ask for help with a task nobody does yet; the outcome carries the request's id."""
        request_id = self.new_id()
        return self._run(network_id, ctx, lambda n, s: n.ask_for_help(s, request_id, **request), request_id)

    def close_help_request(self, network_id: UUID, ctx: Context, request_id: str) -> Outcome:
        """The help asked for is no longer needed."""
        return self._run(network_id, ctx, lambda n, s: n.close_help_request(s, request_id, "withdrawn"))

    def end_role(self, network_id: UUID, ctx: Context, role_id: str, reason: str) -> Outcome:
        """A task is no longer done."""
        return self._run(network_id, ctx, lambda n, s: n.end_role(s, role_id, reason))

    def designate_spilmantelzorger(self, network_id: UUID, ctx: Context, contact_id: str) -> Outcome:
        """Make a contact the lead informal carer."""
        return self._run(network_id, ctx, lambda n, s: n.designate_spilmantelzorger(s, contact_id))

    def stand_down_spilmantelzorger(self, network_id: UUID, ctx: Context, reason: str) -> Outcome:
        """The lead informal carer steps back."""
        return self._run(network_id, ctx, lambda n, s: n.stand_down_spilmantelzorger(s, reason))

    def report_burden(self, network_id: UUID, ctx: Context, **report: Any) -> Outcome:
        """Store a carer's burden questionnaire; the outcome carries the report's id."""
        report_id = self.new_id()
        return self._run(network_id, ctx, lambda n, s: n.report_burden(s, report_id, **report), report_id)

    def report_carer_risks(self, network_id: UUID, ctx: Context, carer_id: str, factors: list[str]) -> Outcome:
        """Record which MantelScan risk signals hold for a carer now."""
        return self._run(network_id, ctx, lambda n, s: n.report_carer_risks(s, carer_id, factors))

    def record_review(self, network_id: UUID, ctx: Context, **review: Any) -> Outcome:
        """A review of the network was held."""
        review["participant_ids"] = [str(i) for i in review.get("participant_ids") or []]
        return self._run(network_id, ctx, lambda n, s: n.review(s, **review))

    def record_meeting(
        self, network_id: UUID, ctx: Context, tasks: Sequence[dict[str, Any]] = (), **meeting: Any
    ) -> Outcome:
        """A support-group meeting was held; each agreement someone takes on becomes their task in the same save."""
        role_ids = [self.new_id() for _ in tasks]
        meeting["attendee_ids"] = [str(i) for i in meeting.get("attendee_ids") or []]

        def call(n: Network, s: Stamp) -> None:
            n.hold_meeting(s, **meeting)
            for index, (role_id, task) in enumerate(zip(role_ids, tasks, strict=True)):
                with refused_as(f"tasks.{index}"):
                    n.assign_role(s, role_id, **{**task, "contact_id": str(task["contact_id"])})

        return self._run(network_id, ctx, call)

    def set_goal(self, network_id: UUID, ctx: Context, **goal: Any) -> Outcome:
        """Add a goal; the outcome carries the goal's id."""
        goal_id = self.new_id()
        return self._run(network_id, ctx, lambda n, s: n.set_goal(s, goal_id, **goal), goal_id)

    def complete_goal(self, network_id: UUID, ctx: Context, goal_id: str) -> Outcome:
        """A goal was reached."""
        return self._run(network_id, ctx, lambda n, s: n.complete_goal(s, goal_id))

    def add_note(self, network_id: UUID, ctx: Context, text: str) -> Outcome:
        """Write a note; the outcome carries the note's id."""
        note_id = self.new_id()
        return self._run(network_id, ctx, lambda n, s: n.add_note(s, note_id, text), note_id)

    def grant_access(
        self, network_id: UUID, ctx: Context, user_id: str, role: str, contact_id: str | None = None
    ) -> Outcome:
        """Give a user a role on the network."""
        return self._run(network_id, ctx, lambda n, s: n.grant_access(s, user_id, role, contact_id))

    def revoke_access(self, network_id: UUID, ctx: Context, user_id: str) -> Outcome:
        """Take a user's role on the network away."""
        return self._run(network_id, ctx, lambda n, s: n.revoke_access(s, user_id))

    def set_consent(
        self, network_id: UUID, ctx: Context, user_id: str, scopes: list[str], on_behalf_of_client: bool
    ) -> Outcome:
        """What the client lets this person see; what is left out is withdrawn."""
        return self._run(network_id, ctx, lambda n, s: n.set_consent(s, user_id, scopes, on_behalf_of_client))

    def invite(self, network_id: UUID, ctx: Context, **invitation: Any) -> Outcome:
        """Invite someone of the network as a guest; the outcome carries the invitation's id."""
        invitation_id = self.new_id()
        return self._run(network_id, ctx, lambda n, s: n.invite(s, invitation_id, **invitation), invitation_id)

    def accept_invitation(self, network_id: UUID, ctx: Context, invitation_id: str) -> Outcome:
        """The invitee (ctx.by) accepts: the role and consent of the invitation are theirs."""
        return self._run(network_id, ctx, lambda n, s: n.accept_invitation(s, invitation_id, ctx.by))

    def withdraw_invitation(self, network_id: UUID, ctx: Context, invitation_id: str) -> Outcome:
        """An invitation no longer holds."""
        return self._run(network_id, ctx, lambda n, s: n.withdraw_invitation(s, invitation_id))
