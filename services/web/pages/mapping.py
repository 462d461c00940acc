"""Netwerk in kaart brengen: the network mapped with the client at the kitchen table, in three steps of one save each.

1. Wie is belangrijk voor u? Many people on one screen, a row each (relation, ring, the tie, what they do), and the
   client's profile; for a new network this opens it. 2. Wie kent wie? 3. The spilmantelzorger. One day for the
   sitting, carried from step to step. Without JavaScript a button adds a row (what was typed stays); with a little
   (static/rows.js) rows are added in place. A problem comes back beside its row, with every row as typed.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from domain.network import Network
from domain.state import Contact, SupportRole
from domain.vocabulary import PROFESSIONAL_CATEGORIES
from services.application import intake
from services.application.kring import Context
from services.application.networks import VersionMismatch
from services.web.auth import current_user
from services.web.current import services
from services.web.http import caller
from services.web.intake_schemas import IntakeCreate, NewNetworkIntake, intake_of
from services.web.pages.context import done, network_or_404, parse_day, today
from services.web.pages.forms import Form, check, submit
from services.web.pages.rows import Renumbering, indices

blp = Blueprint("intake", __name__, template_folder="../templates")

FIRST_ROWS = 3  # empty rows on a new page: enough to start, and a button for more
CHOSEN = ("relation", "ring", "contact_mode", "strength", "flow", "frequency")
TASK_TEXT = ("support_type", "task", "rhythm", "direction")
NEW_PERSON = {"contact_mode": "in_person", "strength": "normal", "flow": "both"}
PROFILE = ("date_of_birth", "living_situation", "help_question")


# ------------------------------------------------------------------ the rows as the page shows them
def _new_row(values: dict[str, Any], row: int | str) -> None:
    for name, value in NEW_PERSON.items():
        values[f"people.{row}.{name}"] = value
    values[f"people.{row}.tasks.0.direction"] = "to_client"


def _existing_row(values: dict[str, Any], row: int, contact: Contact) -> None:
    prefix = f"people.{row}."
    values |= {prefix + "contact_id": contact.id, prefix + "name": contact.name, prefix + "ring": contact.ring}
    values |= {prefix + "relation": contact.relation or "", prefix + "contact_mode": contact.contact_mode or ""}
    values[prefix + "lives_with_client"] = "on" if contact.lives_with_client else ""
    tie = contact.tie
    values |= {prefix + "strength": tie.strength if tie else "", prefix + "flow": tie.flow if tie else "both"}
    values |= {prefix + "stressful": "on" if tie and tie.stressful else "", prefix + "tasks.0.direction": "to_client"}
    values[prefix + "frequency"] = (tie.frequency or "") if tie else ""


def _first_form(network: Network | None, day: date) -> Form:
    """The page as it opens: the people already there (revisiting) and a few empty rows."""
    values: dict[str, Any] = {"held_on": day.isoformat()}
    people = sorted(network.active_contacts, key=lambda c: c.name.lower()) if network else []
    for row, contact in enumerate(people):
        _existing_row(values, row, contact)
    for row in range(len(people), len(people) + (FIRST_ROWS if not people else 1)):
        _new_row(values, row)
    if network is not None:
        values |= {
            "client.date_of_birth": network.date_of_birth.isoformat() if network.date_of_birth else "",
            "client.living_situation": network.living_situation or "",
            "client.help_question": network.help_question,
        }
    return Form(values=values)


def _rows(form: Form, sent: MultiDict[str, str] | None) -> list[dict[str, Any]]:
    """Each row on the page: its index, its number as shown, the contact it is (if any), its task lines."""
    source = sent if sent is not None else MultiDict(form.values)
    rows = []
    for number, row in enumerate(indices(source, "people"), start=1):
        tasks = indices(source, f"people.{row}.tasks") or [0]
        contact_id = source.get(f"people.{row}.contact_id") or None
        rows.append({"index": row, "number": number, "contact_id": contact_id, "tasks": tasks})
    return rows


def _added(form: Form, rows: list[dict[str, Any]], what: str) -> list[dict[str, Any]]:
    """One more row (`person`) or task line (`task.3`), without saving: the no-JavaScript way to add."""
    if what == "person":
        row = max((r["index"] for r in rows), default=-1) + 1
        _new_row(form.values, row)
        rows.append({"index": row, "number": len(rows) + 1, "contact_id": None, "tasks": [0]})
    elif what.startswith("task.") and what[5:].isdigit():
        for r in rows:
            if r["index"] == int(what[5:]):
                r["tasks"].append(max(r["tasks"]) + 1)
                form.values[f"people.{r['index']}.tasks.{r['tasks'][-1]}.direction"] = "to_client"
    return rows


# ------------------------------------------------------------------ from the form to the intake's body
def _task(sent: MultiDict[str, str], prefix: str) -> dict[str, Any] | None:
    given = {name: sent.get(prefix + name, "").strip() for name in TASK_TEXT}
    if not given["task"] and not given["support_type"] and not given["rhythm"]:
        return None  # an empty task line
    return {k: v for k, v in given.items() if v or k == "task"} | {"rhythm": given["rhythm"] or None}


def _person(sent: MultiDict[str, str], row: int, numbers: Renumbering) -> dict[str, Any] | None:
    prefix = f"people.{row}."
    contact_id = sent.get(prefix + "contact_id") or None
    tasks, kept = [], []
    for t in indices(sent, prefix + "tasks"):
        task = _task(sent, f"{prefix}tasks.{t}.")
        if task is not None:
            tasks.append(task)
            kept.append(t)
    name = sent.get(prefix + "name", "").strip()
    chosen = {n: sent.get(prefix + n, "") for n in CHOSEN if sent.get(prefix + n)}
    if not contact_id and not name and not tasks and "relation" not in chosen:
        return None  # an empty row
    numbers.rows.append(row)
    numbers.tasks[row] = kept
    person: dict[str, Any] = {**({"name": name} if name or contact_id else {}), **chosen, "tasks": tasks}
    person["lives_with_client"] = bool(sent.get(prefix + "lives_with_client"))
    person["stressful"] = bool(sent.get(prefix + "stressful"))
    return person | ({"contact_id": contact_id} if contact_id else {})


def _body(sent: MultiDict[str, str], new: bool) -> tuple[dict[str, Any], Renumbering]:
    numbers = Renumbering()
    people = [p for row in indices(sent, "people") if (p := _person(sent, row, numbers)) is not None]
    client = {name: sent.get(f"client.{name}", "").strip() for name in PROFILE}
    body: dict[str, Any] = {"people": people, "client": {k: v for k, v in client.items() if v}}
    if sent.get("held_on"):
        body["held_on"] = sent["held_on"]
    if new:
        body["client_name"] = sent.get("client_name", "").strip()
    return body, numbers


# ------------------------------------------------------------------ step 1: who is important to you?
def _people_page(network: Network | None) -> Any:
    """Show step 1, add a row, or check and save every row at once."""
    if request.method == "GET":
        form = _first_form(network, today())
        return _render_people(network, form, _rows(form, None))
    sent = request.form
    form = Form(values=sent.to_dict())
    rows = _rows(form, sent)
    if sent.get("add"):
        rows = _added(form, rows, sent["add"])
        return _render_people(network, form, rows, focus=sent["add"], version=_current(network, sent, []))
    body, numbers = _body(sent, network is None)
    loaded = check(NewNetworkIntake() if network is None else IntakeCreate(), body, form)
    form.errors = _beside_relation(numbers.renamed(form.errors))
    recorded: list[intake.Recorded] = []
    outcome = submit(form, lambda: _save(network, loaded, sent, recorded))
    form.errors = numbers.renamed(form.errors)
    if outcome is None:
        return _render_people(network, form, rows, version=_current(network, sent, recorded)), 422
    count = recorded[0].contacts_added + recorded[0].contacts_changed
    message = ngettext("Opgeslagen: %(num)s persoon. Wie kent wie?", "Opgeslagen: %(num)s mensen. Wie kent wie?", count)
    return done(message, "intake.pairs", network_id=outcome.network_id, dag=loaded.get("held_on", today()).isoformat())


def _beside_relation(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """A row has no group field: a missing group is asked for beside "wie is dit voor de cliënt?"."""
    return {name.removesuffix(".category") + ".relation" if name.endswith(".category") else name: problems
            for name, problems in errors.items()}  # fmt: skip


def _save(network: Network | None, body: dict[str, Any], sent: MultiDict[str, str], out: list[Any]) -> Any:
    ctx = Context(caller(), body.get("held_on"), _version(sent))
    if network is None:
        found = intake.open_with_intake(services().kring, body["client_name"], current_user().id, intake_of(body), ctx)
        assert found.outcome is not None
        services().access.settled(found.outcome)
    else:
        try:
            found = intake.record_intake(services().kring, network.id, intake_of(body), ctx)
        except VersionMismatch:
            out.append(None)  # the page comes back with the network's version now, to try again
            raise
    out.append(found)
    return found.saved


def _version(sent: MultiDict[str, str]) -> int | None:
    """The network's version the page was made from: a change by someone else meanwhile is not overwritten."""
    version = sent.get("version", "")
    return int(version) if version.isdigit() else None


