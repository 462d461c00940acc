"""Every page of a rich network, read in English, holds no Dutch sentence; read in Dutch, no English one. The
people's own words (names, tasks, notes) are left out of the comparison: they are the client's, not Kring's."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from babel.messages.pofile import read_po
from flask import Flask

from services.application.kring import Context
from services.web.current import services_of
from tests.conftest import Staff
from tests.fixtures.cases import Builder, overloaded_daughter
from tests.integration.test_accounts import browser
from tests.integration.test_pages import Desk

ROOT = Path(__file__).resolve().parents[2]
# Words only Dutch uses (never English), and words only English uses: one of them on a page is a sentence left in
# the other language.


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DUTCH = words(
    "de het een van niet geen voor naar bij zijn wordt worden heeft hebben nog ook wie wat hoe maar dat "
    "deze dit uit op aan mensen banden steun belasting netwerk taak doel doelen opslaan annuleren sinds "
    "vandaag bespreking cliënt zorg toon kies vul"
)
ENGLISH = words(
    "the and with to not no for from by this that are has have will your you network support burden tie "
    "ties tasks client save cancel show since today review choose enter"
)
# Proper names that are the same in both languages (instruments, formats, the product).
NAMES = ("Caregiver Strain Index", "Self-Rated Burden", "Network Canvas", "Kring", "EDIZ-plus", "EDIZ", "CSI")
SHOWN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "aria-valuetext")


class Visible(HTMLParser):
    """The text a reader meets on a page (its own language only: a part marked lang= another language, or
    translate="no" as a citation is, is left out), with the attributes a screen reader says."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.skip: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        other = (found.get("lang") not in (None, self.lang) and tag != "html") or found.get("translate") == "no"
        if tag in ("script", "style") or other or self.skip:
            self.skip.append(tag)
            return
        self.parts += [found[a] or "" for a in SHOWN_ATTRIBUTES if found.get(a)]

    def handle_endtag(self, tag: str) -> None:
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def visible(page: str, lang: str, own_words: set[str]) -> str:
    parser = Visible(lang)
    parser.feed(page)
    text = " ".join(parser.parts)
    for words in sorted(own_words | set(NAMES), key=len, reverse=True):
        text = text.replace(words, " ")
    return html.unescape(text)


