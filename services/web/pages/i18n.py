"""The pages' language: Dutch by default, English on request; the vocabularies' labels; dates written out.

The Dutch text is the message id (ADR 0009): a page without a catalogue is Dutch, and the English catalogue in
services/web/translations translates it. `?lang=en` (or `nl`) switches and is remembered in the session;
otherwise the browser's Accept-Language decides.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlencode

from flask import Flask, request, session
from flask_babel import Babel, format_date, format_time, get_locale, lazy_gettext
from flask_babel import gettext as _

from services.web.auth import LANGUAGE_KEY

LANGUAGES = ("nl", "en")

LABELS = {
    "category": {
        "household": lazy_gettext("huisgenoot"),
        "family_of_origin": lazy_gettext("familie van herkomst"),
        "other_family": lazy_gettext("overige familie"),
        "friend": lazy_gettext("vriend(in)"),
        "neighbour": lazy_gettext("buur"),
        "acquaintance": lazy_gettext("kennis of collega"),
        "adviser": lazy_gettext("adviseur"),
        "professional": lazy_gettext("hulpverlener"),
        "fellow_client": lazy_gettext("lotgenoot"),
        "volunteer": lazy_gettext("vrijwilliger"),
        "digital": lazy_gettext("digitaal contact"),
    },
    "relation": {
        "partner": lazy_gettext("partner"),
        "child": lazy_gettext("zoon of dochter"),
        "parent": lazy_gettext("vader of moeder"),
        "sibling": lazy_gettext("broer of zus"),
        "grandchild": lazy_gettext("kleinkind"),
        "grandparent": lazy_gettext("opa of oma"),
        "other_family": lazy_gettext("andere familie"),
        "friend": lazy_gettext("vriend(in)"),
        "neighbour": lazy_gettext("buur"),
        "colleague": lazy_gettext("collega of klasgenoot"),
        "acquaintance": lazy_gettext("kennis"),
        "fellow_client": lazy_gettext("lotgenoot"),
        "volunteer": lazy_gettext("vrijwilliger"),
        "professional": lazy_gettext("hulpverlener"),
        "organisation": lazy_gettext("organisatie"),
        "adviser": lazy_gettext("adviseur"),
        "other": lazy_gettext("iemand anders"),
    },
    "contact_mode": {
        "in_person": lazy_gettext("vooral bij elkaar"),
        "phone": lazy_gettext("vooral telefonisch"),
        "video": lazy_gettext("vooral beeldbellen"),
        "digital": lazy_gettext("alleen digitaal"),
    },
    "living_situation": {
        "alone": lazy_gettext("woont alleen"),
        "with_partner": lazy_gettext("woont met partner"),
        "with_partner_and_children": lazy_gettext("woont met partner en kinderen"),
        "with_children": lazy_gettext("woont met kind(eren)"),
        "with_parents": lazy_gettext("woont bij ouders of familie"),
        "with_others": lazy_gettext("woont met anderen (woongroep, huisgenoten)"),
        "care_home": lazy_gettext("woont in een zorginstelling of beschermd"),
        "no_fixed_home": lazy_gettext("heeft geen vaste woonplek"),
    },
    "ring": {
        "intimate": lazy_gettext("intiem (naaste)"),
        "friend": lazy_gettext("vriendschap"),
        "acquaintance": lazy_gettext("kennis"),
        "service": lazy_gettext("dienstverlening"),
    },
    "strength": {
        "strong": lazy_gettext("sterk"),
        "normal": lazy_gettext("gewoon"),
        "tenuous": lazy_gettext("zwak"),
    },
    "flow": {
        "to_client": lazy_gettext("naar de cliënt"),
        "from_client": lazy_gettext("van de cliënt"),
        "both": lazy_gettext("beide kanten op"),
        "none": lazy_gettext("geen steun"),
    },
    "frequency": {
        "daily": lazy_gettext("dagelijks"),
        "weekly": lazy_gettext("wekelijks"),
        "monthly": lazy_gettext("maandelijks"),
        "yearly": lazy_gettext("jaarlijks"),
        "rarely": lazy_gettext("zelden"),
    },
    "support_type": {
        "practical": lazy_gettext("praktische hulp"),
        "companionship": lazy_gettext("gezelschap"),
        "advice": lazy_gettext("advies en informatie"),
        "emotional": lazy_gettext("emotionele steun"),
        "advocacy": lazy_gettext("belangenbehartiging"),
        "respite": lazy_gettext("respijtzorg"),
        "personal_care": lazy_gettext("persoonlijke verzorging"),
    },
    "direction": {
        "to_client": lazy_gettext("voor de cliënt"),
        "from_client": lazy_gettext("door de cliënt"),
    },
    "instrument": {
        "ediz_plus": lazy_gettext("EDIZ-plus (15 vragen)"),
        "ediz": lazy_gettext("EDIZ (9 stellingen)"),
        "csi": lazy_gettext("Caregiver Strain Index (13 vragen)"),
        "srb": lazy_gettext("Zelf ingeschatte belasting (1 vraag)"),
    },
    "band": {
        "none": lazy_gettext("geen belasting"),
        "light": lazy_gettext("licht belast"),
        "moderate": lazy_gettext("matig belast"),
        "heavy": lazy_gettext("zwaar belast"),
    },
    "state": {
        "sent": lazy_gettext("nieuw"),
        "acknowledged": lazy_gettext("gezien"),
        "snoozed": lazy_gettext("uitgesteld"),
    },
    "role": {
        "coordinator": lazy_gettext("coördinator"),
        "spilmantelzorger": lazy_gettext("spilmantelzorger"),
        "member": lazy_gettext("lid van het netwerk"),
        "client": lazy_gettext("cliënt"),
    },
    "scope": {  # what the client's consent lets someone see
        "map": lazy_gettext("de kaart"),
        "burden": lazy_gettext("de belasting"),
        "notes": lazy_gettext("de notities"),
    },
}


# The kinds of line on the timeline page, and what each quality measure is about
TIMELINE_KINDS = (
    ("", lazy_gettext("alles")),
    ("contact", lazy_gettext("mensen erbij en weg")),
    ("tie", lazy_gettext("banden")),
    ("role", lazy_gettext("taken")),
    ("spilmantelzorger", lazy_gettext("spilmantelzorger")),
    ("burden", lazy_gettext("belasting")),
    ("review", lazy_gettext("besprekingen en bijeenkomsten")),
    ("goal", lazy_gettext("doelen")),
    ("note", lazy_gettext("notities")),
    ("network", lazy_gettext("het netwerk zelf")),
)
MEASURE_TEXTS = {
    "size": (
        lazy_gettext("Omvang"),
        lazy_gettext("Hoeveel mensen betekenisvol zijn, uit de eigen kring en hulpverleners."),
    ),
    "composition": (
        lazy_gettext("Samenstelling"),
        lazy_gettext("Uit hoeveel verschillende groepen de mensen komen: een gevarieerd netwerk is minder kwetsbaar."),
    ),
    "density": (
        lazy_gettext("Dichtheid"),
        lazy_gettext(
            "Of de mensen elkaar kennen: dan kunnen ze samen iets regelen, maar nieuwe ideeën komen minder binnen."
        ),
    ),
    "stability": (
        lazy_gettext("Stabiliteit"),
        lazy_gettext(
            "Wat er veranderde sinds de vorige bespreking: wie erbij kwam, wie wegging, welke banden veranderden."
        ),
    ),
    "role_complexity": (
        lazy_gettext("Veelzijdigheid"),
        lazy_gettext("Hoeveel soorten steun er zijn, en hoeveel mensen meer dan één soort geven."),
    ),
    "reachability": (
        lazy_gettext("Bereikbaarheid"),
        lazy_gettext("Wie dichtbij woont en met wie er vaak contact is: zij kunnen snel helpen."),
    ),
    "reciprocity": (
        lazy_gettext("Wederkerigheid"),
        lazy_gettext("Of de cliënt ook iets teruggeeft: geven is net zo belangrijk als krijgen."),
    ),
    "bonding_bridging": (
        lazy_gettext("Bruggen"),
        lazy_gettext("Of het netwerk één hechte kring is, of ook bruggen slaat naar andere kringen."),
    ),
    "concentration": (
        lazy_gettext("Spreiding van de steun"),
        lazy_gettext("Of de steun verdeeld is, of vooral op één persoon rust (de spilmantelzorger als zwakke plek)."),
    ),
    "support_gaps": (
        lazy_gettext("Ontbrekende steun"),
        lazy_gettext("Welke soorten steun niemand geeft."),
    ),
}

# Words the drawings translate that are in none of their word tables (legend captions, an f-string, the
# questionnaires' names, a chosen sentence): marked here so that the catalogue has them.
# tests/unit/test_translations.py finds any that a drawing shows without an English translation.
DRAWING_WORDS = (
    lazy_gettext("belastende band"),
    lazy_gettext("steun gaat in de richting van de pijl"),
    lazy_gettext("wederzijdse steun"),
    lazy_gettext("contacten die elkaar kennen"),
    lazy_gettext("tussen haakjes: steun die de cliënt geeft"),
    lazy_gettext("Per ring"),
    lazy_gettext("Per sector"),
    lazy_gettext("Ervaren Druk door Informele Zorg-plus (EDIZ-plus)"),
    lazy_gettext("Ervaren Druk door Informele Zorg (EDIZ)"),
    lazy_gettext("Caregiver Strain Index (CSI)"),
    lazy_gettext("Zelf ingeschatte belasting (Self-Rated Burden)"),
    lazy_gettext("{instrument}: {count} metingen van {first} tot {last}; laatste score {total} van {maximum}"),
    lazy_gettext("{instrument}: 1 meting, op {last}; score {total} van {maximum}"),
)


def label(vocabulary: str, code: str | None) -> str:
    """The shown label of a code of a vocabulary (the code itself if unknown; a dash for none)."""
    if code is None:
        return "–"
    return str(LABELS[vocabulary].get(code, code))


def choices(vocabulary: str) -> list[tuple[str, str]]:
    """(code, label) pairs for a select or radio group."""
    return [(code, str(text)) for code, text in LABELS[vocabulary].items()]


def select_locale() -> str:
    """?lang=, then the language remembered in the session, then the browser's preference; Dutch by default."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    remembered = session.get(LANGUAGE_KEY)
    if remembered in LANGUAGES:
        return str(remembered)
    return request.accept_languages.best_match(LANGUAGES, default="nl") or "nl"


