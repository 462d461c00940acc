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
