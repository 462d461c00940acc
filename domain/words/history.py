"""The history's words: the line of every event type (the timeline, GET .../events, the export) and the kinds the
timeline is filtered by.

A line is made from what the timeline keeps of an event (`projections/summaries.py`, `line_values`): its own values
and the names as they were then. Two things decide what a reader sees: `contents` (their role may read what this
event holds: a carer's burden needs BURDEN, domain/permissions.py EVENT_CONTENTS) and `notes` (they may read notes,
which a tie's note is). Without them the line says that it happened and nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from domain.words.labels import label, labels
from domain.words.phrases import N_, Phrase, phrase, plural

# The kinds of line the timeline can be filtered by (projections/timeline.py KINDS has the same keys).
TIMELINE_KIND: dict[str, str] = {
    "network": N_("het netwerk zelf"),
    "contact": N_("mensen erbij en weg"),
    "tie": N_("banden"),
    "acquaintance": N_("wie elkaar kent"),
    "role": N_("taken"),
    "spilmantelzorger": N_("spilmantelzorger"),
    "burden": N_("belasting"),
    "review": N_("besprekingen en bijeenkomsten"),
    "goal": N_("doelen"),
    "note": N_("notities"),
    "access": N_("toegang en toestemming"),
}
EVERYTHING = N_("alles")
# How support runs, inside a sentence ("Band met Joke: sterk, wederzijdse steun").
FLOW_LINE: dict[str, str] = {
    "to_client": N_("steun naar de cliënt"),
    "from_client": N_("steun van de cliënt"),
    "both": N_("wederzijdse steun"),
    "none": N_("geen steun"),
}
CODED_REASONS = frozenset({"contact_removed", "replaced"})  # reasons the domain gives itself; said by their line

Values = Mapping[str, Any]
Line = Callable[[Values], Phrase]


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _client(v: Values) -> Any:
    return v.get("client") or phrase("de cliënt")


def _with_reason(line: Phrase, v: Values) -> Phrase:
    reason = v.get("reason") or ""
    if not reason or reason in CODED_REASONS:
        return line
    return phrase("%(line)s (reden: %(reason)s)", line=line, reason=reason)


def _tie_recorded(v: Values) -> Phrase:
    text = (
        N_("Band met %(contact)s: %(strength)s en belastend, %(flow)s")
        if v.get("stressful")
        else N_("Band met %(contact)s: %(strength)s, %(flow)s")
    )
    return phrase(text, contact=v["contact"], strength=label("strength", v["strength"]), flow=_flow(v["flow"]))


def _flow(code: str) -> Phrase:
    return Phrase(FLOW_LINE[code])


def _frequency(v: Values) -> Phrase:
    if v.get("frequency") is None:
        return phrase("Niet meer bekend hoe vaak er contact is met %(contact)s", contact=v["contact"])
    return phrase(
        "Contact met %(contact)s is nu %(frequency)s",
        contact=v["contact"],
        frequency=label("frequency", v["frequency"]),
    )


def _role_assigned(v: Values) -> Phrase:
    kind = label("support_type", v["support_type"])
    if v.get("direction") == "from_client":
        text = N_("%(client)s geeft %(contact)s %(support_type)s: %(task)s")
        return phrase(text, client=_client(v), contact=v["contact"], support_type=kind, task=v["task"])
    return phrase(
        "%(contact)s neemt %(support_type)s op zich: %(task)s", contact=v["contact"], support_type=kind, task=v["task"]
    )


def _role_ended(v: Values) -> Phrase:
    if v.get("direction") == "from_client":
        line = phrase(
            "%(client)s stopt met: %(task)s (voor %(contact)s)", client=_client(v), task=v["task"], contact=v["contact"]
        )
    else:
        line = phrase("%(contact)s stopt met: %(task)s", contact=v["contact"], task=v["task"])
    return _with_reason(line, v)


def _stood_down(v: Values) -> Phrase:
    if v.get("reason") == "replaced":
        return phrase("%(contact)s is geen spilmantelzorger meer; iemand anders neemt het over", contact=v["contact"])
    return _with_reason(phrase("%(contact)s is geen spilmantelzorger meer", contact=v["contact"]), v)


def _burden(v: Values) -> Phrase:
    """Score and band: only for a reader who may see this carer's burden (the caller checks)."""
    values = {
        "contact": v["contact"],
        "instrument": label("instrument", v["instrument"]),
        "total": v["total"],
        "maximum": v["maximum"],
    }
    if v.get("band"):
        text = N_("Belasting van %(contact)s gemeten (%(instrument)s): score %(total)s van %(maximum)s, %(band)s")
        return phrase(text, band=label("band", v["band"]), **values)
    return phrase("Belasting van %(contact)s gemeten (%(instrument)s): score %(total)s van %(maximum)s", **values)


