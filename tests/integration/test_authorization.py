"""The authorisation matrix: every endpoint x every role x own and other network, with the exact status code.

The endpoints come from the app's URL map, so a new endpoint without an expectation here fails this test.
Expectations are written out by hand from the policy (README, "Who may do what"), not derived from the code.
Allowed callers send a body the schema refuses (422), so nothing is changed and the check is still exact.
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from services.web.current import services_of
from tests.conftest import Staff
from tests.integration.api_helpers import OPENED_ON

ROLES = ("anonymous", "Ada", "Bea", "Cor", "Karin", "Sam", "Mo", "Mia", "Wout")
ON_N1 = {"Bea", "Karin", "Sam", "Mo", "Mia"}  # everyone with some role on Bea's network
ALL = set(ROLES)
SIGNED_IN = ALL - {"anonymous"}
INVALID = {"no_such_field": 1}

# The permission an endpoint needs on a network -> who has it on Bea's network (N1). On Cor's network (N2)
# only Cor has a role, as its coordinator.
MAY = {
    "map": {"Bea", "Karin", "Sam", "Mia"},  # Mia: a member with the client's consent for the map
    "export": {"Bea", "Karin"},
    "burden": {"Bea"},
    "own_burden": {"Bea", "Sam"},  # the carer in the path is Sam
    "notes": {"Bea"},
    "edit": {"Bea"},
    "care": {"Bea", "Sam"},
    "consent": {"Bea", "Karin"},
    "audit": {"Bea", "Karin"},
    "administer": {"Bea"},
}


@dataclass(frozen=True)
class Expect:
    """Who may call it (a permission on the network, or a set of roles) and the answer they get."""

    who: str | frozenset[str]
    status: int
    body: Any = None
    query: str = ""


def network(permission: str, status: int = 200, **kw: Any) -> Expect:
    return Expect(permission, status, **kw)


def roles(names: set[str], status: int, **kw: Any) -> Expect:
    return Expect(frozenset(names), status, **kw)


def write(permission: str) -> Expect:
    return Expect(permission, 422, INVALID)


EXPECTED: dict[tuple[str, str], Expect] = {
    # public
    ("pages.index", "GET"): roles(ALL, 303),  # token clients have no web session: to the sign-in page
    ("pages.login", "GET"): roles(ALL, 200),
    ("pages.login", "POST"): roles(ALL, 400),  # no CSRF token
    ("pages.logout", "POST"): roles(ALL, 400),  # no CSRF token
    ("pages.reset_password", "GET"): roles(ALL, 200),
    ("pages.reset_password", "POST"): roles(ALL, 400),
    ("static", "GET"): roles(ALL, 404),
    ("health.health", "GET"): roles(ALL, 200),
    ("api-docs.openapi_json", "GET"): roles(ALL, 200),
    ("api-docs.swagger_ui", "GET"): roles(ALL, 200),
    ("api-docs.swagger_ui_asset", "GET"): roles(ALL, 404),  # a made-up file name
    ("calendar.calendar_feed", "GET"): roles(ALL, 404),  # a made-up secret opens nothing, for anyone
    ("accounts.request_password_reset", "POST"): roles(ALL, 422, body=INVALID),
    ("accounts.reset_password", "POST"): roles(ALL, 422, body=INVALID),
    # one's own
    ("accounts.me", "GET"): roles(SIGNED_IN, 200),
    ("accounts.list_tokens", "GET"): roles(SIGNED_IN, 200),
    ("accounts.create_token", "POST"): roles(SIGNED_IN, 422, body=INVALID),
    ("accounts.revoke_token", "DELETE"): roles(SIGNED_IN, 204),  # a token of the caller's own
    ("burden.questionnaire", "GET"): roles(SIGNED_IN, 200),
    ("networks.list_networks", "GET"): roles(SIGNED_IN, 200),
    ("inbox.inbox", "GET"): roles(SIGNED_IN, 200),
    ("read.who_does_what", "GET"): roles(SIGNED_IN, 200),  # 'me'; another coordinator's id is 404 (below)
    ("read.attention", "GET"): roles(SIGNED_IN, 200),
    ("inbox.calendar_link", "POST"): roles(SIGNED_IN, 201),
    # administrators
    ("accounts.list_users", "GET"): roles({"Ada"}, 200),
    ("accounts.create_user", "POST"): roles({"Ada"}, 422, body=INVALID),
    ("accounts.update_user", "PATCH"): roles({"Ada"}, 422, body=INVALID),
    ("accounts.delete_user", "DELETE"): roles({"Ada"}, 204),
    ("accounts.hand_over", "POST"): roles({"Ada"}, 422, body=INVALID),
    ("networks.open_network", "POST"): roles({"Bea", "Cor", "Wout"}, 422, body=INVALID),
    # the network's reminders
    ("inbox.acknowledge", "POST"): network("edit", 200),
    ("inbox.snooze", "POST"): Expect("edit", 422, INVALID),
    ("inbox.dismiss", "POST"): Expect("edit", 422, INVALID),
    # reading the network
    ("networks.get_network", "GET"): network("map"),
    ("networks.list_events", "GET"): network("export"),
    ("read.network_map", "GET"): network("map"),
    ("read.network_graphml", "GET"): network("map"),
    ("read.network_measures", "GET"): network("map"),
    ("read.network_changes", "GET"): network("map", query=f"from={OPENED_ON}&to=2026-11-26"),
    ("read.network_timeline", "GET"): network("map"),
    ("read.contact_timeline", "GET"): network("map"),
    ("parts.get_contact", "GET"): network("map"),
    ("parts.get_role", "GET"): network("map"),
    ("parts.get_goal", "GET"): network("map"),
    ("read.list_burden_reports", "GET"): network("burden"),
    ("read.get_burden_report", "GET"): network("burden"),
    ("burden.carer_burden", "GET"): network("own_burden"),
    ("read.list_notes", "GET"): network("notes"),
    ("read.get_note", "GET"): network("notes"),
    ("read.list_reviews", "GET"): network("notes"),
    ("read.list_meetings", "GET"): network("notes"),
    ("access.list_access", "GET"): network("consent"),
    ("access.access_log", "GET"): network("audit"),
    ("privacy.export_network", "GET"): network("export"),
    ("exchange.network_fhir", "GET"): network("export"),
    ("exchange.network_canvas_export", "GET"): network("map"),
    # changing the network
    ("networks.update_network", "PATCH"): write("edit"),
    ("networks.close_network", "POST"): write("administer"),
    ("networks.reopen_network", "POST"): write("administer"),
    ("parts.add_contact", "POST"): write("edit"),
    ("parts.change_contact", "PATCH"): write("edit"),
    ("parts.remove_contact", "DELETE"): write("edit"),
    ("parts.assess_tie", "PUT"): write("edit"),
    ("parts.end_tie", "DELETE"): write("edit"),
    ("parts.record_acquaintance", "POST"): write("edit"),
    ("parts.end_acquaintance", "DELETE"): write("edit"),
    ("parts.designate_spilmantelzorger", "PUT"): write("edit"),
    ("parts.stand_down_spilmantelzorger", "DELETE"): write("edit"),
    ("parts.set_goal", "POST"): write("edit"),
    ("parts.complete_goal", "POST"): write("edit"),
    ("parts.add_note", "POST"): write("edit"),
    ("parts.record_review", "POST"): write("edit"),
    ("parts.assign_role", "POST"): write("care"),
    ("parts.end_role", "DELETE"): write("care"),
    ("parts.record_meeting", "POST"): write("care"),
    ("parts.report_burden", "POST"): write("care"),
    ("burden.report_carer_risks", "PUT"): write("care"),
    ("access.grant_access", "POST"): write("administer"),
    ("access.revoke_access", "DELETE"): network("administer", 200),  # a temporary grant, made again each time
    ("access.set_consent", "PUT"): write("consent"),
    ("privacy.erase_network", "POST"): write("administer"),
    # imports take files (multipart/form-data): a JSON body is refused with 415 once the rights are checked
    ("exchange.import_new_network", "POST"): roles({"Bea", "Cor", "Wout"}, 415, body=INVALID),
    ("exchange.import_into_network", "POST"): Expect("edit", 415, INVALID),
    # invitations: the coordinator and the client (the domain lets the client invite a member only); a made-up
    # invitation cannot be withdrawn or sent again (409 invitation_closed)
    ("invitations.list_invitations", "GET"): network("consent"),
    ("invitations.create_invitation", "POST"): write("consent"),
    ("invitations.withdraw_invitation", "DELETE"): network("consent", 409),
    ("invitations.renew_invitation", "POST"): network("consent", 409),
    # requests for help: asked by whoever cares (a spilmantelzorger, the coordinator), seen with the map
    ("help.list_help_requests", "GET"): network("map"),
    ("help.ask_for_help", "POST"): write("care"),
    ("help.close_help_request", "DELETE"): network("care", 404),  # a made-up request
    # mapping a network in one sitting: opening one is for coordinators, a sitting in one needs EDIT
    ("mapping.open_with_intake", "POST"): roles({"Bea", "Cor", "Wout"}, 422, body=INVALID),
    ("mapping.record_intake", "POST"): write("edit"),
}
# The web pages: the API's rules; without a session, the sign-in page (303); a form posted without its CSRF
# token is refused (400) after the rights are checked.
PAGES = (
    "home.",
    "network.",
    "forms.",
    "carers.",
    "reminders.",
    "ownership.",
    "invite.",
    "account.",
    "staff.",
    "mine.",
    "intake.",
    "people.",
)
NO_CSRF = 400
EXPECTED.update(
    {
        ("home.networks", "GET"): roles(SIGNED_IN, 200),
        ("home.overview", "GET"): roles(SIGNED_IN, 200),
        ("home.open_network", "GET"): roles({"Bea", "Cor", "Wout"}, 200),
        ("home.open_network", "POST"): roles({"Bea", "Cor", "Wout"}, NO_CSRF),
        ("reminders.inbox", "GET"): roles(SIGNED_IN, 200),
        ("reminders.calendar_link", "POST"): roles(SIGNED_IN, NO_CSRF),
        ("reminders.acknowledge", "POST"): network("edit", NO_CSRF),
        ("reminders.snooze", "POST"): network("edit", NO_CSRF),
        ("reminders.dismiss", "POST"): network("edit", NO_CSRF),
        ("network.ecogram", "GET"): network("map"),
        ("network.circle", "GET"): network("map"),
        ("network.print_page", "GET"): network("map"),
        ("network.print_pdf", "GET"): network("map"),
        ("network.quality", "GET"): network("map"),
        ("network.tasks", "GET"): network("map"),
        ("network.changes", "GET"): network("map"),
        ("network.timeline", "GET"): network("map"),
        ("network.notes", "GET"): network("notes"),
        ("carers.carers", "GET"): network("burden"),
        ("carers.carer", "GET"): network("own_burden"),
        ("carers.questionnaire", "GET"): network("care"),
        ("carers.questionnaire", "POST"): network("care", NO_CSRF),
        **{
            (f"forms.{name}", method): network(permission, 200 if method == "GET" else NO_CSRF)
            for name, permission, methods in (
                ("add_contact", "edit", ("GET", "POST")),
                ("assess_tie", "edit", ("GET", "POST")),
                ("designate_spilmantelzorger", "edit", ("GET", "POST")),
                ("record_review", "edit", ("GET", "POST")),
                ("set_goal", "edit", ("GET", "POST")),
                ("complete_goal", "edit", ("POST",)),
                ("add_note", "edit", ("GET", "POST")),
                ("assign_role", "care", ("GET", "POST")),
                ("end_role", "care", ("POST",)),
                ("record_meeting", "care", ("GET", "POST")),
                ("remove_contact", "edit", ("GET", "POST")),
                ("close_network", "administer", ("GET", "POST")),
                ("reopen_network", "administer", ("POST",)),
            )
            for method in methods
        },
        # the Toegang page: as the API's access, consent, access log and export
        ("ownership.access_page", "GET"): network("consent"),
        ("ownership.grant", "POST"): network("administer", NO_CSRF),
        ("ownership.revoke", "POST"): network("administer", NO_CSRF),
        ("ownership.consent", "POST"): network("consent", NO_CSRF),
        ("ownership.export", "GET"): network("export"),
        # invitations on the Toegang page; the invitee's page behind a (here made-up) link is anyone's
        ("invite.create", "GET"): network("consent"),
        ("invite.create", "POST"): network("consent", NO_CSRF),
        ("invite.withdraw", "POST"): network("consent", NO_CSRF),
        ("invite.resend", "POST"): network("consent", NO_CSRF),
        ("invite.accept", "GET"): roles(ALL, 404),  # no invitation has this link
        ("invite.accept", "POST"): roles(ALL, NO_CSRF),
        ("invite.ask_again", "POST"): roles(ALL, NO_CSRF),
        # one's own account; the code after the password needs a sign-in waiting for it (none: to the sign-in)
        ("account.sign_in_code", "GET"): roles(ALL, 303),
        ("account.sign_in_code", "POST"): roles(ALL, NO_CSRF),
        ("account.account", "GET"): roles(SIGNED_IN, 200),
        ("account.second_factor", "GET"): roles(SIGNED_IN, 200),
        ("account.second_factor", "POST"): roles(SIGNED_IN, NO_CSRF),
        ("account.recovery_codes", "POST"): roles(SIGNED_IN, NO_CSRF),
        ("account.second_factor_off", "POST"): roles(SIGNED_IN, NO_CSRF),
        # the administrator's pages
        ("staff.staff", "GET"): roles({"Ada"}, 200),
        ("staff.new_user", "GET"): roles({"Ada"}, 200),
        ("staff.new_user", "POST"): roles({"Ada"}, NO_CSRF),
        ("staff.hand_over", "GET"): roles({"Ada"}, 200),
        ("staff.hand_over", "POST"): roles({"Ada"}, NO_CSRF),
        **{
            (f"staff.{name}", "POST"): roles({"Ada"}, NO_CSRF)
            for name in ("deactivate", "reactivate", "send_password_link", "remove_second_factor", "settings")
        },
        # the spilmantelzorger's pages (CARE), the client's page (CONSENT)
        ("mine.care", "GET"): network("care"),
        ("mine.ask_for_help", "GET"): network("care"),
        ("mine.ask_for_help", "POST"): network("care", NO_CSRF),
        ("mine.close_help", "POST"): network("care", NO_CSRF),
        ("mine.client", "GET"): network("consent"),
        # mapping the network with the client; a person's card; the client's profile
        ("intake.new", "GET"): roles({"Bea", "Cor", "Wout"}, 200),
        ("intake.new", "POST"): roles({"Bea", "Cor", "Wout"}, NO_CSRF),
        **{(f"intake.{step}", "GET"): network("edit") for step in ("people", "pairs", "spilmantelzorger")},
        **{(f"intake.{step}", "POST"): network("edit", NO_CSRF) for step in ("people", "pairs", "spilmantelzorger")},
        ("people.card", "GET"): network("map"),
        ("people.change_details", "POST"): network("edit", NO_CSRF),
        ("people.move_ring", "POST"): network("edit", NO_CSRF),
        ("people.knows", "POST"): network("edit", NO_CSRF),
        ("people.profile", "GET"): network("edit"),
        ("people.profile", "POST"): network("edit", NO_CSRF),
    }
)


class World:
    """Two organisations; Bea's network N1 with a client, a spilmantelzorger and two members; Cor's N2."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.oost, self.west = Staff(app, "Wijkteam Oost"), Staff(app, "Buurtzorg West")
        self.oost.user("Ada", is_admin=True, can_coordinate=False)
        for name in ("Karin", "Sam", "Mo", "Mia", "Tijdelijk"):
            self.oost.user(name, can_coordinate=False)
        self.n1 = self._network("Bea", "Ans")
        self.n2 = self._network("Cor", "Bram")
        self._grant("Karin", "client")
        self._grant("Sam", "spilmantelzorger", self.n1["carer_id"])
        self._grant("Mo", "member")
        self._grant("Mia", "member")
        self._put(self.oost.client("Karin"), f"/consent/{self.oost.id('Mia')}", {"scopes": ["map"]})
        self._raise_reminders()

    def client(self, role: str) -> FlaskClient:
        if role == "anonymous":
            return self.app.test_client()
        return (self.west if role == "Wout" else self.oost).client(role)

    def _network(self, coordinator: str, client_name: str) -> dict[str, str]:
        api = self.oost.client(coordinator)
        made = api.post("/api/networks", json={"client_name": client_name, "opened_on": OPENED_ON}).json
        ids = {"network_id": made["id"]}

        def post(path: str, body: dict[str, Any], method: str = "POST") -> str:
            response = api.open(f"/api/networks/{ids['network_id']}{path}", method=method, json=body)
            assert response.status_code in (200, 201), response.json
            return str(response.json["id"])

        ids["carer_id"] = post("/contacts", {"name": "Sam", "category": "household", "ring": "intimate"})
        ids["contact_id"] = post("/contacts", {"name": "Piet", "category": "friend", "ring": "friend"})
        post(f"/contacts/{ids['contact_id']}/tie", {"strength": "normal", "flow": "both"}, "PUT")
        post("/spilmantelzorger", {"contact_id": ids["carer_id"]}, "PUT")
        role = {"contact_id": ids["contact_id"], "support_type": "practical", "task": "boodschappen"}
        ids["role_id"] = post("/roles", role)
        ids["goal_id"] = post("/goals", {"title": "Weer naar de markt"})
        ids["note_id"] = post("/notes", {"text": "Gesprek aan de keukentafel"})
        ids["report_id"] = post("/burden-reports", {"carer_id": ids["carer_id"], "instrument": "srb", "answers": [6]})
        return ids

    def _put(self, api: FlaskClient, path: str, body: dict[str, Any]) -> None:
        response = api.put(f"/api/networks/{self.n1['network_id']}{path}", json=body)
        assert response.status_code == 200, response.json

    def _grant(
        self,
        name: str,
        role: str,
        contact_id: str | None = None,
        network: dict[str, str] | None = None,
        by: str = "Bea",
    ) -> None:
        body = {"user": self.oost.id(name), "role": role, **({"contact_id": contact_id} if contact_id else {})}
        network_id = (network or self.n1)["network_id"]
        response = self.oost.client(by).post(f"/api/networks/{network_id}/access", json=body)
        assert response.status_code == 201, response.json

    def _raise_reminders(self) -> None:
        services_of(self.app).read_side.runner.catch_up()
        result = services_of(self.app).reminders.scan(date(2026, 11, 26), lambda d: None, ["inbox"])
        by_network = {d.network_id: d.reminder_id for d in result.raised if d.kind == "review_due"}
        for ids in (self.n1, self.n2):
            ids["reminder_id"] = by_network[ids["network_id"]]
        services_of(self.app).read_side.runner.catch_up()

    # --------------------------------------------------------- one request
    def path(self, rule: str, role: str, own: bool) -> str:
        """The rule's URL with real ids: of N1 ('own') or N2 ('other')."""
        ids = self.n1 if own else self.n2
        values: dict[str, Callable[[], str]] = {
            **{name: (lambda v=value: v) for name, value in ids.items()},
            "coordinator": lambda: "me" if own else self.oost.id("Cor"),
            "code": lambda: "srb",
            "token": lambda: "not-a-real-secret",
            "filename": lambda: "nothing.css",
            "token_id": lambda: self._sacrificial_token(role),
            "invitation_id": lambda: "00000000-0000-4000-8000-000000000001",  # made up
            "request_id": lambda: "00000000-0000-4000-8000-000000000002",  # made up
            "user_id": lambda: self._sacrificial_user(rule, role, own),
        }
        for name, value in values.items():
            for converter in ("", "uuid:", "path:"):
                placeholder = f"<{converter}{name}>"
                if placeholder in rule:
                    rule = rule.replace(placeholder, value())
        return rule

    def _sacrificial_token(self, role: str) -> str:
        if role == "anonymous":
            return "00000000-0000-4000-8000-000000000000"
        staff = self.west if role == "Wout" else self.oost
        token, _ = staff.accounts.new_token(staff.id(role), "to revoke")
        return str(token["id"])

    def _sacrificial_user(self, rule: str, role: str, own: bool) -> str:
        if "/access/" in rule or rule.endswith("/intrekken"):  # a temporary member, granted again every request
            self._grant("Tijdelijk", "member", network=self.n1 if own else self.n2, by="Bea" if own else "Cor")
            return self.oost.id("Tijdelijk")
        if "/consent/" in rule or rule.endswith("/toestemming"):
            return self.oost.id("Mo")
        email = f"weg-{uuid.uuid4().hex[:12]}@oost.nl"
        return self.oost.accounts.create_user(self.oost.organisation_id, email, "Weg").id


