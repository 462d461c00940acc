"""The access policy in one table: for every endpoint, who may call it and whether it is a look at personal data.

Policy: no credentials is 401. A network one has no role on answers 404, exactly like a network that does not
exist, so nobody learns which networks exist. A role on the network that does not allow this action is 403.
An endpoint missing from this table is refused (and a test fails), so no new endpoint is ever open by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.permissions import ADMINISTER, AUDIT, BURDEN, CARE, CONSENT, EDIT, EXPORT, MAP, NOTES, OWN_BURDEN


@dataclass(frozen=True)
class Rule:
    """Who may call an endpoint.

    who: "anyone"; "signed_in"; "coordinating" (users who may open networks); "admin" (organisation
    administrators); "self" (the coordinator named in the path is the caller, or "me"); "network" (a role on
    the network in the path with the permission `needs`); "reminder" (the reminder's network, with `needs`).
    looks_at: what a reader sees, for the access log; None when no personal data of a network is shown.
    """

    who: str
    needs: str | None = None
    looks_at: str | None = None


ANYONE = Rule("anyone")
SIGNED_IN = Rule("signed_in")
ADMIN = Rule("admin")
SELF = Rule("self")


def network(needs: str, looks_at: str | None = None) -> Rule:
    """A rule on the network named in the path."""
    return Rule("network", needs, looks_at)


RULES: dict[str, Rule] = {
    # public: the service's face, its documentation, secret calendar links, password resets
    "pages.index": ANYONE,  # the page itself sends visitors without a session to the sign-in page
    "static": ANYONE,
    "health.health": ANYONE,
    "api-docs.openapi_json": ANYONE,
    "api-docs.swagger_ui": ANYONE,
    "api-docs.swagger_ui_asset": ANYONE,
    "calendar.calendar_feed": ANYONE,  # the secret in the link is the credential
    "accounts.request_password_reset": ANYONE,
    "accounts.reset_password": ANYONE,
    "pages.login": ANYONE,
    "pages.logout": ANYONE,
    "pages.reset_password": ANYONE,  # the secret in the link is the credential
    # one's own account
    "accounts.me": SIGNED_IN,
    "accounts.list_tokens": SIGNED_IN,
    "accounts.create_token": SIGNED_IN,
    "accounts.revoke_token": SIGNED_IN,
    "burden.questionnaire": SIGNED_IN,
    "networks.list_networks": SIGNED_IN,  # lists only the caller's own networks
    "inbox.inbox": SIGNED_IN,  # only the caller's own reminders
    # organisation administrators manage users; they read no network unless given a role on it
    "accounts.list_users": ADMIN,
    "accounts.create_user": ADMIN,
    "accounts.update_user": ADMIN,
    "accounts.delete_user": ADMIN,
    "accounts.hand_over": ADMIN,  # a deactivated coordinator's networks; the administrator reads none of them
    # a coordinator's own overviews
    "networks.open_network": Rule("coordinating"),
    "read.who_does_what": SELF,
    "read.attention": SELF,
    "inbox.calendar_link": SELF,
    "inbox.acknowledge": Rule("reminder", EDIT),
    "inbox.snooze": Rule("reminder", EDIT),
    "inbox.dismiss": Rule("reminder", EDIT),
    # the network: reading
    "networks.get_network": network(MAP, "het netwerk"),
    "networks.list_events": network(EXPORT, "de volledige geschiedenis"),
    "read.network_map": network(MAP, "de kaart"),
    "read.network_graphml": network(MAP, "de kaart (GraphML)"),
    "read.network_measures": network(MAP, "de kwaliteit van het netwerk"),
    "read.network_changes": network(MAP, "de veranderingen"),
    "read.network_timeline": network(MAP, "de tijdlijn"),
    "read.contact_timeline": network(MAP, "de tijdlijn van een contact"),
    "parts.get_contact": network(MAP, "een contact"),
    "parts.get_role": network(MAP, "een taak"),
    "parts.get_goal": network(MAP, "een doel"),
    "read.list_burden_reports": network(BURDEN, "de belasting van mantelzorgers"),
    "read.get_burden_report": network(BURDEN, "een belastingmeting"),
    "burden.carer_burden": network(OWN_BURDEN, "de belasting van een mantelzorger"),  # own carer, or BURDEN
    "read.list_notes": network(NOTES, "de notities"),
    "read.get_note": network(NOTES, "een notitie"),
    "read.list_reviews": network(NOTES, "de netwerkbesprekingen"),
    "read.list_meetings": network(NOTES, "de steungroepbijeenkomsten"),
    "access.list_access": network(CONSENT, "wie toegang heeft"),
    "access.access_log": network(AUDIT),
    "privacy.export_network": network(EXPORT, "alles (export)"),
    "exchange.network_fhir": network(EXPORT, "de kaart en de belasting (FHIR)"),
    "exchange.network_canvas_export": network(MAP, "de kaart (Network Canvas)"),
    # the network: changing
    "networks.update_network": network(EDIT),
    "networks.close_network": network(ADMINISTER),
    "networks.reopen_network": network(ADMINISTER),
    "parts.add_contact": network(EDIT),
    "parts.change_contact": network(EDIT),
    "parts.remove_contact": network(EDIT),
    "parts.assess_tie": network(EDIT),
    "parts.end_tie": network(EDIT),
    "parts.record_acquaintance": network(EDIT),
    "parts.end_acquaintance": network(EDIT),
    "parts.designate_spilmantelzorger": network(EDIT),
    "parts.stand_down_spilmantelzorger": network(EDIT),
    "parts.set_goal": network(EDIT),
    "parts.complete_goal": network(EDIT),
    "parts.add_note": network(EDIT),
    "parts.record_review": network(EDIT),
    "parts.assign_role": network(CARE),  # agreements on who does what
    "parts.end_role": network(CARE),
    "parts.record_meeting": network(CARE),
    "parts.report_burden": network(CARE),  # without EDIT: only for the carer one is
    "burden.report_carer_risks": network(CARE),  # without EDIT: only for the carer one is
    "access.grant_access": network(ADMINISTER),
    "access.revoke_access": network(ADMINISTER),
    "access.set_consent": network(CONSENT),
    "privacy.erase_network": network(ADMINISTER),
    "exchange.import_new_network": Rule("coordinating"),  # the caller coordinates the network it opens
    "exchange.import_into_network": network(EDIT),
    # bringing the network in: invitations (the client invites a member only: the domain refuses the rest)
    "invitations.list_invitations": network(CONSENT, "de uitnodigingen"),
    "invitations.create_invitation": network(CONSENT),
    "invitations.withdraw_invitation": network(CONSENT),  # the client withdraws only their own (the domain)
    "invitations.renew_invitation": network(CONSENT),
    "help.list_help_requests": network(MAP, "de hulpvragen"),
    "help.ask_for_help": network(CARE),
    "help.close_help_request": network(CARE),
    "mapping.open_with_intake": Rule("coordinating"),  # the caller coordinates the network it opens
    "mapping.record_intake": network(EDIT),  # people, ties and tasks: the coordinator's (EDIT includes CARE)
}

# The web pages (services/web/pages): the same permission as their API counterparts, the same looks logged.
RULES.update(
    {
        "home.networks": SIGNED_IN,  # only the caller's own networks (logged in the view, like the API's list)
        "home.open_network": Rule("coordinating"),
        "home.overview": SIGNED_IN,  # the caller's own overview (logged in the view)
        "reminders.inbox": SIGNED_IN,  # only the caller's own reminders
        "reminders.calendar_link": SIGNED_IN,  # the caller's own feed
        "reminders.acknowledge": Rule("reminder", EDIT),
        "reminders.snooze": Rule("reminder", EDIT),
        "reminders.dismiss": Rule("reminder", EDIT),
        "network.ecogram": network(MAP, "de kaart"),
        "network.circle": network(MAP, "de kaart (netwerkcirkel)"),
        "network.print_page": network(MAP, "de kaart (afdruk)"),
        "network.print_pdf": network(MAP, "de kaart (PDF)"),
        "network.quality": network(MAP, "de kwaliteit van het netwerk"),
        "network.tasks": network(MAP, "wie doet wat"),
        "network.changes": network(MAP, "de veranderingen"),
        "network.timeline": network(MAP, "de tijdlijn"),
        "network.notes": network(NOTES, "de notities"),
        "carers.carers": network(BURDEN, "de belasting van mantelzorgers"),
        "carers.carer": network(OWN_BURDEN, "de belasting van een mantelzorger"),  # own carer, or BURDEN
        "carers.questionnaire": network(CARE, "een vragenlijst over belasting"),  # without EDIT: only for oneself
        # the forms show the network's people (GET: a look) and record the change (POST)
        "forms.add_contact": network(EDIT, "het formulier (contact)"),
        "forms.assess_tie": network(EDIT, "het formulier (band)"),
        "forms.designate_spilmantelzorger": network(EDIT, "het formulier (spilmantelzorger)"),
        "forms.record_review": network(EDIT, "het formulier (bespreking)"),
        "forms.set_goal": network(EDIT, "het formulier (doel)"),
        "forms.complete_goal": network(EDIT),
        "forms.add_note": network(EDIT, "het formulier (notitie)"),
        "forms.assign_role": network(CARE, "het formulier (taak)"),
        "forms.end_role": network(CARE),
        "forms.record_meeting": network(CARE, "het formulier (bijeenkomst)"),
        "forms.remove_contact": network(EDIT, "het formulier (contact verwijderen)"),
        "forms.close_network": network(ADMINISTER, "het formulier (netwerk sluiten)"),
        "forms.reopen_network": network(ADMINISTER),
        # the client's ownership: who has access and may see what, who looked, everything in one download
        "ownership.access_page": network(CONSENT, "wie toegang heeft"),  # "Wie keek er?" on it only with AUDIT
        "ownership.grant": network(ADMINISTER),
        "ownership.revoke": network(ADMINISTER),
        "ownership.consent": network(CONSENT),
        "ownership.export": network(EXPORT, "alles (export)"),
        # invitations: made on the Toegang page; the link's secret is the invitee's credential
        "invite.create": network(CONSENT, "het formulier (uitnodiging)"),
        "invite.withdraw": network(CONSENT),
        "invite.resend": network(CONSENT),
        "invite.accept": ANYONE,  # the secret in the link is the credential (and the account's password)
        "invite.ask_again": ANYONE,  # the secret in the link: a request to whoever invited, once per link
        # one's own account and its second factor; the code after the password (the pending sign-in's cookie)
        "account.sign_in_code": ANYONE,
        "account.account": SIGNED_IN,
        "account.second_factor": SIGNED_IN,
        "account.recovery_codes": SIGNED_IN,
        "account.second_factor_off": SIGNED_IN,
        # administrators: staff, guests, the second factor required; they read no network
        "staff.staff": ADMIN,
        "staff.new_user": ADMIN,
        "staff.deactivate": ADMIN,
        "staff.reactivate": ADMIN,
        "staff.send_password_link": ADMIN,
        "staff.remove_second_factor": ADMIN,
        "staff.hand_over": ADMIN,
        "staff.settings": ADMIN,
        # the pages of the spilmantelzorger (CARE: a carer's own) and of the client (CONSENT: the owner's)
        "mine.care": network(CARE, "de pagina van de spilmantelzorger"),
        "mine.ask_for_help": network(CARE, "het formulier (hulp vragen)"),
        "mine.close_help": network(CARE),
        "mine.client": network(CONSENT, "de pagina van de cliënt"),
        # mapping the network with the client: a new network (its coordinator), or again (EDIT includes CARE)
        "intake.new": Rule("coordinating"),
        "intake.people": network(EDIT, "het formulier (in kaart brengen)"),
        "intake.pairs": network(EDIT, "het formulier (wie kent wie)"),
        "intake.spilmantelzorger": network(EDIT, "het formulier (spilmantelzorger)"),
        # a person's card (everything about them) and its changes; the client's profile
        "people.card": network(MAP, "een contact"),
        "people.change_details": network(EDIT),
        "people.move_ring": network(EDIT),
        "people.knows": network(EDIT),
        "people.profile": network(EDIT, "het profiel van de cliënt (formulier)"),
    }
)