def _current(network: Network | None, sent: MultiDict[str, str], attempts: list[Any]) -> int | None:
    """The version a page shown again carries: the one it was made from, or, when someone else's change came in
    between (the page says so), the network's version now."""
    if network is None:
        return None
    if attempts and attempts[-1] is None:
        return services().kring.get_network(network.id).version
    return _version(sent) or network.version


def _render_people(
    network: Network | None, form: Form, rows: list[dict[str, Any]], focus: str = "", version: int | None = None
) -> Any:
    doing: dict[str, list[SupportRole]] = {}
    for role in network.active_roles if network else []:
        doing.setdefault(role.contact_id, []).append(role)
    template_form = Form()
    _new_row(template_form.values, "{i}")
    for row in rows:  # a row with a problem anywhere in it stands out
        row["has_error"] = any(name.startswith(f"people.{row['index']}.") for name in form.errors)
    return render_template(
        "intake/people.html",
        network=network,
        form=form,
        rows=rows,
        tasks_of=doing,
        labels=_labels(form, rows),
        focus=focus,
        version=version or (network.version if network else None),
        template_form=template_form,
    )


def _labels(form: Form, rows: list[dict[str, Any]]) -> dict[str, str]:
    """How the summary of problems names each field: `Persoon 4 (Henk): naam`."""
    fields = {
        "name": _("naam"),
        "relation": _("wie is dit voor de cliënt"),
        "ring": _("hoe dichtbij"),
        "contact_mode": _("hoe is er contact"),
        "strength": _("de band"),
        "flow": _("de steun"),
        "frequency": _("hoe vaak contact"),
        "support_type": _("soort steun"),
        "task": _("wat"),
        "rhythm": _("hoe vaak"),
        "direction": _("voor wie"),
        "category": _("wie is dit voor de cliënt"),
    }
    labels = {
        "held_on": _("Datum van het gesprek"),
        "client_name": _("Naam van de cliënt"),
        "client.date_of_birth": _("Geboortedatum"),
        "client.living_situation": _("Woonsituatie"),
        "client.help_question": _("Hulpvraag"),
    }
    for name in form.errors:
        parts = name.split(".")
        if parts[0] != "people" or len(parts) < 2:
            continue
        person = form.value(f"people.{parts[1]}.name") or ""
        who = _("Persoon %(number)s", number=int(parts[1]) + 1) + (f" ({person})" if person else "")
        if len(parts) >= 5:
            who += ", " + _("taak %(number)s", number=int(parts[3]) + 1)
        labels[name] = f"{who}: {fields.get(parts[-1], parts[-1])}" if len(parts) > 2 else who
    return labels


