"""A page for the fridge: one A4 page with the ecogram, who does what and when, and the phone numbers in large type;
printed from the browser (print CSS) or as a PDF made by WeasyPrint.

The phone numbers are contacts' details, which the map permission covers (the API's contacts show them): whoever
may see the map (by role, or a member by the client's consent for the map) may print them; `?telefoon=nee` leaves
them off, for a sheet that hangs where visitors see it. The PDF is always one page: when the network holds more
than fits, it shows fewer rows and says how many more there are in Kring. `?alleen=ecogram` prints the ecogram
alone, as large as A4 allows, with the legend the drawing sizes for that page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

from flask import Response, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from domain.network import Network
from domain.vocabulary import RINGS
from services.web.drawing import ecogram_legend_svg, ecogram_svg, map_data
from services.web.language import speaker
from services.web.pages.context import today
from services.web.pages.i18n import long_date
from services.web.pages.network import blp, drawing, on_day

log = logging.getLogger(__name__)
MOST_PEOPLE = 16  # in the PDF at most; fewer when they do not fit on one page with the ecogram
ON_SCREEN = 10  # on the page the browser prints, which cannot measure what fits


@dataclass(frozen=True)
class Sheet:
    """The people on the page (each with what they do and when, and their phone number) and how many more."""

    people: list[dict[str, Any]]
    more: int


def people(network: Network, with_phones: bool) -> list[dict[str, Any]]:
    """Everyone with a task, or (with_phones) with a phone number: the spilmantelzorger first, then from the closest
    ring outwards; each with their tasks and when (what the client does for them too) and their number."""
    tasks: dict[str, list[dict[str, str]]] = {}
    for role in sorted(network.active_roles, key=lambda r: r.task.lower()):
        what = role.task
        if role.direction == "from_client":
            what = _("%(task)s (door de cliënt)", task=role.task)
        tasks.setdefault(role.contact_id, []).append({"what": what, "when": role.rhythm or ""})
    listed = [c for c in network.active_contacts if c.id in tasks or (with_phones and c.phone)]
    listed.sort(key=lambda c: (c.id != network.spilmantelzorger_id, RINGS.index(c.ring), c.name.lower()))
    return [
        {
            "name": c.name,
            "spilmantelzorger": c.id == network.spilmantelzorger_id,
            "phone": c.phone if with_phones else None,
            "dial": _dial(c.phone or ""),
            "tasks": tasks.get(c.id, []),
        }
        for c in listed
    ]


def _dial(phone: str) -> str:
    """The number as a tel: link wants it: digits, and a leading +."""
    return ("+" if phone.startswith("+") else "") + "".join(ch for ch in phone if ch.isdigit())


def _html(page: dict[str, Any], for_pdf: bool, fit: int) -> str:
    """The print page with at most `fit` people on it."""
    listed = page["people"]
    return render_template(
        "network/print.html", **page, for_pdf=for_pdf, sheet=Sheet(listed[:fit], max(len(listed) - fit, 0))
    )


def _content(network_id: UUID) -> dict[str, Any]:
    """What the print page shows: the network (now, or on ?op=), its ecogram with the legend beside it, and its
    people; or (?alleen=ecogram) the ecogram alone, as large as the page allows, its legend under it."""
    current, shown, day, _note = on_day(network_id)
    label = long_date(day or today())
    alone = request.args.get("alleen") == "ecogram"
    svg = ecogram_svg(map_data(shown), label, gettext=speaker(), with_legend=alone, id_prefix="afdruk")
    with_phones = request.args.get("telefoon") != "nee"
    return {
        "network": current,
        "day": day,
        "label": label,
        "drawing": drawing(svg),
        "legend": None if alone else drawing(ecogram_legend_svg(gettext=speaker(), id_prefix="afdruk-legenda")),
        "alone": alone,
        "with_phones": with_phones,
        "people": [] if alone else people(shown, with_phones),
    }


@blp.route("/afdrukken", methods=["GET"])
def print_page(network_id: UUID) -> Any:
    """The page for the fridge on A4 (the browser prints it; print CSS)."""
    return _html(_content(network_id), for_pdf=False, fit=ON_SCREEN)


@blp.route("/ecogram.pdf", methods=["GET"])
def print_pdf(network_id: UUID) -> Any:
    """The same A4 page as a PDF file (WeasyPrint), always one page; without its system libraries, the print page."""
    try:
        from weasyprint import CSS, HTML  # noqa: PLC0415 - loads Pango and friends: only when a PDF is asked for
    except OSError:  # the system libraries (Pango) are missing on this machine
        log.warning("WeasyPrint cannot load its system libraries; sending the print page instead")
        values: dict[str, Any] = {k: v for k, v in request.args.items() if k in ("op", "telefoon", "alleen")}
        return redirect(url_for("network.print_page", network_id=network_id, **values), 303)
    style = CSS(string=(Path(current_app.static_folder or "") / "print.css").read_text())  # the page links it
    page = _content(network_id)
    document = _one_page(lambda fit: HTML(string=_html(page, for_pdf=True, fit=fit)).render(stylesheets=[style]))
    name = f"ecogram-{(page['day'] or today()).isoformat()}.pdf"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(document.write_pdf(), mimetype="application/pdf", headers=headers)


def _one_page(render: Callable[[int], Any]) -> Any:
    """The rendering with as many people as fit on one page: each try lists the people the last one had room for
    on its first page, less one for the line that says how many more there are (two renderings, mostly)."""
    fit, document = MOST_PEOPLE, render(MOST_PEOPLE)
    while len(document.pages) > 1 and fit > 0:
        on_first = sum(1 for anchor in document.pages[0].anchors if anchor.startswith("persoon-"))
        fit = max(min(fit, on_first) - 1, 0)
        document = render(fit)
    return document
