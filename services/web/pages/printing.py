"""The ecogram on one A4 page, with legend and date, to give to the client: print CSS, and a PDF by WeasyPrint."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from uuid import UUID

from flask import Response, current_app, redirect, render_template, request, url_for

from services.web.drawing import ecogram_svg, map_data
from services.web.language import speaker
from services.web.pages.context import today
from services.web.pages.i18n import long_date
from services.web.pages.network import blp, drawing, on_day

log = logging.getLogger(__name__)


def _page(network_id: UUID, for_pdf: bool) -> tuple[str, str]:
    current, shown, day, _note = on_day(network_id)
    label = long_date(day or today())
    svg = ecogram_svg(map_data(shown), label, gettext=speaker(), with_legend=True, id_prefix="afdruk")
    page = render_template(
        "network/print.html", network=current, day=day, label=label, drawing=drawing(svg), for_pdf=for_pdf
    )
    return page, (day or today()).isoformat()


@blp.route("/afdrukken", methods=["GET"])
def print_page(network_id: UUID) -> Any:
    """The ecogram on an A4 page (the browser prints it; print CSS)."""
    return _page(network_id, for_pdf=False)[0]


@blp.route("/ecogram.pdf", methods=["GET"])
def print_pdf(network_id: UUID) -> Any:
    """The same A4 page as a PDF file (WeasyPrint); without its system libraries, the print page instead."""
    page, day = _page(network_id, for_pdf=True)
    try:
        from weasyprint import CSS, HTML  # noqa: PLC0415 - loads Pango and friends: only when a PDF is asked for
    except OSError:  # the system libraries (Pango) are missing on this machine
        log.warning("WeasyPrint cannot load its system libraries; sending the print page instead")
        return redirect(url_for("network.print_page", network_id=network_id, op=request.args.get("op")), 303)
    style = CSS(string=(Path(current_app.static_folder or "") / "print.css").read_text())  # the page links it
    pdf = HTML(string=page).write_pdf(stylesheets=[style])
    name = f"ecogram-{day}.pdf"
    return Response(pdf, mimetype="application/pdf", headers={"Content-Disposition": f'attachment; filename="{name}"'})