def expected_status(expect: Expect, role: str, own: bool, endpoint: str) -> int:
    """What this role gets: the endpoint's answer, or 401, 403 or 404 by the policy."""
    if isinstance(expect.who, frozenset) and role in expect.who:
        overview = endpoint in ("read.who_does_what", "read.attention", "inbox.calendar_link")
        if overview and not own and role != "Cor":
            return 404  # another coordinator's overview is Cor's alone
        return expect.status
    if role == "anonymous":
        return 303 if endpoint.startswith(PAGES) else 401
    if isinstance(expect.who, frozenset):
        return 403
    return _on_a_network(expect, role, own)


def _on_a_network(expect: Expect, role: str, own: bool) -> int:
    assert isinstance(expect.who, str)
    if not own:  # N2: only its coordinator Cor has a role there
        return expect.status if role == "Cor" else 404
    if role not in ON_N1:
        return 404  # no role on the network: as if it did not exist
    return expect.status if role in MAY[expect.who] else 403


def test_every_endpoint_answers_every_role_on_own_and_other_networks_exactly(any_store_app: Flask) -> None:
    world = World(any_store_app)
    routes = [
        (rule.endpoint, method, rule.rule)
        for rule in any_store_app.url_map.iter_rules()
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
    ]
    missing = sorted({(e, m) for e, m, _ in routes} - set(EXPECTED))
    assert not missing, f"endpoints without an expectation (and an access rule): {missing}"
    wrong = []
    for endpoint, method, rule in routes:
        expect = EXPECTED[(endpoint, method)]
        for role in ROLES:
            for own in (True, False):
                path = world.path(rule, role, own)
                url = f"{path}?{expect.query}" if expect.query else path
                response = world.client(role).open(url, method=method, json=expect.body)
                want = expected_status(expect, role, own, endpoint)
                if response.status_code != want:
                    wrong.append(
                        f"{method} {rule} as {role} on {'own' if own else 'other'}: "
                        f"{response.status_code}, expected {want}"
                    )
    assert not wrong, "\n".join(wrong)


