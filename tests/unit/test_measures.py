"""The quality measures on a worked example, every figure computed by hand.

Mevr. Jansen: daughter Anna (spilmantelzorger, 25 min away, strong tie both ways, daily) does the
paperwork, listens and takes her out; neighbour Piet (2 min, weekly) does the shopping and gets coffee
from her; home care washes her daily; cousin Kees (90 min, monthly) is a tenuous, stressful tie.
Anna knows Piet and Kees; nobody else knows each other.
"""

from __future__ import annotations

import math
from datetime import date

import networkx as nx
import pytest

from domain.history import network_as_of
from domain.measures import _burt, measure
from domain.network import Network
from domain.state import Stamp
from domain.words import DUTCH
from services.web.language import speaker_for

TODAY = date(2026, 11, 26)


def on(day: str) -> Stamp:
    return Stamp("coord", date.fromisoformat(day), TODAY)


def jansen() -> Network:
    n = Network.open("Mevr. Jansen", "coord", 13, on("2026-01-05"))
    s = on("2026-01-05")
    n.add_contact(s, "anna", name="Anna", category="family_of_origin", ring="intimate", travel_minutes=25)
    n.add_contact(s, "piet", name="Piet", category="neighbour", ring="friend", travel_minutes=2)
    n.add_contact(s, "zorg", name="Thuiszorg", category="professional", ring="service")
    n.add_contact(s, "kees", name="Kees", category="other_family", ring="acquaintance", travel_minutes=90)
    n.assess_tie(s, "anna", "strong", False, "both", "daily")
    n.assess_tie(s, "piet", "normal", False, "to_client", "weekly")
    n.assess_tie(s, "zorg", "normal", False, "to_client", "daily")
    n.assess_tie(s, "kees", "tenuous", True, "none", "monthly")
    n.record_acquaintance(s, "anna", "piet")
    n.record_acquaintance(s, "anna", "kees")
    for i, (who, kind, direction) in enumerate(
        [
            ("anna", "practical", "to_client"),
            ("anna", "emotional", "to_client"),
            ("anna", "companionship", "to_client"),
            ("piet", "practical", "to_client"),
            ("zorg", "personal_care", "to_client"),
            ("piet", "companionship", "from_client"),
        ]
    ):
        n.assign_role(s, f"r{i}", who, kind, direction, "taak", None)
    n.designate_spilmantelzorger(s, "anna")
    return n


def test_size_counts_informal_and_professional_contacts() -> None:
    assert measure(jansen()).measures["size"].value == {"total": 4, "informal": 3, "professional": 1}


def test_composition_diversity_is_the_shannon_index_over_categories() -> None:
    value = measure(jansen()).measures["composition"].value
    assert value["diversity"] == pytest.approx(math.log(4), abs=1e-3)  # four categories, one each
    assert value["evenness"] == pytest.approx(math.log(4) / math.log(11), abs=1e-3)


def test_density_is_the_share_of_contact_pairs_who_know_each_other() -> None:
    value = measure(jansen()).measures["density"].value
    assert value == {"density": pytest.approx(2 / 6, abs=1e-3), "acquaintances": 2, "possible": 6, "clusters": []}
    assert DUTCH(measure(jansen()).measures["density"].lines[0]) == (
        "2 van de 6 mogelijke tweetallen kennen elkaar (33%)."
    )


def test_role_complexity_counts_support_types_and_contacts_giving_several() -> None:
    value = measure(jansen()).measures["role_complexity"].value
    assert value == {"support_types": 4, "multiplex": 1, "multiplex_share": 0.25, "skills": {}}  # Anna gives several
    assert DUTCH(measure(jansen()).measures["role_complexity"].lines[0]) == (
        "Er worden 4 soorten steun gegeven; 1 persoon geeft meer dan één soort."
    )


def test_reachability_counts_who_is_near_and_who_is_seen_weekly() -> None:
    value = measure(jansen()).measures["reachability"].value
    assert (value["within_30_minutes"], value["weekly_contact"]) == (0.5, 0.75)
    assert (value["only_at_a_distance"], value["meets_in_person"]) == (0, 0)
    assert value["people"] == {
        "with_client": 0, "within_5": 1, "within_30": 1, "further": 1, "digital": 0, "unknown": 0
    }  # fmt: skip
    assert value["services"] == {
        "with_client": 0, "within_5": 0, "within_30": 0, "further": 0, "digital": 0, "unknown": 1
    }  # fmt: skip


def test_reachability_in_bands_people_live_services_are_reachable_and_unknown_is_not_far() -> None:
    lines = [DUTCH(line) for line in measure(jansen()).measures["reachability"].lines]
    assert lines == [
        "1 persoon woont binnen 5 minuten, 1 persoon woont binnen een half uur en 1 persoon woont verder weg.",
        "Van 1 hulpverlener is de reistijd niet bekend.",
        "Met 3 van de 4 mensen is er minstens elke week contact.",
    ]


