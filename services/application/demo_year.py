"""The demo network's year, in the order things happened: mevrouw De Boer (84) lives alone and forgets more and more;
her daughter Ellen does nearly everything and slowly overloads, until a support group spreads the tasks; in the
winter it gets heavier again. The people, places and phone numbers are made up.

Each day is counted from the day the network was opened, a year ago. The Dutch texts are message ids (N_ marks
them for the catalogue); the names of people stay as they are.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from services.application.demo import Script


def N_(text: str) -> str:  # noqa: N802 - the name pybabel looks for
    """Mark a Dutch text for the catalogue; the caller's gettext translates it when the demo is recorded."""
    return text


CLIENT = N_("Voorbeeld: mevrouw Ria de Boer")
MOTHER = N_("mevrouw De Boer")
ELLEN, MARK, LISA, HENK, SANNE = "Ellen de Boer", "Mark de Boer", "Lisa de Boer", "Henk Jansen", "Sanne Visser"


def the_year(s: Script) -> None:
    """The whole year, season by season."""
    s.open(CLIENT)
    _first_visit(s)
    _spring(s)
    _summer(s)
    _autumn(s)
    _winter(s)


def _first_visit(s: Script) -> None:
    """Day 0: the network as mevrouw De Boer and Ellen told it at the kitchen table."""
    s.contact(
        0,
        "ellen",
        name=ELLEN,
        category="other_family",
        ring="intimate",
        known_since=date(1968, 5, 12),
        travel_minutes=25,
        phone="06 00 00 11 01",
        skills=[N_("kan autorijden"), N_("regelt de papieren")],
        tie={"strength": "strong", "flow": "both", "frequency": "daily", "note": N_("Ellen komt elke dag even langs.")},
    )
    s.contact(
        0,
        "mark",
        name=MARK,
        category="other_family",
        ring="friend",
        known_since=date(1971, 9, 3),
        travel_minutes=150,
        phone="06 00 00 11 02",
        skills=[N_("goed met computers")],
        tie={
            "strength": "tenuous",
            "flow": "to_client",
            "frequency": "monthly",
            "note": N_("Mark woont ver weg en belt af en toe."),
        },
    )
    s.contact(
        0,
        "joke",
        name="Joke Smit",
        category="family_of_origin",
        ring="intimate",
        travel_minutes=40,
        tie={"strength": "strong", "flow": "both", "frequency": "weekly"},
    )
    s.contact(
        0,
        "henk",
        name=HENK,
        category="neighbour",
        ring="friend",
        travel_minutes=1,
        phone="06 00 00 11 04",
        skills=[N_("handig in huis")],
        tie={"strength": "normal", "flow": "both", "frequency": "weekly"},
    )
    s.contact(
        0,
        "truus",
        name="Truus Mulder",
        category="friend",
        ring="friend",
        travel_minutes=10,
        tie={"strength": "normal", "flow": "both", "frequency": "weekly"},
    )
    s.contact(
        0,
        "gp",
        name=N_("Dokter Bakker (huisarts)"),
        category="professional",
        ring="service",
        travel_minutes=10,
        phone="010 000 11 06",
        tie={"strength": "normal", "flow": "to_client", "frequency": "rarely"},
    )
    s.contact(
        0,
        "homecare",
        name=N_("Thuiszorg Oost (wijkverpleging)"),
        category="professional",
        ring="service",
        phone="010 000 11 07",
        tie={"strength": "normal", "flow": "to_client", "frequency": "daily"},
    )
    s.spilmantelzorger(0, "ellen")
    s.task(0, "groceries", "ellen", "practical", N_("Boodschappen doen"), N_("elke zaterdag"))
    s.task(0, "pills", "ellen", "personal_care", N_("Medicijnen klaarzetten"), N_("elke dag"))
    s.task(0, "post", "ellen", "advocacy", N_("Rekeningen en post"), N_("elke week"))
    s.task(0, "calls", "joke", "emotional", N_("Bellen om bij te praten"), N_("elke zondagavond"))
    s.task(0, "bins", "henk", "practical", N_("Vuilnisbak aan de straat zetten"), N_("elke dinsdagavond"))
    s.task(0, "coffee", "henk", "companionship", N_("Koffie zetten voor Henk"), N_("elke zaterdag"), by_client=True)
    s.task(0, "church", "truus", "companionship", N_("Samen naar de kerk"), N_("elke zondagochtend"))
    s.task(0, "gp_visits", "gp", "advice", N_("Spreekuur, en huisbezoek als het nodig is"), N_("op werkdagen"))
    s.task(0, "washing", "homecare", "personal_care", N_("Hulp bij wassen en aankleden"), N_("elke ochtend"))
    s.acquainted(0, ("ellen", "mark"), ("ellen", "joke"), ("mark", "joke"), ("ellen", "henk"), ("henk", "truus"))
    s.acquainted(0, ("ellen", "homecare"), ("ellen", "gp"))
    s.goal(0, "home", N_("Mevrouw De Boer blijft veilig thuis wonen"))
    s.note(
        0,
        N_(
            "Kennismaking bij mevrouw thuis, samen met Ellen. Mevrouw vergeet steeds meer; Ellen doet veel "
            "en zegt dat het nog gaat."
        ),
    )
    s.burden(3, "ellen", 4)