def test_a_refused_network_looks_exactly_like_a_missing_one(any_store_app: Flask) -> None:
    world = World(any_store_app)
    cor = world.client("Cor")
    hidden = cor.get(f"/api/networks/{world.n1['network_id']}/map")
    missing = cor.get("/api/networks/00000000-0000-4000-8000-000000000000/map")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json == missing.json


# ------------------------------------------------------------------ what the answers show, not only their status
NOTES_SHOWN = ("Gesprek aan de keukentafel", "Verhuizing naar de benedenwoning", "Sam kookt op dinsdag")
BURDEN_SHOWN = ("personality_change", "in persoonlijkheid veranderd", "QuestionnaireResponse")  # risk factor, answers


def _record_notes_and_burden(world: World) -> None:
    """A review and a meeting (NOTES) and Sam's risk factors (BURDEN) beside the World's note and burden report."""
    bea, n1 = world.oost.client("Bea"), world.n1
    for path, body, method in (
        ("/reviews", {"summary": NOTES_SHOWN[1], "next_review_on": "2026-12-07"}, "POST"),
        ("/meetings", {"agreements": [NOTES_SHOWN[2]]}, "POST"),
        (f"/carers/{n1['carer_id']}/risk-factors", {"factors": [BURDEN_SHOWN[0]]}, "PUT"),
    ):
        response = bea.open(f"/api/networks/{n1['network_id']}{path}", method=method, json=body)
        assert response.status_code in (200, 201), response.json
    services_of(world.app).read_side.runner.catch_up()


