"""The WSGI entry point for gunicorn (`services.wsgi:app`): the app with its background work started."""

from services.web import create_app, start_background

app = create_app()
start_background(app)
