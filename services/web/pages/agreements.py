"""The agreements of a support-group meeting as rows: what was agreed, and who takes it on (then it is their task,
recorded in the same save as the meeting)."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from services.web.pages.rows import indices

FIRST_ROWS = 3
ROW = ("text", "contact_id", "support_type", "rhythm")


def rows(sent: MultiDict[str, str]) -> list[int]:
    """The agreement rows the form had."""
    return indices(sent, "agreements") or list(range(FIRST_ROWS))


def body(sent: MultiDict[str, str]) -> tuple[dict[str, Any], dict[str, dict[int, int]]]:
    """The meeting as MeetingCreate takes it, and which page row each agreement and task came from."""
    loaded: dict[str, Any] = {"agreements": [], "tasks": []}
    numbers: dict[str, dict[int, int]] = {"agreements": {}, "tasks": {}}
    for row in indices(sent, "agreements"):
        given = {name: sent.get(f"agreements.{row}.{name}", "").strip() for name in ROW}
        if not any(given.values()):
            continue
        numbers["agreements"][len(loaded["agreements"])] = row
        loaded["agreements"].append(given["text"])
        if given["contact_id"] or given["support_type"]:
            numbers["tasks"][len(loaded["tasks"])] = row
            task = {"contact_id": given["contact_id"], "task": given["text"], "rhythm": given["rhythm"] or None}
            loaded["tasks"].append(task | ({"support_type": given["support_type"]} if given["support_type"] else {}))
    for name in ("held_on", "client_took_part"):
        if sent.get(name):
            loaded[name] = sent[name] == "ja" if name == "client_took_part" else sent[name]
    loaded["attendee_ids"] = [i for i in sent.getlist("attendee_ids") if i]
    loaded["attendees"] = [line.strip() for line in sent.get("attendees", "").splitlines() if line.strip()]
    return loaded, numbers


def renamed(errors: dict[str, list[str]], numbers: dict[str, dict[int, int]]) -> dict[str, list[str]]:
    """Problems named by the page's rows: `tasks.1.contact_id` -> `agreements.3.contact_id`."""
    found: dict[str, list[str]] = {}
    for name, problems in errors.items():
        parts = name.split(".")
        shown = name
        if parts[0] in numbers and len(parts) > 1 and parts[1].isdigit():
            row = numbers[parts[0]].get(int(parts[1]), int(parts[1]))
            field = "text" if parts[0] == "agreements" or parts[2:] == ["task"] else ".".join(parts[2:])
            shown = f"agreements.{row}.{field}"
        found.setdefault(shown, []).extend(problems)
    return found
