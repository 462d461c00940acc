"""Reminders by e-mail over SMTP: a plain-text and an HTML part in Dutch (Kring's language; accounts have none of
their own yet), with a link to the page that helps with it. The words are domain/words/care.py's."""

from __future__ import annotations

import html
import logging
import smtplib
from email.message import EmailMessage

from domain.words import Speaker
from domain.words import care as words
from services.application.reminders import Delivery
from services.infrastructure.mail import SmtpSettings, send
from services.web.language import speaker_for
from services.web.links import Links

log = logging.getLogger(__name__)


def message(delivery: Delivery, settings: SmtpSettings, link: str, say: Speaker | None = None) -> EmailMessage:
    """The reminder as an e-mail (Dutch unless `say` speaks another language) with a plain and an HTML part,
    linking to the page that helps with it."""
    say = say or speaker_for("nl")
    title, line = say(delivery.title), say(words.mail_line(delivery.title, delivery.due_on))
    greeting, footer, see = say(words.MAIL_GREETING), say(words.MAIL_FOOTER), say(words.MAIL_LINK)
    mail = EmailMessage()
    mail["From"] = settings.sender
    mail["To"] = ", ".join(delivery.recipients)
    mail["Subject"] = say(words.mail_subject(delivery.title))
    mail["Message-ID"] = f"<{delivery.reminder_id}@kring>"
    mail.set_content(f"{greeting}\n\n{line}\n\n{see}: {link}\n\n{footer}\n")
    escaped = html.escape(line).replace(html.escape(title), f"<strong>{html.escape(title)}</strong>", 1)
    mail.add_alternative(
        f'<p>{html.escape(greeting)}</p><p>{escaped}</p><p><a href="{html.escape(link)}">{html.escape(see)}</a></p>'
        f"<p>{html.escape(footer)}</p>",
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
