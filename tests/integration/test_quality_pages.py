"""The quality page of the four case networks of the domain (tests/fixtures/cases.py), read as a client and a social
worker read it at the kitchen table: the answer first (what is strong, what needs care), then each measure in plain
words, in Dutch and in English."""

from __future__ import annotations

import html
import re

import pytest
from flask import Flask

from tests.fixtures.cases import CASES
from tests.integration.test_pages import Desk

ITEMS = re.compile(r"<li[^>]*>(.*?)</li>", re.S)


def said(page: str, css: str) -> list[str]:
    """The sentences of the list with this class, as the reader sees them."""
    found = re.search(rf'<ul class="{css}">(.*?)</ul>', page, re.S)
    return (
        [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in ITEMS.findall(found.group(1))] if found else []
    )


def measure(page: str, name: str) -> str:
    found = re.search(rf'<dd data-measure="{name}">(.*?)</dd>', page, re.S)
    assert found, name
    return html.unescape(found.group(1)).strip()


def quality(app: Flask, case: str, lang: str) -> str:
    desk = Desk(app)
    network, _ = CASES[case](desk.api)
    desk.settled()
    status, page = desk.page(f"/netwerken/{network}/kwaliteit?lang={lang}")
    assert status == 200
    return page


EXPECTED = {
    ("overloaded_daughter", "nl"): (
        ["Mensen uit 3 verschillende groepen.", "2 mensen uit de eigen kring wonen binnen een half uur."],
        [
            "Het netwerk is klein: er zijn maar 2 mensen uit de eigen kring.",
            "Ans draagt meer dan de helft van de steun (5 van de 6 taken).",
            "Zonder Ans valt het netwerk uiteen of valt de meeste steun weg.",
            "Niemand neemt de zorg af en toe over van Ans: er is geen respijtzorg.",
        ],
    ),
    ("overloaded_daughter", "en"): (
        ["People from 3 different groups.", "2 people from the client's own circle live within half an hour."],
        [
            "The network is small: there are only 2 people from the client's own circle.",
            "Ans carries more than half of the support (5 of the 6 tasks).",
            "Without Ans the network falls apart or most of the support goes.",
            "Nobody takes over the care from Ans now and then: there is no respite care.",
        ],
    ),
    ("drained_young_man", "nl"): (
        [
            "Mensen uit 4 verschillende groepen.",
            "3 mensen uit de eigen kring wonen binnen een half uur.",
            "De taken zijn over meerdere mensen verdeeld.",
        ],
        [
            "Het netwerk is klein: er zijn maar 4 mensen uit de eigen kring.",
            "Veel banden zijn belastend: 2 van de 5.",
            "Mensen uit de eigen kring zorgen voor de cliënt, maar niemand is spilmantelzorger: niemand houdt het "
            "overzicht.",
            "Daan geeft aan Mo en Sven, en die banden zijn belastend.",
        ],
    ),
    ("drained_young_man", "en"): (
        [
            "People from 4 different groups.",
            "3 people from the client's own circle live within half an hour.",
            "The tasks are shared among several people.",
        ],
        [
            "The network is small: there are only 4 people from the client's own circle.",
            "Many ties are stressful: 2 of the 5.",
            "People from the client's own circle care for the client, but nobody is the lead carer: nobody keeps the "
            "overview.",
            "Daan gives to Mo and Sven, and those ties are stressful.",
        ],
    ),
    ("tight_apartment_block", "nl"): (
        [
            "5 mensen uit de eigen kring.",
            "Mensen uit 3 verschillende groepen.",
            "De 4 buren kennen elkaar allemaal.",
            "4 mensen uit de eigen kring wonen binnen een half uur.",
            "Met 4 mensen gaat de steun twee kanten op.",
            "De taken zijn over meerdere mensen verdeeld.",
        ],
        [
            "Niemand neemt de zorg af en toe over van Truus: er is geen respijtzorg.",
            "Bijna iedereen komt uit één hechte kring: er zijn weinig bruggen naar andere mensen.",
        ],
    ),
    ("tight_apartment_block", "en"): (
        [
            "5 people from the client's own circle.",
            "People from 3 different groups.",
            "The 4 neighbours all know each other.",
            "4 people from the client's own circle live within half an hour.",
            "With 4 people support goes both ways.",
            "The tasks are shared among several people.",
        ],
        [
            "Nobody takes over the care from Truus now and then: there is no respite care.",
            "Almost everybody comes from one close circle: there are few bridges to other people.",
        ],
    ),
    ("only_professionals", "nl"): (
        ["De taken zijn over meerdere mensen verdeeld."],
        ["Er staat niemand uit de eigen kring in het netwerk."],  # no "geen spilmantelzorger": no informal care
    ),
    ("only_professionals", "en"): (
        ["The tasks are shared among several people."],
        ["There is nobody from the client's own circle in the network."],
    ),
}