def _spring(s: Script) -> None:
    """Joke falls and moves into a nursing home; the GP refers mevrouw; a diagnosis and a casemanager."""
    s.review(
        42,
        [MOTHER, ELLEN],
        N_("Het netwerk is klein maar hecht. Ellen draagt veel; Mark wil meer doen maar woont ver weg."),
    )
    s.tie(
        58, "joke", strength="normal", frequency="monthly", note=N_("Joke is gevallen en woont nu in een verpleeghuis.")
    )
    s.end_task(58, "calls", N_("Joke woont nu in een verpleeghuis."))
    s.tie(75, "joke", frequency="weekly", note=N_("Ellen neemt mevrouw elke week mee op bezoek bij Joke."))
    s.note(75, N_("De huisarts heeft mevrouw verwezen naar de geheugenpoli: de diagnose is alzheimer."))
    s.contact(
        78,
        "sanne",
        name=N_("Sanne Visser (casemanager dementie)"),
        category="professional",
        ring="service",
        phone="06 00 00 11 08",
        tie={"strength": "normal", "flow": "to_client", "frequency": "monthly"},
    )
    s.acquainted(78, ("sanne", "ellen"), ("sanne", "gp"))
    s.task(78, "advice", "sanne", "advice", N_("Uitleg en advies over dementie"), N_("eens per maand"))
    s.burden(92, "ellen", 7)


def _summer(s: Script) -> None:
    """Mevrouw changes; Ellen is hurt and tired; friends drift off; a support group is started."""
    s.tie(
        100,
        "ellen",
        stressful=True,
        flow="to_client",
        note=N_("Mevrouw verwijt Ellen dat ze geld wegneemt; Ellen is daar erg verdrietig over."),
    )
    s.risks(100, "ellen", "personality_change", "cannot_share_care")
    s.tie(108, "truus", strength="tenuous", frequency="monthly", note=N_("Mevrouw herkent Truus niet altijd meer."))
    s.end_task(120, "church", N_("Mevrouw wil niet meer mee; het is haar te druk."))
    s.review(
        133,
        [MOTHER, ELLEN, SANNE],
        N_("Na de diagnose begeleidt Sanne. Ellen is vaker boos en moe. We beginnen een steungroep."),
    )
    s.goal(150, "group", N_("Een steungroep rond mevrouw De Boer"), due_after=60)
    s.goal(150, "day_off", N_("Ellen heeft elke week een dag vrij"), due_after=90)
    s.burden(180, "ellen", 10)
    s.risks(180, "ellen", "personality_change", "cannot_share_care", "own_network_shrinking")
    s.task(186, "pills_care", "homecare", "personal_care", N_("Medicijnen aanreiken"), N_("elke dag"))
    s.end_task(186, "pills", N_("De thuiszorg neemt dit over."))


