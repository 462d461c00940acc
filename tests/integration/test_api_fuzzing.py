"""Schemathesis over the served OpenAPI spec: every operation, signed in with a real token, on a real network with
contacts, ties, a role, a goal, a note, a burden report and a reminder. No answer is a server error, and every
answer matches the spec (status, content type, headers, body). Derandomized, so a run repeats exactly."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from services.web.current import services_of
from tests.conftest import TODAY, Staff
from tests.integration.api_helpers import OPENED_ON, add_contact, open_network

EXAMPLES = {GenerationMode.POSITIVE: 50, GenerationMode.NEGATIVE: 25}  # per operation: 68 operations, ~3,400 cases
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
LAST = ("/erasure", "/close", "DELETE")  # what takes the seeded network or its parts away runs after the rest


@dataclass
class Findings:
    """What the fuzzer saw: cases per operation, answers per status, and the failed checks (one example of each
    kind per operation, with how often it happened)."""

    cases: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def fail(self, operation: str, mode: GenerationMode, failure: Failure, report: str) -> None:
        kind = f"{operation} ({mode.value}): {failure.code} {failure.title}"
        self.failures[kind] += 1
        self.examples.setdefault(kind, report[:2000])

    def report(self) -> str:
        counted = "\n".join(f"{n} x {kind}" for kind, n in self.failures.most_common())
        return counted + "\n\n" + "\n\n".join(self.examples.values())


def _seed(staff: Staff) -> tuple[dict[str, str], str]:
    """A network as a coordinator keeps it; the real ids for the path parameters, and Bea's token."""
    bea = staff.client("Bea", is_admin=True)
    network_id = open_network(bea)
    base = f"/api/networks/{network_id}"
    carer = add_contact(bea, network_id, name="Piet", category="household", ring="intimate")
    other = add_contact(bea, network_id, name="Fien", category="friend", ring="friend")
    for contact in (carer, other):
        tie = {"strength": "strong", "flow": "both", "frequency": "weekly", "effective_on": OPENED_ON}
        assert bea.put(f"{base}/contacts/{contact}/tie", json=tie).status_code == 200
    role = bea.post(f"{base}/roles", json={"contact_id": carer, "support_type": "practical", "task": "boodschappen"})
    goal = bea.post(f"{base}/goals", json={"title": "Elke week naar buiten", "due_on": "2027-03-01"})
    note = bea.post(f"{base}/notes", json={"text": "Piet is moe."})
    report = bea.post(f"{base}/burden-reports", json={"carer_id": carer, "instrument": "srb", "answers": [7]})
    member = staff.id("Dirk")
    grant = bea.post(f"{base}/access", json={"user": member, "role": "member", "contact_id": other})
    for made in (role, goal, note, report, grant):
        assert made.status_code == 201, made.json
    services_of(staff.app).read_side.reach(grant.json["position"])  # the reminders projection knows the review
    reminders = services_of(staff.app).reminders
    raised = reminders.scan(TODAY, lambda _delivery: None, ["inbox"]).raised
    services_of(staff.app).read_side.reach(services_of(staff.app).kring.log_position())  # the inbox shows it
    spare_token, _ = staff.accounts.new_token(staff.id("Bea"), "spare")
    ids = {
        "network_id": network_id,
        "contact_id": other,
        "carer_id": carer,
        "role_id": role.json["id"],
        "goal_id": goal.json["id"],
        "note_id": note.json["id"],
        "report_id": report.json["id"],
        "reminder_id": raised[0].reminder_id,
        "user_id": member,
        "coordinator": "me",
        "code": "ediz_plus",
        "token": services_of(staff.app).calendar.new_token(staff.id("Bea")),
        "token_id": spare_token["id"],
    }
    return ids, bea.environ_base["HTTP_AUTHORIZATION"]


def _order(operation: Any) -> tuple[bool, str]:
    return any(mark in operation.label for mark in LAST), operation.label


def _fuzz(operation: Any, mode: GenerationMode, ids: dict[str, str], token: str, findings: Findings) -> None:
    """Run one operation's cases; record each answer and every failed check (no shrinking: we want them all)."""
    names = {p.name for p in operation.path_parameters}
    strategy = operation.as_strategy(
        generation_mode=mode,
        path_parameters={name: ids[name] for name in names if name in ids},
        headers={"Authorization": token},
    )

    @settings(
        max_examples=EXAMPLES[mode],
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        response = case.call()
        findings.cases[operation.label] += 1
        findings.statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except FailureGroup as failures:
            for failure in failures.exceptions:
                findings.fail(operation.label, mode, failure, str(failures))
        except Failure as failure:
            findings.fail(operation.label, mode, failure, str(failure))

    try:
        run()
    except Unsatisfiable:  # nothing to send wrong (no parameters, no body): positive cases only
        assert mode is GenerationMode.NEGATIVE, operation.label


@pytest.mark.slow
def test_the_api_answers_every_generated_request_without_a_server_error_and_as_its_spec_says(
    app: Flask, staff: Staff, capsys: pytest.CaptureFixture[str]
) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a crash is a 500 answer to count, not an exception in the test
    ids, token = _seed(staff)
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    operations = sorted((result.ok() for result in schema.get_all_operations()), key=_order)
    findings = Findings()
    for operation in operations:
        for mode in EXAMPLES:
            _fuzz(operation, mode, ids, token, findings)
    server_errors = sum(n for status, n in findings.statuses.items() if status >= 500)
    with capsys.disabled():
        print(
            f"\nschemathesis: {len(operations)} operations, {sum(findings.cases.values())} cases, "
            f"{server_errors} server errors, answers {dict(sorted(findings.statuses.items()))}"
        )
    assert len(operations) == len(findings.cases), "every operation was called"
    assert server_errors == 0 and not findings.failures, findings.report()


def test_the_seeded_ids_reach_real_things(app: Flask, staff: Staff) -> None:
    """The fuzzer's path parameters are real: each seeded id answers 200 where it is read."""
    ids, token = _seed(staff)
    client = app.test_client()
    headers = {"Authorization": token}
    base = f"/api/networks/{ids['network_id']}"
    for path in (
        f"{base}/contacts/{ids['contact_id']}",
        f"{base}/roles/{ids['role_id']}",
        f"{base}/goals/{ids['goal_id']}",
        f"{base}/notes/{ids['note_id']}",
        f"{base}/burden-reports/{ids['report_id']}",
        f"{base}/carers/{ids['carer_id']}/burden",
        f"/calendar/{ids['token']}.ics",
    ):
        assert client.get(path, headers=headers).status_code == 200, path
    inbox = client.get("/api/inbox", headers=headers).json["items"]
    assert ids["reminder_id"] in [item["reminder_id"] for item in inbox], inbox
