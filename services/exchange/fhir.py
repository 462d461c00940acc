"""A network as a FHIR R4 Bundle on the Nictiz zib2020 profiles, for the care record (ECD) of a Dutch home-care or
wijkteam organisation: the client (nl-core-Patient), every person (nl-core-ContactPerson), who does what
(nl-core-HelpFromOthers), the professionals (nl-core-CareTeam), the burden measurements (QuestionnaireResponse)
and who recorded what and when (Provenance). docs/fhir.md lists which zib elements are filled and which Kring
does not hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from domain.network import TIE_EVENTS, Network
from domain.state import Contact, SupportRole
from domain.vocabulary import PROFESSIONAL_CATEGORIES
from domain.words.labels import CATEGORY, SUPPORT_TYPE  # Dutch care records: the Dutch labels (the message ids)
from services.exchange import fhir_codes as c
from services.exchange.fhir_burden import questionnaire, questionnaire_response

PATIENT_EVENTS = frozenset({"NetworkOpened", "ClientDetailsChanged"})
CONTACT_EVENTS = frozenset(
    {
        "ContactAdded",
        "ContactDetailsChanged",
        "ContactRemoved",
        "SpilmantelzorgerDesignated",
        "SpilmantelzorgerStoodDown",
    }
    | {event.__name__ for event in TIE_EVENTS}
)
ROLE_EVENTS = frozenset({"SupportRoleAssigned", "SupportRoleEnded"})


def fhir_bundle(
    network: Network, events: Iterable[Network.Event], *, exported_at: datetime, recorders: Mapping[str, str]
) -> dict[str, Any]:
    """The network (as now, or as on network.as_of) as a collection Bundle; `recorders` names the users by id."""
    history = [
        e
        for e in events
        if e.originator_version <= network.version and (network.as_of is None or e.effective_on <= network.as_of)
    ]
    reports = [e for e in history if isinstance(e, Network.CarerBurdenReported)]
    built = _Builder(network, recorders)
    resources = [
        built.patient(),
        *(built.contact_person(contact, reports) for contact in _people(network)),
        *built.care_team(),
        *(built.help(role) for role in _help(network)),
        *(questionnaire(code) for code in sorted({r.instrument for r in reports})),
        *(built.response(report) for report in reports),
        *built.provenance(history),
    ]
    bundle_id = c.fhir_id(network.id, "bundle", f"{network.version}:{network.as_of}")
    return c.profiled("Bundle", bundle_id) | {
        "type": "collection",
        "timestamp": exported_at.isoformat(),
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }


def _people(network: Network) -> list[Contact]:
    return sorted(network.contacts.values(), key=lambda contact: (contact.name, contact.id))


def _help(network: Network) -> list[SupportRole]:
    """Who does what for the client: help from others (what the client gives is no zib's concern)."""
    roles = [role for role in network.roles.values() if role.direction == "to_client"]
    return sorted(roles, key=lambda role: (role.started_on, role.id))


class _Builder:
    """The resources of one network's Bundle, referring to each other by their urn:uuid."""

    def __init__(self, network: Network, recorders: Mapping[str, str]) -> None:
        self.network = network
        self.recorders = recorders
        self.patient_id = str(network.id)
        self.ids = {contact.id: c.fhir_id(network.id, "contact", contact.id) for contact in network.contacts.values()}
        self.care_team_id = c.fhir_id(network.id, "care-team", "professionals")

    def _patient_ref(self) -> dict[str, str]:
        return c.reference(self.patient_id, "Patient", self.network.client_name)

    def _person_ref(self, contact_id: str) -> dict[str, str]:
        return c.reference(self.ids[contact_id], "RelatedPerson", self.network.contacts[contact_id].name)

    def _recorder(self, user_id: str) -> dict[str, Any]:
        who: dict[str, Any] = {"identifier": {"system": c.kring_uri("identifier", "user"), "value": user_id}}
        if user_id in self.recorders:
            who["display"] = self.recorders[user_id]
        return who

    def patient(self) -> dict[str, Any]:
        """The client: only the name Kring holds."""
        return c.profiled("Patient", self.patient_id, c.PATIENT) | {"name": [{"text": self.network.client_name}]}

    def contact_person(self, contact: Contact, reports: list[Network.CarerBurdenReported]) -> dict[str, Any]:
        """A person of the network (current or former) as nl-core-ContactPerson."""
        found = c.profiled("RelatedPerson", self.ids[contact.id], c.CONTACT_PERSON)
        found |= {"active": contact.is_active, "patient": self._patient_ref()}
        found["relationship"] = self._relationship(contact, reports)
        found["name"] = [{"text": contact.name}]
        telecom = [{"system": "phone", "value": contact.phone}] if contact.phone else []
        telecom += [{"system": "email", "value": contact.email}] if contact.email else []
        if telecom:
            found["telecom"] = telecom
        found["period"] = {"start": contact.added_on.isoformat()}
        if contact.removed_on:
            found["period"]["end"] = contact.removed_on.isoformat()
        return found

    def _relationship(self, contact: Contact, reports: list[Network.CarerBurdenReported]) -> list[dict[str, Any]]:
        roles = [c.CATEGORY_ROLE[contact.category]] if contact.category in c.CATEGORY_ROLE else []
        if contact.id == self.network.spilmantelzorger_id:
            roles.insert(0, c.FIRST_CONTACT)
        found = [c.concept(c.coding(c.ROLE_SYSTEM, code, display)) for code, display in roles]
        if self._is_carer(contact, reports):
            found.append(c.concept(c.coding(c.CARER_SYSTEM, *c.CARER)))
        kin = [c.coding(c.ROLE_CODE, *c.CATEGORY_KIN[contact.category])] if contact.category in c.CATEGORY_KIN else []
        found.append(c.concept(c.coding(*c.OTHER), *kin, text=CATEGORY[contact.category]))
        return found

    def _is_carer(self, contact: Contact, reports: list[Network.CarerBurdenReported]) -> bool:
        """A mantelzorger: an informal contact who is the spilmantelzorger, helps the client, or reported burden."""
        if contact.category in PROFESSIONAL_CATEGORIES:
            return False
        helps = any(r.contact_id == contact.id and r.direction == "to_client" for r in self.network.active_roles)
        reported = any(r.carer_id == contact.id for r in reports)
        return contact.id == self.network.spilmantelzorger_id or helps or reported

    def care_team(self) -> list[dict[str, Any]]:
        """The professionals in the network, as one nl-core-CareTeam (none without professionals)."""
        professionals = [p for p in _people(self.network) if p.is_active and p.category in PROFESSIONAL_CATEGORIES]
        if not professionals:
            return []
        role = c.concept(c.coding(c.ROLE_SYSTEM, *c.CATEGORY_ROLE["professional"]))
        found = c.profiled("CareTeam", self.care_team_id, c.CARE_TEAM)
        found |= {
            "status": "active" if self.network.status == "open" else "inactive",
            "name": f"Hulpverleners in het netwerk van {self.network.client_name}",
            "subject": self._patient_ref(),
            "participant": [
                {"role": [role], "member": self._person_ref(p.id), "period": {"start": p.added_on.isoformat()}}
                for p in professionals
            ],
        }
        return [found]

    def help(self, role: SupportRole) -> dict[str, Any]:
        """One task done for the client, as nl-core-HelpFromOthers: kind of help, frequency, who does it."""
        kind = c.TYPE_OF_HELP.get(role.support_type)
        codes = [c.coding(c.SNOMED, *kind)] if kind else []
        detail: dict[str, Any] = {
            "code": c.concept(*codes, text=SUPPORT_TYPE[role.support_type]),
            "status": "in-progress" if role.is_active else "completed",
            "performer": [self._person_ref(role.contact_id)],
            "description": role.task,
        }
        if role.rhythm:
            detail["scheduledString"] = role.rhythm
        period = {"start": role.started_on.isoformat()} | ({"end": role.ended_on.isoformat()} if role.ended_on else {})
        found = c.profiled("CarePlan", c.fhir_id(self.network.id, "role", role.id), c.HELP_FROM_OTHERS)
        return found | {
            "status": "active" if role.is_active else "completed",
            "intent": "plan",
            "category": [c.concept(c.coding(*c.HELP_CATEGORY))],
            "subject": self._patient_ref(),
            "period": period,
            "activity": [{"detail": detail}],
        }

    def response(self, report: Network.CarerBurdenReported) -> dict[str, Any]:
        """One burden measurement, answered by the carer."""
        return questionnaire_response(
            self.network, report, self._person_ref(report.carer_id), self._recorder(report.recorded_by)
        )

    def provenance(self, history: list[Network.Event]) -> list[dict[str, Any]]:
        """Who recorded what and when: one Provenance per event about a resource in the Bundle."""
        found = []
        for event in history:
            target = self._target(event)
            if target is None:
                continue
            name = type(event).__name__
            operation = ("CREATE", "create") if name in c.CREATING_EVENTS else ("UPDATE", "revise")
            found.append(
                c.profiled("Provenance", c.fhir_id(self.network.id, "event", str(event.originator_version)))
                | {
                    "target": [target],
                    "occurredDateTime": event.effective_on.isoformat(),
                    "recorded": event.timestamp.isoformat(),
                    "activity": c.concept(c.coding(c.DATA_OPERATION, *operation), text=name),
                    "agent": [
                        {
                            "type": c.concept(c.coding(c.PARTICIPANT_TYPE, "enterer", "Enterer")),
                            "who": self._recorder(event.recorded_by),
                        }
                    ],
                }
            )
        return found

    def _target(self, event: Network.Event) -> dict[str, str] | None:
        name = type(event).__name__
        if name in PATIENT_EVENTS:
            return self._patient_ref()
        if name in CONTACT_EVENTS:
            return self._person_ref(event.contact_id)  # type: ignore[attr-defined]
        if name in ROLE_EVENTS:
            role = self.network.roles.get(event.role_id)  # type: ignore[attr-defined]
            if role is not None and role.direction == "to_client":
                return c.reference(c.fhir_id(self.network.id, "role", role.id), "CarePlan")
        if isinstance(event, Network.CarerBurdenReported):
            return c.reference(c.fhir_id(self.network.id, "report", event.report_id), "QuestionnaireResponse")
        return None
