"""The words of care: what a burden score means, the signals that a carer is sliding into overload, and the
reminders (their titles, the e-mail that brings them, the calendar they stand in).
"""

from __future__ import annotations

from collections.abc import Sequence

from domain.words.labels import label, labels
from domain.words.phrases import N_, Phrase, phrase, plural

# ------------------------------------------------------------------ a score, and what it means
EDIZ_PLUS_MEANING: dict[str, str] = {
    "none": N_("Geen ervaren belasting"),
    "light": N_("Lichte belasting: de zorg voelt vooral als een verplichting"),
    "moderate": N_("Matige belasting: de zorg gaat ten koste van andere taken, zoals werk of gezin"),
    "heavy": N_("Zwaar belast: de zorg komt te veel op de schouders van de mantelzorger neer"),
}


def meaning(instrument: str, total: int, maximum: int, band: str | None, high_strain: bool | None) -> Phrase:
    """What a score means, by the instrument's published rules (domain/burden.py)."""
    if instrument == "ediz_plus" and band is not None:
        return phrase(
            "%(meaning)s (score %(total)s van %(maximum)s).",
            meaning=Phrase(EDIZ_PLUS_MEANING[band]),
            total=total,
            maximum=maximum,
        )
    if instrument == "csi":
        if high_strain:
            return phrase(
                "Hoge belasting: %(total)s van %(maximum)s keer ja (7 of meer wijst op overbelasting).",
                total=total,
                maximum=maximum,
            )
        return phrase(
            "Geen hoge belasting: %(total)s van %(maximum)s keer ja (pas bij 7 of meer is er overbelasting).",
            total=total,
            maximum=maximum,
        )
    if instrument == "ediz":
        return phrase(
            "Score %(total)s van %(maximum)s: hoe hoger, hoe meer ervaren druk (er is geen vaste grens "
            "voor overbelasting).",
            total=total,
            maximum=maximum,
        )
    return phrase(
        "Zelf ingeschatte belasting: %(total)s op een schaal van 0 (niet zwaar) tot 10 (veel te zwaar).", total=total
    )


# ------------------------------------------------------------------ overload signals (services/application/burden.py)
def heavy_burden(name: str, instrument: str, total: int, maximum: int) -> Phrase:
    if instrument == "csi":
        return phrase(
            "%(name)s is zwaar belast: %(total)s van %(maximum)s keer ja op de Caregiver Strain Index "
            "(7 of meer wijst op overbelasting).",
            name=name,
            total=total,
            maximum=maximum,
        )
    return phrase(
        "%(name)s is zwaar belast: de zorg komt te veel op de schouders neer (%(instrument)s, score "
        "%(total)s van %(maximum)s).",
        name=name,
        instrument=label("instrument", instrument),
        total=total,
        maximum=maximum,
    )


def burden_rising(name: str, instrument: str, before: int, after: int) -> Phrase:
    return phrase(
        "De belasting van %(name)s is gestegen van %(before)s naar %(after)s sinds de vorige meting (%(instrument)s).",
        name=name,
        before=before,
        after=after,
        instrument=label("instrument", instrument),
    )


def heavy_without_respite(name: str) -> Phrase:
    return phrase("%(name)s is zwaar belast en er is geen respijtzorg geregeld.", name=name)


def several_networks(name: str, count: int) -> Phrase:
    return plural("%(name)s helpt in %(count)s netwerk.", "%(name)s helpt in %(count)s netwerken.", count, name=name)


def mantelscan_risks(name: str, factors: Sequence[str]) -> Phrase:
    return phrase("Risicosignalen bij %(name)s: %(factors)s.", name=name, factors=labels("risk_factor", list(factors)))


def not_asked(name: str, ever: bool) -> Phrase:
    if not ever:
        return phrase("%(name)s is spilmantelzorger en is nog nooit gevraagd hoe het gaat.", name=name)
    return phrase(
        "%(name)s is spilmantelzorger en is al een half jaar of langer niet gevraagd hoe het gaat.", name=name
    )


# ------------------------------------------------------------------ reminders
REMINDER_KIND: dict[str, str] = {
    "review_due": N_("netwerkbespreking"),
    "burden_check_in": N_("vragen hoe het gaat met een mantelzorger"),
    "tie_follow_up": N_("een band opvolgen"),
    "goal_overdue": N_("streefdatum van een doel voorbij"),
}


def reminder_title(kind: str, client: str, subject: str) -> Phrase:
    """The title of a reminder: in the inbox, the e-mail's subject, the calendar item."""
    if kind == "review_due":
        return phrase("Netwerkbespreking van %(client)s", client=client)
    if kind == "burden_check_in":
        carer = subject or phrase("de mantelzorger")
        return phrase("Vraag %(carer)s hoe het gaat met de zorg voor %(client)s", carer=carer, client=client)
    if kind == "tie_follow_up":
        return phrase("Kijk hoe het gaat met %(contact)s (netwerk van %(client)s)", contact=subject, client=client)
    return phrase("Streefdatum voorbij: %(goal)s (netwerk van %(client)s)", goal=subject, client=client)


def mail_subject(title: Phrase) -> Phrase:
    return phrase("Kring: %(title)s", title=title)


MAIL_GREETING = N_("Goedendag,")
MAIL_FOOTER = N_("Dit bericht komt van Kring; u krijgt het één keer.")
MAIL_LINK = N_("Bekijk het in Kring")
CALENDAR_NAME = N_("Kring: herinneringen")


def mail_line(title: Phrase, since: object) -> Phrase:
    return phrase("%(title)s (sinds %(day)s).", title=title, day=since)
