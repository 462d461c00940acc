"""The network's pages: the ecogram first (now or on a date), the Lensink circle, quality, who does what,
what changed, the timeline and the notes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from markupsafe import Markup

from domain.network import Network
from domain.permissions import BURDEN, CARE, EDIT, NOTES
from domain.words.history import EVERYTHING, TIMELINE_KIND
from domain.words.quality import MEASURE
from services.application.access import DELETED_ACCOUNT
from services.application.readside import TIMELINE_KINDS as KINDS
from services.application.readside import TimelineQuery
from services.web.auth import current_user, may, rights
from services.web.current import services
from services.web.drawing import Marks, ecogram_legend_svg, ecogram_svg, lensink_svg, map_data, what_changed
from services.web.language import say, speaker
from services.web.pages.context import look, network_or_404, parse_day, today
from services.web.pages.i18n import long_date
from services.web.schemas import INT64

blp = Blueprint("network", __name__, url_prefix="/netwerken/<uuid:network_id>", template_folder="../templates")
MAP_KINDS = ("contact", "tie", "role", "spilmantelzorger", "acquaintance")
TIMELINE_PAGE = 50
TIMELINE_CHOICES = (("", EVERYTHING), *((kind, TIMELINE_KIND[kind]) for kind in KINDS))  # every kind, in its order


def shown_day(network: Network) -> tuple[date | None, str | None]:
    """The day asked for with ?op= (None: today), and a note when it was moved into the network's lifetime."""
    asked = request.args.get("op")
    day = parse_day(asked)
    if asked and day is None:
        return None, _("Dat is geen datum; u ziet het netwerk van vandaag.")
    if day is None or day >= today():
        return None, None
    if day < network.opened_on:
        return network.opened_on, _("Het netwerk bestond toen nog niet; u ziet de dag waarop het begon.")
    return day, None


def on_day(network_id: UUID) -> tuple[Network, Network, date | None, str | None]:
    """The network now, the network as shown (now, or on the day of ?op=), that day, and a note about it."""
    current = network_or_404(network_id)
    day, note = shown_day(current)
    return current, current if day is None else network_or_404(network_id, day), day, note


def change_days(network_id: UUID) -> list[date]:
    """The days on which the map changed, oldest first (the stops of the time slider)."""
    lines = services().read_side.timelines.lines(network_id, TimelineQuery(kinds=MAP_KINDS, limit=100_000))
    return sorted({date.fromisoformat(line["effective_on"]) for line in lines})


def by_day(lines: list[dict[str, Any]]) -> list[tuple[date, list[dict[str, Any]]]]:
    """Timeline lines grouped by the day things happened, in the order given."""
    days: list[tuple[date, list[dict[str, Any]]]] = []
    for line in lines:
        day = date.fromisoformat(line["effective_on"])
        if not days or days[-1][0] != day:
            days.append((day, []))
        days[-1][1].append(line)
    return days


def drawing(svg: str) -> Markup:
    """A drawing made on the server from escaped text, put into the page as it is."""
    return Markup(svg)  # noqa: S704 - the drawing package escapes every text it writes


def _attention(network: Network) -> dict[str, Any]:
    found = services().overview.attention_on(network, current_user().id, today(), sees_burden=may(BURDEN))
    if found["signals"]:
        look([str(network.id)], "signalen van overbelasting")
    return found


@blp.route("", methods=["GET"])
def ecogram(network_id: UUID) -> Any:
    """The ecogram, now or as on ?op=YYYY-MM-DD, with its legend, the contacts, and what needs attention."""
    current, shown, day, note = on_day(network_id)
    label = long_date(day or today())
    stops = change_days(network_id)
    return render_template(
        "network/ecogram.html",
        network=current,
        shown=shown,
        day=day,
        note=note,
        drawing=drawing(ecogram_svg(map_data(shown), label, gettext=speaker(), id_prefix="ecogram")),
        legend=drawing(ecogram_legend_svg(gettext=speaker(), id_prefix="legenda")),
        earlier=max((d for d in stops if d < (day or today())), default=None),
        later=min((d for d in stops if day and d > day), default=None),
        slider_days=(today() - current.opened_on).days,
        slider_value=((day or today()) - current.opened_on).days,
        attention=_attention(current) if day is None else None,
        may_edit=may(EDIT),
        may_care=may(CARE),
        may_burden=may(BURDEN),
    )


