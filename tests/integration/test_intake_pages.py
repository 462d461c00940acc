"""The intake page without JavaScript: a button adds a row and keeps what was typed, a problem in one row brings
every row back as typed with the problem beside that row, and the three steps each save at once."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask

from tests.integration.api_helpers import network as read_network
from tests.integration.test_pages import FIELD_ERROR, Desk

NETWORK = re.compile(r"/netwerken/([0-9a-f-]{36})/in-kaart/wie-kent-wie\?dag=2026-11-20$")


def _row(index: int, name: str, relation: str, ring: str, **more: str) -> dict[str, str]:
    row = {"name": name, "relation": relation, "ring": ring, "contact_mode": "in_person", "strength": "normal"}
    row |= {"flow": "both", "tasks.0.direction": "to_client", **more}
    return {f"people.{index}.{key}": value for key, value in row.items()}


def _first_step(**extra: str) -> dict[str, str]:
    form = {"client_name": "Mevrouw Jansen", "held_on": "2026-11-20", "client.living_situation": "alone"}
    form |= _row(0, "Ria", "child", "intimate", **{"tasks.0.support_type": "practical", "tasks.0.task": "boodschappen"})
    form |= _row(1, "Joke", "neighbour", "friend")
    form |= _row(2, "", "", "")  # an empty row: left out
    return form | extra


def test_a_button_adds_a_row_and_what_was_typed_stays(app: Flask) -> None:
    desk = Desk(app)
    status, page = desk.page("/netwerken/in-kaart")
    assert status == 200 and "Wie is belangrijk voor u?" in page and 'name="people.2.name"' in page
    more = desk.post("/netwerken/in-kaart", {**_first_step(), "add": "person"})
    page = more.get_data(as_text=True)
    assert more.status_code == 200 and 'name="people.3.name"' in page and "autofocus" in page
    assert 'value="Ria"' in page and 'value="boodschappen"' in page and 'value="Mevrouw Jansen"' in page
    task = desk.post("/netwerken/in-kaart", {**_first_step(), "add": "task.0"})
    assert 'name="people.0.tasks.1.task"' in task.get_data(as_text=True)
    assert desk.api.get("/api/networks").json["items"] == []  # adding rows saves nothing


def test_a_problem_in_row_four_comes_back_beside_row_four_with_every_row_as_typed_and_nothing_saved(
    app: Flask,
) -> None:
    desk = Desk(app)
    form = _first_step() | _row(3, "", "friend", "friend", **{"tasks.0.task": "belt op zondag"})
    answer = desk.post("/netwerken/in-kaart", form)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert FIELD_ERROR.findall(page) == ["Vul dit in.", "Vul dit in."]  # the name, and the task's kind
    row_four = page.split('id="persoon-3"')[1].split("</fieldset>\n</fieldset>")[0]
    assert 'id="veld-people-3-name-fout"' in row_four and "Vul dit in." in row_four
    assert "Persoon 4: naam" in page  # the summary names the row
    assert 'value="Ria"' in page and 'value="belt op zondag"' in page
    assert desk.api.get("/api/networks").json["items"] == []


def test_the_three_steps_map_a_network_with_one_save_each_on_the_day_of_the_sitting(app: Flask) -> None:
    desk = Desk(app)
    first = desk.post("/netwerken/in-kaart", _first_step())
    assert first.status_code == 303, first.get_data(as_text=True)
    found = NETWORK.search(first.headers["Location"])
    assert found is not None
    network_id = found.group(1)
    desk.settled()
    status, page = desk.page(first.headers["Location"])
    assert status == 200 and "Joke kent ook:" in page
    people = {c["name"]: c["id"] for c in read_network(desk.api, network_id)["contacts"]}
    pair = "|".join(sorted((people["Ria"], people["Joke"])))
    version = read_network(desk.api, network_id)["version"]
    second = desk.post(first.headers["Location"], {"pairs": pair, "held_on": "2026-11-20", "version": str(version)})
    assert second.status_code == 303 and "/in-kaart/spilmantelzorger?dag=2026-11-20" in second.headers["Location"]
    desk.settled()
    version = read_network(desk.api, network_id)["version"]
    third = desk.post(second.headers["Location"], {"contact_id": people["Ria"], "held_on": "2026-11-20",
                                                    "version": str(version)})  # fmt: skip
    assert third.status_code == 303 and third.headers["Location"].endswith(f"/netwerken/{network_id}")
    mapped = read_network(desk.api, network_id)
    assert mapped["spilmantelzorger"]["name"] == "Ria" and len(mapped["acquaintances"]) == 1
    assert mapped["living_situation"] == "alone" and [r["task"] for r in mapped["roles"]] == ["boodschappen"]
    events = desk.api.get(f"/api/networks/{network_id}/events").json["items"]
    assert {e["effective_on"] for e in events} == {"2026-11-20"}


def test_a_stale_page_is_refused_and_comes_back_as_typed_with_the_version_of_now(app: Flask) -> None:
    desk = Desk(app)
    network_id = desk.api.post("/api/networks", json={"client_name": "Ans", "opened_on": "2026-01-05"}).json["id"]
    desk.settled()
    _, page = desk.page(f"/netwerken/{network_id}/in-kaart")
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version is not None
    desk.api.patch(f"/api/networks/{network_id}", json={"help_question": "Weer naar buiten."})
    form: dict[str, Any] = {"version": version.group(1), "held_on": "2026-11-20"} | _row(0, "Ria", "child", "intimate")
    answer = desk.post(f"/netwerken/{network_id}/in-kaart", form)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422 and "Iemand anders veranderde het netwerk" in page and 'value="Ria"' in page
    assert f'name="version" value="{int(version.group(1)) + 1}"' in page
    assert read_network(desk.api, network_id)["contacts"] == []


def test_revisiting_shows_everyone_as_they_are_and_records_only_what_changed_dated_that_day(app: Flask) -> None:
    desk = Desk(app)
    network_id = desk.api.post("/api/networks", json={"client_name": "Ans", "opened_on": "2026-01-05"}).json["id"]
    body = {"name": "Piet", "relation": "friend", "ring": "intimate", "effective_on": "2026-01-05"}
    piet = desk.api.post(f"/api/networks/{network_id}/contacts", json=body).json["id"]
    tie = {"strength": "strong", "flow": "both", "effective_on": "2026-01-05"}
    assert desk.api.put(f"/api/networks/{network_id}/contacts/{piet}/tie", json=tie).status_code == 200
    desk.settled()
    _, page = desk.page(f"/netwerken/{network_id}/in-kaart")
    assert f'name="people.0.contact_id" value="{piet}"' in page and 'value="Piet"' in page
    assert re.search(r'<option value="intimate" selected', page) and re.search(r'<option value="strong" selected', page)
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version is not None and 'name="people.1.name"' in page  # and an empty row for someone new
    form = {"version": version.group(1), "held_on": "2026-11-20", "people.0.contact_id": piet}
    form |= {k: v for k, v in _row(0, "Piet", "friend", "friend", strength="tenuous").items() if "tasks" not in k}
    form |= _row(1, "An", "sibling", "friend", **{"tasks.0.support_type": "companionship", "tasks.0.task": "wandelen"})
    form |= {"people.0.contact_mode": "phone"}
    saved = desk.post(f"/netwerken/{network_id}/in-kaart", form)
    assert saved.status_code == 303, saved.get_data(as_text=True)
    history = desk.api.get(f"/api/networks/{network_id}/events").json["items"]
    new = [e for e in history if e["effective_on"] == "2026-11-20"]
    assert [e["type"] for e in new] == [
        "ContactDetailsChanged",  # ring and contact mode
        "TieWeakened",
        "ContactAdded",
        "TieRecorded",
        "SupportRoleAssigned",
    ]
    assert new[0]["data"]["changes"] == {"ring": "friend", "contact_mode": "phone"}


def test_a_person_without_a_relation_is_asked_who_they_are_beside_that_field(app: Flask) -> None:
    desk = Desk(app)
    form = _first_step() | {"people.1.relation": ""}
    answer = desk.post("/netwerken/in-kaart", form)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert 'id="veld-people-1-relation-fout">Kies wie dit is voor de cliënt, of een groep.' in page
    assert "Persoon 2 (Joke): wie is dit voor de cliënt" in page
