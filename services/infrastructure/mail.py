"""Sending e-mail over SMTP (reminders, password-reset links), configured by KRING_SMTP_* variables."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send: from KRING_SMTP_* and KRING_MAIL_FROM (the links in a mail: services/web/links.py)."""

    host: str
    port: int
    security: str  # "starttls", "ssl" or "none"
    username: str | None
    password: str | None
    sender: str

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SmtpSettings | None:
        """None when no SMTP host is configured (then reminders go to the inbox and the calendar only)."""
        host = env.get("KRING_SMTP_HOST")
        if not host:
            return None
        security = env.get("KRING_SMTP_SECURITY", "starttls")
        if security not in ("starttls", "ssl", "none"):
            raise ValueError(f"KRING_SMTP_SECURITY={security!r}: use starttls, ssl or none.")
        default_port = {"starttls": 587, "ssl": 465, "none": 25}[security]
        return cls(
            host,
            int(env.get("KRING_SMTP_PORT", default_port)),
            security,
            env.get("KRING_SMTP_USER"),
            env.get("KRING_SMTP_PASSWORD"),
            env.get("KRING_MAIL_FROM", "kring@localhost"),
        )


def send(settings: SmtpSettings, mail: EmailMessage) -> None:
    """Send one message (raises OSError or smtplib.SMTPException when it cannot)."""
    with _connect(settings) as connection:
        if settings.username:
            connection.login(settings.username, settings.password or "")
        connection.send_message(mail)


def _connect(s: SmtpSettings) -> smtplib.SMTP:
    if s.security == "ssl":
        return smtplib.SMTP_SSL(s.host, s.port, timeout=15, context=ssl.create_default_context())
    connection = smtplib.SMTP(s.host, s.port, timeout=15)
    if s.security == "starttls":
        connection.starttls(context=ssl.create_default_context())
    return connection
