"""Timeline lines: what a line says is kept without words, and said in Dutch or English when read; codes by their
label, names as they were, the direction of support, days written out."""

from __future__ import annotations

import json

from domain.words import DUTCH
from domain.words.history import event_line
from projections.summaries import Names, line_values, summarise
from services.web.language import speaker_for
from tests.unit.every_event import every_event

ENGLISH = speaker_for("en")


def lines(lang: str = "nl") -> list[str]:
    say = DUTCH if lang == "nl" else ENGLISH
    return [say(event_line(type(e).__name__, values)) for e, values in summarise(every_event())]


def test_a_stored_line_reads_the_same_as_the_line_made_from_the_event() -> None:
    names = Names()
    for event in every_event():
        names.learn(event)
        values = line_values(event, names)
        stored = json.loads(json.dumps(values))  # as the timeline keeps it
        for say in (DUTCH, ENGLISH):
            assert say(event_line(type(event).__name__, stored)) == say(event_line(type(event).__name__, values))


def test_codes_are_said_by_their_label_in_the_readers_language() -> None:
    dutch, english = lines("nl"), lines("en")
    assert dutch[1] == "Anna toegevoegd (familie van herkomst)"
    assert english[1] == "Anna added (family of origin)"
    assert dutch[4] == "Band met Anna: gewoon, wederzijdse steun; notitie: Belt elke avond"
    assert dutch[5] == "Band met Joke: gewoon, geen steun"  # not "steun geen steun"
    assert english[5] == "Tie with Joke: normal, no support"


def test_a_role_the_client_gives_is_said_as_the_client_giving_it() -> None:
    dutch = lines("nl")
    assert "Anna neemt praktische hulp op zich: boodschappen" in dutch
    assert "Mevr. Jansen geeft Joke gezelschap: past op de kat" in dutch
    assert "Mevrouw A. Jansen stopt met: past op de kat (voor Joke) (reden: Joke is verhuisd)" in dutch
    assert "Mevr. Jansen gives Joke companionship: past op de kat" in lines("en")


def test_days_in_a_line_are_written_out_and_counts_agree_with_their_nouns() -> None:
    dutch, english = lines("nl"), lines("en")
    assert "Netwerk besproken; volgende bespreking op 1 september 2026" in dutch
    assert "Network reviewed; next review on September 1, 2026" in english
    assert "De steungroep kwam bijeen (2 afspraken)" in dutch
    assert "Het netwerk wordt voortaan elke 12 weken besproken" in dutch
    assert "Doel gesteld: Vervoer naar de dagbesteding (streefdatum 1 mei 2026)" in dutch
