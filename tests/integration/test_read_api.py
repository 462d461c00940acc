"""The read side as a coordinator sees it: map, GraphML, measures, changes, timelines, who does what, attention.

Every read passes the log position of the last write (min_position), so it never races the projections.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from domain.words import label, phrase
from domain.words.history import LINES
from services.application.readside import MAX_WAITERS, ReadSide
from services.web.current import services_of
from tests.conftest import Staff
from tests.integration.api_helpers import NO_SUCH_ID, OPENED_ON, assert_error


class Desk:
    """Coordinators at work (Bea unless told): writes through the API, reads wait for the last write.

    Each network is worked on by its own coordinator; /coordinators/<Name>/... is read by that coordinator."""

    def __init__(self, staff: Staff) -> None:
        self.staff = staff
        self.client = staff.client("Bea")
        self.coordinator_of: dict[str, str] = {}
        self.position = 0

    def _client_for(self, path: str) -> FlaskClient:
        network_id = path.strip("/").split("/")[0]
        return self.staff.client(self.coordinator_of.get(network_id, "Bea"))

    def send(self, method: str, path: str, **body: Any) -> str:
        response = self._client_for(path).open(f"/api/networks{path}", method=method, json=body)
        assert response.status_code in (200, 201), response.get_data(as_text=True)
        self.position = max(self.position, response.json["position"] or 0)
        return str(response.json["id"])

    def open(self, client_name: str = "Ans", coordinator: str = "Bea", opened_on: str = OPENED_ON) -> str:
        net = self.send(
            "POST", "", client_name=client_name, coordinator=self.staff.id(coordinator), opened_on=opened_on
        )
        self.coordinator_of[net] = coordinator
        return net

    def contact(self, net: str, name: str, on: str = OPENED_ON, category: str = "friend", **details: Any) -> str:
        details.setdefault("ring", "service" if category == "professional" else "friend")
        return self.send("POST", f"/{net}/contacts", name=name, category=category, effective_on=on, **details)

    def tie(self, net: str, contact: str, strength: str = "normal", on: str = OPENED_ON, **more: Any) -> None:
        more.setdefault("flow", "both")
        self.send("PUT", f"/{net}/contacts/{contact}/tie", strength=strength, effective_on=on, **more)

    def acquaint(self, net: str, first: str, second: str, on: str = OPENED_ON) -> None:
        self.send("POST", f"/{net}/acquaintances", contact_ids=[first, second], effective_on=on)

    def role(self, net: str, contact: str, kind: str, task: str, on: str = OPENED_ON, **more: Any) -> str:
        body = {"contact_id": contact, "support_type": kind, "task": task, "effective_on": on, **more}
        return self.send("POST", f"/{net}/roles", **body)

    def spil(self, net: str, contact: str, on: str = OPENED_ON) -> None:
        self.send("PUT", f"/{net}/spilmantelzorger", contact_id=contact, effective_on=on)

    def get(self, path: str, status: int = 200, headers: dict[str, str] | None = None, **query: Any) -> TestResponse:
        query = {"min_position": self.position, **query}
        client = self.client
        if path.startswith("/coordinators/"):
            _, _, name, rest = path.split("/", 3)
            client, path = self.staff.client(name), f"/coordinators/me/{rest}"
        elif path.startswith("/networks/"):
            client = self._client_for(path.removeprefix("/networks"))
        response = client.get(f"/api{path}", query_string=query, headers=headers)
        assert response.status_code == status, response.get_data(as_text=True)
        return response

    def json(self, path: str, headers: dict[str, str] | None = None, **query: Any) -> Any:
        return self.get(path, 200, headers, **query).json


@pytest.fixture
def desk(staff: Staff) -> Desk:
    return Desk(staff)


@pytest.fixture
def any_desk(any_store_staff: Staff) -> Desk:
    return Desk(any_store_staff)


def summaries(lines: dict[str, Any]) -> list[str]:
    """The lines' text; a pair is kept in contact-id order, so 'Anna en Piet' may read 'Piet en Anna'."""
    return [line["summary"].replace("Anna en Piet", "Piet en Anna") for line in lines["items"]]


