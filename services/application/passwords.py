"""A link to choose a password, by e-mail: for a new user (welcome) or one who forgot theirs."""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable, Mapping
from email.message import EmailMessage

from services.accounts.accounts import Accounts, User
from services.infrastructure.mail import SmtpSettings, send

log = logging.getLogger(__name__)


class PasswordLinks:
    """Start a password reset and mail its link; the answer is the same whether the address has an account."""

    def __init__(self, accounts: Accounts) -> None:
        self.accounts = accounts

    def send(self, email: str, welcome: bool, link: Callable[[str], str], env: Mapping[str, str]) -> None:
        """A reset link for the active account with this address, if there is one; `link` makes the page's address
        from the secret, `env` holds the KRING_SMTP_* settings."""
        started = self.accounts.start_reset(email)
        if started is not None:
            user, secret = started
            _mail(user, link(secret), welcome, env)


def _mail(user: User, link: str, welcome: bool, env: Mapping[str, str]) -> None:
    """The reset link by e-mail (without SMTP configured it cannot be sent; the log says so, without address)."""
    settings = SmtpSettings.from_env(env)
    if settings is None:
        log.warning("no SMTP configured (KRING_SMTP_HOST): password link for user %s not sent", user.id)
        return
    mail = EmailMessage()
    mail["From"], mail["To"] = settings.sender, user.email
    mail["Subject"] = "Welkom bij Kring: kies een wachtwoord" if welcome else "Kring: nieuw wachtwoord"
    mail.set_content(
        f"Goedendag {user.name},\n\nKies een wachtwoord via deze link (één uur geldig):\n{link}\n\n"
        "Vroeg u hier niet om? Dan kunt u dit bericht negeren.\n"
    )
    try:
        send(settings, mail)
    except (OSError, smtplib.SMTPException) as error:
        log.error("password link for user %s not sent: %s", user.id, type(error).__name__)
