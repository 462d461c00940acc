"""The client owns the network, on the web pages too: the Toegang page (who has access, consent, "Wie keek er?"),
giving and taking roles, the export download, and the coordinator's small forms (remove a contact, close, reopen).
Rights exactly as the API's; consent withdrawn on the page is in force for the very next request."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

from flask import Flask

from services.web.current import services_of
from tests.conftest import Staff
from tests.integration.api_helpers import add_contact, events, open_network
from tests.integration.test_pages import FIELD_ERROR, Desk

FLASH = re.compile(r'<p class="flash (?:done|problem)"[^>]*>([^<]*)</p>')


class Kitchen:
    """Bea's network for Ans, on the web: Ans is the client, Sam the spilmantelzorger, Mo a member (Piet)."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.staff = Staff(app)
        for name in ("Ans", "Sam", "Mo", "Kees"):
            self.staff.user(name, can_coordinate=False)
        self.bea = Desk(app, "Bea", self.staff)
        self.net = open_network(self.bea.api)
        self.sam_contact = add_contact(self.bea.api, self.net, name="Sam", category="household", ring="intimate")
        self.piet_contact = add_contact(self.bea.api, self.net, name="Piet Bakker")
        for name, role, contact in (
            ("Ans", "client", None),
            ("Sam", "spilmantelzorger", self.sam_contact),
            ("Mo", "member", self.piet_contact),
        ):
            body = {"user": self.staff.user(name).email, "role": role, **({"contact_id": contact} if contact else {})}
            assert self.bea.api.post(f"/api/networks/{self.net}/access", json=body).status_code == 201
        self.bea.settled()
        self.page = f"/netwerken/{self.net}/toegang"

    def desk(self, name: str) -> Desk:
        return Desk(self.app, name, self.staff)

    def consent(self, desk: Desk, name: str, *scopes: str) -> tuple[int, str]:
        """Tick these boxes for `name` on the Toegang page and save; the answer and the message shown next."""
        answer = desk.post(f"{self.page}/{self.staff.id(name)}/toestemming", {"scopes": list(scopes)})
        shown = desk.web.get(answer.headers["Location"]).get_data(as_text=True) if answer.status_code == 303 else ""
        return answer.status_code, " ".join(FLASH.findall(shown))

    def consent_events(self) -> list[tuple[str, list[str], bool]]:
        found = [e for e in events(self.bea.api, self.net) if e["type"].startswith("Consent")]
        return [(e["type"], e["data"]["scopes"], e["data"]["on_behalf_of_client"]) for e in found]


def test_the_client_and_the_coordinator_see_who_has_access_and_others_do_not(any_store_app: Flask) -> None:
    kitchen = Kitchen(any_store_app)
    ans = kitchen.desk("Ans")
    status, page = ans.page(kitchen.page)
    assert status == 200 and "Wie heeft toegang" in page and 'aria-current="page">Toegang</a>' in page
    for name, role in (("Bea", "coördinator"), ("Ans", "cliënt"), ("Sam", "spilmantelzorger"), ("Mo", "lid")):
        row = re.search(rf'data-user-id="{kitchen.staff.id(name)}">(.*?)</tr>', page, re.S)
        assert row is not None and name in row.group(1) and role in row.group(1)
    assert "Mo (lid van het netwerk) mag zien:" in page and "Sam (spilmantelzorger) mag zien:" in page
    assert "de kaart" in page and "de belasting" in page and "de notities" in page
    assert "Haalt u een vinkje weg, dan gaat dat meteen in" in page and "namens de cliënt" not in page
    assert "Iemand een rol geven" not in page and "Rol afnemen" not in page  # the client gives no roles
    assert "Wie keek er?" in page and "Exporteer alles (ZIP)" in page
    _, coordinators = kitchen.bea.page(kitchen.page)
    assert "Iemand een rol geven" in coordinators and "namens de cliënt" in coordinators
    assert coordinators.count("Rol afnemen") == 3  # not for the network's own coordinator
    log = kitchen.bea.api.get(f"/api/networks/{kitchen.net}/access-log").json["items"]
    assert [(e["name"], e["looked_at"]) for e in log][:2] == [
        ("Bea", "wie toegang heeft"),
        ("Ans", "wie toegang heeft"),
    ]

    for name in ("Sam", "Mo"):  # a spilmantelzorger and a member: not their page
        status, page = kitchen.desk(name).page(kitchen.page)
        assert status == 403 and "Dit mag u niet doen" in page
    outsider = Desk(any_store_app, "Cor", kitchen.staff)
    missing = outsider.page("/netwerken/00000000-0000-4000-8000-000000000000/toegang")
    assert outsider.page(kitchen.page) == missing and missing[0] == 404 and "Deze pagina bestaat niet" in missing[1]
    _, sams_map = kitchen.desk("Sam").page(f"/netwerken/{kitchen.net}")
    assert ">Toegang</a>" not in sams_map  # no tab for whom the page is not