def jansen(desk: Desk) -> tuple[str, dict[str, str]]:
    """The worked example of tests/unit/test_measures.py, built through the API."""
    net = desk.open("Mevr. Jansen")
    people = {
        "anna": desk.contact(net, "Anna", category="family_of_origin", ring="intimate", travel_minutes=25),
        "piet": desk.contact(net, "Piet", category="neighbour", travel_minutes=2),
        "zorg": desk.contact(net, "Thuiszorg", category="professional"),
        "kees": desk.contact(net, "Kees", category="other_family", ring="acquaintance", travel_minutes=90),
    }
    desk.tie(net, people["anna"], "strong", frequency="daily")
    desk.tie(net, people["piet"], flow="to_client", frequency="weekly")
    desk.tie(net, people["zorg"], flow="to_client", frequency="daily")
    desk.tie(net, people["kees"], "tenuous", stressful=True, flow="none", frequency="monthly")
    desk.acquaint(net, people["anna"], people["piet"])
    desk.acquaint(net, people["anna"], people["kees"])
    gives = [("anna", "practical"), ("anna", "emotional"), ("anna", "companionship"), ("piet", "practical")]
    for who, kind in [*gives, ("zorg", "personal_care")]:
        desk.role(net, people[who], kind, "taak")
    desk.role(net, people["piet"], "companionship", "taak", direction="from_client")
    desk.spil(net, people["anna"])
    return net, people


# ------------------------------------------------------------------ the map
def test_the_map_shows_contacts_with_ties_acquaintances_roles_and_the_spilmantelzorger(any_desk: Desk) -> None:
    net = any_desk.open()
    anna = any_desk.contact(net, "Anna", category="household", ring="intimate", email="anna@example.nl")
    piet = any_desk.contact(net, "Piet", "2026-02-01")
    any_desk.tie(net, anna, "strong", stressful=True, flow="to_client", frequency="daily", note="zwaar")
    any_desk.acquaint(net, anna, piet, "2026-02-01")
    any_desk.role(net, anna, "practical", "boodschappen", "2026-02-01", rhythm="elke zaterdag")
    any_desk.spil(net, anna)
    found = any_desk.json(f"/networks/{net}/map")
    assert (found["id"], found["client_name"], found["status"], found["as_of"]) == (net, "Ans", "open", None)
    contacts = {c["name"]: c for c in found["contacts"]}
    assert set(contacts) == {"Anna", "Piet"}
    assert contacts["Anna"]["email"] == "anna@example.nl" and contacts["Anna"]["category"] == "household"
    tie = dict(strength="strong", stressful=True, flow="to_client", frequency="daily", note="zwaar")
    assert contacts["Anna"]["tie"] == dict(tie, since=OPENED_ON, changed_on=OPENED_ON)
    assert contacts["Piet"]["tie"] is None and contacts["Piet"]["added_on"] == "2026-02-01"
    assert found["acquaintances"] == [{"contact_ids": sorted([anna, piet]), "since": "2026-02-01"}]
    roles = [(r["contact_id"], r["support_type"], r["task"], r["rhythm"], r["ended_on"]) for r in found["roles"]]
    assert roles == [(anna, "practical", "boodschappen", "elke zaterdag", None)]
    assert found["spilmantelzorger"] == {"contact_id": anna, "name": "Anna"}


def test_the_map_as_of_a_date_shows_the_tie_before_it_weakened(any_desk: Desk) -> None:
    net = any_desk.open()
    piet = any_desk.contact(net, "Piet")
    any_desk.tie(net, piet, "strong")
    any_desk.tie(net, piet, "tenuous", "2026-06-01", stressful=True)
    any_desk.contact(net, "Kees", "2026-07-01")
    before = any_desk.json(f"/networks/{net}/map", as_of="2026-05-31")
    piet_then = [(c["name"], c["tie"]["strength"], c["tie"]["stressful"]) for c in before["contacts"]]
    assert before["as_of"] == "2026-05-31" and piet_then == [("Piet", "strong", False)]
    now = any_desk.json(f"/networks/{net}/map")
    assert {c["name"]: c["tie"] and c["tie"]["strength"] for c in now["contacts"]} == {"Piet": "tenuous", "Kees": None}


def test_a_read_right_after_a_write_includes_that_write(any_desk: Desk) -> None:
    net = any_desk.open()
    for count in range(1, 6):
        contact = any_desk.contact(net, f"Buur {count}", category="neighbour")
        assert len(any_desk.json(f"/networks/{net}/map")["contacts"]) == count
        any_desk.role(net, contact, "practical", f"klus {count}")
        assert len(any_desk.json(f"/networks/{net}/timeline")["items"]) == 1 + 2 * count
        assert len(any_desk.json("/coordinators/Bea/who-does-what")["contacts"]) == count


