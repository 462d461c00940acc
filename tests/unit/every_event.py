"""A network's history with every kind of event a network records, through the domain's own methods (no store)."""

from __future__ import annotations

from datetime import date

from domain.network import Network
from domain.state import Stamp

TODAY = date(2026, 11, 26)


def on(day: str) -> Stamp:
    return Stamp(by="coord", on=date.fromisoformat(day), today=TODAY)


def every_event() -> list[Network.Event]:
    """Mevr. Jansen's network: each event type at least once, a role the client gives, a burden report scored."""
    n = Network.open("Mevr. Jansen", "coord", 13, on("2026-01-05"))
    s = on("2026-01-05")
    n.add_contact(s, "anna", name="Anna", category="family_of_origin", ring="intimate")
    n.add_contact(s, "joke", name="Joke", category="neighbour", ring="friend")
    n.add_contact(s, "kees", name="Kees", category="friend", ring="friend")
    n.assess_tie(s, "anna", "normal", False, "both", "daily", note="Belt elke avond")
    n.assess_tie(s, "joke", "normal", False, "none", None)
    n.assess_tie(s, "kees", "normal", True, "from_client", "weekly")
    n.record_acquaintance(s, "anna", "joke")
    n.assign_role(s, "r1", "anna", "practical", "to_client", "boodschappen", "zaterdag")
    n.assign_role(s, "r2", "joke", "companionship", "from_client", "past op de kat", None)
    n.designate_spilmantelzorger(s, "anna")
    n.grant_access(s, "u1", "member", "anna")
    n.set_consent(on("2026-01-06"), "u1", ["map", "notes"], on_behalf_of_client=False)
    n.set_consent(on("2026-01-07"), "u1", ["map"], on_behalf_of_client=True)
    n.revoke_access(on("2026-01-08"), "u1")
    n.change_client_details(on("2026-01-08"), "Mevrouw A. Jansen")
    n.change_review_interval(on("2026-01-08"), 12)
    profile = {"date_of_birth": date(1941, 3, 2), "living_situation": "alone", "help_question": "Ik wil thuis blijven."}
    n.change_client_profile(on("2026-01-08"), **profile)
    n.change_client_profile(on("2026-01-09"), living_situation=None, help_question="", date_of_birth=None)
    n.change_coordinator(on("2026-01-09"), "coord-2")
    n.change_contact_details(on("2026-01-09"), "joke", travel_minutes=3)
    n.set_goal(on("2026-01-10"), "g1", "Vervoer naar de dagbesteding", date(2026, 5, 1))
    n.complete_goal(on("2026-02-10"), "g1")
    n.assess_tie(on("2026-02-01"), "anna", "strong", True, "to_client", None, note="Anna is moe")
    n.assess_tie(on("2026-03-01"), "anna", "tenuous", False, "to_client", "weekly")
    n.end_role(on("2026-03-02"), "r2", "Joke is verhuisd")
    n.end_acquaintance(on("2026-03-02"), "anna", "joke")
    n.end_tie(on("2026-03-02"), "kees", "ruzie")
    n.remove_contact(on("2026-03-03"), "kees", "geen contact meer")
    n.stand_down_spilmantelzorger(on("2026-03-04"), "te druk")
    n.report_burden(on("2026-06-01"), "b1", "anna", "ediz_plus", [1] * 10 + [0] * 5)
    n.report_carer_risks(on("2026-06-01"), "anna", ["lives_with_client", "care_24_7"])
    n.review(on("2026-06-02"), ["client"], "Het gaat goed.", date(2026, 9, 1))
    n.hold_meeting(on("2026-06-03"), ["Anna"], ["Anna belt dinsdag", "Joke komt langs"])
    n.add_note(on("2026-06-04"), "n1", "Anna wil minder doen.")
    coordinator = Stamp(by="coord-2", on=date(2026, 6, 5), today=TODAY)  # who coordinates since January invites
    n.invite(coordinator, "i1", "Joke", "member", "joke", ["map"])
    n.accept_invitation(Stamp(by="u2", on=date(2026, 6, 6), today=TODAY), "i1", "u2")
    n.invite(coordinator, "i2", "Anna", "spilmantelzorger", "anna")
    n.withdraw_invitation(Stamp(by="coord-2", on=date(2026, 6, 7), today=TODAY), "i2")
    n.ask_for_help(on("2026-06-08"), "h1", "boodschappen op zaterdag", "practical")
    n.close_help_request(on("2026-06-09"), "h1", "withdrawn")
    n.close(on("2026-07-01"), "verhuisd")
    n.reopen(on("2026-07-02"))
    n.erase(on("2026-11-26"))
    return list(n.collect_events())