def test_consent_withdrawn_on_the_page_is_in_force_for_the_members_very_next_request(any_store_app: Flask) -> None:
    kitchen = Kitchen(any_store_app)
    ans, mo = kitchen.desk("Ans"), kitchen.desk("Mo")
    ecogram = f"/netwerken/{kitchen.net}"
    assert mo.page(ecogram)[0] == 403
    assert kitchen.consent(ans, "Mo", "map", "notes") == (303, "Opgeslagen: Mo mag nu de kaart en de notities zien.")
    assert mo.page(ecogram)[0] == 200
    _, page = ans.page(kitchen.page)
    assert re.search(r'name="scopes" value="map" checked', page)
    status, message = kitchen.consent(ans, "Mo", "notes")  # the map unticked
    assert status == 303 and message == "Opgeslagen: Mo mag nu de notities zien."
    status, page = mo.page(ecogram)  # the very next request
    assert status == 403 and "Dit mag u niet doen" in page
    assert kitchen.consent(kitchen.bea, "Mo") == (
        303,
        "Opgeslagen: Mo mag de kaart, de belasting en de notities niet zien. U heeft dit vastgelegd namens de cliënt.",
    )
    assert kitchen.consent_events() == [
        ("ConsentGiven", ["map", "notes"], False),
        ("ConsentWithdrawn", ["map"], False),
        ("ConsentWithdrawn", ["notes"], True),  # the coordinator, on the client's behalf
    ]


def test_the_client_sets_consent_but_only_the_coordinator_gives_and_takes_roles(any_store_app: Flask) -> None:
    kitchen = Kitchen(any_store_app)
    ans, kees = kitchen.desk("Ans"), kitchen.desk("Kees")
    grant = {"user": kitchen.staff.user("Kees").email, "role": "member", "contact_id": kitchen.piet_contact}
    assert ans.post(f"{kitchen.page}/nieuw", grant).status_code == 403
    assert ans.post(f"{kitchen.page}/{kitchen.staff.id('Mo')}/intrekken", {}).status_code == 403
    assert kitchen.consent(kitchen.desk("Sam"), "Sam", "burden")[0] == 403  # consent is the client's

    answer = kitchen.bea.post(f"{kitchen.page}/nieuw", grant)
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/toegang")
    shown = kitchen.bea.web.get(answer.headers["Location"]).get_data(as_text=True)
    assert "Kees is nu lid van het netwerk." in FLASH.findall(shown)
    assert kitchen.consent(kitchen.bea, "Kees", "map")[0] == 303
    assert kees.page(f"/netwerken/{kitchen.net}")[0] == 200  # in force at once
    answer = kitchen.bea.post(f"{kitchen.page}/{kitchen.staff.id('Kees')}/intrekken", {})
    assert answer.status_code == 303
    assert "Kees heeft geen toegang meer tot dit netwerk." in kitchen.bea.web.get(answer.headers["Location"]).get_data(
        as_text=True
    )
    assert kees.page(f"/netwerken/{kitchen.net}")[0] == 404  # the next request: as if it did not exist


def test_the_role_form_keeps_what_was_typed_and_says_in_dutch_what_is_wrong(app: Flask) -> None:
    kitchen = Kitchen(app)
    typed = {"user": "niemand@elders.nl", "role": "member", "contact_id": kitchen.piet_contact}
    answer = kitchen.bea.post(f"{kitchen.page}/nieuw", typed)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422 and 'value="niemand@elders.nl"' in page
    assert FIELD_ERROR.findall(page) == ["Er is niemand met dit e-mailadres in uw organisatie."]
    assert f'<option value="{kitchen.piet_contact}" selected>Piet Bakker</option>' in page
    assert '<option value="member" selected>' in page and "Wie heeft toegang" in page  # the page around it
    wrong_role = kitchen.bea.post(f"{kitchen.page}/nieuw", {**typed, "user": "", "role": "baas"})
    assert FIELD_ERROR.findall(wrong_role.get_data(as_text=True)) == ["Vul dit in.", "Kies een van de mogelijkheden."]
    herself = kitchen.bea.post(f"{kitchen.page}/nieuw", {**typed, "user": kitchen.staff.user("Bea").email})
    assert FIELD_ERROR.findall(herself.get_data(as_text=True)) == ["Deze persoon coördineert dit netwerk al."]
    assert [p["name"] for p in kitchen.bea.api.get(f"/api/networks/{kitchen.net}/access").json["items"]].count(
        "Bea"
    ) == 1


