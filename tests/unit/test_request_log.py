"""Secret calendar links never reach the access log."""

from __future__ import annotations

from types import SimpleNamespace

from gunicorn.config import Config

from services.web.request_log import RedactingLogger


def test_the_access_log_hides_the_calendar_token_but_keeps_other_paths() -> None:
    logger = RedactingLogger(Config())
    request = SimpleNamespace(
        path="/calendar/s3cr3t-t0ken.ics",
        query="",
        method="GET",
        version=(1, 1),
        uri="/calendar/s3cr3t-t0ken.ics",
        headers=[],
    )
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/calendar/s3cr3t-t0ken.ics",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "PATH_INFO": "/calendar/s3cr3t-t0ken.ics",
        "QUERY_STRING": "",
    }
    atoms = logger.atoms(response, request, environ, SimpleNamespace(seconds=0, microseconds=1000))
    assert "s3cr3t" not in str(atoms["U"]) and "s3cr3t" not in str(atoms["r"])
    assert atoms["U"] == "/calendar/[token].ics"
    request.path = environ["PATH_INFO"] = "/api/networks"
    assert logger.atoms(response, request, environ, SimpleNamespace(seconds=0, microseconds=1000))["U"] == (
        "/api/networks"
    )


def test_the_access_log_hides_the_secret_of_password_and_invitation_links() -> None:
    logger = RedactingLogger(Config())
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    for path, shown in (
        ("/uitnodiging/s3cr3t-t0ken", "/uitnodiging/[token]"),
        ("/uitnodiging/s3cr3t-t0ken/nieuwe", "/uitnodiging/[token]/nieuwe"),
        ("/wachtwoord/s3cr3t-t0ken", "/wachtwoord/[token]"),
    ):
        request = SimpleNamespace(path=path, query="", method="POST", version=(1, 1), uri=path, headers=[])
        environ = {
            "REQUEST_METHOD": "POST",
            "RAW_URI": path,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "PATH_INFO": path,
            "QUERY_STRING": "",
        }
        atoms = logger.atoms(response, request, environ, SimpleNamespace(seconds=0, microseconds=1000))
        assert atoms["U"] == shown and "s3cr3t" not in str(atoms["r"])
