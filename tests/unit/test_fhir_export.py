"""The FHIR export: every resource valid FHIR R4 (fhir.resources' R4 models), and what the Nictiz zib2020 profiles
require (their fixed codes, required value sets, cardinalities), checked against a network with a history."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from typing import Any

import pytest
from fhir.resources import get_fhir_model_class
from fhir.resources.bundle import Bundle

from domain.history import network_as_of
from services.exchange.fhir import fhir_bundle
from tests.unit.exchange_networks import EDIZ_ANSWERS, jansen_with_history, random_network

NICTIZ = "http://nictiz.nl/fhir/StructureDefinition/"
ROLE = "urn:oid:2.16.840.1.113883.2.4.3.11.22.472"
CARER = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.23.1"
V3 = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
NULL = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor"
# The value sets the profiles bind (required), as in Nictiz-R4-zib2020 resources/zib/terminology:
# RolCodelijst (2.16.840.1.113883.2.4.3.11.60.40.2.3.1.2) and RelatieCodelijst (...2.3.1.1)
ROLE_CODES = ("01", "02", "03", "04", "05", "06", "07", "09", "11", "14", "15", "19", "20", "21", "23", "24")
ROLE_VALUE_SET = {(ROLE, c) for c in ROLE_CODES} | {(CARER, c) for c in ("100001", "100002", "100003", "100004")}
KIN_CODES = (
    *("ADOPTF", "ADOPTM", "AUNT", "BRO", "BROINLAW", "COUSN", "DAUC", "DAUINLAW", "DOMPART", "FTH", "FTHINLAW"),
    *("DAUFOST", "FTHFOST", "MTHFOST", "SONFOST", "GRNDDAU", "GRFTH", "GRMTH", "GRNDSON", "GGRFTH", "GGRMTH"),
    *("HUSB", "MTH", "MTHINLAW", "NEPHEW", "NIECE", "SIS", "SISINLAW", "SONC", "SONINLAW", "STPFTH", "STPMTH"),
    *("UNCLE", "WIFE"),
)
RELATIONSHIP_VALUE_SET = {(NULL, "OTH")} | {(V3, c) for c in KIN_CODES}
SOORT_HULP = {"60689008", "386229000"}  # SoortHulpCodelijst (extensible): beside these, text only
EXPORTED_AT = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def bundle(as_of: date | None = None) -> dict[str, Any]:
    network = jansen_with_history()
    events = list(network.collect_events())
    if as_of is not None:
        network = network_as_of(events, as_of)
    return fhir_bundle(network, events, exported_at=EXPORTED_AT, recorders={"coord": "Bea de Vries"})


def resources(found: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in found["entry"] if e["resource"]["resourceType"] == kind]


def person(found: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in resources(found, "RelatedPerson") if r["name"][0]["text"] == name)


def codes(concept: dict[str, Any]) -> set[tuple[str, str]]:
    return {(coding["system"], coding["code"]) for coding in concept.get("coding", [])}


def test_every_resource_in_the_bundle_is_valid_fhir_r4() -> None:
    found = bundle()
    Bundle.parse_obj(found)
    for entry in found["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).parse_obj(resource)
    kinds = Counter(e["resource"]["resourceType"] for e in found["entry"])
    assert kinds["Patient"] == 1 and kinds["CareTeam"] == 1
    assert kinds["RelatedPerson"] == 5  # Anna, Piet (former), Thuiszorg, Kees, Truus
    assert kinds["QuestionnaireResponse"] == 3 and kinds["Questionnaire"] == 3  # ediz, srb, csi


@pytest.mark.parametrize("seed", range(5))
def test_random_networks_give_valid_fhir_too(seed: int) -> None:
    network = random_network(seed)
    found = fhir_bundle(network, list(network.collect_events()), exported_at=EXPORTED_AT, recorders={})
    for entry in Bundle.parse_obj(found).entry:
        assert entry.resource is not None
    assert_references_resolve(found)


def assert_references_resolve(found: dict[str, Any]) -> None:
    urls = {e["fullUrl"] for e in found["entry"]}
    assert len(urls) == len(found["entry"]), "every entry has its own fullUrl"

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if "reference" in value:
                assert value["reference"] in urls, value
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk([e["resource"] for e in found["entry"]])


def test_every_reference_points_to_an_entry_of_the_bundle() -> None:
    assert_references_resolve(bundle())


def test_the_nl_core_resources_claim_their_profiles() -> None:
    found = bundle()
    for kind, profile in (
        ("Patient", "nl-core-Patient"),
        ("RelatedPerson", "nl-core-ContactPerson"),
        ("CarePlan", "nl-core-HelpFromOthers"),
        ("CareTeam", "nl-core-CareTeam"),
    ):
        assert resources(found, kind)
        assert all(r["meta"]["profile"] == [NICTIZ + profile] for r in resources(found, kind))


def test_the_client_is_the_patient_with_only_the_name_kring_holds() -> None:
    (patient,) = resources(bundle(), "Patient")
    assert set(patient) == {"resourceType", "id", "meta", "name"}
    assert patient["name"] == [{"text": "Mevr. Jansen"}]  # no `use`: not an official name Kring could split


def test_contact_persons_carry_role_and_relationship_codes_from_the_bound_value_sets() -> None:
    found = bundle()
    for contact in resources(found, "RelatedPerson"):
        assert contact["patient"]["reference"] == f"urn:uuid:{resources(found, 'Patient')[0]['id']}"
        for concept in contact["relationship"]:
            assert codes(concept) & (ROLE_VALUE_SET | RELATIONSHIP_VALUE_SET), concept
        assert sum(bool(codes(c) & RELATIONSHIP_VALUE_SET) for c in contact["relationship"]) == 1
    anna = person(found, "Anna")
    anna_codes = set().union(*(codes(c) for c in anna["relationship"]))
    assert {(ROLE, "01"), (CARER, "100001"), (NULL, "OTH"), (V3, "FAMMEMB")} <= anna_codes
    assert anna["telecom"] == [
        {"system": "phone", "value": "06 1234 5678"},
        {"system": "email", "value": "anna@voorbeeld.nl"},
    ]


def test_informal_carers_are_mantelzorger_and_professionals_are_not() -> None:
    found = bundle()

    def is_carer(name: str) -> bool:
        return any((CARER, "100001") in codes(c) for c in person(found, name)["relationship"])

    assert is_carer("Anna")  # the spilmantelzorger
    assert is_carer("Piet")  # reported burden
    assert not is_carer("Kees")  # neither helps nor reported
    assert not is_carer("Thuiszorg")  # helps, but is a professional
    assert any((ROLE, "07") in codes(c) for c in person(found, "Thuiszorg")["relationship"])  # Hulpverlener


def test_a_former_contact_is_inactive_with_the_day_they_left() -> None:
    piet = person(bundle(), "Piet")
    assert piet["active"] is False
    assert piet["period"] == {"start": "2026-01-05", "end": "2026-09-01"}


def test_the_professionals_are_the_care_team() -> None:
    found = bundle()
    (team,) = resources(found, "CareTeam")
    members = [p["member"]["display"] for p in team["participant"]]
    assert members == ["Thuiszorg"]
    assert team["subject"]["type"] == "Patient" and team["status"] == "active"


def test_help_from_others_is_one_care_plan_per_task_with_kind_frequency_and_performer() -> None:
    plans = resources(bundle(), "CarePlan")
    assert len(plans) == 6  # the five tasks for the client, and respite; Piet's coffee for her is no help to her
    for plan in plans:
        helps = [c for c in plan["category"] if codes(c) == {("http://snomed.info/sct", "243114000")}]
        assert len(helps) == 1  # the profile's fixed slice helpFromOthersCode, exactly once
        assert len(plan["activity"]) == 1  # the profile allows one activity
        detail = plan["activity"][0]["detail"]
        assert len(detail["performer"]) == 1 and detail["performer"][0]["type"] == "RelatedPerson"
        assert {code for _, code in codes(detail["code"])} <= SOORT_HULP and detail["code"]["text"]
    respite = next(p for p in plans if p["activity"][0]["detail"]["description"] == "een weekend logeren")
    detail = respite["activity"][0]["detail"]
    assert codes(detail["code"]) == {("http://snomed.info/sct", "386229000")}  # ondersteuning voor verzorger
    assert detail["scheduledString"] == "eens per maand" and detail["performer"][0]["display"] == "Anna"
    ended = [p for p in plans if p["status"] == "completed"]
    assert {p["activity"][0]["detail"]["performer"][0]["display"] for p in ended} == {"Thuiszorg", "Piet"}


def test_each_burden_measurement_is_a_response_to_its_instruments_questionnaire() -> None:
    found = bundle()
    questionnaires = {q["url"]: q for q in resources(found, "Questionnaire")}
    for response in resources(found, "QuestionnaireResponse"):
        questionnaire = questionnaires[response["questionnaire"]]
        items = {item["linkId"]: item for item in questionnaire["item"]}
        assert [i["linkId"] for i in response["item"]] == list(items)
        for answered in response["item"]:
            (answer,) = answered["answer"]
            if "valueCoding" in answer:
                assert answer["valueCoding"] in [o["valueCoding"] for o in items[answered["linkId"]]["answerOption"]]
    ediz_url = next(url for url, q in questionnaires.items() if q["name"] == "EDIZ")
    ediz = next(r for r in resources(found, "QuestionnaireResponse") if r["questionnaire"] == ediz_url)
    assert [i["answer"][0]["valueCoding"]["display"] for i in ediz["item"]] == [
        {"yes": "Ja", "no": "Nee"}.get(a, a) for a in EDIZ_ANSWERS
    ]
    assert ediz["subject"]["display"] == "Anna" and ediz["authored"] == "2026-02-01"
    by_title = {q["title"]: q["status"] for q in questionnaires.values()}
    assert by_title["Zelf ingeschatte belasting (Self-Rated Burden)"] == "draft"  # paraphrased: not the original
    assert by_title["Ervaren Druk door Informele Zorg (EDIZ)"] == "active"


def test_provenance_says_who_recorded_what_and_when() -> None:
    network = jansen_with_history()
    events = list(network.collect_events())
    found = fhir_bundle(network, events, exported_at=EXPORTED_AT, recorders={"coord": "Bea de Vries"})
    provenance = resources(found, "Provenance")
    eased = next(p for p in provenance if p["activity"]["text"] == "TieEased")
    event = next(e for e in events if type(e).__name__ == "TieEased")
    assert eased["target"][0]["display"] == "Kees"
    assert eased["occurredDateTime"] == "2026-04-01" and eased["recorded"] == event.timestamp.isoformat()
    assert eased["agent"][0]["who"]["display"] == "Bea de Vries"
    kinds = Counter(p["target"][0]["type"] for p in provenance)
    assert kinds["QuestionnaireResponse"] == 3 and kinds["Patient"] == 1
    assert "ContactsAcquainted" not in {p["activity"]["text"] for p in provenance}  # no resource holds it


def test_as_of_a_date_the_bundle_holds_what_had_happened_by_then() -> None:
    found = bundle(as_of=date(2026, 2, 15))
    names = {r["name"][0]["text"] for r in resources(found, "RelatedPerson")}
    assert names == {"Anna", "Piet", "Thuiszorg", "Kees"}  # Truus came in May
    assert person(found, "Piet")["active"] is True
    assert len(resources(found, "QuestionnaireResponse")) == 2  # Piet's CSI was in March
    assert all(p["occurredDateTime"] <= "2026-02-15" for p in resources(found, "Provenance"))
    assert_references_resolve(found)
