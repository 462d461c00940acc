"""Bad input gets a clear 4xx naming the problem, never a 500 and never silent garbage: days outside Kring's range,
text that is no text, bodies too deep or too large, numbers past 64 bits, and what the web forms get typed."""

from __future__ import annotations

import io
from xml.etree import ElementTree

import pytest
from flask import Flask
from flask.testing import FlaskClient

from services.web.current import services_of
from tests.conftest import Staff
from tests.integration.api_helpers import OPENED_ON, add_contact, assert_error, open_network, written
from tests.integration.test_pages import FIELD_ERROR, Desk

TEN_YEARS_ON = "2036-11-26"  # today in the tests is 2026-11-26


@pytest.fixture
def net(client: FlaskClient) -> str:
    return open_network(client)


def _refused(response: object, field: str, status: int = 422) -> list[str]:
    """The answer is `status` in the JSON error shape with a problem for this field; its messages."""
    assert_error(response, status, "validation_failed" if status == 422 else None)  # type: ignore[arg-type]
    problems: list[str] = response.json["fields"][field]  # type: ignore[attr-defined]
    return problems


# ------------------------------------------------------------------ days
def test_a_goal_due_more_than_ten_years_ahead_is_refused_naming_due_on_and_nothing_is_written(
    client: FlaskClient, net: str
) -> None:
    before = written(client, net)
    far = client.post(f"/api/networks/{net}/goals", json={"title": "Verhuizen", "due_on": "9999-12-31"})
    assert _refused(far, "due_on") == ["Give a day at most 10 years from today."]
    assert written(client, net) == before
    edge = client.post(f"/api/networks/{net}/goals", json={"title": "Verhuizen", "due_on": TEN_YEARS_ON})
    assert edge.status_code == 201


def test_a_next_review_far_ahead_and_a_day_before_1900_are_refused_naming_their_field(
    client: FlaskClient, net: str
) -> None:
    review = client.post(f"/api/networks/{net}/reviews", json={"next_review_on": "2037-01-01"})
    assert _refused(review, "next_review_on") == ["Give a day at most 10 years from today."]
    early = {"name": "Oma", "category": "family_of_origin", "ring": "intimate", "known_since": "1899-12-31"}
    assert _refused(client.post(f"/api/networks/{net}/contacts", json=early), "known_since") == [
        "Give a day from 1900-01-01 on."
    ]
    opened = client.post("/api/networks", json={"client_name": "Ans", "opened_on": "0001-01-01"})
    assert _refused(opened, "opened_on") == ["Give a day from 1900-01-01 on."]
    note = client.post(f"/api/networks/{net}/notes", json={"text": "Oud nieuws", "effective_on": "1850-05-01"})
    assert _refused(note, "effective_on") == ["Give a day from 1900-01-01 on."]


def test_dates_asked_about_stay_in_the_range_too(client: FlaskClient, net: str) -> None:
    attention = client.get("/api/coordinators/me/attention", query_string={"today": "9999-12-31"})
    assert _refused(attention, "today") == ["Give a day at most 10 years from today."]
    timeline = client.get(f"/api/networks/{net}/timeline", query_string={"from": "0001-01-01"})
    assert _refused(timeline, "from") == ["Give a day from 1900-01-01 on."]
    changes = client.get(f"/api/networks/{net}/changes", query_string={"from": OPENED_ON, "to": "9999-12-31"})
    assert _refused(changes, "to") == ["Give a day at most 10 years from today."]


def test_a_reminder_cannot_be_snoozed_past_ten_years(app: Flask, client: FlaskClient, net: str) -> None:
    services_of(app).read_side.runner.catch_up()
    reminders = services_of(app).reminders
    [raised] = reminders.scan(services_of(app).kring.today(), lambda _d: None, ["inbox"]).raised
    snooze = client.post(f"/api/inbox/{raised.reminder_id}/snooze", json={"until": "9999-12-31"})
    assert _refused(snooze, "until") == ["Give a day at most 10 years from today."]


