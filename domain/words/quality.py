"""The words of a network's quality: each measure's name and meaning, the sentences it says about one client, the
strengths and the risks (domain/measures.py and domain/risks.py compute; these phrase).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.words.labels import label, labels
from domain.words.phrases import N_, Nn_, Percent, Phrase, phrase, plural

# Each measure: its name, and what it means for a client (shown under what it says).
MEASURE: dict[str, tuple[str, str]] = {
    "size": (N_("Omvang"), N_("Hoeveel mensen iets betekenen voor de cliënt: uit de eigen kring en hulpverleners.")),
    "composition": (
        N_("Samenstelling"),
        N_("Uit welke groepen de mensen komen. Mensen uit verschillende groepen kunnen elkaar aanvullen."),
    ),
    "density": (
        N_("Dichtheid"),
        N_(
            "Of de mensen elkaar kennen. Wie elkaar kent, kan samen iets regelen; maar een kring waarin iedereen "
            "elkaar kent, laat weinig ruimte en brengt weinig nieuws binnen."
        ),
    ),
    "stability": (
        N_("Stabiliteit"),
        N_("Wat er veranderde sinds de vorige bespreking: wie erbij kwam, wie wegging, welke banden veranderden."),
    ),
    "role_complexity": (
        N_("Veelzijdigheid"),
        N_("Welke soorten steun er zijn, en wie meer dan één soort geeft of iets bijzonders kan."),
    ),
    "reachability": (
        N_("Bereikbaarheid"),
        N_(
            "Wie bij de cliënt of dichtbij woont en met wie er vaak contact is: zij kunnen snel helpen. Wie vooral "
            "belt of beeldbelt, kan niet zomaar langskomen."
        ),
    ),
    "reciprocity": (
        N_("Wederkerigheid"),
        N_(
            "Of de cliënt ook iets teruggeeft: geven is net zo belangrijk als krijgen. Geven aan wie energie kost, "
            "put uit."
        ),
    ),
    "bonding_bridging": (
        N_("Hechte kring of bruggen"),
        N_(
            "Of het netwerk één hechte kring is, of ook contacten heeft die elkaar niet kennen en zo bruggen slaan "
            "naar andere kringen."
        ),
    ),
    "concentration": (
        N_("Spreiding van de taken"),
        N_("Of de taken verdeeld zijn, of vooral op één persoon rusten. Wie alles draagt, kan overbelast raken."),
    ),
    "support_gaps": (N_("Ontbrekende steun"), N_("Welke soorten steun niemand geeft.")),
}
# Bonding and bridging as a judgement (domain/measures.py has the thresholds).
JUDGEMENT: dict[str, str] = {
    "tight": N_("Vooral één hechte kring: de meeste mensen kennen elkaar."),
    "balanced": N_("In balans: mensen die elkaar kennen, en ook contacten daarbuiten."),
    "loose": N_("Veel losse contacten: de meeste mensen kennen elkaar niet."),
    "too_few": N_("Er zijn te weinig banden om dit te zeggen."),
}
NOBODY_YET = N_("Er staat nog niemand in het netwerk.")


def people(count: int) -> Phrase:
    return plural("%(count)s persoon", "%(count)s mensen", count)


def professionals(count: int) -> Phrase:
    return plural("%(count)s hulpverlener", "%(count)s hulpverleners", count)


def tasks(count: int) -> Phrase:
    return plural("%(count)s taak", "%(count)s taken", count)


# ------------------------------------------------------------------ what each measure says
def size(total: int, informal: int, professional: int) -> Phrase:
    if not total:
        return Phrase(NOBODY_YET)
    if not informal:
        return phrase("%(people)s in het netwerk, allemaal hulpverleners.", people=people(total))
    if not professional:
        return phrase("%(people)s in het netwerk, allemaal uit de eigen kring.", people=people(total))
    return phrase(
        "%(people)s in het netwerk: %(informal)s uit de eigen kring en %(professionals)s.",
        people=people(total),
        informal=informal,
        professionals=professionals(professional),
    )


def composition(groups: Sequence[str]) -> Phrase:
    if not groups:
        return Phrase(NOBODY_YET)
    return plural(
        "Iedereen komt uit één groep: %(groups)s.",
        "De mensen komen uit %(count)s groepen: %(groups)s.",
        len(groups),
        groups=labels("category_group", list(groups)),
    )


def density(known: int, possible: int, share: float | None) -> Phrase:
    if share is None:
        return phrase("Er zijn te weinig mensen om te zeggen of ze elkaar kennen.")
    if not known:
        return phrase("Niemand in het netwerk kent een ander uit het netwerk.")
    return plural(
        "%(count)s van de %(possible)s mogelijke tweetallen kent elkaar (%(share)s).",
        "%(count)s van de %(possible)s mogelijke tweetallen kennen elkaar (%(share)s).",
        known,
        possible=possible,
        share=Percent(share),
    )


def cluster(names: Sequence[str], category: str | None) -> Phrase:
    """A tightly knit cluster, named: by its group when all are of one ("De vier buren ..."), else by name."""
    if category is not None:
        return phrase(
            "De %(count)s %(group)s kennen elkaar allemaal.", count=len(names), group=label("category_group", category)
        )
    return phrase("%(names)s kennen elkaar allemaal.", names=list(names))


def stability(basis: str, since: date | None, gained: int, lost: int, changed: int) -> Phrase:
    when = {
        "review": phrase("Sinds de vorige bespreking (%(day)s)", day=since),
        "intake": phrase("Sinds de intake (%(day)s)", day=since),
        "day": phrase("Sinds %(day)s", day=since),
    }[basis]
    if not (gained or lost or changed):
        return phrase("%(since)s is er niets veranderd.", since=when)
    return phrase(
        "%(since)s: %(gained)s erbij, %(lost)s weg, %(changed)s veranderd.",
        since=when,
        gained=people(gained),
        lost=people(lost),
        changed=plural("%(count)s band", "%(count)s banden", changed),
    )


def support_kinds(kinds: int, multiplex: int) -> Phrase:
    if not kinds:
        return phrase("Er is nog geen steun vastgelegd.")
    given = plural("Er wordt %(count)s soort steun gegeven", "Er worden %(count)s soorten steun gegeven", kinds)
    if not multiplex:
        return phrase("%(given)s; niemand geeft meer dan één soort.", given=given)
    return phrase(
        "%(given)s; %(several)s.",
        given=given,
        several=plural(
            "%(count)s persoon geeft meer dan één soort", "%(count)s mensen geven meer dan één soort", multiplex
        ),
    )


def skills(found: dict[str, list[str]]) -> Phrase:
    """What people can (their talents), each with who: "autorijden (Anna en Piet)"."""
    said = [phrase("%(skill)s (%(names)s)", skill=skill, names=names) for skill, names in found.items()]
    return phrase("Wat mensen kunnen: %(skills)s.", skills=said)


REACH_PEOPLE: dict[str, tuple[str, str]] = {
    "with_client": Nn_("%(count)s persoon woont bij de cliënt", "%(count)s mensen wonen bij de cliënt"),
    "within_5": Nn_("%(count)s persoon woont binnen 5 minuten", "%(count)s mensen wonen binnen 5 minuten"),
    "within_30": Nn_("%(count)s persoon woont binnen een half uur", "%(count)s mensen wonen binnen een half uur"),
    "further": Nn_("%(count)s persoon woont verder weg", "%(count)s mensen wonen verder weg"),
    "digital": Nn_("%(count)s contact is alleen digitaal", "%(count)s contacten zijn alleen digitaal"),
}
REACH_SERVICES: dict[str, tuple[str, str]] = {
    "with_client": Nn_("%(count)s hulpverlener woont bij de cliënt", "%(count)s hulpverleners wonen bij de cliënt"),
    "within_5": Nn_(
        "%(count)s hulpverlener is binnen 5 minuten bereikbaar",
        "%(count)s hulpverleners zijn binnen 5 minuten bereikbaar",
    ),
    "within_30": Nn_(
        "%(count)s hulpverlener is binnen een half uur bereikbaar",
        "%(count)s hulpverleners zijn binnen een half uur bereikbaar",
    ),
    "further": Nn_("%(count)s hulpverlener is verder weg", "%(count)s hulpverleners zijn verder weg"),
    "digital": Nn_(
        "%(count)s hulpverlener is alleen digitaal bereikbaar",
        "%(count)s hulpverleners zijn alleen digitaal bereikbaar",
    ),
}
UNKNOWN_REACH: dict[bool, tuple[str, str]] = {  # an unknown travel time is not "far": said on its own
    False: Nn_("Van %(count)s persoon is de reistijd niet bekend.", "Van %(count)s mensen is de reistijd niet bekend."),
    True: Nn_(
        "Van %(count)s hulpverlener is de reistijd niet bekend.",
        "Van %(count)s hulpverleners is de reistijd niet bekend.",
    ),
}


def reach(bands: dict[str, int], services: bool) -> list[Phrase]:
    """How far people live (services: how far they are, "bereikbaar"), and of how many nobody knows."""
    table = REACH_SERVICES if services else REACH_PEOPLE
    parts = [plural(*table[band], count) for band, count in bands.items() if count and band in table]
    said = [phrase("%(parts)s.", parts=parts)] if parts else []
    if bands.get("unknown"):
        said.append(plural(*UNKNOWN_REACH[services], bands["unknown"]))
    return said


def often(weekly: int, total: int) -> Phrase:
    return phrase("Met %(count)s van de %(total)s mensen is er minstens elke week contact.", count=weekly, total=total)


def at_a_distance(remote: int, total: int) -> Phrase:
    """With how many contact is mostly by phone, video or digital: they cannot simply come by."""
    return phrase(
        "Met %(count)s van de %(total)s mensen is er vooral contact op afstand (telefoon, beeldbellen of digitaal).",
        count=remote,
        total=total,
    )


def exchange(client: str, received: int, given: int) -> Phrase:
    if not received and not given:
        return phrase("Er zijn nog geen taken vastgelegd, voor of door %(client)s.", client=client)
    if not given:
        return phrase(
            "%(client)s krijgt hulp bij %(received)s en doet (nog) niets voor anderen.",
            client=client,
            received=tasks(received),
        )
    return phrase(
        "%(client)s krijgt hulp bij %(received)s en doet %(given)s voor anderen.",
        client=client,
        received=tasks(received),
        given=tasks(given),
    )


def mutual(count: int) -> Phrase:
    if not count:
        return phrase("Met niemand gaat de steun twee kanten op.")
    return plural(
        "Met %(count)s persoon gaat de steun twee kanten op.",
        "Met %(count)s mensen gaat de steun twee kanten op.",
        count,
    )


def drained(client: str, names: Sequence[str]) -> Phrase:
    """The client gives to people whose ties are stressful: being drained, not give-and-take."""
    return plural(
        "%(client)s geeft aan %(names)s, en die band is belastend.",
        "%(client)s geeft aan %(names)s, en die banden zijn belastend.",
        len(names),
        client=client,
        names=list(names),
    )


def share_of_tasks(name: str, mine: int, total: int, share: float) -> Phrase:
    if total == 1:
        return phrase("%(name)s doet de enige taak.", name=name)
    return phrase(
        "%(name)s doet %(mine)s van de %(total)s taken (%(share)s).",
        name=name,
        mine=mine,
        total=total,
        share=Percent(share),
    )


NO_TASKS = N_("Er zijn nog geen taken verdeeld.")


def gaps(missing: Sequence[str], any_support: bool) -> Phrase:
    if not any_support:
        return phrase("Er is nog geen steun vastgelegd.")
    if not missing:
        return phrase("Iedere soort steun wordt door iemand gegeven.")
    return phrase("Niemand geeft %(kinds)s.", kinds=labels("support_type", list(missing)))


# ------------------------------------------------------------------ strengths
def strong_own_circle(count: int) -> Phrase:
    return phrase("%(count)s mensen uit de eigen kring.", count=count)


def strong_groups(count: int) -> Phrase:
    return phrase("Mensen uit %(count)s verschillende groepen.", count=count)


def strong_nearby(count: int, with_client: int) -> Phrase:
    if with_client:
        return phrase("%(count)s mensen uit de eigen kring wonen bij de cliënt of binnen een half uur.", count=count)
    return phrase("%(count)s mensen uit de eigen kring wonen binnen een half uur.", count=count)


def strong_spread() -> Phrase:
    return phrase("De taken zijn over meerdere mensen verdeeld.")


def strong_every_kind() -> Phrase:
    return phrase("Iedere soort steun wordt door iemand gegeven.")


def strong_stable() -> Phrase:
    return phrase("Sinds de vorige bespreking is er niemand weggegaan.")


# ------------------------------------------------------------------ risks (domain/risks.py)
def no_informal_contacts() -> Phrase:
    return phrase("Er staat niemand uit de eigen kring in het netwerk.")


def small_network(informal: int) -> Phrase:
    return plural(
        "Het netwerk is klein: er is maar %(count)s persoon uit de eigen kring.",
        "Het netwerk is klein: er zijn maar %(count)s mensen uit de eigen kring.",
        informal,
    )


def mostly_professional(professional: int, total: int) -> Phrase:
    return phrase(
        "Het netwerk bestaat vooral uit hulpverleners: %(count)s van de %(total)s mensen.",
        count=professional,
        total=total,
    )


def many_stressful_ties(stressful: int, tied: int) -> Phrase:
    return phrase("Veel banden zijn belastend: %(count)s van de %(total)s.", count=stressful, total=tied)


def no_spilmantelzorger() -> Phrase:
    return phrase(
        "Mensen uit de eigen kring zorgen voor de cliënt, maar niemand is spilmantelzorger: niemand "
        "houdt het overzicht."
    )


def carries_most(name: str, mine: int, total: int) -> Phrase:
    return phrase(
        "%(name)s draagt meer dan de helft van de steun (%(mine)s van de %(total)s taken).",
        name=name,
        mine=mine,
        total=total,
    )


def single_point(name: str) -> Phrase:
    return phrase("Zonder %(name)s valt het netwerk uiteen of valt de meeste steun weg.", name=name)


def no_respite(name: str) -> Phrase:
    return phrase("Niemand neemt de zorg af en toe over van %(name)s: er is geen respijtzorg.", name=name)


def tight_circle() -> Phrase:
    return phrase("Bijna iedereen komt uit één hechte kring: er zijn weinig bruggen naar andere mensen.")


def review_overdue(day: date) -> Phrase:
    return phrase("De netwerkbespreking is te laat: die stond op %(day)s.", day=day)


def review_due(day: date) -> Phrase:
    return phrase("De netwerkbespreking staat op %(day)s.", day=day)


def measure_name(name: str) -> Phrase:
    return Phrase(MEASURE[name][0])


def measure_meaning(name: str) -> Phrase:
    return Phrase(MEASURE[name][1])