def test_a_position_past_the_end_of_the_log_is_refused_at_once_naming_it_and_the_end(desk: Desk) -> None:
    net = desk.open()
    end = services_of(desk.staff.app).kring.log_position()
    response = desk.client.get(f"/api/networks/{net}/map", query_string={"min_position": end + 1000})
    assert_error(response, 422, "position_beyond_log", "min_position")
    assert f"ends at position {end}" in response.json["fields"]["min_position"][0]
    header = desk.client.get(f"/api/networks/{net}/timeline", headers={"X-Kring-Min-Position": str(end + 1)})
    assert_error(header, 422, "position_beyond_log", "X-Kring-Min-Position")


def test_a_read_the_projections_have_not_reached_is_a_503_to_retry_and_only_a_few_wait(desk: Desk) -> None:
    net = desk.open()
    side: ReadSide = services_of(desk.staff.app).read_side
    side.runner.stop()  # what is written now is in the log, not on the read side
    desk.contact(net, "Piet")
    waiting = [side._waiters.acquire(blocking=False) for _ in range(MAX_WAITERS)]  # as many as may wait, wait
    assert all(waiting)
    busy = desk.client.get(f"/api/networks/{net}/map", query_string={"min_position": desk.position})
    assert_error(busy, 503, "read_side_behind")  # at once: no more requests are tied up
    for _ in waiting:
        side._waiters.release()
    response = desk.client.get(f"/api/networks/{net}/map", query_string={"min_position": desk.position})
    assert_error(response, 503, "read_side_behind")  # after waiting a while
    assert response.headers["Retry-After"] == "1"


def test_the_read_side_of_an_unknown_network_or_before_its_opening_is_a_404(desk: Desk) -> None:
    net = desk.open()
    for path in ("map", "map.graphml", "measures", "timeline", f"contacts/{NO_SUCH_ID}/timeline"):
        assert_error(desk.client.get(f"/api/networks/{NO_SUCH_ID}/{path}"), 404, "network_not_found")
    assert_error(desk.get(f"/networks/{net}/map", 404, as_of="2026-01-04"), 404, "network_not_found")
    changes = desk.get(f"/networks/{NO_SUCH_ID}/changes", 404, **{"from": "2026-01-01", "to": "2026-02-01"})
    assert_error(changes, 404, "network_not_found")


# ------------------------------------------------------------------ GraphML
def test_the_graphml_keeps_ties_acquaintances_and_support_as_separate_edges(desk: Desk) -> None:
    net = desk.open()
    anna = desk.contact(net, "Anna", category="family_of_origin", ring="intimate")
    piet = desk.contact(net, "Piet", category="neighbour")
    desk.tie(net, anna, "strong", flow="both")
    desk.acquaint(net, anna, piet)
    shopping = desk.role(net, anna, "practical", "boodschappen", rhythm="wekelijks")
    listening = desk.role(net, anna, "emotional", "luisteren")
    coffee = desk.role(net, anna, "companionship", "koffie", direction="from_client")
    desk.spil(net, anna)
    response = desk.get(f"/networks/{net}/map.graphml")
    assert response.mimetype == "application/graphml+xml"
    assert response.headers["Content-Disposition"] == f'attachment; filename="network-{net}.graphml"'
    graph = nx.parse_graphml(response.get_data(as_text=True), force_multigraph=True)
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes["client"] == {"label": "Ans", "kind": "client"}
    assert graph.nodes[anna]["label"] == "Anna" and graph.nodes[anna]["category"] == "family_of_origin"
    assert graph.nodes[anna]["spilmantelzorger"] is True and graph.nodes[piet]["spilmantelzorger"] is False
    assert graph.nodes[piet]["label"] == "Piet" and graph.nodes[piet]["category"] == "neighbour"
    client_to_anna = graph.get_edge_data("client", anna)
    assert set(client_to_anna) == {"tie", f"role:{coffee}"}
    assert client_to_anna["tie"] == {"kind": "tie", "strength": "strong", "stressful": False, "flow": "both"}
    assert client_to_anna[f"role:{coffee}"]["support_type"] == "companionship"
    anna_to_client = graph.get_edge_data(anna, "client")
    assert {k: (e["kind"], e["support_type"], e["task"]) for k, e in anna_to_client.items()} == {
        f"role:{shopping}": ("support", "practical", "boodschappen"),
        f"role:{listening}": ("support", "emotional", "luisteren"),
    }
    assert anna_to_client[f"role:{shopping}"]["rhythm"] == "wekelijks"
    pair = graph.get_edge_data(anna, piet) or graph.get_edge_data(piet, anna)
    assert list(pair.values()) == [{"kind": "acquaintance", "since": OPENED_ON}]
    assert graph.number_of_edges() == 5