@blp.route("/cirkel", methods=["GET"])
def circle(network_id: UUID) -> Any:
    """Lensink's network circle: rings from intimate to services, sectors from family to society."""
    current, shown, day, note = on_day(network_id)
    svg = lensink_svg(map_data(shown), long_date(day or today()), gettext=speaker(), id_prefix="cirkel")
    return render_template("network/circle.html", network=current, day=day, note=note, drawing=drawing(svg))


@blp.route("/kwaliteit", methods=["GET"])
def quality(network_id: UUID) -> Any:
    """The quality of the network, the answer first (what is strong, what needs care), then each measure with
    what it says about this client and what it means."""
    current = network_or_404(network_id)
    day, note = shown_day(current)
    found = services().read_side.measures(network_id, day)
    return render_template("network/quality.html", network=current, day=day, note=note, found=found, names=MEASURE)


@blp.route("/wie-doet-wat", methods=["GET"])
def tasks(network_id: UUID) -> Any:
    """Who does what in this network: tasks with their rhythm, and the goals of the action plan."""
    current = network_or_404(network_id)
    roles = sorted(current.active_roles, key=lambda r: (current.contacts[r.contact_id].name.lower(), r.task))
    return render_template("network/tasks.html", network=current, roles=roles, may_edit=may(EDIT), may_care=may(CARE))


@blp.route("/veranderingen", methods=["GET"])
def changes(network_id: UUID) -> Any:
    """What changed since a day (default: the last review, else the opening), with both maps side by side."""
    current = network_or_404(network_id)
    end = today()
    start = parse_day(request.args.get("sinds")) or current.last_reviewed_on or current.opened_on
    start = min(max(start, current.opened_on - timedelta(days=1)), end)
    found = services().read_side.changes(network_id, start, end)
    then = map_data(network_or_404(network_id, start)) if start >= current.opened_on else None
    now = map_data(current)
    changed = what_changed(then, now)  # marked on the maps: who came, who went, which ties changed
    query = TimelineQuery(kinds=MAP_KINDS, start=start + timedelta(days=1), limit=1000, newest_first=True)
    return render_template(
        "network/changes.html",
        network=current,
        start=start,
        found=found,
        burden=_burden_between(current, start, end),
        before=drawing(
            ecogram_svg(then, long_date(start), gettext=speaker(), id_prefix="toen", marks=Marks(changed.then()))
        )
        if then
        else None,
        after=drawing(ecogram_svg(now, long_date(end), gettext=speaker(), id_prefix="nu", marks=Marks(changed.now()))),
        days=by_day(services().history.lines(network_id, query, rights())),
    )


def _burden_between(network: Network, start: date, end: date) -> list[dict[str, Any]]:
    """Each carer's burden before and after (the carers whose burden the reader may see), for "Veranderingen"."""
    between = services().burden.between(network, start, end)
    return [row for row in between if may(BURDEN) or row["carer_id"] == _own_contact()]


def _own_contact() -> str | None:
    access = rights().access
    return access.contact_id if access else None


@blp.route("/tijdlijn", methods=["GET"])
def timeline(network_id: UUID) -> Any:
    """Everything that happened, newest first, grouped by day; by kind. "Vastgelegd door" where someone else
    recorded it; each line says as much as the reader's role may read."""
    current = network_or_404(network_id)
    kind = request.args.get("soort", "")
    kind = kind if kind in KINDS else ""  # a kind it does not know (an address typed by hand): everything
    offset = min(max(request.args.get("vanaf", 0, type=int) or 0, 0), INT64)
    query = TimelineQuery(kinds=(kind,) if kind else (), offset=offset, limit=TIMELINE_PAGE + 1, newest_first=True)
    lines = services().history.lines(network_id, query, rights())[: TIMELINE_PAGE + 1]
    me = current_user().id
    others = {line["recorded_by"] for line in lines} - {me}
    names = services().access.names_of(others, say(DELETED_ACCOUNT))
    return render_template(
        "network/timeline.html",
        network=current,
        days=by_day(lines[:TIMELINE_PAGE]),
        names=names,
        me=me,
        kind=kind,
        offset=offset,
        more=len(lines) > TIMELINE_PAGE,
        page=TIMELINE_PAGE,
        timeline_kinds=TIMELINE_CHOICES,
    )


@blp.route("/notities", methods=["GET"])
def notes(network_id: UUID) -> Any:
    """The notes, reviews and support-group meetings."""
    current = network_or_404(network_id)
    records = {kind: services().read_side.records.list(network_id, kind) for kind in ("note", "review", "meeting")}
    return render_template("network/notes.html", network=current, records=records, may_edit=may(EDIT) and may(NOTES))