def _autumn(s: Script) -> None:
    """The support group meets: Mark, Lisa, Henk and a volunteer take on tasks, and it gets lighter for a while."""
    s.contact(
        200,
        "lisa",
        name=LISA,
        category="other_family",
        ring="friend",
        travel_minutes=20,
        phone="06 00 00 11 09",
        tie={"strength": "normal", "flow": "both", "frequency": "weekly"},
    )
    s.acquainted(200, ("lisa", "ellen"), ("lisa", "mark"))
    s.meeting(
        200,
        [ELLEN, MARK, LISA, HENK, SANNE],
        [
            N_("Mark doet voortaan de rekeningen en de post, op afstand."),
            N_("Lisa komt elke zondagmiddag bij oma."),
            N_("Henk belt Ellen als hij iets ongewoons ziet."),
            N_("Sanne zoekt een maatje via de vrijwilligerscentrale."),
        ],
    )
    s.reached(200, "group")
    s.tie(
        201, "mark", strength="normal", frequency="weekly", note=N_("Mark belt elke woensdagavond en regelt de post.")
    )
    s.task(201, "post_mark", "mark", "advocacy", N_("Rekeningen en post"), N_("elke week"))
    s.end_task(201, "post", N_("Mark neemt dit over."))
    s.task(201, "sundays", "lisa", "companionship", N_("Op bezoek, samen koffie drinken"), N_("elke zondagmiddag"))
    s.task(201, "watch", "henk", "practical", N_("Een oogje in het zeil houden"), N_("elke dag"))
    s.contact(
        222,
        "kees",
        name=N_("Kees (maatje, vrijwilliger)"),
        category="volunteer",
        ring="acquaintance",
        travel_minutes=15,
        phone="06 00 00 11 10",
        tie={"strength": "normal", "flow": "to_client", "frequency": "weekly"},
    )
    s.acquainted(222, ("kees", "ellen"))
    s.task(222, "walks", "kees", "respite", N_("Wandelen en koffie drinken"), N_("elke donderdagmiddag"))
    s.review(
        228,
        [MOTHER, ELLEN, MARK, SANNE],
        N_("De steungroep werkt: Mark, Lisa en Kees doen mee. Ellen heeft de donderdag vrij."),
    )
    s.tie(232, "ellen", stressful=False, note=N_("Nu anderen meer doen, gaat het beter tussen Ellen en haar moeder."))
    s.reached(236, "day_off")
    s.burden(262, "ellen", 8)
    s.gone(280, "truus", N_("Truus is verhuisd naar haar dochter in Zeeland."))


def _winter(s: Script) -> None:
    """Mevrouw is restless at night; day care two days a week; Ellen is exhausted again."""
    s.tie(300, "henk", strength="strong", frequency="daily", note=N_("Henk komt nu elke dag even kijken."))
    s.contact(
        310,
        "daycare",
        name=N_("Dagbesteding De Linde"),
        category="professional",
        ring="service",
        travel_minutes=15,
        phone="010 000 11 11",
        tie={"strength": "normal", "flow": "to_client", "frequency": "weekly"},
    )
    s.acquainted(310, ("daycare", "sanne"))
    s.task(310, "daycare_days", "daycare", "respite", N_("Dagbesteding"), N_("maandag en woensdag"))
    s.review(
        316,
        [MOTHER, ELLEN, SANNE],
        N_("Mevrouw gaat twee dagen naar de dagbesteding. Ellen is op; de volgende keer bespreken we logeeropvang."),
    )
    s.note(330, N_("Mevrouw is 's nachts onrustig en belt Ellen vaak. Ellen slaapt slecht."))
    s.burden(335, "ellen", 12)
    s.risks(335, "ellen", "personality_change", "cannot_share_care", "own_network_shrinking", "long_duration")
    s.tie(340, "ellen", stressful=True, note=N_("Ellen is uitgeput; ze zegt dat ze het zo niet lang meer volhoudt."))
    s.goal(350, "respite", N_("Logeeropvang regelen, zodat Ellen een weekend weg kan"), due_after=42)