# ------------------------------------------------------------------ measures
def test_the_measures_of_the_worked_example_are_the_hand_computed_ones(desk: Desk) -> None:
    net, people = jansen(desk)
    found = desk.json(f"/networks/{net}/measures")
    m = {name: measure["value"] for name, measure in found["measures"].items()}
    assert m["size"] == {"total": 4, "informal": 3, "professional": 1}
    assert m["density"] == {"density": 0.333, "acquaintances": 2, "possible": 6, "clusters": []}
    assert m["concentration"]["busiest_contact_id"] == people["anna"]
    assert m["concentration"]["busiest_share"] == 0.6
    assert m["concentration"]["spilmantelzorger_single_point_of_failure"] is True
    assert m["support_gaps"] == {"missing": ["advice", "advocacy", "respite"]}
    assert m["reciprocity"] == {
        "mutual_share": 0.25, "roles_received": 5, "roles_given": 1, "mutual_without_stress": 1, "drained_by": []
    }  # fmt: skip
    codes = [s["code"] for s in found["signals"]]
    assert codes == ["small_network", "support_concentrated", "spilmantelzorger_single_point", "no_respite"]
    lines = {name: measure["explanation"] for name, measure in found["measures"].items()}
    assert len(lines) == 10 and all(line and "\n" not in line for line in lines.values())
    assert lines["size"] == "4 mensen in het netwerk: 3 uit de eigen kring en 1 hulpverlener."
    assert lines["density"] == "2 van de 6 mogelijke tweetallen kennen elkaar (33%)."
    assert lines["concentration"].startswith("Anna doet 3 van de 5 taken (60%).")
    english = desk.json(f"/networks/{net}/measures", lang="en")["measures"]
    assert (
        english["size"]["explanation"] == "4 people in the network: 3 from the client's own circle and 1 professional."
    )


def test_the_support_gaps_are_explained_in_dutch_words(desk: Desk) -> None:
    net, _ = jansen(desk)
    line = desk.json(f"/networks/{net}/measures")["measures"]["support_gaps"]["explanation"]
    assert line == "Niemand geeft advies en informatie, belangenbehartiging en respijtzorg."


def test_measures_as_of_a_date_and_stability_since_the_last_review(desk: Desk) -> None:
    net, people = jansen(desk)
    at_intake = desk.json(f"/networks/{net}/measures")["measures"]["stability"]
    assert (at_intake["value"]["since"], at_intake["value"]["basis"]) == (OPENED_ON, "intake")
    assert at_intake["explanation"] == "Sinds de intake (5 januari 2026) is er niets veranderd."
    desk.send("POST", f"/{net}/reviews", held_on="2026-03-01")
    desk.contact(net, "Lotte", "2026-05-02", category="volunteer")
    desk.tie(net, people["piet"], "strong", "2026-06-01", flow="to_client", frequency="weekly")
    since = dict(
        since="2026-03-01",
        basis="review",
        contacts_gained=1,
        contacts_lost=0,
        ties_gained=0,
        ties_lost=0,
        ties_changed=1,
    )
    for query in ({}, {"as_of": "2026-11-26"}):
        measures = desk.json(f"/networks/{net}/measures", **query)["measures"]
        assert measures["size"]["value"]["total"] == 5 and measures["stability"]["value"] == since
        line = measures["stability"]["explanation"]
        assert line == "Sinds de vorige bespreking (1 maart 2026): 1 persoon erbij, 0 mensen weg, 1 band veranderd."
    earlier = desk.json(f"/networks/{net}/measures", as_of="2026-05-01")["measures"]
    assert earlier["size"]["value"] == {"total": 4, "informal": 3, "professional": 1}
    assert earlier["stability"]["value"]["contacts_gained"] == 0 and earlier["stability"]["value"]["ties_changed"] == 0


def test_measures_now_and_as_of_today_agree_on_a_contact_recorded_after_the_review(desk: Desk) -> None:
    net, _ = jansen(desk)
    desk.send("POST", f"/{net}/reviews", held_on="2026-03-01")
    desk.contact(net, "Lotte", "2026-02-01", category="volunteer")  # joined before the review, recorded after
    now = desk.json(f"/networks/{net}/measures")["measures"]["stability"]
    today = desk.json(f"/networks/{net}/measures", as_of="2026-11-26")["measures"]["stability"]
    assert now == today


