"""The label of every code of a closed vocabulary (domain/vocabulary.py, domain/permissions.py), in one place.

The message id is the Dutch label; GLOSSARY.md lists the same labels with their English (a test compares them).
"""

from __future__ import annotations

from domain.words.phrases import N_, Phrase

# A contact's group, for one person ("buur") and for a group of them ("buren": headings, lists of groups).
CATEGORY: dict[str, str] = {
    "household": N_("huisgenoot"),
    "family_of_origin": N_("familie van herkomst"),
    "other_family": N_("overige familie"),
    "friend": N_("vriend(in)"),
    "neighbour": N_("buur"),
    "acquaintance": N_("kennis of collega"),
    "adviser": N_("adviseur"),
    "professional": N_("hulpverlener"),
    "fellow_client": N_("lotgenoot"),
    "volunteer": N_("vrijwilliger"),
    "digital": N_("digitaal contact"),
}
CATEGORY_GROUP: dict[str, str] = {
    "household": N_("huisgenoten"),
    "family_of_origin": N_("familie van herkomst"),
    "other_family": N_("overige familie"),
    "friend": N_("vrienden"),
    "neighbour": N_("buren"),
    "acquaintance": N_("kennissen en collega's"),
    "adviser": N_("adviseurs"),
    "professional": N_("hulpverleners"),
    "fellow_client": N_("lotgenoten"),
    "volunteer": N_("vrijwilligers"),
    "digital": N_("digitale contacten"),
}
# What someone is to the client, apart from their group (domain/vocabulary.py RELATION_CATEGORIES).
RELATION: dict[str, str] = {
    "partner": N_("partner"),
    "child": N_("zoon of dochter"),
    "parent": N_("vader of moeder"),
    "sibling": N_("broer of zus"),
    "grandchild": N_("kleinkind"),
    "grandparent": N_("opa of oma"),
    "other_family": N_("andere familie"),
    "friend": N_("vriend(in)"),
    "neighbour": N_("buur"),
    "colleague": N_("collega of klasgenoot"),
    "acquaintance": N_("kennis"),
    "fellow_client": N_("lotgenoot"),
    "volunteer": N_("vrijwilliger"),
    "professional": N_("hulpverlener"),
    "organisation": N_("organisatie"),
    "adviser": N_("adviseur"),
    "other": N_("iemand anders"),
}
CONTACT_MODE: dict[str, str] = {  # how contact mostly happens
    "in_person": N_("vooral bij elkaar"),
    "phone": N_("vooral telefonisch"),
    "video": N_("vooral beeldbellen"),
    "digital": N_("alleen digitaal"),
}
LIVING_SITUATION: dict[str, str] = {  # the client's
    "alone": N_("woont alleen"),
    "with_partner": N_("woont met partner"),
    "with_partner_and_children": N_("woont met partner en kinderen"),
    "with_children": N_("woont met kind(eren)"),
    "with_parents": N_("woont bij ouders of familie"),
    "with_others": N_("woont met anderen (woongroep, huisgenoten)"),
    "care_home": N_("woont in een zorginstelling of beschermd"),
    "no_fixed_home": N_("heeft geen vaste woonplek"),
}
# Lensink's rings, from the centre outwards.
RING: dict[str, str] = {
    "intimate": N_("intimi"),
    "friend": N_("vrienden"),
    "acquaintance": N_("kennissen"),
    "service": N_("dienstverlening"),
}
# Lensink's four sectors (where each category belongs: services/web/drawing/words.py).
SECTOR: dict[str, str] = {
    "family": N_("familie"),
    "society": N_("maatschappij"),
    "professionals": N_("hulpverleners"),
    "fellow_clients": N_("lotgenoten"),
}
STRENGTH: dict[str, str] = {"strong": N_("sterk"), "normal": N_("gewoon"), "tenuous": N_("zwak")}
STRENGTH_CAPTION: dict[str, str] = {
    "strong": N_("sterke band"),
    "normal": N_("gewone band"),
    "tenuous": N_("zwakke band"),
}
FLOW: dict[str, str] = {
    "to_client": N_("naar de cliënt"),
    "from_client": N_("van de cliënt"),
    "both": N_("wederzijds"),
    "none": N_("geen steun"),
}
FREQUENCY: dict[str, str] = {
    "daily": N_("dagelijks"),
    "weekly": N_("wekelijks"),
    "monthly": N_("maandelijks"),
    "yearly": N_("jaarlijks"),
    "rarely": N_("zelden"),
}
SUPPORT_TYPE: dict[str, str] = {
    "practical": N_("praktische hulp"),
    "companionship": N_("gezelschap"),
    "advice": N_("advies en informatie"),
    "emotional": N_("emotionele steun"),
    "advocacy": N_("belangenbehartiging"),
    "respite": N_("respijtzorg"),
    "personal_care": N_("persoonlijke verzorging"),
}
# The letters on a tie (P, G, A, E: the Dutch ecogram's; the English catalogue has its own).
SUPPORT_CODE: dict[str, str] = {
    "practical": N_("P"),
    "companionship": N_("G"),
    "advice": N_("A"),
    "emotional": N_("E"),
    "advocacy": N_("B"),
    "respite": N_("R"),
    "personal_care": N_("V"),
}
DIRECTION: dict[str, str] = {"to_client": N_("voor de cliënt"), "from_client": N_("door de cliënt")}
INSTRUMENT: dict[str, str] = {  # short, in a sentence
    "ediz_plus": N_("EDIZ-plus"),
    "ediz": N_("EDIZ"),
    "csi": N_("Caregiver Strain Index"),
    "srb": N_("zelf ingeschatte belasting"),
}
INSTRUMENT_CHOICE: dict[str, str] = {  # on a button or in a list to choose from
    "ediz_plus": N_("EDIZ-plus (15 vragen)"),
    "ediz": N_("EDIZ (9 stellingen)"),
    "csi": N_("Caregiver Strain Index (13 vragen)"),
    "srb": N_("Zelf ingeschatte belasting (1 vraag)"),
}
INSTRUMENT_NAME: dict[str, str] = {  # in full (domain/burden_items.py has the same, with the English)
    "ediz_plus": N_("Ervaren Druk door Informele Zorg-plus (EDIZ-plus)"),
    "ediz": N_("Ervaren Druk door Informele Zorg (EDIZ)"),
    "csi": N_("Caregiver Strain Index (CSI)"),
    "srb": N_("Zelf ingeschatte belasting (Self-Rated Burden)"),
}
BAND: dict[str, str] = {  # a burden band; "high" and "not_high": the Caregiver Strain Index's one cut-off
    "none": N_("geen belasting"),
    "light": N_("licht belast"),
    "moderate": N_("matig belast"),
    "heavy": N_("zwaar belast"),
    "high": N_("hoge belasting"),
    "not_high": N_("geen hoge belasting"),
}
RISK_FACTOR: dict[str, str] = {  # MantelScan's risk signals a carer reports
    "care_24_7": N_("zorgt dag en nacht (24/7)"),
    "lives_with_client": N_("woont samen met de cliënt"),
    "cannot_share_care": N_("kan de zorg niet delen"),
    "long_duration": N_("zorgt al lang"),
    "personality_change": N_("de cliënt is in persoonlijkheid veranderd"),
    "own_network_shrinking": N_("het eigen netwerk van de mantelzorger krimpt"),
}
HELP_CLOSED: dict[str, str] = {  # why a request for help closed
    "taken_on": N_("iemand neemt het op zich"),
    "withdrawn": N_("niet meer nodig"),
}
REMINDER_STATE: dict[str, str] = {"sent": N_("nieuw"), "acknowledged": N_("gezien"), "snoozed": N_("uitgesteld")}
ROLE: dict[str, str] = {
    "coordinator": N_("coördinator"),
    "spilmantelzorger": N_("spilmantelzorger"),
    "member": N_("lid van het netwerk"),
    "client": N_("cliënt"),
}
SCOPE: dict[str, str] = {"map": N_("de kaart"), "burden": N_("de belasting"), "notes": N_("de notities")}

