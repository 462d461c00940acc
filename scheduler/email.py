"""Reminders by e-mail over SMTP: a plain-text and an HTML part in Dutch, with a link to the network."""

from __future__ import annotations

import html
import logging
import smtplib
from email.message import EmailMessage

from services.application.reminders import Delivery
from services.infrastructure.mail import SmtpSettings, send
from services.web.links import Links

log = logging.getLogger(__name__)


def message(delivery: Delivery, settings: SmtpSettings, link: str) -> EmailMessage:
    """The reminder as a Dutch e-mail with a plain and an HTML part, linking to the page that helps with it."""
    mail = EmailMessage()
    mail["From"] = settings.sender
    mail["To"] = ", ".join(delivery.recipients)
    mail["Subject"] = f"Kring: {delivery.title}"
    mail["Message-ID"] = f"<{delivery.reminder_id}@kring>"
    mail.set_content(
        f"Goedendag,\n\n{delivery.title} (sinds {delivery.due_on:%d-%m-%Y}).\n\n"
        f"Bekijk het in Kring: {link}\n\nDit bericht komt van Kring; u krijgt het één keer.\n"
    )
    mail.add_alternative(
        f"<p>Goedendag,</p><p><strong>{html.escape(delivery.title)}</strong> "
        f'(sinds {delivery.due_on:%d-%m-%Y}).</p><p><a href="{html.escape(link)}">Bekijk het in Kring</a></p>'
        "<p>Dit bericht komt van Kring; u krijgt het één keer.</p>",
        subtype="html",
    )
    return mail


class EmailSender:
    """Sends reminders; a failure is logged (without personal data) and the inbox still has the reminder."""

    def __init__(self, settings: SmtpSettings, links: Links) -> None:
        self.settings = settings
        self.links = links

    def __call__(self, delivery: Delivery) -> None:
        if not delivery.recipients:
            return
        try:
            send(self.settings, message(delivery, self.settings, self.links.reminder(delivery)))
        except (OSError, smtplib.SMTPException) as error:
            log.error("e-mail for reminder %s not sent: %s", delivery.reminder_id, type(error).__name__)
