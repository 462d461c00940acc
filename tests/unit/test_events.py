"""Every event a network records reads as a sentence in Dutch and in English, has its kind on the timeline and its
row in the architecture notes: no reader ever sees an event's internal name."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from string import Formatter

import pytest

from domain.network import Network
from projections.summaries import LANGUAGES, TEMPLATES
from projections.timeline import KIND_OF

ROOT = Path(__file__).resolve().parents[2]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
# what a line may say beside the event's own fields: names the history knows (projections.summaries.line_values)
NAMES = {"contact", "task", "title", "first", "second", "count"}
NETWORK_EVENTS = sorted(
    (
        cls
        for cls in vars(Network).values()
        if isinstance(cls, type) and issubclass(cls, Network.Event) and cls not in (Network.Event, Network.Created)
    ),  # Created: the library's default first event, never recorded (NetworkOpened is the network's first)
    key=lambda cls: cls.__name__,
)  # Reminder's events are not a network's: neither the timeline nor GET .../events shows them


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def test_every_event_the_network_records_is_enumerated() -> None:
    assert len(NETWORK_EVENTS) == 40  # a new event: give it its words, its kind and its row (the tests below)
    assert {Network.NetworkOpened, Network.TieWeakened, Network.CarerRiskFactorsReported} <= set(NETWORK_EVENTS)


@pytest.mark.parametrize("event", NETWORK_EVENTS, ids=lambda cls: cls.__name__)
def test_every_event_reads_as_a_sentence_in_dutch_and_english(event: type[Network.Event]) -> None:
    fields = {field.name for field in dataclasses.fields(event)}
    worded = {lang: TEMPLATES[lang].get(event.__name__) for lang in LANGUAGES}
    assert all(worded.values()), f"{event.__name__} has no summary in {[k for k, v in worded.items() if not v]}"
    dutch, english = (placeholders(worded[lang] or "") for lang in ("nl", "en"))
    assert dutch == english, "the Dutch and the English line say different things"
    assert dutch <= fields | NAMES, f"a line says what {event.__name__} does not hold: {dutch - fields - NAMES}"


@pytest.mark.parametrize("event", NETWORK_EVENTS, ids=lambda cls: cls.__name__)
def test_every_event_has_its_kind_on_the_timeline_and_its_row_in_the_architecture_notes(
    event: type[Network.Event],
) -> None:
    assert event.__name__ in KIND_OF, f"{event.__name__} has no timeline kind (projections.timeline.KINDS)"
    assert f"| `{event.__name__}` |" in ARCHITECTURE.read_text(), f"{event.__name__} is not in the table of events"


def test_the_walk_through_for_adding_an_event_names_files_that_are_there() -> None:
    section = ARCHITECTURE.read_text().split("\n## Adding an event\n", 1)[1].split("\n## ", 1)[0]
    files = re.findall(r"^\| \d+ \| `([^`]+)` \|", section, re.MULTILINE)
    assert "domain/network.py" in files and "projections/summaries.py" in files
    assert [f for f in files if not (ROOT / f).is_file()] == [], "the walk-through names a file that moved"