def _risks(v: Values) -> Phrase:
    if not v.get("factors"):
        return phrase("Bij %(contact)s zijn er geen risicosignalen meer", contact=v["contact"])
    return phrase(
        "Risicosignalen bij %(contact)s: %(factors)s", contact=v["contact"], factors=labels("risk_factor", v["factors"])
    )


def _birth_date(v: Values) -> Phrase:
    if v.get("cleared"):
        return phrase("Geboortedatum van de cliënt weggehaald")
    return phrase("Geboortedatum van de cliënt vastgelegd")


def _living_situation(v: Values) -> Phrase:
    if v.get("living_situation") is None:
        return phrase("Woonsituatie van de cliënt niet meer bekend")
    return phrase(
        "Woonsituatie van de cliënt: %(living_situation)s",
        living_situation=label("living_situation", v["living_situation"]),
    )


def _help_question(v: Values) -> Phrase:
    if v.get("cleared"):
        return phrase("Hulpvraag van de cliënt weggehaald")
    return phrase("Hulpvraag van de cliënt in eigen woorden vastgelegd")


def _meeting(v: Values) -> Phrase:
    if not v.get("count"):
        return phrase("De steungroep kwam bijeen")
    return plural(
        "De steungroep kwam bijeen (%(count)s afspraak)", "De steungroep kwam bijeen (%(count)s afspraken)", v["count"]
    )


def _goal_set(v: Values) -> Phrase:
    if v.get("due_on"):
        return phrase("Doel gesteld: %(title)s (streefdatum %(day)s)", title=v["title"], day=_day(v["due_on"]))
    return phrase("Doel gesteld: %(title)s", title=v["title"])


def _simple(text: str, *names: str) -> Line:
    return lambda v: phrase(text, **{name: v[name] for name in names})


def _labelled(text: str, vocabulary: str, key: str) -> Line:
    return lambda v: phrase(text, contact=v.get("contact", ""), **{key: label(vocabulary, v[key])})