@blp.route("/netwerken/in-kaart", methods=["GET", "POST"])
def new() -> Any:
    """Map a new client's network: the people first, then who knows whom, then the spilmantelzorger."""
    return _people_page(None)


@blp.route("/netwerken/<uuid:network_id>/in-kaart", methods=["GET", "POST"])
def people(network_id: UUID) -> Any:
    """Bring the network up again with the client: everyone there, and whoever is new."""
    return _people_page(network_or_404(network_id))


# ------------------------------------------------------------------ step 2: who knows whom?
def _sitting_day() -> date:
    """The day of the sitting, carried from step to step (?dag=, or the form's held_on)."""
    return parse_day(request.values.get("dag") or request.values.get("held_on")) or today()


def _people_of(network: Network) -> list[Contact]:
    return sorted(network.active_contacts, key=lambda c: (c.name.lower(), c.id))


def _pair(first: str, second: str) -> str:
    return "|".join(sorted((first, second)))


@blp.route("/netwerken/<uuid:network_id>/in-kaart/wie-kent-wie", methods=["GET", "POST"])
def pairs(network_id: UUID) -> Any:
    """Step 2: per person, who else they know; one save for all pairs (unticked pairs no longer know each other)."""
    network = network_or_404(network_id)
    day = _sitting_day()
    known = {_pair(*a.contact_ids) for a in network.acquaintance_list}
    form = Form(values={"held_on": day.isoformat()})
    if request.method == "POST":
        ticked = {p for p in request.form.getlist("pairs") if p.count("|") == 1}
        plan = intake.Intake(
            acquaintances=[_split(p) for p in sorted(ticked - known)],
            acquaintances_ended=[_split(p) for p in sorted(known - ticked)],
        )
        ctx = Context(caller(), day, _version(request.form))
        if submit(form, lambda: intake.record_intake(services().kring, network_id, plan, ctx).saved):
            message = _("Opgeslagen wie elkaar kennen. Wie is de spilmantelzorger?")
            return done(message, "intake.spilmantelzorger", network_id=network_id, dag=day.isoformat())
        known = ticked
    return render_template(
        "intake/pairs.html",
        network=network,
        form=form,
        people=_people_of(network),
        known=known,
        day=day,
        pair=_pair,
        version=_shown_version(network, form),
    ), 200 if form.ok else 422