def _text(response: Any) -> str:
    """What the answer shows: its text, or every file of a ZIP download (the PDF is the ecogram of the print
    page, which is checked as HTML)."""
    if response.mimetype == "application/pdf":
        return ""
    if response.mimetype == "application/zip":
        with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
            return "\n".join(archive.read(name).decode() for name in archive.namelist())
    return str(response.get_data(as_text=True))


def test_no_answer_shows_notes_or_a_carers_burden_to_a_role_that_may_not_read_them(any_store_app: Flask) -> None:
    world = World(any_store_app)
    _record_notes_and_burden(world)
    readers = {"notes": MAY["notes"], "burden": MAY["burden"] | {"Sam"}}  # Sam: his own burden
    shown = []
    for rule in any_store_app.url_map.iter_rules():
        if "GET" not in rule.methods or EXPECTED[(rule.endpoint, "GET")].who == frozenset(ALL):
            continue
        query = EXPECTED[(rule.endpoint, "GET")].query
        for role in ON_N1:
            text = _text(world.client(role).get(world.path(rule.rule, role, True) + (f"?{query}" if query else "")))
            for scope, markers in (("notes", NOTES_SHOWN), ("burden", BURDEN_SHOWN)):
                if role not in readers[scope] and any(marker in text for marker in markers):
                    shown.append(f"GET {rule.rule} shows {role} the {scope}")
    assert not shown, "\n".join(shown)


