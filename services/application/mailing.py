"""One e-mail to one person over SMTP (KRING_SMTP_*): invitations and the requests that follow them.

The words are the caller's (the web layer writes them in the reader's language); this only sends. Nothing fails
silently: without SMTP, or when the server refuses, the answer is False and the log says why, without address.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage

from services.infrastructure.mail import SmtpSettings, send

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Mail:
    """What one message says: its subject, plain text and HTML."""

    subject: str
    text: str
    html: str


def deliver(env: Mapping[str, str], to: str, mail: Mail, what: str) -> bool:
    """Send it; False when it could not go (`what` names it in the log, e.g. "invitation 5f..." ; no address)."""
    settings = SmtpSettings.from_env(env)
    if settings is None:
        log.warning("no SMTP configured (KRING_SMTP_HOST): %s not sent", what)
        return False
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = settings.sender, to, mail.subject
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    try:
        send(settings, message)
    except (OSError, smtplib.SMTPException) as error:
        log.error("%s not sent: %s", what, type(error).__name__)
        return False
    return True