def test_reachability_counts_who_lives_with_the_client_as_near_and_who_is_spoken_mostly_at_a_distance() -> None:
    n = jansen()
    s = on("2026-02-01")
    n.add_contact(s, "ria", name="Ria", relation="child", lives_with_client=True, ring="intimate")
    n.add_contact(s, "lies", name="Lies", relation="child", contact_mode="video", ring="intimate", travel_minutes=600)
    n.change_contact_details(s, "piet", contact_mode="in_person")
    found = measure(n).measures["reachability"]
    assert found.value["within_30_minutes"] == round(3 / 6, 3)  # Piet, Anna, and Ria who lives there
    assert (found.value["only_at_a_distance"], found.value["meets_in_person"]) == (1, 1)
    assert [DUTCH(line) for line in found.lines] == [
        "1 persoon woont bij de cliënt, 1 persoon woont binnen 5 minuten, 1 persoon woont binnen een half uur en "
        "2 mensen wonen verder weg.",
        "Van 1 hulpverlener is de reistijd niet bekend.",
        "Met 3 van de 6 mensen is er minstens elke week contact.",
        "Met 1 van de 6 mensen is er vooral contact op afstand (telefoon, beeldbellen of digitaal).",
    ]


def test_reciprocity_counts_mutual_ties_and_tasks_given_and_received() -> None:
    value = measure(jansen()).measures["reciprocity"].value
    assert value == {
        "mutual_share": 0.25, "roles_received": 5, "roles_given": 1, "mutual_without_stress": 1, "drained_by": []
    }  # fmt: skip


def test_bonding_and_bridging_are_burts_effective_size_and_constraint() -> None:
    value = measure(jansen()).measures["bonding_bridging"].value
    assert value["effective_size"] == pytest.approx(4 - 2 * 2 / 4, abs=1e-3)
    # constraint: Anna (1/4 + 1/4*1/2 + 1/4*1/2)^2 + Piet and Kees (1/4 + 1/4*1/3)^2 each + home care (1/4)^2
    expected = 0.5**2 + 2 * (1 / 4 + 1 / 12) ** 2 + (1 / 4) ** 2
    assert value["constraint"] == pytest.approx(expected, abs=1e-3)


def test_the_spilmantelzorger_carrying_most_support_is_a_single_point_of_failure() -> None:
    value = measure(jansen()).measures["concentration"].value
    assert value["busiest_contact_id"] == "anna" and value["busiest_share"] == 0.6
    assert value["spilmantelzorger_is_articulation_point"] is True
    assert value["spilmantelzorger_single_point_of_failure"] is True


def test_support_gaps_name_the_kinds_of_support_nobody_gives() -> None:
    assert measure(jansen()).measures["support_gaps"].value == {"missing": ["advice", "advocacy", "respite"]}


def test_the_risk_signals_of_the_worked_example() -> None:
    codes = [s["code"] for s in measure(jansen()).signals]
    assert codes == ["small_network", "support_concentrated", "spilmantelzorger_single_point", "no_respite"]
    assert [DUTCH(s) for s in measure(jansen()).strengths] == [
        "Mensen uit 4 verschillende groepen.",
        "2 mensen uit de eigen kring wonen binnen een half uur.",
        "Met 1 persoon gaat de steun twee kanten op.",
    ]


def test_stability_compares_with_the_network_at_the_previous_review() -> None:
    n = jansen()
    n.review(on("2026-03-01"), ["client"], "", None)
    n.remove_contact(on("2026-05-01"), "kees", "ruzie")
    n.add_contact(on("2026-05-02"), "lotte", name="Lotte", category="volunteer", ring="friend")
    n.assess_tie(on("2026-06-01"), "piet", "strong", False, "to_client", "weekly")
    events = n.collect_events()
    at_review = network_as_of(events, date(2026, 3, 1))
    found = measure(n, at_review).measures["stability"]
    value = found.value
    assert DUTCH(found.lines[0]) == (
        "Sinds de vorige bespreking (1 maart 2026): 1 persoon erbij, 1 persoon weg, 1 band veranderd."
    )
    assert value == {
        "since": date(2026, 3, 1),
        "basis": "review",
        "contacts_gained": 1,
        "contacts_lost": 1,
        "ties_gained": 0,
        "ties_lost": 1,
        "ties_changed": 1,
    }


def test_every_measure_says_what_it_means_for_this_client_in_dutch_and_english() -> None:
    english = speaker_for("en")
    for name, m in measure(
        jansen(), network_as_of(jansen().collect_events(), date(2026, 1, 5)), "intake"
    ).measures.items():
        assert m.lines, name
        for line in m.lines:
            assert "\n" not in DUTCH(line) and english(line) != DUTCH(line), name
    assert DUTCH(measure(jansen()).measures["concentration"].lines[0]) == "Anna doet 3 van de 5 taken (60%)."
    assert english(measure(jansen()).measures["concentration"].lines[0]) == "Anna does 3 of the 5 tasks (60%)."


def test_an_empty_network_has_measures_without_dividing_by_zero() -> None:
    empty = Network.open("Dhr. Bakker", "coord", 13, on("2026-01-05"))
    result = measure(empty)
    assert result.measures["size"].value["total"] == 0
    assert result.measures["density"].value["density"] is None
    assert result.measures["bonding_bridging"].value["effective_size"] is None


@pytest.mark.parametrize("seed", range(8))
def test_burts_measures_agree_with_networkx_on_random_networks(seed: int) -> None:
    graph = nx.relabel_nodes(nx.gnp_random_graph(25, 0.25, seed=seed), str)
    graph.add_edge("0", "1")  # the ego has at least one contact
    effective, constraint = _burt(graph, "0")
    assert effective == pytest.approx(nx.effective_size(graph, nodes=["0"])["0"], abs=1e-3)
    assert constraint == pytest.approx(nx.constraint(graph, nodes=["0"])["0"], abs=1e-3)