LABELS: dict[str, dict[str, str]] = {
    "category": CATEGORY,
    "category_group": CATEGORY_GROUP,
    "relation": RELATION,
    "contact_mode": CONTACT_MODE,
    "living_situation": LIVING_SITUATION,
    "ring": RING,
    "sector": SECTOR,
    "strength": STRENGTH,
    "flow": FLOW,
    "frequency": FREQUENCY,
    "support_type": SUPPORT_TYPE,
    "support_code": SUPPORT_CODE,
    "direction": DIRECTION,
    "instrument": INSTRUMENT,
    "instrument_choice": INSTRUMENT_CHOICE,
    "instrument_name": INSTRUMENT_NAME,
    "band": BAND,
    "risk_factor": RISK_FACTOR,
    "help_closed": HELP_CLOSED,
    "state": REMINDER_STATE,
    "role": ROLE,
    "scope": SCOPE,
}


def label(vocabulary: str, code: str) -> Phrase:
    """The label of a code, to say in the reader's language; an unknown code is an error, never shown raw."""
    return Phrase(LABELS[vocabulary][code])


def labels(vocabulary: str, codes: list[str] | tuple[str, ...]) -> list[Phrase]:
    """The labels of several codes (a list is said joined: "gezelschap en respijtzorg")."""
    return [label(vocabulary, code) for code in codes]
