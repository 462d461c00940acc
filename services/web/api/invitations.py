"""Invitations over the API: someone of the network asked in by e-mail as a guest, with a role and consent; the
open invitations; withdrawing one; sending its link again. Accepting is the invitee's page (/uitnodiging/...)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from services.web import guest_schemas, schemas
from services.web.auth import current_user
from services.web.current import services
from services.web.http import Blueprint, answer, command, context
from services.web.mails import send_invitation

blp = Blueprint("invitations", __name__, url_prefix="/api/networks", description="Invitations (guests)")


@blp.route("/<uuid:network_id>/invitations", methods=["GET"])
@blp.response(200, guest_schemas.InvitationList)
def list_invitations(network_id: UUID) -> dict[str, Any]:
    """The open invitations: who, which role and consent, the address, until when the link holds."""
    return {"items": services().invitations.pending(network_id)}


@blp.route("/<uuid:network_id>/invitations", methods=["POST"])
@blp.arguments(guest_schemas.InvitationCreate)
@blp.response(201, guest_schemas.InvitationSent)
@blp.alt_response(409, schema=schemas.Error, description="Refused: role_not_yours, consent_not_needed, ...")
def create_invitation(body: dict[str, Any], network_id: UUID) -> Any:
    """Invite someone of the network by e-mail: a single-use link valid for a week; only its digest is kept.
    The coordinator invites a spilmantelzorger, a member or the client; the client a member (with the consent
    they choose); nobody a coordinator. Recorded as PersonInvited."""
    given = body.pop("contact_id", None)
    contact = str(given) if given else None
    sent = services().invitations.invite(network_id, context(), contact_id=contact, **body)
    delivered = send_invitation(sent, current_user())
    assert sent.outcome is not None
    result, status, headers = answer(sent.outcome, 201)
    return {**result, "sent": delivered}, status, headers


@command(blp, "/<uuid:network_id>/invitations/<invitation_id>", "DELETE", None)
def withdraw_invitation(network_id: UUID, invitation_id: str) -> Any:
    """Withdraw an open invitation: its link opens nothing any more (the client withdraws only their own)."""
    return answer(services().invitations.withdraw(network_id, context(), invitation_id))


@blp.route("/<uuid:network_id>/invitations/<invitation_id>/renewal", methods=["POST"])
@blp.response(200, guest_schemas.InvitationSent)
@blp.alt_response(409, schema=schemas.Error, description="The invitation was accepted or withdrawn")
def renew_invitation(network_id: UUID, invitation_id: str) -> dict[str, Any]:
    """Send the invitation again with a fresh link (valid for a week; the old link stops working)."""
    sent = services().invitations.renew(network_id, invitation_id)
    return {"id": invitation_id, "network_id": network_id, "sent": send_invitation(sent, current_user())}