def _split(pair: str) -> tuple[str, str]:
    first, second = pair.split("|")
    return first, second


# ------------------------------------------------------------------ step 3: the spilmantelzorger
@blp.route("/netwerken/<uuid:network_id>/in-kaart/spilmantelzorger", methods=["GET", "POST"])
def spilmantelzorger(network_id: UUID) -> Any:
    """Step 3: who keeps the overview (an informal carer), or nobody yet."""
    network = network_or_404(network_id)
    day = _sitting_day()
    form = Form(values={"held_on": day.isoformat(), "contact_id": network.spilmantelzorger_id or ""})
    if request.method == "POST":
        chosen = request.form.get("contact_id", "")
        form.values["contact_id"] = chosen
        plan = intake.Intake(spilmantelzorger=chosen or None)
        ctx = Context(caller(), day, _version(request.form))
        if not chosen or chosen == network.spilmantelzorger_id:
            return _finished(network_id)
        if submit(form, lambda: intake.record_intake(services().kring, network_id, plan, ctx).saved):
            return _finished(network_id)
    informal = [c for c in _people_of(network) if c.category not in PROFESSIONAL_CATEGORIES]
    return render_template(
        "intake/spilmantelzorger.html",
        network=network,
        form=form,
        people=informal,
        day=day,
        version=_shown_version(network, form),
    ), 200 if form.ok else 422


def _shown_version(network: Network, form: Form) -> int:
    """The version the page carries: the network's now when it comes back after a refusal (someone else's change
    may be the reason), else the one it is made from."""
    return services().kring.get_network(network.id).version if not form.ok else network.version


def _finished(network_id: UUID) -> Response:
    return done(_("Het netwerk is in kaart gebracht. Dit is het ecogram van vandaag."), "network.ecogram",
                network_id=network_id)  # fmt: skip
