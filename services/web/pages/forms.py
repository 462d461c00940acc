"""Web forms on the API's own schemas: typed text becomes the JSON the schema expects, its English messages
become plain Dutch next to the field, and whatever was typed is shown again after an error."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask_babel import format_date, lazy_gettext
from flask_babel import gettext as _
from marshmallow import Schema, ValidationError, fields
from werkzeug.datastructures import MultiDict

from domain import days
from domain import text as text_rules
from domain.errors import DomainError, UnknownEntity
from services.application.networks import ConcurrentChanges, Outcome, VersionMismatch
from services.application.readside import ReadSideBehind
from services.web.current import services
from services.web.errors import flatten

WHOLE_NUMBER = re.compile(r"^-?\d+$")

# marshmallow's (and our schemas') English messages, as plain Dutch
FIELD_MESSAGES: tuple[tuple[re.Pattern[str], Any], ...] = (
    (re.compile(r"^Missing data for required field\.$"), lazy_gettext("Vul dit in.")),
    (re.compile(r"^Not a valid integer\.$"), lazy_gettext("Vul een heel getal in.")),
    (re.compile(r"^Not a valid date\.$"), lazy_gettext("Vul een datum in.")),
    (re.compile(r"^Not a valid email address\.$"), lazy_gettext("Vul een geldig e-mailadres in.")),
    (re.compile(r"^Not a valid UUID\.$"), lazy_gettext("Kies iemand uit de lijst.")),
    (re.compile(r"^Must be one of: "), lazy_gettext("Kies een van de mogelijkheden.")),
    (re.compile(r"^This date lies in the future\.$"), lazy_gettext("Deze datum ligt in de toekomst.")),
    (re.compile(r"^Use digits, spaces"), lazy_gettext("Gebruik cijfers, spaties, '-' en '()', en eventueel '+'.")),
    (re.compile(r"^Longer than maximum length (?P<max>\d+)\.$"), lazy_gettext("Gebruik hoogstens %(max)s tekens.")),
    (re.compile(r"^Shorter than minimum length 1\.$"), lazy_gettext("Vul dit in.")),
    (re.compile(r"^Length must be between 1 and (?P<max>\d+)\.$"), lazy_gettext("Vul 1 tot %(max)s tekens in.")),
    (
        re.compile(r"^Must be greater than or equal to (?P<min>\d+) and less than or equal to (?P<max>\d+)\.$"),
        lazy_gettext("Vul een getal van %(min)s tot en met %(max)s in."),
    ),
    (re.compile(r"^'from' must not be after 'to'\.$"), lazy_gettext("De begindatum ligt na de einddatum.")),
)
TOO_EARLY = lazy_gettext("Kies een datum vanaf %(earliest)s.")
TOO_FAR = lazy_gettext("Kies een datum die hoogstens %(years)s jaar vooruit ligt.")
UNPRINTABLE = lazy_gettext("Gebruik geen stuurtekens (zoals NUL) in deze tekst.")
UNPRINTABLE_LINE = lazy_gettext("Gebruik geen stuurtekens of regeleinden in deze tekst.")
# the messages of Kring's own rules on days and text (domain.days, domain.text), by the constant they come from
RULE_MESSAGES: dict[str, Any] = {
    days.TOO_EARLY: TOO_EARLY,
    days.TOO_FAR: TOO_FAR,
    text_rules.BLANK: lazy_gettext("Vul dit in."),
    text_rules.UNPRINTABLE: UNPRINTABLE,
    text_rules.UNPRINTABLE_LINE: UNPRINTABLE_LINE,
}
# the domain's refusals, by their stable code
DOMAIN_MESSAGES: dict[str, Any] = {
    "date_too_early": TOO_EARLY,
    "date_too_far": TOO_FAR,
    "unprintable": UNPRINTABLE,
    "date_in_future": lazy_gettext("Deze datum ligt in de toekomst."),
    "date_out_of_order": lazy_gettext(
        "Deze datum ligt vóór een eerdere verandering (%(floor)s). Vul veranderingen in de volgorde in waarin ze "
        "gebeurden."
    ),
    "network_closed": lazy_gettext("Dit netwerk is gesloten. Heropen het eerst."),
    "network_open": lazy_gettext("Dit netwerk is al open."),
    "is_coordinator": lazy_gettext("Deze persoon coördineert dit netwerk al."),
    "consent_not_needed": lazy_gettext(
        "Alleen spilmantelzorgers en leden van het netwerk hebben toestemming nodig; de coördinator en de cliënt niet."
    ),
    "professional_spilmantelzorger": lazy_gettext(
        "Een hulpverlener kan geen spilmantelzorger zijn. Kies iemand uit de eigen kring."
    ),
    "professional_carer": lazy_gettext("Belasting vragen we alleen aan mantelzorgers, niet aan hulpverleners."),
    "next_review_not_after": lazy_gettext("De volgende bespreking moet na deze bespreking komen."),
    "due_before_set": lazy_gettext("Een doel kan niet eerder klaar moeten zijn dan het gesteld wordt."),
    "no_spilmantelzorger": lazy_gettext("Dit netwerk heeft geen spilmantelzorger."),
    "no_tie": lazy_gettext("Er is geen band met dit contact."),
    "self_tie": lazy_gettext("Kies twee verschillende mensen."),
    "invalid_answers": lazy_gettext("Beantwoord elke vraag."),
    "required": lazy_gettext("Vul dit in."),
    "snooze_not_later": lazy_gettext("Kies een dag na vandaag."),
    "reminder_closed": lazy_gettext("Deze herinnering is al afgehandeld."),
    "invalid_travel_minutes": lazy_gettext("Vul de reistijd in hele minuten in (0 of meer)."),
    "invitation_closed": lazy_gettext("Deze uitnodiging is al aangenomen of ingetrokken."),
    "role_not_yours": lazy_gettext("U kunt iemand uitnodigen als lid van het netwerk; de rest regelt de coördinator."),
    "may_not_invite": lazy_gettext("Alleen de coördinator en de cliënt nodigen mensen uit."),
    "not_your_invitation": lazy_gettext("U kunt alleen uw eigen uitnodigingen intrekken."),
    "role_required": lazy_gettext("Kies wie de taak op zich neemt."),
}
UNKNOWN = lazy_gettext("Dit bestaat niet (meer) in het netwerk. Laad de pagina opnieuw.")
BUSY = lazy_gettext("Iemand anders veranderde het netwerk op hetzelfde moment. Probeer het nog een keer.")
FALLBACK = lazy_gettext("Dit klopt niet: %(message)s")
GENERAL = "_schema"  # as services.web.errors.flatten names problems of the whole form


@dataclass
class Form:
    """What was typed (to show again), and the problems per field (GENERAL: about the whole form)."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def value(self, name: str, default: Any = "") -> Any:
        return self.values.get(name, default)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def problems(self) -> str:
        """Every problem in one line (for a form of one button, said on the next page)."""
        return " ".join(message for messages in self.errors.values() for message in messages)


