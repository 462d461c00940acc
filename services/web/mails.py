"""The e-mails of invitations, in the sender's language: the invitation itself, and an invitee's request for a new
link to whoever invited them. Their links come from links.py (KRING_BASE_URL), never from the request's host."""

from __future__ import annotations

import html
import os
from collections.abc import Mapping

from flask import current_app
from flask_babel import gettext as _

from services.accounts.accounts import User
from services.application.invitations import Invited, Sent
from services.application.mailing import Mail, deliver
from services.web.current import services
from services.web.links import links


def mail_env() -> Mapping[str, str]:
    """The KRING_SMTP_* settings: the environment, or the app's test settings."""
    return {**os.environ, **current_app.config.get("MAIL_ENV", {})}


def role_sentence(role: str, client: str) -> str:
    """What someone invited as this role will find in Kring."""
    if role == "spilmantelzorger":
        return _(
            "U houdt het overzicht in de zorg voor %(client)s. In Kring ziet u wie er om %(client)s heen staan, "
            "welke afspraken er zijn en hoe het met u zelf gaat.",
            client=client,
        )
    if role == "client":
        return _("Het netwerk is van u. In Kring ziet u uw eigen netwerk, en u bepaalt wie wat mag zien.")
    return _("In Kring ziet u wat u aangaat, en wat %(client)s u laat zien.", client=client)


def _mail(subject: str, paragraphs: list[str], link: str, button: str) -> Mail:
    """A plain and an HTML message with the same paragraphs and one link."""
    text = "\n\n".join([*paragraphs[:-1], f"{button}:\n{link}", paragraphs[-1]]) + "\n"
    parts = [f"<p>{html.escape(p)}</p>" for p in paragraphs[:-1]]
    parts.append(f'<p><a href="{html.escape(link)}">{html.escape(button)}</a></p>')
    parts.append(f"<p>{html.escape(paragraphs[-1])}</p>")
    return Mail(subject, text, "".join(parts))


def send_invitation(sent: Sent, inviter: User) -> bool:
    """The invitation's e-mail with its link; False when it could not go."""
    network = services().invitations.network_of(sent.network_id)
    invitation = network.open_invitations[sent.invitation_id]
    client = network.client_name
    mail = _mail(
        _("Uitnodiging voor het netwerk van %(client)s in Kring", client=client),
        [
            _("Beste %(name)s,", name=sent.name),
            _(
                "%(inviter)s nodigt u uit voor het netwerk rond %(client)s in Kring.",
                inviter=inviter.name,
                client=client,
            ),
            role_sentence(invitation.role, client),
            _("De link is een week geldig en werkt één keer."),
            _("Kent u deze uitnodiging niet, of wilt u niet meedoen? Dan hoeft u niets te doen."),
        ],
        links().external("invite.accept", token=sent.secret),
        _("Uitnodiging bekijken"),
    )
    return deliver(mail_env(), sent.email, mail, f"invitation {sent.invitation_id}")


def send_request_again(invited: Invited, inviter: User) -> bool:
    """To whoever invited: the invitee asks for a new link (theirs expired or was used)."""
    name = invited.invitation.name if invited.invitation else invited.link.email
    mail = _mail(
        _("%(name)s vraagt om een nieuwe uitnodiging", name=name),
        [
            _("Beste %(inviter)s,", inviter=inviter.name),
            _(
                "%(name)s kon de uitnodiging voor het netwerk van %(client)s niet meer gebruiken en vraagt om een "
                "nieuwe.",
                name=name,
                client=invited.client_name,
            ),
            _("Op de pagina Toegang ziet u wie toegang heeft, en kunt u een nieuwe uitnodiging sturen."),
        ],
        links().external("ownership.access_page", network_id=invited.link.network_id),
        _("Naar Toegang"),
    )
    return deliver(mail_env(), inviter.email, mail, f"request for invitation {invited.link.id}")