# ------------------------------------------------------------------ changes between two dates
def test_changes_count_what_happened_after_from_up_to_and_including_to(any_desk: Desk) -> None:
    net = any_desk.open()
    piet, kees = any_desk.contact(net, "Piet"), any_desk.contact(net, "Kees", category="other_family")
    any_desk.tie(net, piet, "strong")
    any_desk.tie(net, kees)
    any_desk.role(net, kees, "practical", "klussen")
    any_desk.contact(net, "Greet", "2026-03-01")  # on `from`: not counted
    any_desk.tie(net, piet, "normal", "2026-04-01")
    any_desk.tie(net, kees, on="2026-04-01", stressful=True)
    lotte = any_desk.contact(net, "Lotte", "2026-05-01", category="volunteer")
    any_desk.role(net, lotte, "companionship", "wandelen", "2026-05-01")
    any_desk.send("DELETE", f"/{net}/contacts/{kees}", effective_on="2026-06-30", reason="verhuisd")  # on `to`
    any_desk.contact(net, "Joop", "2026-07-15")  # after `to`: not counted
    any_desk.contact(net, "Anna", "2026-02-01")  # recorded last, happened before `from`: not counted
    any_desk.contact(net, "Mien", "2026-05-01")  # recorded last, happened in the period: counted
    opening = any_desk.json(f"/networks/{net}/changes", **{"from": "2026-01-04", "to": OPENED_ON})
    assert opening["measures_before"] is None and opening["counts"]["contacts_added"] == 2  # Piet and Kees
    found = any_desk.json(f"/networks/{net}/changes", **{"from": "2026-03-01", "to": "2026-06-30"})
    assert found["to"] == "2026-06-30"
    one_each = dict.fromkeys(["contacts_removed", "ties_weakened", "ties_strained", "roles_started", "roles_ended"], 1)
    assert {k: v for k, v in found["counts"].items() if v} == {"contacts_added": 2, **one_each}
    assert [c["effective_on"] for c in found["changes"]] == sorted(c["effective_on"] for c in found["changes"])
    assert "Kees uit het netwerk gehaald (reden: verhuisd)" in summaries({"items": found["changes"]})
    before, after = found["measures_before"]["measures"], found["measures_after"]["measures"]
    assert before["size"]["value"]["total"] == 4  # Piet, Kees, Anna, Greet
    assert after["size"]["value"]["total"] == 5  # Piet, Anna, Greet, Lotte, Mien
    assert after["stability"]["value"]["contacts_gained"] == 2 and after["stability"]["value"]["contacts_lost"] == 1


def test_changes_say_which_period_they_cover(desk: Desk) -> None:
    net = desk.open()
    found = desk.json(f"/networks/{net}/changes", **{"from": "2026-03-01", "to": "2026-06-30"})
    assert (found.get("from"), found["to"]) == ("2026-03-01", "2026-06-30")


@pytest.mark.parametrize(
    ("query", "field"),
    [({"from": "2026-06-01", "to": "2026-05-01"}, "from"), ({"to": "2026-05-01"}, "from"), ({"from": OPENED_ON}, "to")],
)
def test_changes_need_both_dates_in_order(desk: Desk, query: dict[str, str], field: str) -> None:
    net = desk.open()
    assert_error(desk.get(f"/networks/{net}/changes", 422, **query), 422, "validation_failed", field)


# ------------------------------------------------------------------ timelines
def timeline_network(desk: Desk) -> tuple[str, str, str]:
    """Ans with Piet (tie weakened in April), a role, Anna (acquainted with Piet) and back-dated Kees."""
    net = desk.open()
    piet = desk.contact(net, "Piet")
    desk.tie(net, piet, "strong")
    desk.role(net, piet, "practical", "boodschappen", "2026-02-01")
    anna = desk.contact(net, "Anna", "2026-03-01", category="family_of_origin")
    desk.acquaint(net, piet, anna, "2026-03-01")
    desk.tie(net, piet, "normal", "2026-04-01")
    desk.contact(net, "Kees", "2026-02-15", category="other_family")  # recorded last
    return net, piet, anna


TIMELINE_NL = [
    "Netwerk van Ans geopend",
    "Piet toegevoegd (vriend(in))",
    "Band met Piet: sterk, wederzijdse steun",
    "Piet neemt praktische hulp op zich: boodschappen",
    "Kees toegevoegd (overige familie)",
    "Anna toegevoegd (familie van herkomst)",
    "Piet en Anna kennen elkaar",
    "Band met Piet zwakker geworden (gewoon)",
]