def test_the_spec_documents_the_range_of_days(client: FlaskClient) -> None:
    spec = client.get("/api/openapi.json").json["components"]["schemas"]
    assert "From 1900-01-01 to 10 years from today." in spec["GoalCreate"]["properties"]["due_on"]["description"]
    assert "From 1900-01-01 to today." in spec["NoteCreate"]["properties"]["effective_on"]["description"]


def test_a_form_with_a_day_out_of_range_keeps_what_was_typed_and_says_why_beside_the_field(app: Flask) -> None:
    desk = Desk(app)
    network = open_network(desk.api)
    desk.settled()
    _, form = desk.page(f"/netwerken/{network}/doelen/nieuw")
    assert 'min="1900-01-01" max="2036-11-26"' in form  # due_on: ten years ahead at most
    assert 'min="1900-01-01" max="2026-11-26"' in form  # effective_on: up to today
    refused = desk.post(f"/netwerken/{network}/doelen/nieuw", {"title": "Verhuizen", "due_on": "9999-12-31"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and 'value="9999-12-31"' in page and 'value="Verhuizen"' in page
    assert FIELD_ERROR.findall(page) == ["Kies een datum die hoogstens 10 jaar vooruit ligt."]
    early = desk.post(f"/netwerken/{network}/notities/nieuw", {"text": "Oud", "effective_on": "1899-01-01"})
    assert FIELD_ERROR.findall(early.get_data(as_text=True)) == ["Kies een datum vanaf 1 januari 1900."]


def test_every_date_field_of_the_forms_has_a_min_and_a_max(app: Flask) -> None:
    desk = Desk(app)
    network, piet = open_network(desk.api), None
    piet = add_contact(desk.api, network, category="household", ring="intimate")
    desk.settled()
    paths = ["/netwerken/nieuw", *(f"/netwerken/{network}/{p}" for p in ("contacten/nieuw", "taken/nieuw"))]
    paths += [f"/netwerken/{network}/{p}" for p in ("bespreking", "bijeenkomst", "doelen/nieuw", "notities/nieuw")]
    paths += [f"/netwerken/{network}/{p}" for p in ("sluiten", "spilmantelzorger", f"contacten/{piet}/band")]
    paths += [f"/netwerken/{network}/mantelzorgers/{piet}/vragenlijst/srb"]
    for path in paths:
        status, page = desk.page(path)
        inputs = [tag for tag in page.split("<input")[1:] if 'type="date"' in tag.split(">")[0]]
        assert status == 200 and inputs, path
        assert all("min=" in tag.split(">")[0] and "max=" in tag.split(">")[0] for tag in inputs), path


# ------------------------------------------------------------------ text
@pytest.mark.parametrize("name", ["Piet\x00", "Pi\x1bet", "Piet\nBakker", "Piet\tBakker", "Piet\x85", "Piet\ufffe"])
def test_a_name_with_control_characters_is_refused_naming_the_field(client: FlaskClient, net: str, name: str) -> None:
    contact = {"name": name, "category": "friend", "ring": "friend"}
    assert _refused(client.post(f"/api/networks/{net}/contacts", json=contact), "name") == [
        "Do not use control characters or line breaks in this text."
    ]


@pytest.mark.parametrize("name", ["\u200b\u200b", "   ", "\u00a0\u2060\ufeff", "\u200d"])
def test_a_name_with_nothing_visible_is_a_422_like_a_missing_one(client: FlaskClient, net: str, name: str) -> None:
    contact = {"name": name, "category": "friend", "ring": "friend"}
    assert _refused(client.post(f"/api/networks/{net}/contacts", json=contact), "name") == [
        "Write at least one visible character."
    ]
    assert _refused(client.patch(f"/api/networks/{net}", json={"client_name": name}), "client_name")
    assert _refused(client.post(f"/api/networks/{net}/goals", json={"title": name}), "title")


def test_notes_keep_line_breaks_and_tabs_but_no_other_control_characters(client: FlaskClient, net: str) -> None:
    kept = client.post(f"/api/networks/{net}/notes", json={"text": "Eerste regel\n\tTweede regel\r\n"})
    assert kept.status_code == 201
    note = client.get(f"/api/networks/{net}/notes/{kept.json['id']}?min_position={kept.json['position']}").json
    assert note["text"] == "Eerste regel\n\tTweede regel\r\n"
    nul = client.post(f"/api/networks/{net}/notes", json={"text": "Een\x00nul"})
    assert _refused(nul, "text") == ["Do not use control characters (such as NUL) in this text."]
    skills = {"name": "Truus", "category": "friend", "ring": "friend", "skills": ["koken", "auto\x07rijden"]}
    assert _refused(client.post(f"/api/networks/{net}/contacts", json=skills), "skills.1")


def test_the_graphml_export_is_well_formed_xml_whatever_people_are_called(client: FlaskClient, net: str) -> None:
    for name in ("Zoë 👩‍👩‍👧", 'Ömer <&> "Ali"', "Anna\u200bMaria"):
        add_contact(client, net, name=name)
    position = client.post(f"/api/networks/{net}/notes", json={"text": "x"}).json["position"]
    graphml = client.get(f"/api/networks/{net}/map.graphml?min_position={position}").get_data(as_text=True)
    labels = {data.text for data in ElementTree.fromstring(graphml).iter() if data.text}
    assert {"Zoë 👩‍👩‍👧", 'Ömer <&> "Ali"', "Anna\u200bMaria"} <= labels


def test_a_lone_surrogate_anywhere_in_a_body_is_a_422_naming_the_field(client: FlaskClient, net: str) -> None:
    note = client.post(f"/api/networks/{net}/notes", data='{"text": "a\\ud800b"}', content_type="application/json")
    assert _refused(note, "text") == ["Not valid Unicode text: it holds a lone surrogate (such as \\ud800)."]
    body = '{"name": "Truus", "category": "friend", "ring": "friend", "skills": ["koken", "\\udfff"]}'
    contact = client.post(f"/api/networks/{net}/contacts", data=body, content_type="application/json")
    assert _refused(contact, "skills.1")


def test_a_name_of_emoji_made_of_surrogate_pairs_is_fine(client: FlaskClient, net: str) -> None:
    body = '{"name": "\\ud83d\\ude00 Truus", "category": "friend", "ring": "friend"}'
    assert client.post(f"/api/networks/{net}/contacts", data=body, content_type="application/json").status_code == 201


# ------------------------------------------------------------------ bodies and numbers
def test_json_nested_thousands_deep_is_a_400_saying_so(client: FlaskClient, net: str) -> None:
    deep = "[" * 5000 + "]" * 5000
    answer = client.post(f"/api/networks/{net}/notes", data=deep, content_type="application/json")
    assert_error(answer, 400, "bad_request")
    assert answer.json["message"] == "The JSON body is nested too deeply (at most 20 levels)."
    moderately = '{"text": ' + "[" * 30 + "]" * 30 + "}"
    answer = client.post(f"/api/networks/{net}/notes", data=moderately, content_type="application/json")
    assert_error(answer, 400, "bad_request")


def test_a_chunked_body_of_ten_megabytes_is_a_413_not_a_400(client: FlaskClient, net: str) -> None:
    body = io.BytesIO(b'{"text": "' + b"x" * 10_000_000 + b'"}')
    answer = client.post(
        f"/api/networks/{net}/notes",
        input_stream=body,
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},  # as gunicorn says of a chunked body
    )
    assert_error(answer, 413, "too_large")
    small = io.BytesIO(b'{"text": "klein"}')
    answer = client.post(
        f"/api/networks/{net}/notes",
        input_stream=small,
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert answer.status_code == 201


@pytest.mark.parametrize(("path", "name"), [("/api/networks", "after"), ("/timeline", "offset")])
def test_whole_numbers_past_64_bits_in_the_query_are_a_422(client: FlaskClient, net: str, path: str, name: str) -> None:
    url = path if path.startswith("/api") else f"/api/networks/{net}{path}"
    assert _refused(client.get(url, query_string={name: str(2**64)}), name)
    assert _refused(client.get(url, query_string={name: "9" * 40}), name)


def test_an_unknown_query_parameter_is_named_instead_of_silently_left_out(client: FlaskClient, net: str) -> None:
    typo = client.get(f"/api/networks/{net}/map", query_string={"asof": "2026-02-01"})
    assert _refused(typo, "asof") == ["Unknown field."]


def test_the_access_log_refuses_a_cursor_that_is_not_a_moment(client: FlaskClient, net: str) -> None:
    log = f"/api/networks/{net}/access-log"
    assert _refused(client.get(log, query_string={"before": "garbage"}), "before")
    client.get(f"/api/networks/{net}")
    [entry] = client.get(log).json["items"]
    assert client.get(log, query_string={"before": entry["at"]}).json["items"] == []
    later = client.get(log, query_string={"before": "2100-01-01T00:00:00+01:00"}).json["items"]
    assert [e["at"] for e in later][-1] == entry["at"]


# ------------------------------------------------------------------ the questionnaire page
@pytest.mark.parametrize("answer", ["²", "①", "-1", "99", "een"])
def test_a_questionnaire_answer_that_is_not_a_choice_is_a_readable_form_error(app: Flask, answer: str) -> None:
    desk = Desk(app)
    network = open_network(desk.api)
    sam = add_contact(desk.api, network, name="Sam", category="household", ring="intimate")
    desk.settled()
    answers = {f"answers.{i}": "1" for i in range(15)} | {"answers.3": answer}
    sent = desk.post(f"/netwerken/{network}/mantelzorgers/{sam}/vragenlijst/ediz_plus", answers)
    page = sent.get_data(as_text=True)
    assert sent.status_code == 422 and FIELD_ERROR.findall(page) == ["Kies een van de antwoorden."]


def test_a_page_refuses_control_characters_in_a_name_in_dutch(app: Flask, staff: Staff) -> None:
    desk = Desk(app, staff=staff)
    network = open_network(desk.api)
    desk.settled()
    sent = desk.post(f"/netwerken/{network}/contacten/nieuw", {"name": "Tru\x00us", "category": "friend"})
    assert "Gebruik geen stuurtekens of regeleinden in deze tekst." in FIELD_ERROR.findall(sent.get_data(as_text=True))
    blank = desk.post(f"/netwerken/{network}/contacten/nieuw", {"name": "\u200b", "category": "friend"})
    assert "Vul dit in." in FIELD_ERROR.findall(blank.get_data(as_text=True))


def test_the_timeline_page_reads_a_strange_kind_as_all_and_a_huge_offset_as_past_the_end(app: Flask) -> None:
    desk = Desk(app)
    network = open_network(desk.api)
    piet = add_contact(desk.api, network)
    tie = {"strength": "strong", "flow": "both", "effective_on": OPENED_ON}
    assert desk.api.put(f"/api/networks/{network}/contacts/{piet}/tie", json=tie).status_code == 200
    desk.settled()
    _, ties = desk.page(f"/netwerken/{network}/tijdlijn?soort=tie")
    assert "Band met Piet: sterk" in ties and "Piet toegevoegd" not in ties
    _, strange = desk.page(f"/netwerken/{network}/tijdlijn?soort=%00")
    assert "Band met Piet: sterk" in strange and "Piet toegevoegd" in strange
    status, far = desk.page(f"/netwerken/{network}/tijdlijn?vanaf={'9' * 30}")
    assert status == 200 and "Piet" not in far.split("<main", 1)[1]


def test_a_form_too_large_to_take_is_a_dutch_413_page(app: Flask) -> None:
    desk = Desk(app)
    network = open_network(desk.api)
    desk.settled()
    sent = desk.post(f"/netwerken/{network}/notities/nieuw", {"text": "x" * 100_000})
    assert sent.status_code == 413 and "Dit is te veel tekst" in sent.get_data(as_text=True)
