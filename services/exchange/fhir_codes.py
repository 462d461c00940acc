"""The profiles, code systems and codes of the FHIR export, taken from the Nictiz zib2020 package for FHIR R4
(github.com/Nictiz/Nictiz-R4-zib2020: resources/nl-core/*.xml, resources/zib/terminology/*.xml).

Every code here is in the value set the profile binds; where no code fits, the element carries text only.
"""

from __future__ import annotations

import uuid
from typing import Any

NICTIZ = "http://nictiz.nl/fhir/StructureDefinition/"
PATIENT = NICTIZ + "nl-core-Patient"
CONTACT_PERSON = NICTIZ + "nl-core-ContactPerson"
HELP_FROM_OTHERS = NICTIZ + "nl-core-HelpFromOthers"
CARE_TEAM = NICTIZ + "nl-core-CareTeam"

SNOMED = "http://snomed.info/sct"
ROLE_SYSTEM = "urn:oid:2.16.840.1.113883.2.4.3.11.22.472"  # RolCodelijst: the Vektis COD472 roles
CARER_SYSTEM = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.23.1"  # RolCodelijst: the zib's own (Mantelzorger)
ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
NULL_FLAVOR = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor"
DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
URI_SYSTEM = "urn:ietf:rfc:3986"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"

# zib ContactPerson.Role (RolCodelijst, 2.16.840.1.113883.2.4.3.11.60.40.2.3.1.2), by Kring's category
CATEGORY_ROLE: dict[str, tuple[str, str]] = {
    "household": ("06", "Leefeenheid"),
    "neighbour": ("19", "Buur"),
    "friend": ("20", "Vriend(in)/kennis"),
    "acquaintance": ("20", "Vriend(in)/kennis"),
    "professional": ("07", "Hulpverlener"),
}
FIRST_CONTACT = ("01", "Eerste relatie/contactpersoon")  # the spilmantelzorger: the network's first contact
CARER = ("100001", "Mantelzorger")
# zib ContactPerson.Relationship (RelatieCodelijst, ...2.3.1.1): kinship codes Kring does not know, so "Other"
# from the value set, with the wider v3 RoleCode where the category gives one
OTHER = (NULL_FLAVOR, "OTH", "Other")
CATEGORY_KIN: dict[str, tuple[str, str]] = {
    "family_of_origin": ("FAMMEMB", "family member"),
    "other_family": ("FAMMEMB", "family member"),
    "neighbour": ("NBOR", "neighbor"),
    "friend": ("FRND", "unrelated friend"),
}
# zib HelpFromOthers (CarePlan): the category the profile fixes, and TypeOfHelp (SoortHulpCodelijst, extensible)
HELP_CATEGORY = (SNOMED, "243114000", "ondersteuning")
TYPE_OF_HELP: dict[str, tuple[str, str]] = {
    "personal_care": ("60689008", "thuiszorg voor patiënt"),
    "respite": ("386229000", "ondersteuning voor verzorger"),
}
CREATING_EVENTS = frozenset({"NetworkOpened", "ContactAdded", "SupportRoleAssigned", "CarerBurdenReported"})
KRING = uuid.UUID("5c6b0d8e-8f3a-5d2e-9a57-6b1e0c4f7a21")  # the namespace of the URIs Kring makes up


def coding(system: str, code: str, display: str) -> dict[str, str]:
    """A FHIR Coding."""
    return {"system": system, "code": code, "display": display}


def concept(*codings: dict[str, str], text: str | None = None) -> dict[str, Any]:
    """A FHIR CodeableConcept."""
    found: dict[str, Any] = {"coding": list(codings)} if codings else {}
    if text:
        found["text"] = text
    return found


def kring_uri(kind: str, name: str) -> str:
    """A URI for something Kring defines (a questionnaire, its answer codes): the same in every installation."""
    return f"urn:uuid:{uuid.uuid5(KRING, f'{kind}/{name}')}"


def fhir_id(scope: uuid.UUID, kind: str, local_id: str) -> str:
    """A resource id: Kring's own id where it is a UUID, else one made from it (stable across exports)."""
    try:
        return str(uuid.UUID(local_id))
    except ValueError:
        return str(uuid.uuid5(scope, f"{kind}:{local_id}"))


def reference(resource_id: str, kind: str, display: str | None = None) -> dict[str, str]:
    """A reference to an entry of the same Bundle (its fullUrl is urn:uuid:<id>)."""
    found = {"reference": f"urn:uuid:{resource_id}", "type": kind}
    if display:
        found["display"] = display
    return found


def profiled(kind: str, resource_id: str, profile: str | None = None) -> dict[str, Any]:
    """The start of a resource: its type, id and (for the nl-core ones) the profile it claims."""
    found: dict[str, Any] = {"resourceType": kind, "id": resource_id}
    if profile:
        found["meta"] = {"profile": [profile]}
    return found
