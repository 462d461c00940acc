"""What a form says about a value it refuses: by the problem's key (a validation key of the API's schemas:
services/web/problems.py) or the domain's refusal code (DomainError.code), with the values the rule names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain.words.phrases import N_, Phrase

FILL_IN = N_("Vul dit in.")
PROBLEM: dict[str, str] = {
    # the API schemas' checks (services/web/problems.py keys them)
    "required": FILL_IN,
    "null": FILL_IN,
    "invalid.integer": N_("Vul een heel getal in."),
    "invalid.date": N_("Vul een datum in."),
    "invalid.email": N_("Vul een geldig e-mailadres in."),
    "invalid.string": N_("Vul tekst in."),
    "invalid.boolean": N_("Kies ja of nee."),
    "invalid.list": N_("Kies uit de lijst."),
    "type": N_("Dit klopt niet: vul het in zoals het formulier het vraagt."),
    "invalid_uuid": N_("Kies iemand uit de lijst."),
    "too_large": N_("Dit getal is te groot."),
    "one_of": N_("Kies een van de mogelijkheden."),
    "phone": N_("Gebruik cijfers, spaties, '-' en '()', en eventueel '+'."),
    "length.min": FILL_IN,
    "length.max": N_("Gebruik hoogstens %(max)s tekens."),
    "length.all": N_("Vul 1 tot %(max)s tekens in."),
    "length.equal": N_("Kies er precies %(equal)s."),
    "items.min": N_("Vul ten minste %(min)s in."),
    "items.max": N_("Vul hoogstens %(max)s in."),
    "items.all": N_("Vul %(min)s tot %(max)s in."),
    "items.equal": N_("Kies er precies %(equal)s."),
    "range.min": N_("Vul een getal van %(min)s of meer in."),
    "range.max": N_("Vul een getal van hoogstens %(max)s in."),
    "range.all": N_("Vul een getal van %(min)s tot en met %(max)s in."),
    "unknown": N_("Dit veld hoort niet bij dit formulier."),
    "invalid_moment": N_("Kies een moment uit de lijst."),
    "invalid.file": N_("Kies een bestand."),
    "from_after_to": N_("De begindatum ligt na de einddatum."),
    "nothing_to_change": N_("Verander ten minste één gegeven."),
    "invalid_answer": N_("Beantwoord elke vraag."),
    "unprintable_line": N_("Gebruik geen stuurtekens of regeleinden in deze tekst."),
    "group_or_relation": N_("Kies wie dit is voor de cliënt, of een groep."),
    "duplicate_ref": N_("Twee rijen hebben hetzelfde kenmerk. Laad de pagina opnieuw."),
    "not_a_person": N_("Kies iemand uit de lijst."),
    # the domain's refusals (DomainError.code; docs/architecture.md "The rules")
    "date_too_early": N_("Kies een datum vanaf %(earliest)s."),
    "date_too_far": N_("Kies een datum die hoogstens %(years)s jaar vooruit ligt."),
    "date_in_future": N_("Deze datum ligt in de toekomst."),
    "date_out_of_order": N_(
        "Deze datum ligt vóór een eerdere verandering (%(floor)s). Vul veranderingen in de "
        "volgorde in waarin ze gebeurden."
    ),
    "unprintable": N_("Gebruik geen stuurtekens (zoals NUL) in deze tekst."),
    "network_closed": N_("Dit netwerk is gesloten. Heropen het eerst."),
    "network_open": N_("Dit netwerk is al open."),
    "is_coordinator": N_("Deze persoon coördineert dit netwerk al."),
    "consent_not_needed": N_(
        "Alleen spilmantelzorgers en leden van het netwerk hebben toestemming nodig; de coördinator en de cliënt niet."
    ),
    "professional_spilmantelzorger": N_(
        "Een hulpverlener kan geen spilmantelzorger zijn. Kies iemand uit de eigen kring."
    ),
    "professional_carer": N_("Belasting vragen we alleen aan mantelzorgers, niet aan hulpverleners."),
    "next_review_not_after": N_("De volgende bespreking moet na deze bespreking komen."),
    "due_before_set": N_("Een doel kan niet eerder klaar moeten zijn dan het gesteld wordt."),
    "no_spilmantelzorger": N_("Dit netwerk heeft geen spilmantelzorger."),
    "no_tie": N_("Er is geen band met dit contact."),
    "not_acquainted": N_("Deze twee mensen staan niet als bekenden van elkaar genoteerd."),
    "self_tie": N_("Kies twee verschillende mensen."),
    "invalid_answers": N_("Beantwoord elke vraag."),
    "invalid_choice": N_("Kies een van de mogelijkheden."),
    "invalid_interval": N_("Kies een ritme van 1 tot 104 weken."),
    "snooze_not_later": N_("Kies een dag na vandaag."),
    "reminder_closed": N_("Deze herinnering is al afgehandeld."),
    "invalid_travel_minutes": N_("Vul de reistijd in hele minuten in (0 of meer)."),
    "unknown_field": N_("Dit veld hoort niet bij dit formulier."),
    "invalid_help_question": N_("Gebruik hoogstens %(max)s tekens voor de hulpvraag."),
    "duplicate_contact": N_("Dit bestaat al. Laad de pagina opnieuw."),
    "duplicate_role": N_("Deze taak bestaat al. Laad de pagina opnieuw."),
    "duplicate_goal": N_("Dit bestaat al. Laad de pagina opnieuw."),
    "network_erased": N_("Dit netwerk is gewist."),
    "invitation_closed": N_("Deze uitnodiging is al aangenomen of ingetrokken."),
    "role_not_yours": N_("U kunt iemand uitnodigen als lid van het netwerk; de rest regelt de coördinator."),
    "may_not_invite": N_("Alleen de coördinator en de cliënt nodigen mensen uit."),
    "not_your_invitation": N_("U kunt alleen uw eigen uitnodigingen intrekken."),
    "role_required": N_("Kies wie de taak op zich neemt."),
    "duplicate_request": N_("Dit bestaat al. Laad de pagina opnieuw."),
    "duplicate_invitation": N_("Dit bestaat al. Laad de pagina opnieuw."),
    "unknown_entity": N_("Dit bestaat niet (meer) in het netwerk. Laad de pagina opnieuw."),
    "concurrent_changes": N_("Iemand anders veranderde het netwerk op hetzelfde moment. Probeer het nog een keer."),
}
GENERAL = N_("Dit klopt niet.")


def problem(key: str, params: Mapping[str, Any] | None = None) -> Phrase:
    """What a form says about a problem with this key (a refusal the table does not know: that it is not right)."""
    return Phrase(PROBLEM.get(key, GENERAL), dict(params or {}))
