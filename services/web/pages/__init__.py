"""The web pages: Kring's Dutch interface for coordinators and spilmantelzorgers, on the same rules as the API.

Each view is reached only through auth.authorize, with the rule of its endpoint in rules.py: the same
permission as its API counterpart, a network one may not see is a 404, and a look at personal data is logged.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Flask
from markupsafe import Markup

from domain import days
from services.web.auth import may
from services.web.links import reminder_path
from services.web.pages import (
    account,
    carers,
    errors,
    forms_pages,
    home,
    i18n,
    invite,
    mapping,
    mine,
    network,
    ownership,
    people,
    printing,
    reminders,
    signin,
    staff,
)
from services.web.pages.context import today

__all__ = ["BLUEPRINTS", "init_app", "printing"]  # printing adds the print page and the PDF to the network's blueprint
BLUEPRINTS = (
    signin.blp,
    home.blp,
    network.blp,
    forms_pages.blp,
    carers.blp,
    reminders.blp,
    ownership.blp,
    invite.blp,
    account.blp,
    staff.blp,
    mine.blp,
    mapping.blp,
    people.blp,
)


def init_app(app: Flask) -> None:
    """Languages, the pages' blueprints (signing in first) and the readable error pages."""
    i18n.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.jinja_env.globals.update(may=may, day_bounds=day_bounds, latest_day=latest_day, reminder_path=reminder_path)
    app.jinja_env.globals.update(person_url=people.person_url, age_on=days.age_on)
    app.context_processor(_page_context)
    errors.init_app(app)


def _page_context() -> dict[str, Any]:
    return {"today": today()}


def latest_day() -> date:
    """The last day a plan may name (domain.days)."""
    return days.latest(today())


def day_bounds(planned: bool = False) -> Markup:
    """The min and max of a date field: a day that happened (1900 to today), or a planned one (to ten years on)."""
    last = latest_day() if planned else today()
    return Markup('min="{}" max="{}"').format(days.EARLIEST.isoformat(), last.isoformat())