def test_the_timeline_tells_in_dutch_what_happened_oldest_first_by_the_day(any_desk: Desk) -> None:
    net, _, _ = timeline_network(any_desk)
    found = any_desk.json(f"/networks/{net}/timeline")
    assert summaries(found) == TIMELINE_NL
    assert found["next_offset"] is None
    assert [line["effective_on"] for line in found["items"]][3:5] == ["2026-02-01", "2026-02-15"]
    assert {line["recorded_by"] for line in found["items"]} == {any_desk.staff.id("Bea")}


def test_the_timeline_filters_by_kinds_and_by_period(any_desk: Desk) -> None:
    net, _, _ = timeline_network(any_desk)
    ties = any_desk.json(f"/networks/{net}/timeline", kind=["tie", "acquaintance"])
    assert summaries(ties) == [TIMELINE_NL[2], TIMELINE_NL[6], TIMELINE_NL[7]]
    assert {line["kind"] for line in ties["items"]} == {"tie", "acquaintance"}
    spring = any_desk.json(f"/networks/{net}/timeline", **{"from": "2026-02-15", "to": "2026-03-01"})
    assert summaries(spring) == TIMELINE_NL[4:7]  # both ends included
    contacts_in_spring = any_desk.json(f"/networks/{net}/timeline", kind="contact", **{"from": "2026-02-16"})
    assert summaries(contacts_in_spring) == [TIMELINE_NL[5]]


def test_the_timeline_pages_with_offset_and_next_offset(any_desk: Desk) -> None:
    net, _, _ = timeline_network(any_desk)
    first = any_desk.json(f"/networks/{net}/timeline", limit=3)
    assert summaries(first) == TIMELINE_NL[:3] and first["next_offset"] == 3
    second = any_desk.json(f"/networks/{net}/timeline", limit=3, offset=first["next_offset"])
    assert summaries(second) == TIMELINE_NL[3:6] and second["next_offset"] == 6
    last = any_desk.json(f"/networks/{net}/timeline", limit=3, offset=5)
    assert summaries(last) == TIMELINE_NL[5:] and last["next_offset"] is None  # exactly full: no next page


