"""Reminders by e-mail over SMTP: a plain-text and an HTML part in Dutch, with a link to the network."""

from __future__ import annotations

import html
import logging
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage

from services.reminders import Delivery

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send: from KRING_SMTP_* and KRING_MAIL_FROM / KRING_BASE_URL."""

    host: str
    port: int
    security: str  # "starttls", "ssl" or "none"
    username: str | None
    password: str | None
    sender: str
    base_url: str

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
            env.get("KRING_BASE_URL", "http://127.0.0.1:5000"),
        )


def message(delivery: Delivery, settings: SmtpSettings) -> EmailMessage:
    """The reminder as a Dutch e-mail with a plain and an HTML part."""
    link = f"{settings.base_url.rstrip('/')}/networks/{delivery.network_id}"
    mail = EmailMessage()
    mail["From"] = settings.sender
    mail["To"] = ", ".join(delivery.recipients)
    mail["Subject"] = f"Kring: {delivery.title}"
    mail["Message-ID"] = f"<{delivery.reminder_id}@kring>"
    mail.set_content(
        f"Goedendag,\n\n{delivery.title} (sinds {delivery.due_on:%d-%m-%Y}).\n\n"
        f"Bekijk het netwerk: {link}\n\nDit bericht komt van Kring; u krijgt het één keer.\n"
    )
    mail.add_alternative(
        f"<p>Goedendag,</p><p><strong>{html.escape(delivery.title)}</strong> "
        f'(sinds {delivery.due_on:%d-%m-%Y}).</p><p><a href="{html.escape(link)}">Bekijk het netwerk</a></p>'
        "<p>Dit bericht komt van Kring; u krijgt het één keer.</p>",
        subtype="html",
    )
    return mail


class EmailSender:
    """Sends reminders; a failure is logged (without personal data) and the inbox still has the reminder."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.security == "ssl":
            return smtplib.SMTP_SSL(s.host, s.port, timeout=15, context=ssl.create_default_context())
        connection = smtplib.SMTP(s.host, s.port, timeout=15)
        if s.security == "starttls":
            connection.starttls(context=ssl.create_default_context())
        return connection

    def __call__(self, delivery: Delivery) -> None:
        if not delivery.recipients:
            return
        try:
            with self._connect() as connection:
                if self.settings.username:
                    connection.login(self.settings.username, self.settings.password or "")
                connection.send_message(message(delivery, self.settings))
        except (OSError, smtplib.SMTPException) as error:
            log.error("e-mail for reminder %s not sent: %s", delivery.reminder_id, type(error).__name__)