def test_the_clients_history_and_export_withhold_notes_and_burden_and_the_coordinators_do_not(
    any_store_app: Flask,
) -> None:
    world = World(any_store_app)
    _record_notes_and_burden(world)
    n1 = world.n1["network_id"]
    private = {"NoteAdded", "NetworkReviewed", "SupportGroupMeetingHeld", "CarerBurdenReported"}
    private |= {"CarerRiskFactorsReported"}
    for role, withheld in (("Karin", private), ("Bea", set())):
        history = world.client(role).get(f"/api/networks/{n1}/events").json["items"]
        assert {e["type"] for e in history} >= private  # that they happened shows, as on the timeline
        assert {e["type"] for e in history if e["withheld"]} == withheld
        assert all(e["data"] == {} for e in history if e["withheld"])
        with zipfile.ZipFile(io.BytesIO(world.client(role).get(f"/api/networks/{n1}/export").data)) as archive:
            exported = json.loads(archive.read("events.json"))["items"]
            files = set(archive.namelist())
        assert exported == json.loads(json.dumps(history))
        everything = {"events.json", "map.json", "network.graphml", "reminders.json", "access.json", "fhir.json"}
        everything |= {"network-canvas.graphml", "egor/egos.csv", "egor/alters.csv", "egor/aaties.csv"}
        assert files == (everything - {"reminders.json"} if role == "Karin" else everything)
