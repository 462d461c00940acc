"""The services of the Flask app: installed once by create_app, reached the one way, by `services()`."""

from __future__ import annotations

from flask import Flask, current_app

from services.application.services import Services

KEY = "kring"  # the app's extensions key of its services (the only one)


def install(app: Flask, services: Services) -> None:
    """Give the app its services."""
    app.extensions[KEY] = services


def services_of(app: Flask) -> Services:
    """The services of this app (tests, the WSGI entry, the scheduler beside the app)."""
    found: Services = app.extensions[KEY]
    return found


def services() -> Services:
    """The services of the app handling this request or command."""
    return services_of(current_app)