def test_the_timeline_reads_in_english_when_asked(any_desk: Desk) -> None:
    net, _, _ = timeline_network(any_desk)
    english = summaries(any_desk.json(f"/networks/{net}/timeline", lang="en"))
    assert english[0] == "Network of Ans opened"
    assert english[-1] == "Tie with Piet became weaker (normal)"
    by_header = any_desk.json(f"/networks/{net}/timeline", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert summaries(by_header) == english


def test_a_timeline_line_keeps_the_names_as_they_were_and_is_worded_when_read(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    net, piet, _ = timeline_network(desk)
    desk.send("PATCH", f"/{net}/contacts/{piet}", name="Pieter", effective_on="2026-04-02")
    dutch = summaries(desk.json(f"/networks/{net}/timeline", kind="tie"))
    assert dutch[-1] == "Band met Piet zwakker geworden (gewoon)"  # his name when it happened
    assert summaries(desk.json(f"/networks/{net}/timeline", kind="contact"))[-1] == "Gegevens van Pieter gewijzigd"
    history = desk.client.get(f"/api/networks/{net}/events").json["items"]
    lines = desk.json(f"/networks/{net}/timeline")["items"]
    assert {(e["version"], e["recorded_at"]) for e in history} >= {(li["version"], li["recorded_at"]) for li in lines}
    reworded = lambda v: phrase("De band met %(contact)s is nu %(strength)s", contact=v["contact"],  # noqa: E731
                                strength=label("strength", v["strength"]))  # fmt: skip
    monkeypatch.setitem(LINES, "TieWeakened", reworded)
    dutch = summaries(desk.json(f"/networks/{net}/timeline", kind="tie"))
    assert dutch[-1] == "De band met Piet is nu gewoon"  # new wording, without rebuilding the timeline


def test_a_contact_timeline_shows_only_that_contacts_lines(any_desk: Desk) -> None:
    net, piet, anna = timeline_network(any_desk)
    cooking = any_desk.role(net, anna, "practical", "koken", "2026-03-01")
    any_desk.send("DELETE", f"/{net}/roles/{cooking}", effective_on="2026-04-15", reason="geen tijd")
    found = any_desk.json(f"/networks/{net}/contacts/{anna}/timeline")
    assert summaries(found) == [
        *TIMELINE_NL[5:7], "Anna neemt praktische hulp op zich: koken", "Anna stopt met: koken (reden: geen tijd)"
    ]  # fmt: skip
    assert all(anna in (line["contact_id"], line["other_contact_id"]) for line in found["items"])
    piets = summaries(any_desk.json(f"/networks/{net}/contacts/{piet}/timeline", kind="tie"))
    assert piets == [TIMELINE_NL[2], TIMELINE_NL[7]]


# ------------------------------------------------------------------ who does what
def test_who_does_what_lists_the_tasks_and_the_people_in_both_networks(any_desk: Desk) -> None:
    ans, bram = any_desk.open("Ans"), any_desk.open("Bram")
    piet = any_desk.contact(ans, "Piet", email="piet@example.nl")
    anna = any_desk.contact(ans, "Anna", category="family_of_origin", person_ref="anna-1")
    any_desk.role(ans, piet, "practical", "boodschappen", rhythm="wekelijks")
    any_desk.role(ans, anna, "emotional", "luisteren")
    vries = any_desk.contact(bram, "P. de Vries", category="neighbour", email="PIET@Example.nl")
    any_desk.role(bram, vries, "companionship", "wandelen", rhythm="zondag")
    any_desk.contact(bram, "Anna J.", person_ref="anna-1")
    cees = any_desk.open("Cees", coordinator="Cor")
    any_desk.role(cees, any_desk.contact(cees, "Mien"), "practical", "strijken")
    found = any_desk.json("/coordinators/Bea/who-does-what")
    assert found["coordinator"] == any_desk.staff.id("Bea")
    tasks = {(c["client_name"], c["name"]): [(r["task"], r["rhythm"]) for r in c["roles"]] for c in found["contacts"]}
    assert tasks == {
        ("Ans", "Anna"): [("luisteren", None)],
        ("Ans", "Piet"): [("boodschappen", "wekelijks")],
        ("Bram", "P. de Vries"): [("wandelen", "zondag")],
    }
    shared = [
        (p["networks"], p["roles"], sorted(a["client_name"] for a in p["appears_in"])) for p in found["shared_people"]
    ]
    assert shared == [(2, 2, ["Ans", "Bram"]), (2, 1, ["Ans", "Bram"])]
    assert found["shared_people"][0]["name"] in ("Piet", "P. de Vries")
    assert found["vacant_roles"] == []
    cor = any_desk.json("/coordinators/Cor/who-does-what")
    assert [(c["client_name"], c["name"]) for c in cor["contacts"]] == [("Cees", "Mien")]
    assert cor["shared_people"] == []


def test_a_removed_contacts_task_is_vacant_until_someone_else_takes_it_on(any_desk: Desk) -> None:
    net = any_desk.open()
    kees, anna = any_desk.contact(net, "Kees"), any_desk.contact(net, "Anna")
    any_desk.role(net, kees, "practical", "koken", rhythm="dinsdag")
    any_desk.role(net, anna, "emotional", "luisteren")
    any_desk.send("DELETE", f"/{net}/contacts/{kees}", effective_on="2026-03-01", reason="verhuisd")
    [vacant] = any_desk.json("/coordinators/Bea/who-does-what")["vacant_roles"]
    assert (vacant["client_name"], vacant["support_type"], vacant["task"]) == ("Ans", "practical", "koken")
    assert vacant["rhythm"] == "dinsdag" and vacant["ended_on"] == "2026-03-01"
    any_desk.role(net, anna, "practical", "koken", "2026-03-02")
    found = any_desk.json("/coordinators/Bea/who-does-what")
    assert found["vacant_roles"] == []
    tasks = [(c["name"], sorted(r["task"] for r in c["roles"])) for c in found["contacts"]]
    assert tasks == [("Anna", ["koken", "luisteren"])]


@pytest.mark.parametrize("elsewhere", ["another coordinator", "a closed network"])
def test_a_person_is_shared_only_across_the_coordinators_own_open_networks(any_desk: Desk, elsewhere: str) -> None:
    mine = any_desk.open("Ans")
    any_desk.role(mine, any_desk.contact(mine, "Piet", email="piet@example.nl"), "practical", "boodschappen")
    other = any_desk.open("Cees", coordinator="Cor" if elsewhere == "another coordinator" else "Bea")
    any_desk.role(other, any_desk.contact(other, "Piet", email="piet@example.nl"), "practical", "strijken")
    if elsewhere == "a closed network":
        any_desk.send("POST", f"/{other}/close", reason="overleden")
    assert any_desk.json("/coordinators/Bea/who-does-what")["shared_people"] == []


# ------------------------------------------------------------------ attention
def healthy(desk: Desk, client_name: str, opened_on: str, coordinator: str = "Dees") -> tuple[str, str]:
    """A network with an informal contact, an easy tie and a spilmantelzorger: nothing but the review date."""
    net = desk.open(client_name, coordinator, opened_on)
    piet = desk.contact(net, "Piet", opened_on)
    desk.tie(net, piet, on=opened_on)
    desk.spil(net, piet, opened_on)
    return net, piet


def reasons(desk: Desk, **query: str) -> dict[str, list[str]]:
    items = desk.json("/coordinators/Dees/attention", **query)["items"]
    return {item["client_name"]: [r["code"] for r in item["reasons"]] for item in items}


def test_attention_lists_reviews_due_or_overdue_and_thin_or_strained_networks(desk: Desk) -> None:
    healthy(desk, "Due", "2026-10-20")  # first review six weeks on: 2026-12-01, within 14 days
    desk.open("Empty", "Dees", OPENED_ON)  # first review 2026-02-16: overdue
    professional = desk.open("Care", "Dees", "2026-11-01")
    desk.contact(professional, "Thuiszorg", "2026-11-01", category="professional")
    strained, _ = healthy(desk, "Strained", "2026-11-01")
    for name in ("Kees", "Mien"):
        contact = desk.contact(strained, name, "2026-11-01")
        desk.tie(strained, contact, on="2026-11-01", stressful=True)
    found = desk.json("/coordinators/Dees/attention", today="2026-11-26")["items"]
    order = [("Empty", "2026-02-16"), ("Due", "2026-12-01"), ("Care", "2026-12-13"), ("Strained", "2026-12-13")]
    assert [(i["client_name"], i["next_review_on"]) for i in found] == order  # most urgent review first
    assert reasons(desk) == {  # no spilmantelzorger is a reason only where informal care is given (Unled)
        "Empty": ["review_overdue", "no_informal_contacts"],
        "Due": ["review_due"],
        "Care": ["no_informal_contacts"],
        "Strained": ["many_stressful_ties"],  # more than a third of the ties, as on the network's own pages
    }
    assert found[0]["reasons"][0]["message"] == "De netwerkbespreking is te laat: die stond op 16 februari 2026."
    unled = desk.open("Unled", "Dees", "2026-11-01")
    desk.role(unled, desk.contact(unled, "Joke", "2026-11-01"), "practical", "boodschappen", "2026-11-01")
    assert reasons(desk)["Unled"] == ["no_spilmantelzorger"]
    assert reasons(desk, today="2026-11-17")["Due"] == ["review_due"]  # 2026-12-01 is 14 days away
    assert "Due" not in reasons(desk, today="2026-11-16")  # 15 days away


def test_attention_leaves_out_healthy_reviewed_closed_and_other_coordinators_networks(desk: Desk) -> None:
    healthy(desk, "Healthy", "2026-11-01")  # first review 2026-12-13: more than 14 days away
    reviewed, _ = healthy(desk, "Reviewed", OPENED_ON)
    assert reasons(desk) == {"Reviewed": ["review_overdue"]}
    desk.send("POST", f"/{reviewed}/reviews", held_on="2026-11-20")  # next review 13 weeks on
    closed, _ = healthy(desk, "Closed", OPENED_ON)
    desk.send("POST", f"/{closed}/close", reason="verhuisd")
    healthy(desk, "Elsewhere", OPENED_ON, coordinator="Cor")
    assert reasons(desk) == {}
    assert desk.json("/coordinators/Cor/attention")["items"][0]["client_name"] == "Elsewhere"


# ------------------------------------------------------------------ OpenAPI
READ_PATHS = [f"/networks/{{network_id}}/{p}" for p in ("map", "map.graphml", "measures", "changes", "timeline")]
READ_PATHS += ["/networks/{network_id}/contacts/{contact_id}/timeline", "/coordinators/{coordinator}/who-does-what"]
READ_PATHS += ["/coordinators/{coordinator}/attention"]


def test_the_openapi_document_describes_the_read_endpoints_with_min_position(client: FlaskClient) -> None:
    paths = client.get("/api/openapi.json").json["paths"]
    for path in READ_PATHS:
        assert "min_position" in {p["name"] for p in paths[f"/api{path}"]["get"]["parameters"]}, path


def test_the_openapi_document_says_the_map_comes_as_graphml(client: FlaskClient) -> None:
    answer = client.get("/api/openapi.json").json["paths"]["/api/networks/{network_id}/map.graphml"]["get"]
    assert "application/graphml+xml" in answer["responses"]["200"].get("content", {})