LINES: dict[str, Line] = {
    "NetworkOpened": _simple(N_("Netwerk van %(client_name)s geopend"), "client_name"),
    "ClientDetailsChanged": _simple(N_("Naam van de cliënt gewijzigd in %(client_name)s"), "client_name"),
    "ClientBirthDateRecorded": _birth_date,
    "LivingSituationChanged": _living_situation,
    "HelpQuestionRecorded": _help_question,
    "CoordinatorChanged": _simple(N_("Een andere coördinator neemt het netwerk over")),
    "ReviewIntervalChanged": lambda v: plural(
        "Het netwerk wordt voortaan elke week besproken",
        "Het netwerk wordt voortaan elke %(count)s weken besproken",
        v["review_interval_weeks"],
    ),
    "NetworkClosed": lambda v: _with_reason(phrase("Netwerk gesloten"), v),
    "NetworkReopened": _simple(N_("Netwerk heropend")),
    "NetworkErased": _simple(N_("Netwerk gewist")),
    "ContactAdded": lambda v: phrase(
        "%(name)s toegevoegd (%(category)s)", name=v["name"], category=label("category", v["category"])
    ),
    "ContactDetailsChanged": _simple(N_("Gegevens van %(contact)s gewijzigd"), "contact"),
    "ContactRemoved": lambda v: _with_reason(phrase("%(contact)s uit het netwerk gehaald", contact=v["contact"]), v),
    "TieRecorded": _tie_recorded,
    "TieStrengthened": _labelled(N_("Band met %(contact)s sterker geworden (%(strength)s)"), "strength", "strength"),
    "TieWeakened": _labelled(N_("Band met %(contact)s zwakker geworden (%(strength)s)"), "strength", "strength"),
    "TieStrained": _simple(N_("Band met %(contact)s is belastend geworden"), "contact"),
    "TieEased": _simple(N_("Band met %(contact)s is niet meer belastend"), "contact"),
    "SupportFlowChanged": lambda v: phrase(
        "Tussen de cliënt en %(contact)s nu: %(flow)s", contact=v["contact"], flow=_flow(v["flow"])
    ),
    "ContactFrequencyChanged": _frequency,
    "TieEnded": lambda v: _with_reason(phrase("Band met %(contact)s beëindigd", contact=v["contact"]), v),
    "ContactsAcquainted": _simple(N_("%(first)s en %(second)s kennen elkaar"), "first", "second"),
    "AcquaintanceEnded": _simple(N_("%(first)s en %(second)s kennen elkaar niet meer"), "first", "second"),
    "SupportRoleAssigned": _role_assigned,
    "SupportRoleEnded": _role_ended,
    "SpilmantelzorgerDesignated": _simple(N_("%(contact)s is spilmantelzorger geworden"), "contact"),
    "SpilmantelzorgerStoodDown": _stood_down,
    "CarerBurdenReported": _burden,
    "CarerRiskFactorsReported": _risks,
    "NetworkReviewed": lambda v: phrase(
        "Netwerk besproken; volgende bespreking op %(day)s", day=_day(v["next_review_on"])
    ),
    "SupportGroupMeetingHeld": _meeting,
    "GoalSet": _goal_set,
    "GoalCompleted": _simple(N_("Doel bereikt: %(title)s"), "title"),
    "NoteAdded": _simple(N_("Notitie toegevoegd")),
    "AccessGranted": _labelled(N_("Toegang gegeven als %(role)s"), "role", "role"),
    "AccessRevoked": _simple(N_("Toegang ingetrokken")),
    "ConsentGiven": lambda v: phrase("Toestemming gegeven voor %(scopes)s", scopes=labels("scope", v["scopes"])),
    "PersonInvited": lambda v: phrase(
        "%(name)s uitgenodigd als %(role)s", name=v["name"], role=label("role", v["role"])
    ),
    "InvitationAccepted": _simple(N_("Uitnodiging aangenomen")),
    "InvitationWithdrawn": _simple(N_("Uitnodiging ingetrokken")),
    "HelpRequested": lambda v: phrase(
        "Hulp gevraagd bij: %(task)s (%(support_type)s)",
        task=v["task"],
        support_type=label("support_type", v["support_type"]),
    ),
    "HelpRequestClosed": lambda v: phrase("Hulpvraag gesloten: %(reason)s", reason=label("help_closed", v["reason"])),
    "ConsentWithdrawn": lambda v: phrase(
        "Toestemming ingetrokken voor %(scopes)s", scopes=labels("scope", v["scopes"])
    ),
}
# What a reader who may not read an event's contents sees instead (EVENT_CONTENTS: burden, for now).
WITHHELD: dict[str, Line] = {
    "CarerBurdenReported": _simple(N_("Belasting van %(contact)s gemeten"), "contact"),
    "CarerRiskFactorsReported": _simple(N_("Risicosignalen bij %(contact)s bijgewerkt"), "contact"),
}


def event_line(event_type: str, values: Values, *, contents: bool = True, notes: bool = True) -> Phrase:
    """The line of an event: everything for a reader who may read its contents and notes, otherwise only that it
    happened (a tie's note needs `notes`; a carer's burden needs `contents`)."""
    if not contents and event_type in WITHHELD:
        return WITHHELD[event_type](values)
    line = LINES[event_type](values)  # every event type has one (tests/unit/test_events.py)
    if notes and values.get("note"):
        return phrase("%(line)s; notitie: %(note)s", line=line, note=values["note"])
    return line
