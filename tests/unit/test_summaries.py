"""One-line summaries: what a line says is kept without words, and worded in Dutch or English when read."""

from __future__ import annotations

import json
from datetime import date

from domain.network import Network
from domain.state import Stamp
from projections.summaries import Names, line_values, render, summarise

TODAY = date(2026, 11, 26)


def on(day: str) -> Stamp:
    return Stamp(by="coord", on=date.fromisoformat(day), today=TODAY)


def history() -> list[Network.Event]:
    """A network with a contact whose name is also a category code, a tie that weakens and a review."""
    network = Network.open("Mevr. Jansen", "Bea", 13, on("2026-01-05"))
    network.add_contact(on("2026-01-05"), "c1", name="friend", category="neighbour", ring="friend")
    network.add_contact(on("2026-01-05"), "c2", name="Anna", category="household", ring="intimate")
    network.assess_tie(on("2026-01-06"), "c1", "strong", False, "both", "weekly")
    network.record_acquaintance(on("2026-01-06"), "c1", "c2")
    network.assign_role(on("2026-01-07"), "r1", "c2", "practical", "to_client", "boodschappen", None)
    network.assess_tie(on("2026-02-01"), "c1", "normal", True, "to_client", "weekly")
    network.end_role(on("2026-03-01"), "r1", "geen tijd")
    network.review(on("2026-03-02"), participants=["client"], summary="", next_review_on=date(2026, 6, 1))
    return list(network.collect_events())


def test_a_stored_line_reads_the_same_as_the_summary_made_from_the_event() -> None:
    names = Names()
    for event in history():
        names.learn(event)
        stored = json.loads(json.dumps(line_values(event, names)))  # as the timeline keeps it
        for lang in ("nl", "en"):
            assert render(type(event).__name__, stored, lang) == next(
                line for e, line in summarise(history(), lang) if e.originator_version == event.originator_version
            )


def test_codes_are_worded_in_the_readers_language_and_names_are_left_as_they_are() -> None:
    dutch = [line for _, line in summarise(history(), "nl")]
    english = [line for _, line in summarise(history(), "en")]
    assert dutch[1] == "friend toegevoegd (buur)"  # a contact called "friend" is not called "vriend(in)"
    assert english[1] == "friend added (neighbour)"
    assert dutch[6:9] == [
        "Band met friend zwakker geworden (gewoon)",
        "Band met friend is belastend geworden",
        "Steun tussen cliënt en friend loopt nu naar de cliënt",
    ]
    assert english[6] == "Tie with friend weakened (normal)"
    assert dutch[-2:] == ["Anna stopt met: boodschappen", "Netwerk besproken; volgende bespreking 2026-06-01"]