def remember_language() -> None:
    """A page opened with ?lang= keeps that language for the rest of the session."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and session.get(LANGUAGE_KEY) != asked and not request.path.startswith("/api"):
        session[LANGUAGE_KEY] = asked


def language() -> str:
    """The language of this page ("nl" or "en")."""
    return str(get_locale() or "nl")


def long_date(day: date | str | None) -> str:
    """A day written out: "26 november 2026" (or "November 26, 2026")."""
    if day is None or day == "":
        return "–"
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return format_date(day, "long")


def long_datetime(moment: datetime | str) -> str:
    """A moment written out in Kring's time zone (Europe/Amsterdam): "26 november 2026 om 14:05"."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return _("%(day)s om %(time)s", day=format_date(moment, "long"), time=format_time(moment, "HH:mm"))


def init_app(app: Flask) -> None:
    """Flask-Babel with Kring's locale choice, and the helpers the templates use."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "nl")
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Amsterdam")
    Babel(app, locale_selector=select_locale)
    app.before_request(remember_language)
    app.jinja_env.globals.update(label=label, choices=choices, language=language)
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.filters["long_datetime"] = long_datetime
    app.jinja_env.globals.update(other_language=other_language, language_link=language_link)
    app.jinja_env.globals["other_language_name"] = lambda: "English" if language() == "nl" else _("Nederlands")


def other_language() -> str:
    return "en" if language() == "nl" else "nl"


def language_link() -> str:
    """This page in the other language (the rest of the query kept, e.g. the day of the map)."""
    return "?" + urlencode({**request.args.to_dict(), "lang": other_language()})
