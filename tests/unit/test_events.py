"""Every event a network records reads as a sentence in Dutch and in English, has its kind on the timeline and its
row in the architecture notes: no reader ever sees an event's internal name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from domain.network import Network
from domain.words import DUTCH
from domain.words.history import LINES, TIMELINE_KIND, WITHHELD, event_line
from projections.summaries import summarise
from projections.timeline import KIND_OF, KINDS
from services.web.language import speaker_for
from tests.unit.every_event import every_event

ROOT = Path(__file__).resolve().parents[2]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
NETWORK_EVENTS = sorted(
    (
        cls
        for cls in vars(Network).values()
        if isinstance(cls, type) and issubclass(cls, Network.Event) and cls not in (Network.Event, Network.Created)
    ),  # Created: the library's default first event, never recorded (NetworkOpened is the network's first)
    key=lambda cls: cls.__name__,
)  # Reminder's events are not a network's: neither the timeline nor GET .../events shows them


def test_every_event_the_network_records_is_enumerated() -> None:
    assert len(NETWORK_EVENTS) == 43  # a new event: give it its words, its kind and its row (the tests below)
    assert {Network.NetworkOpened, Network.TieWeakened, Network.CarerRiskFactorsReported} <= set(NETWORK_EVENTS)
    assert {type(e) for e in every_event()} == set(NETWORK_EVENTS), "tests/unit/every_event.py records every kind"


@pytest.mark.parametrize("event", NETWORK_EVENTS, ids=lambda cls: cls.__name__)
def test_every_event_has_a_line(event: type[Network.Event]) -> None:
    assert event.__name__ in LINES, f"{event.__name__} has no line (domain/words/history.py LINES)"


def test_every_line_reads_as_a_sentence_in_dutch_and_in_english() -> None:
    english = speaker_for("en")
    for event, values in summarise(every_event()):
        name = type(event).__name__
        for contents, notes in ((True, True), (False, False)):
            line = event_line(name, values, contents=contents, notes=notes)
            dutch, said = DUTCH(line), english(line)
            assert "%(" not in dutch + said and "{" not in dutch + said, f"{name}: a placeholder is left"
            assert said != dutch or name in ("ContactsAcquainted",), f"{name} has no English: {dutch}"


def test_a_line_without_its_contents_says_only_that_it_happened() -> None:
    lines = {type(e).__name__: values for e, values in summarise(every_event())}
    burden = lines["CarerBurdenReported"]
    assert DUTCH(event_line("CarerBurdenReported", burden)) == (
        "Belasting van Anna gemeten (EDIZ-plus): score 10 van 15, zwaar belast"
    )
    assert DUTCH(event_line("CarerBurdenReported", burden, contents=False)) == "Belasting van Anna gemeten"
    assert set(WITHHELD) == {"CarerBurdenReported", "CarerRiskFactorsReported"}


@pytest.mark.parametrize("event", NETWORK_EVENTS, ids=lambda cls: cls.__name__)
def test_every_event_has_its_kind_on_the_timeline_and_its_row_in_the_architecture_notes(
    event: type[Network.Event],
) -> None:
    assert event.__name__ in KIND_OF, f"{event.__name__} has no timeline kind (projections.timeline.KINDS)"
    assert f"| `{event.__name__}` |" in ARCHITECTURE.read_text(), f"{event.__name__} is not in the table of events"


def test_the_walk_through_for_adding_an_event_names_files_that_are_there() -> None:
    section = ARCHITECTURE.read_text().split("\n## Adding an event\n", 1)[1].split("\n## ", 1)[0]
    files = re.findall(r"^\| \d+ \| `([^`]+)` \|", section, re.MULTILINE)
    assert "domain/network.py" in files and "domain/words/history.py" in files
    assert [f for f in files if not (ROOT / f).is_file()] == [], "the walk-through names a file that moved"


def test_every_kind_the_timeline_is_filtered_by_has_one_label() -> None:
    assert list(TIMELINE_KIND) == list(KINDS)  # one list of kinds, in one order, each with its words