def words_on(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", text)}


def dutch_sentences() -> set[str]:
    """The catalogue's Dutch message ids of three words or more whose English differs (a page in English must not
    hold one)."""
    with (ROOT / "services/web/translations/en/LC_MESSAGES/messages.po").open("rb") as po:
        catalogue = list(read_po(po))
    found = set()
    for message in catalogue:
        text = message.id[0] if isinstance(message.id, tuple) else message.id
        english = message.string[0] if isinstance(message.string, tuple) else message.string
        if text and "%" not in text and len(text.split()) >= 3 and english != text:
            found.add(text)
    return found


class Rich:
    """Mevrouw De Wit's network with something of everything: reviews, meetings, goals, notes, burden, risk signs,
    a role the client gives, a contact who left, people with access, reminders raised."""

    def __init__(self, app: Flask) -> None:
        staff = Staff(app)
        staff.user("Bea", can_coordinate=True, is_admin=True)  # the administrator's pages too
        self.desk = Desk(app, "Bea", staff)
        self.network, self.ids = overloaded_daughter(self.desk.api)
        b = Builder.__new__(Builder)
        b.api, b.network_id, b.ids = self.desk.api, self.network, self.ids
        b.contact("Kees", "friend", "friend", 30)
        b.task("Joke", "companionship", "mevrouw past op de kat van Joke", "from_client")
        # who someone is apart from their group, living with the client, contact at a distance (issue 13)
        b.contact("Ria", "household", "intimate", relation="grandchild", lives_with_client=True)
        b.contact("Lies", "other_family", "friend", 600, relation="grandchild", contact_mode="video")
        self.own_words = {
            "Mevrouw De Wit",
            "Ans",
            "Joke",
            "Thuiszorg Oost",
            "Huisarts Kramer",
            "Kees",
            "Bea",
            "Karin",
            "Anja",
            "Wijkteam Oost",
            "boodschappen",
            "post en formulieren",
            "elke dag langs",
            "luisteren",
            "wassen in het weekend",
            "douchen",
            "mevrouw past op de kat van Joke",
            "Vervoer naar de dagbesteding",
            "Ans wil graag minder doen.",
            "Ans en Joke",
            "Ans belt dinsdag",
            "te druk met werk",
            "verhuisd",
            "Het gaat goed met de boodschappen.",
            "Ans is moe",
            "Ria",
            "Lies",
            "Henk",
            "Ik wil thuis blijven wonen.",
        }
        path = f"/api/networks/{self.network}"
        for method, rest, body in (
            (
                "PATCH",
                "",
                {
                    "date_of_birth": "1941-03-02",
                    "living_situation": "alone",
                    "help_question": "Ik wil thuis blijven wonen.",
                    "effective_on": "2026-02-01",
                },
            ),
            (
                "PATCH",
                f"/contacts/{self.ids['Ans']}",
                {"relation": "child", "contact_mode": "in_person", "effective_on": "2026-02-01"},
            ),
            (
                "POST",
                "/reviews",
                {
                    "held_on": "2026-03-02",
                    "next_review_on": "2026-06-01",
                    "participant_ids": [self.ids["Ans"]],
                    "client_took_part": True,
                    "summary": "Het gaat goed met de boodschappen.",
                },
            ),
            (
                "POST",
                "/meetings",
                {
                    "held_on": "2026-03-03",
                    "attendee_ids": [self.ids["Joke"]],
                    "attendees": ["Ans"],
                    "client_took_part": False,
                    "agreements": ["Ans belt dinsdag"],
                },
            ),
            (
                "POST",
                "/goals",
                {"title": "Vervoer naar de dagbesteding", "due_on": "2026-10-01", "effective_on": "2026-03-03"},
            ),
            ("POST", "/notes", {"text": "Ans wil graag minder doen.", "effective_on": "2026-03-04"}),
            (
                "PUT",
                f"/contacts/{self.ids['Ans']}/tie",
                {
                    "strength": "strong",
                    "stressful": True,
                    "flow": "to_client",
                    "frequency": "daily",
                    "note": "Ans is moe",
                    "effective_on": "2026-09-01",
                },
            ),
            ("PUT", f"/carers/{self.ids['Ans']}/risk-factors", {"factors": ["care_24_7", "cannot_share_care"]}),
            ("DELETE", f"/contacts/{self.ids['Kees']}", {"reason": "verhuisd", "effective_on": "2026-05-01"}),
        ):
            response = self.desk.api.open(path + rest, method=method, json=body)
            assert response.status_code in (200, 201), response.get_json()
        client = self.desk.staff.user("Karin", can_coordinate=False)
        grant = {"user": client.email, "role": "client"}
        assert self.desk.api.post(f"{path}/access", json=grant).status_code == 201
        carer = self.desk.staff.user("Anja", can_coordinate=False)  # Ans's own account: the spilmantelzorger's pages
        grant = {"user": carer.email, "role": "spilmantelzorger", "contact_id": self.ids["Ans"]}
        assert self.desk.api.post(f"{path}/access", json=grant).status_code == 201
        self.desk.settled()
        services = services_of(app)
        services.reminders.scan(services.kring.today(), lambda delivery: None, ["inbox"])
        self.desk.settled()
        # the pages of the client and of the spilmantelzorger, as they see them themselves
        self.own_pages = {
            "Karin": ("mijn-netwerk", "account"),
            "Anja": ("mijn-zorg", "hulp-vragen", "account"),
        }
        self.guests = {name: Desk(app, name, staff) for name in self.own_pages}
        sent = services.invitations.invite(  # the invitee's page behind a link that still holds (issue 16)
            UUID(self.network), Context(staff.id("Bea")), "joke@buren.nl", name="Joke", role="member",
            contact_id=self.ids["Joke"], scopes=["map"],
        )  # fmt: skip
        self.invitation = f"/uitnodiging/{sent.secret}"
        self.app = app

    def paths(self) -> Iterator[str]:
        """Every page there is, with this network's ids."""
        values = {
            "network_id": self.network,
            "contact_id": self.ids["Ans"],
            "carer_id": self.ids["Ans"],
            "token": "verlopen",
            "user_id": self.desk.staff.id("Karin"),
        }
        for rule in self.desk.app.url_map.iter_rules():
            if "GET" not in (rule.methods or ()) or rule.rule.startswith(("/api", "/static", "/calendar")):
                continue
            if rule.endpoint in ("network.print_pdf", "ownership.export", "pages.index", "account.sign_in_code"):
                continue  # a PDF and a ZIP; the index and the second step of signing in send one on
            if rule.endpoint == "icons.icon":
                continue  # pictures, no words
            codes = ("ediz_plus", "ediz", "csi", "srb") if "<code>" in rule.rule else ("",)
            for code in codes:
                yield self._fill(rule.rule, {**values, "code": code})

    @staticmethod
    def _fill(rule: str, values: dict[str, Any]) -> str:
        return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), rule)

    def pages(self, lang: str) -> Iterator[tuple[str, str]]:
        for path in self.paths():
            status, page = self.desk.page(f"{path}?lang={lang}")
            assert status == 200 or (status == 404 and path.endswith("/verlopen")), path  # a link no longer valid
            yield path, page
        for name, parts in self.own_pages.items():
            for part in parts:
                path = "/account" if part == "account" else f"/netwerken/{self.network}/{part}"
                status, page = self.guests[name].page(f"{path}?lang={lang}")
                assert status == 200, (name, path)
                yield f"{path} ({name})", page
        invited = browser(self.app).get(f"{self.invitation}?lang={lang}")
        assert invited.status_code == 200, self.invitation
        yield "an invitation (not signed in)", invited.get_data(as_text=True)
        refused = self.desk.post(  # a form refused: its problems are said too
            f"/netwerken/{self.network}/contacten/nieuw?lang={lang}",
            {"name": "", "category": "neighbour", "ring": "friend", "travel_minutes": "een kwartier"},
        )
        assert refused.status_code == 422
        yield "a refused form", refused.get_data(as_text=True)
        intake = self.desk.post(  # a row of the intake without who they are: asked beside its field
            f"/netwerken/{self.network}/in-kaart?lang={lang}",
            {
                "held_on": "2026-11-20",
                "people.0.name": "Henk",
                "people.0.ring": "friend",
                "people.0.strength": "normal",
            },
        )
        assert intake.status_code == 422
        yield "a refused intake", intake.get_data(as_text=True)
        profile = self.desk.post(  # the profile with a day of birth still to come
            f"/netwerken/{self.network}/profiel?lang={lang}",
            {"client_name": "Mevrouw De Wit", "date_of_birth": "2999-01-01"},
        )
        assert profile.status_code == 422
        yield "a refused profile", profile.get_data(as_text=True)
        status, missing = self.desk.page(f"/netwerken/00000000-0000-4000-8000-000000000000?lang={lang}")
        assert status == 404
        yield "a page that is not there", missing


@pytest.fixture
def rich_pages(app: Flask) -> dict[str, list[tuple[str, str]]]:
    rich = Rich(app)
    found = {lang: list(rich.pages(lang)) for lang in ("en", "nl")}
    found["own_words"] = [(w, "") for w in rich.own_words]
    return found


def test_every_page_in_english_holds_no_dutch(rich_pages: dict[str, list[tuple[str, str]]]) -> None:
    own = {w for w, _ in rich_pages["own_words"]}
    sentences = dutch_sentences()
    left = []
    for path, page in rich_pages["en"]:
        text = visible(page, "en", own)
        found = words_on(text) & DUTCH
        found |= {s for s in sentences if s in text}
        if found:
            left.append(f"{path}: {sorted(found)}")
    assert len(rich_pages["en"]) > 25 and not left, "\n".join(left)


def test_every_page_in_dutch_holds_no_english(rich_pages: dict[str, list[tuple[str, str]]]) -> None:
    own = {w for w, _ in rich_pages["own_words"]}
    left = [
        f"{path}: {sorted(found)}"
        for path, page in rich_pages["nl"]
        if (found := words_on(visible(page, "nl", own)) & ENGLISH)
    ]
    assert not left, "\n".join(left)