def test_the_toegang_forms_need_their_csrf_token(app: Flask) -> None:
    kitchen = Kitchen(app)
    mo = kitchen.staff.id("Mo")
    for path, form in (
        (f"{kitchen.page}/{mo}/toestemming", {"scopes": "map"}),
        (f"{kitchen.page}/nieuw", {"user": kitchen.staff.user("Kees").email, "role": "member"}),
        (f"{kitchen.page}/{mo}/intrekken", {}),
        (f"/netwerken/{kitchen.net}/sluiten", {"reason": "klaar"}),
    ):
        assert kitchen.bea.web.post(path, data=form).status_code == 400
        assert kitchen.bea.web.post(path, data={**form, "csrf_token": "vervalst"}).status_code == 400
    assert kitchen.consent_events() == []
    people = kitchen.bea.api.get(f"/api/networks/{kitchen.net}/access").json["items"]
    assert sorted(p["name"] for p in people) == ["Ans", "Bea", "Mo", "Sam"]
    assert kitchen.bea.api.get(f"/api/networks/{kitchen.net}").json["status"] == "open"


def test_wie_keek_er_is_newest_first_in_dutch_time_and_pages_back(any_store_app: Flask) -> None:
    kitchen = Kitchen(any_store_app)
    log = services_of(any_store_app).access_log
    log.flush()
    with log.store.transaction(write=True) as tx:  # sixty looks by Sam a year ago, one a minute (UTC)
        for minute in range(60):
            at = datetime(2025, 11, 26, 9, minute, tzinfo=UTC).isoformat(timespec="milliseconds")
            tx.execute(
                "INSERT INTO kring_access_log (id, at, user_id, network_id, action, reason) VALUES (?, ?, ?, ?, ?, ?)",
                [f"look-{minute}", at, kitchen.staff.id("Sam"), kitchen.net, "de kaart", "voor de bespreking"],
            )
    ans = kitchen.desk("Ans")
    _, first = ans.page(kitchen.page)
    assert "26 november 2025 om 10:59" in first and "voor de bespreking" in first  # Europe/Amsterdam: UTC+1
    assert first.index("wie toegang heeft") < first.index("26 november 2025")  # Ans's own look of now comes first
    older = re.search(r'href="([^"]*[?&]voor=[^"#]*)#wie-keek-er"', first)
    assert older is not None
    _, second = ans.page(older.group(1).replace("&amp;", "&"))
    assert "26 november 2025 om 10:00" in second and "26 november 2025 om 10:59" not in second
    assert "Het nieuwste" in second and "Eerder" not in second.split("Het nieuwste")[1]  # the oldest page
    times = re.findall(r"26 november 2025 om (\d\d:\d\d)", first + second)
    assert times == [f"10:{m:02d}" for m in reversed(range(60))]  # each look once, newest first
    _, english = ans.page(f"{kitchen.page}?lang=en")
    assert "November 26, 2025 at 10:59" in english and "Who looked?" in english


def test_the_client_downloads_what_the_apis_export_gives_the_client(app: Flask) -> None:
    kitchen = Kitchen(app)
    ans = kitchen.desk("Ans")
    download = ans.web.get(f"/netwerken/{kitchen.net}/export.zip")
    assert download.status_code == 200 and download.mimetype == "application/zip"
    assert download.headers["Content-Disposition"] == f'attachment; filename="kring-network-{kitchen.net}.zip"'
    files = zipfile.ZipFile(io.BytesIO(download.data)).namelist()
    assert files[:4] == ["events.json", "map.json", "network.graphml", "access.json"]  # no coordinator's work list
    api = zipfile.ZipFile(io.BytesIO(ans.api.get(f"/api/networks/{kitchen.net}/export").data))
    assert zipfile.ZipFile(io.BytesIO(download.data)).read("events.json") == api.read("events.json")
    everything = zipfile.ZipFile(io.BytesIO(kitchen.bea.api.get(f"/api/networks/{kitchen.net}/export").data))
    assert everything.namelist()[:5] == ["events.json", "map.json", "network.graphml", "reminders.json", "access.json"]
    assert "fhir.json" in files and "fhir.json" in everything.namelist()
    _, page = ans.page(kitchen.page)
    assert "Notities, besprekingen en de belasting van mantelzorgers staan er niet in" in page
    assert "Ask the coordinator of your network" in ans.page(f"{kitchen.page}?lang=en")[1]
    _, coordinators = kitchen.bea.page(kitchen.page)
    assert "Alles wat Kring over dit netwerk bewaart" in coordinators and "staan er niet in" not in coordinators
    log = kitchen.bea.api.get(f"/api/networks/{kitchen.net}/access-log").json["items"]
    assert ("Ans", "alles (export)") in [(e["name"], e["looked_at"]) for e in log]
    assert kitchen.desk("Sam").web.get(f"/netwerken/{kitchen.net}/export.zip").status_code == 403