@pytest.mark.parametrize(("case", "lang"), sorted(EXPECTED))
def test_the_quality_page_starts_with_what_is_strong_and_what_needs_care(app: Flask, case: str, lang: str) -> None:
    page = quality(app, case, lang)
    strong, concerns = EXPECTED[(case, lang)]
    assert said(page, "strengths") == strong
    assert said(page, "signals") == concerns
    assert page.index('class="answer"') < page.index('class="measures"')  # the answer first


MEASURES = {
    ("overloaded_daughter", "nl"): {
        "size": "4 mensen in het netwerk: 2 uit de eigen kring en 2 hulpverleners.",
        "stability": "Sinds de intake (5 januari 2026) is er niets veranderd.",
        "reachability": "1 persoon woont binnen 5 minuten en 1 persoon woont binnen een half uur. 1 hulpverlener is "
        "binnen een half uur bereikbaar. Van 1 hulpverlener is de reistijd niet bekend. Met 2 van de 4 mensen is er "
        "minstens elke week contact.",
        "concentration": "Ans doet 5 van de 6 taken (83%). Zonder Ans valt het netwerk uiteen of valt de meeste steun "
        "weg.",
        "bonding_bridging": "In balans: mensen die elkaar kennen, en ook contacten daarbuiten.",
    },
    ("overloaded_daughter", "en"): {
        "size": "4 people in the network: 2 from the client's own circle and 2 professionals.",
        "stability": "Since the intake (January 5, 2026) nothing has changed.",
        "concentration": "Ans does 5 of the 6 tasks (83%). Without Ans the network falls apart or most of the support "
        "goes.",
    },
    ("drained_young_man", "nl"): {
        "reciprocity": "Daan krijgt hulp bij 2 taken en doet 2 taken voor anderen. Met niemand gaat de steun twee "
        "kanten op. Daan geeft aan Mo en Sven, en die banden zijn belastend.",
        "density": "1 van de 10 mogelijke tweetallen kent elkaar (10%).",
        "bonding_bridging": "Veel losse contacten: de meeste mensen kennen elkaar niet.",
    },
    ("drained_young_man", "en"): {
        "reciprocity": "Daan gets help with 2 tasks and does 2 tasks for others. Support goes both ways with nobody. "
        "Daan gives to Mo and Sven, and those ties are stressful.",
        "density": "1 of the 10 possible pairs knows each other (10%).",
    },
    ("tight_apartment_block", "nl"): {
        "density": "6 van de 15 mogelijke tweetallen kennen elkaar (40%). De 4 buren kennen elkaar allemaal.",
        "bonding_bridging": "Vooral één hechte kring: de meeste mensen kennen elkaar.",
        "reachability": "4 mensen wonen binnen 5 minuten en 1 persoon woont verder weg. 1 hulpverlener is binnen een "
        "half uur bereikbaar. Met 5 van de 6 mensen is er minstens elke week contact.",
    },
    ("tight_apartment_block", "en"): {
        "density": "6 of the 15 possible pairs know each other (40%). The 4 neighbours all know each other.",
        "bonding_bridging": "Mostly one close circle: most people know each other.",
    },
    ("only_professionals", "nl"): {
        "size": "4 mensen in het netwerk, allemaal hulpverleners.",
        "composition": "Iedereen komt uit één groep: hulpverleners.",
        "reachability": "3 hulpverleners zijn binnen een half uur bereikbaar. Van 1 hulpverlener is de reistijd niet "
        "bekend. Met 4 van de 4 mensen is er minstens elke week contact.",
    },
    ("only_professionals", "en"): {
        "size": "4 people in the network, all of them professionals.",
        "composition": "Everybody comes from one group: professionals.",
    },
}


@pytest.mark.parametrize(("case", "lang"), sorted(MEASURES))
def test_each_measure_says_in_plain_words_what_it_finds_for_this_client(app: Flask, case: str, lang: str) -> None:
    page = quality(app, case, lang)
    for name, sentence in MEASURES[(case, lang)].items():
        assert measure(page, name) == sentence, name
