"""What the pages say, as their readers see it (issue 12): the history with burden, notes and reasons for whoever may
read them, newest first by day; carer overload alike on Mijn netwerken and the Overzicht; the structural risks on a
network's page; counts that agree with their nouns, days written out, and no -0.0 in the API."""

from __future__ import annotations

import html
import re

from flask import Flask

from tests.fixtures.cases import drained_young_man, only_professionals, overloaded_daughter
from tests.integration.test_pages import Desk

DAYS = re.compile(r'<h3 id="dag-\d+"><time datetime="([\d-]+)">')


def text(page: str) -> str:
    """The page's words, tags left out."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


class DeWit:
    """Mevrouw De Wit's network (Bea coordinates), with her client account (Karin) and Ans signed in as the
    spilmantelzorger she is."""

    def __init__(self, app: Flask) -> None:
        self.bea = Desk(app)
        self.network, self.ids = overloaded_daughter(self.bea.api)
        path = f"/api/networks/{self.network}"
        for name, role, contact in (("Karin", "client", None), ("Ans", "spilmantelzorger", self.ids["Ans"])):
            self.bea.staff.user(name, can_coordinate=False)
            grant = {"user": self.bea.staff.user(name).email, "role": role, "contact_id": contact}
            assert self.bea.api.post(f"{path}/access", json=grant).status_code == 201
        self.karin = Desk(app, "Karin", self.bea.staff)
        self.ans = Desk(app, "Ans", self.bea.staff)
        tie = {"strength": "strong", "flow": "to_client", "frequency": "daily", "stressful": True, "note": "Ans is moe"}
        assert self.bea.api.put(f"{path}/contacts/{self.ids['Ans']}/tie", json=tie).status_code == 200
        removal = {"reason": "verhuisd naar Zeeland"}
        assert self.bea.api.delete(f"{path}/contacts/{self.ids['Joke']}", json=removal).status_code == 200
        srb = {"carer_id": self.ids["Ans"], "instrument": "srb", "answers": [8]}
        assert self.ans.api.post(f"{path}/burden-reports", json=srb).status_code == 201  # recorded by Ans herself
        self.bea.settled()

    def page(self, desk: Desk, rest: str = "", lang: str = "nl") -> str:
        joined = "&" if "?" in rest else "?"
        status, page = desk.page(f"/netwerken/{self.network}{rest}{joined}lang={lang}")
        assert status == 200, rest
        return page


def test_the_timeline_reads_newest_first_by_day_and_names_who_recorded_only_when_it_was_someone_else(
    app: Flask,
) -> None:
    de_wit = DeWit(app)
    page = de_wit.page(de_wit.bea, "/tijdlijn")
    days = DAYS.findall(page)
    assert days == sorted(days, reverse=True) and days[0] == "2026-11-26" and days[-1] == "2026-01-05"
    assert len(days) == len(set(days))  # one heading per day
    said = text(page)
    assert "Belasting van Ans gemeten (zelf ingeschatte belasting): score 8 van 10 (vastgelegd door Ans)" in said
    assert said.count("vastgelegd door") == 1  # Bea recorded the rest herself


def test_a_burden_report_on_the_timeline_gives_score_and_band_only_to_who_may_read_it(app: Flask) -> None:
    de_wit = DeWit(app)
    full = "Belasting van Ans gemeten (EDIZ-plus): score 11 van 15, zwaar belast"
    assert full in text(de_wit.page(de_wit.bea, "/tijdlijn"))
    assert full in text(de_wit.page(de_wit.ans, "/tijdlijn"))  # her own burden
    english = "Burden of Ans measured (EDIZ-plus): score 11 out of 15, heavily burdened"
    assert english in text(de_wit.page(de_wit.bea, "/tijdlijn", "en"))
    clients = text(de_wit.page(de_wit.karin, "/tijdlijn"))
    assert "Belasting van Ans gemeten" in clients and "11 van 15" not in clients and "zwaar belast" not in clients
    events = de_wit.karin.api.get(f"/api/networks/{de_wit.network}/events").get_json()["items"]
    assert "Belasting van Ans gemeten" in [e["summary"] for e in events if e["type"] == "CarerBurdenReported"]


def test_a_ties_note_is_on_the_timeline_for_who_may_read_notes_and_a_removal_reason_for_everyone(app: Flask) -> None:
    de_wit = DeWit(app)
    bea, karin = text(de_wit.page(de_wit.bea, "/tijdlijn")), text(de_wit.page(de_wit.karin, "/tijdlijn"))
    assert "Band met Ans is belastend geworden; notitie: Ans is moe" in bea
    assert "Band met Ans is belastend geworden" in karin and "Ans is moe" not in karin
    assert "Joke uit het netwerk gehaald (reden: verhuisd naar Zeeland)" in bea
    assert "Joke uit het netwerk gehaald (reden: verhuisd naar Zeeland)" in karin
    events = de_wit.karin.api.get(f"/api/networks/{de_wit.network}/events").get_json()["items"]
    strained = next(e for e in events if e["type"] == "TieStrained")
    assert strained["withheld"] is False and "note" not in strained["data"]  # the client reads the change, not the note


def test_what_changed_shows_each_carers_burden_then_and_now_to_who_may_read_it(app: Flask) -> None:
    de_wit = DeWit(app)
    bea = text(de_wit.page(de_wit.bea, "/veranderingen?sinds=2026-06-15"))
    assert "Belasting van de mantelzorgers" in bea
    assert "Ans matig belast: 6 van 15 (EDIZ-plus, 1 juni 2026)" in bea
    assert "zelf ingeschatte belasting, 26 november 2026" in bea and "8 van 10" in bea
    assert "2 mensen weg" not in bea and "1 persoon weg" in bea  # counts agree with their nouns
    assert "Belasting van de mantelzorgers" not in text(de_wit.page(de_wit.karin, "/veranderingen"))


OVERLOAD = re.compile(r'<li class="signal overload"[^>]*>(.*?)</li>', re.S)


def overload(page: str) -> list[str]:
    return [text(item) for item in OVERLOAD.findall(page)]


def test_the_overzicht_shows_carer_overload_as_mijn_netwerken_does(app: Flask) -> None:
    de_wit = DeWit(app)
    mine, overview = de_wit.bea.page("/netwerken")[1], de_wit.bea.page("/overzicht")[1]
    carries = "Overbelasting: Ans draagt meer dan de helft van de steun (5 van de 6 taken)."
    assert carries in overload(mine) and overload(overview) == overload(mine)
    english = de_wit.bea.page("/overzicht?lang=en")[1]
    assert "Overload: Ans carries more than half of the support (5 of the 6 tasks)." in overload(english)
    drained_young_man(de_wit.bea.api)
    de_wit.bea.settled()
    who_does_what = text(de_wit.bea.page("/overzicht?lang=nl")[1])
    assert "Mo leent geld van Daan (de cliënt geeft dit)" in who_does_what  # the client gives, not Mo


def test_the_network_page_names_the_structural_risks_and_no_spilmantelzorger_only_where_care_is_given(
    app: Flask,
) -> None:
    de_wit = DeWit(app)
    attention = text(de_wit.page(de_wit.bea)).split("Wat aandacht vraagt", 1)[1].split("De mensen in het netwerk")[0]
    assert "Het netwerk is klein: er is maar 1 persoon uit de eigen kring." in attention  # Joke left
    assert "Zonder Ans valt het netwerk uiteen of valt de meeste steun weg." in attention
    assert attention.count("respijtzorg") == 1  # said once, by Ans's overload signal
    network, _ = only_professionals(de_wit.bea.api)
    de_wit.bea.settled()
    _, page = de_wit.bea.page(f"/netwerken/{network}")
    said = text(page)
    assert "Er staat niemand uit de eigen kring in het netwerk." in said and "spilmantelzorger:" not in said
    assert "niemand is spilmantelzorger" not in said


def test_tasks_and_goals_read_as_plain_words(app: Flask) -> None:
    de_wit = DeWit(app)
    goal = {"title": "Vervoer naar de dagbesteding", "due_on": "2026-10-01", "effective_on": "2026-03-01"}
    assert de_wit.bea.api.post(f"/api/networks/{de_wit.network}/goals", json=goal).status_code == 201
    de_wit.bea.settled()
    said = text(de_wit.page(de_wit.bea, "/wie-doet-wat"))
    assert "Stoppen : boodschappen" in said and "Stopt" not in said  # the button, and what it stops for a reader
    assert "Vervoer naar de dagbesteding — streefdatum 1 oktober 2026 (de streefdatum is voorbij)" in said
    assert "klaar op" not in said


def test_the_ecogram_says_in_words_how_many_pairs_know_each_other(app: Flask) -> None:
    de_wit = DeWit(app)
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", de_wit.page(de_wit.bea), re.S)
    assert desc and "1 tweetal kent elkaar." in desc.group(1) and "Hoe vaak" not in desc.group(1)
    english = re.search(r"<desc[^>]*>(.*?)</desc>", de_wit.page(de_wit.bea, lang="en"), re.S)
    assert english and "1 pair knows each other." in english.group(1)


def test_no_figure_in_the_api_is_minus_zero(app: Flask) -> None:
    desk = Desk(app)
    network, _ = only_professionals(desk.api)  # one group: its Shannon diversity is 0, never -0
    desk.settled()
    answer = desk.api.get(f"/api/networks/{network}/measures")
    assert answer.status_code == 200 and "-0.0" not in answer.get_data(as_text=True)
    assert answer.get_json()["measures"]["composition"]["value"]["diversity"] == 0.0