def test_removing_a_contact_keeps_the_form_on_a_problem_and_ends_their_tasks(app: Flask) -> None:
    kitchen = Kitchen(app)
    role = {"contact_id": kitchen.piet_contact, "support_type": "practical", "task": "boodschappen"}
    assert kitchen.bea.api.post(f"/api/networks/{kitchen.net}/roles", json=role).status_code == 201
    kitchen.bea.settled()
    path = f"/netwerken/{kitchen.net}/contacten/{kitchen.piet_contact}/verwijderen"
    _, form = kitchen.bea.page(path)
    assert "Piet Bakker uit het netwerk halen" in form and "de taak: boodschappen" in form
    early = kitchen.bea.post(path, {"reason": "verhuisd naar Zeeland", "effective_on": "2025-12-31"})
    page = early.get_data(as_text=True)
    assert early.status_code == 422 and 'value="verhuisd naar Zeeland"' in page and 'value="2025-12-31"' in page
    [problem] = FIELD_ERROR.findall(page)
    assert problem.startswith("Deze datum ligt vóór een eerdere verandering (5 januari 2026).")  # no ISO day
    done = kitchen.bea.post(path, {"reason": "verhuisd naar Zeeland"})  # today: after the task began
    assert done.status_code == 303
    assert "Piet Bakker staat niet meer in het netwerk." in kitchen.bea.web.get(done.headers["Location"]).get_data(
        as_text=True
    )
    removed = [e for e in events(kitchen.bea.api, kitchen.net) if e["type"] in ("ContactRemoved", "SupportRoleEnded")]
    assert [e["type"] for e in removed] == ["SupportRoleEnded", "ContactRemoved"]
    assert removed[-1]["data"]["reason"] == "verhuisd naar Zeeland"
    assert kitchen.bea.page(path)[0] == 404  # gone from the network now
    assert kitchen.desk("Ans").post(path, {"reason": "x"}).status_code == 403  # the client does not edit


def test_only_the_coordinator_closes_and_reopens_the_network(app: Flask) -> None:
    kitchen = Kitchen(app)
    ecogram = f"/netwerken/{kitchen.net}"
    assert "Netwerk sluiten" in kitchen.bea.page(ecogram)[1]
    ans = kitchen.desk("Ans")
    assert "Netwerk sluiten" not in ans.page(ecogram)[1]
    assert (
        ans.page(f"{ecogram}/sluiten")[0] == 403 and ans.post(f"{ecogram}/sluiten", {"reason": "x"}).status_code == 403
    )
    too_long = kitchen.bea.post(f"{ecogram}/sluiten", {"reason": "x" * 501})
    assert too_long.status_code == 422 and FIELD_ERROR.findall(too_long.get_data(as_text=True)) == [
        "Gebruik hoogstens 500 tekens."
    ]
    closed = kitchen.bea.post(f"{ecogram}/sluiten", {"reason": "de begeleiding is afgerond"})
    assert closed.status_code == 303
    kitchen.bea.settled()
    _, page = kitchen.bea.page(ecogram)
    assert "Dit netwerk is gesloten" in page and "Netwerk heropenen" in page and "Netwerk sluiten" not in page
    refused = kitchen.bea.post(
        f"{ecogram}/contacten/nieuw", {"name": "Truus", "category": "neighbour", "ring": "friend"}
    )
    assert "Dit netwerk is gesloten. Heropen het eerst." in refused.get_data(as_text=True)
    assert "Netwerk heropenen" not in ans.page(ecogram)[1]
    assert ans.post(f"{ecogram}/heropenen", {}).status_code == 403
    reopened = kitchen.bea.post(f"{ecogram}/heropenen", {})
    assert reopened.status_code == 303
    assert "Het netwerk is weer open." in kitchen.bea.web.get(reopened.headers["Location"]).get_data(as_text=True)
    again = kitchen.bea.post(f"{ecogram}/heropenen", {})
    assert "Dit netwerk is al open." in kitchen.bea.web.get(again.headers["Location"]).get_data(as_text=True)
    assert [e["type"] for e in events(kitchen.bea.api, kitchen.net)][-2:] == ["NetworkClosed", "NetworkReopened"]
