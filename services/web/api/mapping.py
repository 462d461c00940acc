"""Mapping a network in one sitting: the client's profile, many people with their ties and tasks, who knows whom and
the spilmantelzorger, in one call that records everything or nothing."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any
from uuid import UUID

from services.application import intake
from services.web import intake_schemas
from services.web.auth import current_user
from services.web.current import services
from services.web.http import Blueprint, answer, command, context

blp = Blueprint("mapping", __name__, url_prefix="/api/networks", description="Mapping a network in one sitting")


def _answer(done: intake.Recorded, status: int) -> Any:
    assert done.outcome is not None
    body, _, headers = answer(done.outcome, status, "networks.get_network" if status == 201 else None)
    counts = {k: v for k, v in asdict(done).items() if k not in ("outcome", "held_on")}
    return {**body, **counts}, status, headers


RESULT = intake_schemas.IntakeResult


@command(blp, "/intake", "POST", intake_schemas.NewNetworkIntake, status=201, errors=(409, 422), result=RESULT)
def open_with_intake(body: dict[str, Any]) -> Any:
    """Open a network for a client (you coordinate it) and record the first sitting: all rows are checked first,
    and a problem anywhere records nothing (422 naming e.g. `people.3.name`; a rule refused: 409 naming it)."""
    done = intake.open_with_intake(
        services().kring,
        body["client_name"],
        current_user().id,
        intake_schemas.intake_of(body),
        context(body.get("held_on")),
        body["review_interval_weeks"],
    )
    assert done.outcome is not None
    services().access.settled(done.outcome)
    return _answer(done, 201)


@command(blp, "/<uuid:network_id>/intake", "POST", intake_schemas.IntakeCreate, errors=(404, 409, 412), result=RESULT)
def record_intake(body: dict[str, Any], network_id: UUID) -> Any:
    """Record a sitting in the network (revisiting it): new people, changes to those already there (only what is
    given), ties, tasks, who knows whom, the spilmantelzorger; everything or nothing, dated `held_on`."""
    plan = intake_schemas.intake_of(body)
    return _answer(intake.record_intake(services().kring, network_id, plan, context(body.get("held_on"))), 200)
