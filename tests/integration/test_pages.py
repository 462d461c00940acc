"""The web pages in the app itself: what they show, the rights they check, the looks they log, their language,
and forms that keep what was typed."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask import Flask
from weasyprint import CSS, HTML

from services.web.current import services_of
from tests.conftest import PASSWORD, Staff
from tests.integration.api_helpers import OPENED_ON, add_contact, open_network
from tests.integration.test_accounts import CSRF, browser, sign_in

FIELD_ERROR = re.compile(r'class="field-error"[^>]*>([^<]*)<')


class Desk:
    """Bea (a coordinator) at her desk: an API client to set things up, and a signed-in browser."""

    def __init__(self, app: Flask, name: str = "Bea", staff: Staff | None = None) -> None:
        self.app = app
        self.staff = staff or Staff(app)
        self.api = self.staff.client(name)
        self.web = browser(app)
        assert sign_in(self.web, self.staff.user(name).email, PASSWORD) == 303

    def page(self, path: str, **kwargs: Any) -> tuple[int, str]:
        response = self.web.get(path, **kwargs)
        return response.status_code, response.get_data(as_text=True)

    def post(self, path: str, data: dict[str, Any]) -> Any:
        token = CSRF.search(self.web.get("/netwerken").get_data(as_text=True))
        assert token is not None
        return self.web.post(path, data={"csrf_token": token.group(1), **data})

    def static(self, path: str) -> str:
        """A static file as the browser gets it."""
        with self.web.get(path) as response:
            assert response.status_code == 200, path
            return response.get_data(as_text=True)

    def settled(self) -> None:
        services_of(self.app).read_side.runner.catch_up()


def _network_with_piet(desk: Desk) -> tuple[str, str]:
    network = open_network(desk.api)
    piet = add_contact(desk.api, network, name="Piet Bakker")
    tie = {"strength": "strong", "flow": "both", "effective_on": OPENED_ON}
    assert desk.api.put(f"/api/networks/{network}/contacts/{piet}/tie", json=tie).status_code == 200
    weaker = {"strength": "tenuous", "stressful": True, "flow": "to_client", "effective_on": "2026-09-15"}
    assert desk.api.put(f"/api/networks/{network}/contacts/{piet}/tie", json=weaker).status_code == 200
    desk.settled()
    return network, piet


def test_the_network_page_draws_the_ecogram_and_the_look_is_in_the_access_log(app: Flask) -> None:
    desk = Desk(app)
    network, piet = _network_with_piet(desk)
    status, page = desk.page(f"/netwerken/{network}")
    assert status == 200 and "<svg" in page and "Ecogram van Ans" in page
    assert f'data-contact-id="{piet}" data-strength="tenuous" data-stressful="true"' in page
    log = desk.api.get(f"/api/networks/{network}/access-log").json["items"]
    assert [(e["name"], e["looked_at"]) for e in log][:1] == [("Bea", "de kaart")]


def test_a_network_one_may_not_see_is_the_same_dutch_404_page_as_one_that_does_not_exist(app: Flask) -> None:
    bea = Desk(app)
    network, _ = _network_with_piet(bea)
    cor = Desk(app, "Cor", bea.staff)
    hidden = cor.page(f"/netwerken/{network}")
    missing = cor.page("/netwerken/00000000-0000-4000-8000-000000000000")
    assert hidden == missing and hidden[0] == 404 and "Deze pagina bestaat niet" in hidden[1]
    assert cor.page(f"/netwerken/{network}/contacten/nieuw") == missing


def test_the_map_on_an_earlier_day_shows_the_tie_as_it_was_then(app: Flask) -> None:
    desk = Desk(app)
    network, piet = _network_with_piet(desk)
    _, before = desk.page(f"/netwerken/{network}?op=2026-06-01")
    assert f'data-contact-id="{piet}" data-strength="strong" data-stressful="false"' in before
    assert "Het ecogram op 1 juni 2026" in before and "Volgende verandering (15 september 2026)" in before
    _, nonsense = desk.page(f"/netwerken/{network}?op=gisteren")
    assert "Dat is geen datum" in nonsense and "Het ecogram van vandaag" in nonsense


def test_what_changed_is_marked_on_the_maps_of_veranderingen(app: Flask) -> None:
    desk = Desk(app)
    network, piet = _network_with_piet(desk)  # Piet's tie: strong, and tenuous since 15 September
    truus = add_contact(desk.api, network, name="Truus Smit", effective_on="2026-10-01")
    desk.settled()
    _, page = desk.page(f"/netwerken/{network}/veranderingen?sinds=2026-06-01")
    then, now = page.split('id="nu-title"')
    assert f'class="contact changed weaker" data-contact-id="{piet}"' in now and "band zwakker" in now
    assert f'class="contact changed new" data-contact-id="{truus}"' in now and ">nieuw<" in now
    assert "changed" not in then.split('id="toen-title"')[1]  # nobody left since June: the earlier map is unmarked


def test_a_refused_form_comes_back_as_typed_with_the_reason_in_dutch(app: Flask) -> None:
    desk = Desk(app)
    network, _ = _network_with_piet(desk)
    form = {"name": "Truus", "category": "neighbour", "ring": "acquaintance", "travel_minutes": "een kwartier"}
    answer = desk.post(f"/netwerken/{network}/contacten/nieuw", form)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422 and 'value="Truus"' in page and 'value="een kwartier"' in page
    assert FIELD_ERROR.findall(page) == ["Vul een heel getal in."]
    too_early = desk.post(
        f"/netwerken/{network}/contacten/nieuw", {**form, "travel_minutes": "15", "effective_on": "2025-12-31"}
    )
    assert "Deze datum ligt vóór een eerdere verandering (5 januari 2026)." in too_early.get_data(as_text=True)
    english = desk.post(
        f"/netwerken/{network}/contacten/nieuw?lang=en", {**form, "travel_minutes": "15", "effective_on": "2025-12-31"}
    )
    assert "This date is before an earlier change (January 5, 2026)." in english.get_data(as_text=True)
    saved = desk.post(f"/netwerken/{network}/contacten/nieuw", {**form, "travel_minutes": "15"})
    assert saved.status_code == 303 and saved.headers["Location"].endswith("/band")
    desk.settled()
    assert "Truus" in desk.page(f"/netwerken/{network}")[1]


def test_pages_are_dutch_unless_english_is_asked_for(app: Flask) -> None:
    desk = Desk(app)
    network, _ = _network_with_piet(desk)
    assert "Netwerk van Ans" in desk.page(f"/netwerken/{network}")[1]
    assert "Network of Ans" in desk.page(f"/netwerken/{network}", headers={"Accept-Language": "en"})[1]
    _, english = desk.page(f"/netwerken/{network}/kwaliteit?lang=en")
    assert '<html lang="en">' in english and "What the measures say" in english
    assert "Ecomap of Ans" in desk.page(f"/netwerken/{network}")[1]  # remembered for the session
    assert "Ecogram van Ans" in desk.page(f"/netwerken/{network}?lang=nl")[1]


def test_the_printed_ecogram_is_an_a4_page_with_legend_and_date_and_a_pdf(app: Flask) -> None:
    desk = Desk(app)
    network, _ = _network_with_piet(desk)
    _, page = desk.page(f"/netwerken/{network}/afdrukken?op=2026-06-01")
    assert "Legenda" in page and "Zo was het op 1 juni 2026." in page
    assert "size: A4" in desk.static(re.search(r'href="([^"]*print\.css)"', page).group(1))
    pdf = desk.web.get(f"/netwerken/{network}/ecogram.pdf?op=2026-06-01")
    assert pdf.mimetype == "application/pdf" and pdf.data[:4] == b"%PDF"
    assert pdf.headers["Content-Disposition"] == 'attachment; filename="ecogram-2026-06-01.pdf"'


def test_the_print_of_a_network_of_sixty_fits_one_a4_page(app: Flask) -> None:
    desk = Desk(app)
    network = open_network(desk.api)
    for i in range(60):
        add_contact(desk.api, network, name=f"Contact nummer {i}", category=("friend", "neighbour", "household")[i % 3])
    desk.settled()
    _, page = desk.page(f"/netwerken/{network}/afdrukken")
    style = CSS(string=desk.static("/static/print.css"))
    rendered = HTML(string=page).render(stylesheets=[style])  # as printed: print CSS, the buttons hidden
    assert len(rendered.pages) == 1
    assert (round(rendered.pages[0].width), round(rendered.pages[0].height)) == (794, 1123)  # A4 in CSS pixels


def test_mijn_netwerken_searches_by_name_and_sorts_by_what_needs_attention(app: Flask) -> None:
    desk = Desk(app)
    quiet = open_network(desk.api, client_name="Bram", opened_on="2026-11-20")
    busy = open_network(desk.api, client_name="Ans")  # opened in January: the review is overdue
    desk.settled()
    _, page = desk.page("/netwerken")
    assert page.index(busy) < page.index(quiet) and "De netwerkbespreking is te laat" in page
    _, by_name = desk.page("/netwerken?sorteer=naam&zoek=br")
    assert quiet in by_name and busy not in by_name


def test_a_heavy_questionnaire_shows_the_overload_and_a_carer_answers_only_for_themselves(app: Flask) -> None:
    desk = Desk(app)
    network, piet = _network_with_piet(desk)
    sam = add_contact(desk.api, network, name="Sam", category="household", ring="intimate")
    desk.settled()
    answers = {f"answers.{i}": "1" for i in range(15)}
    missing_one = desk.post(
        f"/netwerken/{network}/mantelzorgers/{sam}/vragenlijst/ediz_plus", dict(list(answers.items())[1:])
    )
    assert missing_one.status_code == 422 and FIELD_ERROR.findall(missing_one.get_data(as_text=True)) == [
        "Beantwoord deze vraag."
    ]
    assert desk.post(f"/netwerken/{network}/mantelzorgers/{sam}/vragenlijst/ediz_plus", answers).status_code == 303
    desk.settled()
    _, carer = desk.page(f"/netwerken/{network}/mantelzorgers/{sam}")
    assert "Sam is zwaar belast" in carer and "kring-burden-trend" in carer
    assert "Overbelasting:" in desk.page(f"/netwerken/{network}")[1]
    user = desk.staff.user("Sammie", can_coordinate=False)
    grant = {"user": user.email, "role": "spilmantelzorger", "contact_id": sam}
    assert desk.api.post(f"/api/networks/{network}/access", json=grant).status_code == 201
    spil = Desk(app, "Sammie", desk.staff)
    assert spil.page(f"/netwerken/{network}/mantelzorgers/{sam}/vragenlijst/srb")[0] == 200
    assert spil.page(f"/netwerken/{network}/mantelzorgers/{piet}/vragenlijst/srb")[0] == 403


def test_the_inbox_acknowledges_snoozes_and_dismisses_reminders(app: Flask) -> None:
    desk = Desk(app)
    for name in ("Ans", "Bram"):
        open_network(desk.api, client_name=name)
    desk.settled()
    raised = services_of(app).reminders.scan(date(2026, 11, 26), lambda d: None, ["inbox"]).raised
    desk.settled()
    _, inbox = desk.page("/herinneringen")
    assert "Netwerkbespreking van Ans" in inbox and "Netwerkbespreking van Bram" in inbox
    first, second = (r.reminder_id for r in raised)
    assert desk.post(f"/herinneringen/{first}/gezien", {}).status_code == 303
    early = desk.post(f"/herinneringen/{second}/later", {"until": "2026-11-26"})
    assert "Kies een dag na vandaag." in desk.web.get(early.headers["Location"]).get_data(as_text=True)
    assert desk.post(f"/herinneringen/{second}/later", {"until": "2026-12-03"}).status_code == 303
    desk.settled()
    states = {i["reminder_id"]: i["state"] for i in desk.api.get("/api/inbox").json["items"]}
    assert states == {first: "acknowledged"}  # the snoozed one is out of sight until 3 December
    assert desk.post(f"/herinneringen/{first}/niet-nodig", {"reason": "al besproken"}).status_code == 303
    desk.settled()
    assert desk.api.get("/api/inbox").json["items"] == []


def test_a_failure_on_a_page_is_a_calm_dutch_page_while_the_api_keeps_its_json(app: Flask) -> None:
    desk = Desk(app)

    def broken() -> None:
        raise RuntimeError("kapot")

    app.view_functions["home.overview"] = broken
    app.config["PROPAGATE_EXCEPTIONS"] = False
    status, page = desk.page("/overzicht")
    assert status == 500 and "Er ging iets mis" in page and "kapot" not in page and "Traceback" not in page
    assert desk.page("/bestaat-niet")[0] == 404 and "Deze pagina bestaat niet" in desk.page("/bestaat-niet")[1]
    assert desk.api.get("/api/bestaat-niet").json["error"] == "not_found"


def test_the_language_chosen_before_signing_in_stays_after_signing_in_and_out(app: Flask) -> None:
    staff = Staff(app)
    web = browser(app)
    assert '<html lang="en">' in web.get("/inloggen?lang=en").get_data(as_text=True)
    assert sign_in(web, staff.user("Bea").email, PASSWORD) == 303  # a fresh session: only the language is kept
    assert "<h1>My networks</h1>" in web.get("/netwerken").get_data(as_text=True)
    token = CSRF.search(web.get("/netwerken").get_data(as_text=True))
    assert token is not None and web.post("/uitloggen", data={"csrf_token": token.group(1)}).status_code == 303
    assert web.get("/netwerken").status_code == 303  # signed out
    assert '<html lang="en">' in web.get("/inloggen").get_data(as_text=True)


def test_the_timeline_page_reads_in_plain_words_by_kind_and_everything_for_a_kind_it_does_not_know(app: Flask) -> None:
    desk = Desk(app)
    network, _ = _network_with_piet(desk)
    status, ties = desk.page(f"/netwerken/{network}/tijdlijn?soort=tie")
    assert status == 200 and "Band met Piet Bakker zwakker geworden (zwak)" in ties and "toegevoegd" not in ties
    status, everything = desk.page(f"/netwerken/{network}/tijdlijn?soort=onzin")
    assert status == 200 and "Piet Bakker toegevoegd (vriend(in))" in everything and "zwakker geworden" in everything
