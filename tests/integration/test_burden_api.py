"""Carer burden over HTTP: questionnaires, validation, the trend per carer and the overload signals."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.integration.api_helpers import add_contact, assert_error, open_network


def report(client: FlaskClient, net: str, carer: str, instrument: str, answers: list[object], day: str) -> int:
    body = {"carer_id": carer, "instrument": instrument, "answers": answers, "reported_on": day}
    response = client.post(f"/api/networks/{net}/burden-reports", json=body)
    assert response.status_code == 201, response.get_json()
    return int(response.get_json()["position"])


def role(client: FlaskClient, net: str, contact: str, support_type: str = "practical") -> int:
    body = {"contact_id": contact, "support_type": support_type, "task": f"taak {support_type}"}
    response = client.post(f"/api/networks/{net}/roles", json=body)
    assert response.status_code == 201
    return int(response.get_json()["position"])


def burden(client: FlaskClient, net: str, carer: str, position: int) -> dict[str, object]:
    response = client.get(f"/api/networks/{net}/carers/{carer}/burden?min_position={position}")
    assert response.status_code == 200, response.get_json()
    return response.get_json()  # type: ignore[no-any-return]


def codes(result: dict[str, object]) -> list[str]:
    return [s["code"] for s in result["signals"]]  # type: ignore[attr-defined, index]


def test_a_questionnaire_is_shown_item_by_item_in_dutch_or_english(client: FlaskClient) -> None:
    dutch = client.get("/api/instruments/ediz_plus").get_json()
    assert len(dutch["items"]) == 15 and dutch["language"] == "nl"
    english = client.get("/api/instruments/csi?lang=en").get_json()
    assert len(english["items"]) == 13 and english["language"] == "en"
    assert all(item["text"] for item in english["items"])
    assert_error(client.get("/api/instruments/zarit"), 404, "instrument_not_found")


def test_answers_that_do_not_fit_the_instrument_are_refused_naming_the_item(client: FlaskClient) -> None:
    net = open_network(client)
    carer = add_contact(client, net, category="household")
    too_few = client.post(
        f"/api/networks/{net}/burden-reports", json={"carer_id": carer, "instrument": "ediz_plus", "answers": [1, 0]}
    )
    assert_error(too_few, 422, "validation_failed", "answers")
    out_of_range = client.post(
        f"/api/networks/{net}/burden-reports", json={"carer_id": carer, "instrument": "srb", "answers": [11]}
    )
    assert_error(out_of_range, 422, "validation_failed", "answers.0")


def test_a_carer_sliding_into_overload_shows_every_signal_with_a_dutch_reason(client: FlaskClient) -> None:
    net = open_network(client)
    anna = add_contact(client, net, category="household", name="Anna")
    piet = add_contact(client, net, category="neighbour", name="Piet")
    role(client, net, anna)
    role(client, net, anna, "emotional")
    role(client, net, piet)
    report(client, net, anna, "ediz_plus", [1] * 5 + [0] * 10, "2026-06-01")
    position = report(client, net, anna, "ediz_plus", [1] * 9 + [0] * 6, "2026-11-01")
    result = burden(client, net, anna, position)
    assert [(r["total"], r["band"]) for r in result["reports"]] == [(5, "moderate"), (9, "heavy")]  # type: ignore[index]
    assert codes(result) == ["heavy_burden", "burden_rising", "carries_most", "no_respite"]
    messages = {s["code"]: s["message"] for s in result["signals"]}  # type: ignore[attr-defined]
    assert messages["burden_rising"] == (
        "De belasting van Anna is gestegen van 5 naar 9 sinds de vorige meting (EDIZ-plus)."
    )
    assert messages["carries_most"] == "Anna draagt meer dan de helft van de steun (2 van de 3 taken)."
    assert messages["heavy_burden"] == (
        "Anna is zwaar belast: de zorg komt te veel op de schouders neer (EDIZ-plus, score 9 van 15)."
    )
    english = client.get(f"/api/networks/{net}/carers/{anna}/burden?lang=en").get_json()["signals"]
    assert english[1]["message"] == "The burden of Anna rose from 5 to 9 since the previous measurement (EDIZ-plus)."
    position = role(client, net, piet, "respite")
    assert "no_respite" not in codes(burden(client, net, anna, position))


def test_a_moderate_carer_with_shared_care_raises_no_signal(client: FlaskClient) -> None:
    net = open_network(client)
    anna = add_contact(client, net, category="household")
    piet = add_contact(client, net, category="neighbour")
    role(client, net, anna)
    role(client, net, piet)
    position = report(client, net, anna, "csi", [1] * 6 + [0] * 7, "2026-11-01")  # 6: not yet high strain
    result = burden(client, net, anna, position)
    assert result["reports"][0]["high_strain"] is False  # type: ignore[index]
    assert codes(result) == []


def test_mantelscan_risks_and_helping_in_several_networks_are_signals(client: FlaskClient) -> None:
    net, other = open_network(client), open_network(client)
    anna = add_contact(client, net, category="household", name="Anna", email="Anna@Example.org")
    add_contact(client, other, category="friend", name="Anna", email="anna@example.org")
    put = client.put(
        f"/api/networks/{net}/carers/{anna}/risk-factors", json={"factors": ["care_24_7", "lives_with_client"]}
    )
    assert put.status_code == 200
    result = burden(client, net, anna, int(put.get_json()["position"]))
    messages = {s["code"]: s["message"] for s in result["signals"]}  # type: ignore[attr-defined]
    assert messages["mantelscan_risks"] == (
        "Risicosignalen bij Anna: zorgt dag en nacht (24/7) en woont samen met de cliënt."
    )
    assert messages["several_networks"] == "Anna helpt in 2 netwerken."
    cleared = client.put(f"/api/networks/{net}/carers/{anna}/risk-factors", json={"factors": []})
    assert "mantelscan_risks" not in codes(burden(client, net, anna, int(cleared.get_json()["position"])))
    unknown = client.put(f"/api/networks/{net}/carers/{anna}/risk-factors", json={"factors": ["tired"]})
    assert_error(unknown, 422, "validation_failed", "factors.0")


def test_a_spilmantelzorger_never_asked_is_a_signal(client: FlaskClient) -> None:
    net = open_network(client)
    anna = add_contact(client, net, category="household", name="Anna")
    designated = client.put(f"/api/networks/{net}/spilmantelzorger", json={"contact_id": anna})
    result = burden(client, net, anna, int(designated.get_json()["position"]))
    assert codes(result) == ["no_recent_report"]
    assert client.get(f"/api/networks/{net}/carers/00000000-0000-0000-0000-000000000000/burden").status_code == 404


def test_risk_signals_show_on_the_timeline_and_in_the_history_to_a_role_that_may_read_burden(
    any_store_client: FlaskClient,
) -> None:
    client = any_store_client
    net = open_network(client)
    anna = add_contact(client, net, category="household", name="Anna")
    url = f"/api/networks/{net}/carers/{anna}/risk-factors"
    client.put(url, json={"factors": ["care_24_7", "lives_with_client"]})
    position = client.put(url, json={"factors": []}).get_json()["position"]
    # the coordinator may read a carer's burden; a role that may not reads that it happened (test_authorization.py)
    expected = {
        "nl": [
            "Risicosignalen bij Anna: zorgt dag en nacht (24/7) en woont samen met de cliënt",
            "Bij Anna zijn er geen risicosignalen meer",
        ],
        "en": [
            "Risk signs for Anna: cares day and night (24/7) and lives with the client",
            "Anna has no risk signs any more",
        ],
    }
    for lang, lines in expected.items():
        timeline = client.get(f"/api/networks/{net}/timeline?kind=burden&lang={lang}&min_position={position}")
        assert [(i["kind"], i["summary"]) for i in timeline.get_json()["items"]] == [("burden", line) for line in lines]
        history = client.get(f"/api/networks/{net}/events?lang={lang}").get_json()["items"]
        assert [e["summary"] for e in history if e["type"] == "CarerRiskFactorsReported"] == lines
