"""Who may do what with a network: roles on the network, the client's consent, and what they add up to.

The client owns the network. The coordinator works with it in full; the client sees their own map and
history and decides consent; the spilmantelzorger sees the overview and the parts about their own care
and records burden and agreements; a member sees what concerns them, and the map only with consent.
Consent is given per person and per scope (map, burden, notes), and can be withdrawn at any time.
"""

from __future__ import annotations

from collections.abc import Iterable

ROLES: tuple[str, ...] = ("coordinator", "spilmantelzorger", "member", "client")
CONSENT_SCOPES: tuple[str, ...] = ("map", "burden", "notes")
NEEDS_CONSENT: tuple[str, ...] = ("spilmantelzorger", "member")  # coordinators and the client need none
# Invitations bring people of the network in as guests: never as coordinator. The client invites only to what is
# theirs to give: a member, with the consent scopes they choose (docs/decisions/0022).
INVITABLE_ROLES: tuple[str, ...] = ("spilmantelzorger", "member", "client")
CLIENT_INVITES: tuple[str, ...] = ("member",)

# Permissions: what a view needs. Reading anything about the network at all needs "see".
SEE = "see"
MAP = "map"  # the map, its measures, changes, contacts, roles, goals and the network's history
BURDEN = "burden"  # every carer's burden reports and signals
OWN_BURDEN = "own_burden"  # the burden of the carer one is oneself (one's own contact)
NOTES = "notes"  # notes, reviews and meetings
EDIT = "edit"  # every change to the network
CARE = "care"  # the spilmantelzorger's changes: burden, risk factors, roles (agreements), meetings
CONSENT = "consent"  # give and withdraw consent, see who has access
AUDIT = "audit"  # see who looked at the network
EXPORT = "export"  # download everything Kring holds about the network
ADMINISTER = "administer"  # grant and revoke access, close, reopen, erase

BY_ROLE: dict[str, frozenset[str]] = {
    "coordinator": frozenset({SEE, MAP, BURDEN, OWN_BURDEN, NOTES, EDIT, CARE, CONSENT, AUDIT, EXPORT, ADMINISTER}),
    "client": frozenset({SEE, MAP, CONSENT, AUDIT, EXPORT}),
    "spilmantelzorger": frozenset({SEE, MAP, OWN_BURDEN, CARE}),
    "member": frozenset({SEE, OWN_BURDEN}),
}
BY_SCOPE: dict[str, frozenset[str]] = {
    "map": frozenset({MAP}),
    "burden": frozenset({BURDEN}),
    "notes": frozenset({NOTES}),
}


def permissions(role: str | None, consent: Iterable[str] = ()) -> frozenset[str]:
    """What someone with this role on a network may do, with the consent the client gave them."""
    if role is None:
        return frozenset()
    granted = BY_ROLE[role]
    if role in NEEDS_CONSENT:
        for scope in consent:
            granted |= BY_SCOPE.get(scope, frozenset())
    return granted


# What one must be allowed to read an event's contents in the history and the export: the permission of the
# endpoint that shows the same thing (notes, reviews and meetings: NOTES; a carer's burden: BURDEN, or OWN_BURDEN
# for the carer one is). Every event type of a network is named here; a test fails when one is missing.
MAP_EVENTS: tuple[str, ...] = (
    "NetworkOpened",
    "ClientDetailsChanged",
    "ClientBirthDateRecorded",
    "LivingSituationChanged",
    "HelpQuestionRecorded",
    "CoordinatorChanged",
    "ReviewIntervalChanged",
    "NetworkClosed",
    "NetworkReopened",
    "NetworkErased",
    "ContactAdded",
    "ContactDetailsChanged",
    "ContactRemoved",
    "TieRecorded",
    "TieStrengthened",
    "TieWeakened",
    "TieStrained",
    "TieEased",
    "SupportFlowChanged",
    "ContactFrequencyChanged",
    "TieEnded",
    "ContactsAcquainted",
    "AcquaintanceEnded",
    "SupportRoleAssigned",
    "SupportRoleEnded",
    "SpilmantelzorgerDesignated",
    "SpilmantelzorgerStoodDown",
    "GoalSet",
    "GoalCompleted",
    "AccessGranted",
    "AccessRevoked",
    "ConsentGiven",
    "ConsentWithdrawn",
    "PersonInvited",
    "InvitationAccepted",
    "InvitationWithdrawn",
    "HelpRequested",
    "HelpRequestClosed",
)
EVENT_CONTENTS: dict[str, str] = dict.fromkeys(MAP_EVENTS, MAP) | {
    "NoteAdded": NOTES,
    "NetworkReviewed": NOTES,
    "SupportGroupMeetingHeld": NOTES,
    "CarerBurdenReported": BURDEN,
    "CarerRiskFactorsReported": BURDEN,
}


# Fields whose text is a note, whatever event holds them (a tie's note): read with NOTES, like the notes themselves.
NOTE_FIELDS: frozenset[str] = frozenset({"note"})


def may_read_event(event_type: str, allowed: frozenset[str], own_contact: str | None, carer: str | None) -> bool:
    """Whether someone with these permissions, who is `own_contact` in the network, may read the contents of
    an event of this type (about `carer`, for burden)."""
    needs = EVENT_CONTENTS[event_type]
    if needs == BURDEN and OWN_BURDEN in allowed and carer is not None and carer == own_contact:
        return True
    return needs in allowed
