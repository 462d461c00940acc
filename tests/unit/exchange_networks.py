"""Networks for the exchange tests: Mevr. Jansen's (tests/unit/test_measures.py) with more history, and random ones."""

from __future__ import annotations

import random
from datetime import date

from domain.network import Network
from domain.state import Stamp
from domain.vocabulary import CATEGORIES, FLOWS, FREQUENCIES, RINGS, STRENGTHS, SUPPORT_TYPES
from tests.unit.test_measures import jansen, on

EDIZ_ANSWERS = ["Ja!", "Nee", "Min of meer", "yes", "Nee!", "Ja", "Nee", "no", "Ja"]
CSI_ANSWERS = [1, 0, True, False, "Ja", "Nee", 1, 0, 1, 0, 1, 0, 1]


def jansen_with_history() -> Network:
    """Jansen's network, then: burden measured, Kees's tie weakens, a new neighbour, a task ends, Piet leaves."""
    n = jansen()
    n.assign_role(on("2026-01-10"), "respite", "anna", "respite", "to_client", "een weekend logeren", "eens per maand")
    n.change_contact_details(on("2026-01-12"), "anna", phone="06 1234 5678", email="anna@voorbeeld.nl")
    n.report_burden(on("2026-02-01"), "rep-ediz", "anna", "ediz", EDIZ_ANSWERS)
    n.report_burden(on("2026-02-01"), "rep-srb", "anna", "srb", [7])
    n.report_burden(on("2026-03-01"), "rep-csi", "piet", "csi", CSI_ANSWERS)
    n.assess_tie(on("2026-04-01"), "kees", "tenuous", False, "none", "yearly", "belt nog maar zelden")
    n.add_contact(on("2026-05-01"), "truus", name="Truus", category="neighbour", ring="friend", travel_minutes=1)
    n.assess_tie(on("2026-05-01"), "truus", "normal", False, "both", "weekly")
    n.record_acquaintance(on("2026-05-01"), "truus", "piet")
    n.end_role(on("2026-06-01"), "r4", "komt niet meer")
    n.remove_contact(on("2026-09-01"), "piet", "verhuisd")
    return n


def random_network(seed: int, size: int = 12) -> Network:
    """A random network: contacts of every kind, ties on most, acquaintances and tasks at random."""
    rng = random.Random(seed)
    s = Stamp("coord", date(2026, 1, 5), date(2026, 11, 26))
    n = Network.open(f"Cliënt {seed}", "coord", 13, s)
    ids = [f"c{i}" for i in range(size)]
    for i, contact_id in enumerate(ids):
        n.add_contact(s, contact_id, name=f"Persoon {i}", category=rng.choice(CATEGORIES), ring=rng.choice(RINGS))
        if rng.random() < 0.85:
            strength, flow, frequency = rng.choice(STRENGTHS), rng.choice(FLOWS), rng.choice(FREQUENCIES)
            n.assess_tie(s, contact_id, strength, rng.random() < 0.2, flow, frequency)
    for first in ids:
        for second in ids:
            if first < second and rng.random() < 0.3:
                n.record_acquaintance(s, first, second)
    for number in range(size // 2):
        direction = rng.choice(["to_client", "from_client"])
        n.assign_role(s, f"r{number}", rng.choice(ids), rng.choice(SUPPORT_TYPES), direction, f"taak {number}", None)
    return n