def _rule_values() -> dict[str, Any]:
    """The values the messages about Kring's range of days name."""
    return {"earliest": format_date(days.EARLIEST, "long"), "years": days.YEARS_AHEAD}


def dutch(message: str) -> str:
    """One validation message in the page's language."""
    if message in RULE_MESSAGES:
        return str(RULE_MESSAGES[message]) % _rule_values()
    for pattern, text in FIELD_MESSAGES:
        found = pattern.search(message)
        if found:
            return str(text) % found.groupdict() if found.groupdict() else str(text)
    return _("Dit klopt niet: %(message)s", message=message)


def _typed(spec: fields.Field, raw: list[str]) -> Any:
    """The JSON value of a field from what the form sent (one or more strings)."""
    if isinstance(spec, fields.Boolean):
        return bool(raw and raw[0] in ("on", "true", "1", "ja"))
    if isinstance(spec, fields.List):
        if isinstance(spec.inner, fields.String):  # one per line (participants, agreements, skills)
            return [line.strip() for text in raw for line in text.splitlines() if line.strip()]
        return [value for value in raw if value]
    text = raw[0].strip() if raw else ""
    if isinstance(spec, fields.Integer) and WHOLE_NUMBER.match(text):
        return int(text)
    return text


def load(schema: Schema, sent: MultiDict[str, str]) -> tuple[Form, dict[str, Any]]:
    """Parse a posted form with an API schema: the form as typed, and the loaded body (empty when not ok)."""
    form = Form(values=sent.to_dict())
    body: dict[str, Any] = {}
    for name, spec in schema.fields.items():
        key = spec.data_key or name
        value = _typed(spec, sent.getlist(key))
        if isinstance(spec, fields.Boolean) or value not in ("", []):
            body[key] = value
    return form, check(schema, body, form)


def check(schema: Schema, body: dict[str, Any], form: Form) -> dict[str, Any]:
    """The body loaded by the schema; its problems, in plain Dutch, on the form (then the body is empty)."""
    try:
        loaded: dict[str, Any] = schema.load(body)
    except ValidationError as error:
        for name, problems in flatten(error.messages).items():
            form.errors[name] = [dutch(p) for p in problems]
        return {}
    return loaded


def refusal(error: Exception) -> tuple[str, str]:
    """The field and the Dutch message for a command the service refused."""
    if isinstance(error, UnknownEntity):
        return error.field or GENERAL, str(UNKNOWN)
    if isinstance(error, DomainError):
        text = DOMAIN_MESSAGES.get(error.code)
        if text is None:
            return error.field or GENERAL, str(FALLBACK) % {"message": error.message}
        floor = re.search(r"\((\d{4}-\d{2}-\d{2})\)", error.message)
        return error.field or GENERAL, str(text) % {"floor": floor.group(1) if floor else "", **_rule_values()}
    return GENERAL, str(BUSY)


def submit(form: Form, command: Callable[[], Outcome], field_names: dict[str, str] | None = None) -> Outcome | None:
    """Run the command of a valid form; a refusal becomes a message on the form (under the form's name of
    the field). None when nothing was saved."""
    if not form.ok:
        return None
    try:
        outcome = command()
    except (DomainError, ConcurrentChanges, VersionMismatch) as error:
        name, message = refusal(error)
        form.errors.setdefault((field_names or {}).get(name, name), []).append(message)
        return None
    with contextlib.suppress(ReadSideBehind):  # if it comes later, the next page shows it a moment later
        services().read_side.reach(outcome.position)  # the next page shows the change
    return outcome
