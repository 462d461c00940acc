"""Request and response schemas of bringing the network in: invitations, requests for help, the second factor."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from domain.permissions import CONSENT_SCOPES, INVITABLE_ROLES
from domain.vocabulary import SUPPORT_TYPES
from services.web.schemas import NAME, CommandResult, Dated, Strict

EMAIL = validate.Length(max=254)


class InvitationCreate(Strict):
    email = fields.Email(required=True, validate=EMAIL, metadata={"description": "Where the link goes."})
    name = fields.String(required=True, validate=NAME, metadata={"description": "How to address them."})
    role = fields.String(
        required=True,
        validate=validate.OneOf(INVITABLE_ROLES),
        metadata={"description": "Never coordinator: invitees are guests. The client invites a member only."},
    )
    contact_id = fields.UUID(
        load_default=None, metadata={"description": "The contact they are in the network (carers, members)."}
    )
    scopes = fields.List(
        fields.String(validate=validate.OneOf(CONSENT_SCOPES)),
        load_default=list,
        metadata={"description": "What the client lets them see (spilmantelzorgers and members only)."},
    )


class InvitationOut(Schema):
    id = fields.String()
    name = fields.String()
    email = fields.String(allow_none=True)
    role = fields.String()
    contact_id = fields.String(allow_none=True)
    scopes = fields.List(fields.String())
    on_behalf_of_client = fields.Boolean()
    invited_by = fields.String()
    invited_on = fields.Date()
    expires_at = fields.DateTime(allow_none=True, metadata={"description": "Until when its link holds."})
    expired = fields.Boolean(metadata={"description": "The link no longer holds: send it again."})
    asked_again = fields.Boolean(metadata={"description": "The invitee asked for a new link."})


class InvitationList(Schema):
    items = fields.List(fields.Nested(InvitationOut))


class InvitationSent(CommandResult):
    """The command's answer (its id: the invitation's), and whether the e-mail went out."""

    version = fields.Integer(allow_none=True, metadata={"description": "The network's version (when recorded)."})
    sent = fields.Boolean(metadata={"description": "Whether the e-mail went out (false: no SMTP, or refused)."})


class HelpRequestCreate(Dated):
    task = fields.String(required=True, validate=NAME, metadata={"description": "What needs doing."})
    support_type = fields.String(required=True, validate=validate.OneOf(SUPPORT_TYPES))
    rhythm = fields.String(load_default=None, allow_none=True, validate=NAME)


class HelpRequestOut(Schema):
    id = fields.String()
    task = fields.String()
    support_type = fields.String()
    rhythm = fields.String(allow_none=True)
    asked_by = fields.String()
    asked_on = fields.Date()


class HelpRequestList(Schema):
    items = fields.List(fields.Nested(HelpRequestOut))


class OneTimeCode(Strict):
    code = fields.String(required=True, validate=validate.Length(min=6, max=20))
