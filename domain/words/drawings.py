"""The words of the drawings (services/web/drawing): the legend's captions, titles, and each drawing in words for a
screen reader. Headings and codes are the labels of domain/words/labels.py (category groups, rings, sectors)."""

from __future__ import annotations

from domain.words.labels import label
from domain.words.phrases import N_, Phrase, phrase, plural

SPILMANTELZORGER = N_("spilmantelzorger")
LEGEND = N_("Legenda")
LEGEND_TITLE = N_("Legenda bij het ecogram")
# The legend's marks other than the strengths (labels.STRENGTH_CAPTION) and the support types (labels.SUPPORT_TYPE).
MARK: dict[str, str] = {
    "stressful": N_("belastende band"),
    "one_way": N_("steun gaat in de richting van de pijl"),
    "both_ways": N_("wederzijdse steun"),
    "acquaintance": N_("contacten die elkaar kennen"),
    "given": N_("tussen haakjes: steun die de cliënt geeft"),
}
# Under a name on the ecogram: what changed (the "Veranderingen" page), and a carer with overload signals.
CHANGE: dict[str, str] = {
    "new": N_("nieuw"),
    "gone": N_("nu weg"),
    "stronger": N_("band sterker"),
    "weaker": N_("band zwakker"),
}
OVERLOADED = N_("overbelast")
# The legend's words for the shapes, the rings and the marks in colour.
PERSON = N_("persoon")
PROFESSIONAL = N_("hulpverlener of organisatie")
CLOSENESS = N_("dichter bij het midden: een nauwere band (intimi, vrienden, kennissen, dienstverlening)")
OVERLOAD_CAPTION = N_("mantelzorger met signalen van overbelasting")
AT_A_DISTANCE = N_("grijs: contact vooral op afstand (telefoon, beeldbellen of alleen digitaal)")
TIME_AXIS = N_("datum van de meting")
NO_REPORTS = N_("Nog geen metingen.")


def legend_code(code: str, caption: str) -> Phrase:
    """A support code as the legend explains it ("P: praktische hulp"); the code is said already."""
    return phrase("%(code)s: %(caption)s", code=code, caption=Phrase(caption))


def contacts(count: int) -> Phrase:
    return plural("%(count)s contact", "%(count)s contacten", count)


def ecogram_title(client: str) -> Phrase:
    return phrase("Ecogram van %(client)s", client=client)


def ecogram_description(  # noqa: PLR0913 - what the ecogram shows, counted
    client: str, day: str, people: int, groups: int, strengths: dict[str, int], stressful: int, pairs: int
) -> list[Phrase]:
    """The ecogram in words: how many contacts in how many groups, the ties by strength, who know each other."""
    tied = sum(strengths.values())
    said = [
        phrase("Ecogram van %(client)s op %(day)s: %(contacts)s in %(groups)s.", client=client, day=day,
               contacts=contacts(people), groups=plural("%(count)s groep", "%(count)s groepen", groups)),
        phrase("%(ties)s: %(strong)s sterk, %(normal)s gewoon, %(tenuous)s zwak; %(stressful)s belastend.",
               ties=plural("%(count)s band", "%(count)s banden", tied), strong=strengths.get("strong", 0),
               normal=strengths.get("normal", 0), tenuous=strengths.get("tenuous", 0), stressful=stressful),
    ]  # fmt: skip
    if pairs:
        said.append(plural("%(count)s tweetal kent elkaar.", "%(count)s tweetallen kennen elkaar.", pairs))
    else:
        said.append(phrase("Geen van de contacten kent een ander contact."))
    return said


def spilmantelzorger_is(name: str) -> Phrase:
    return phrase("Spilmantelzorger: %(name)s.", name=name)


def lensink_title(client: str) -> Phrase:
    return phrase("Netwerkcirkel van %(client)s", client=client)


def lensink_description(
    client: str, day: str, people: int, rings: dict[str, int], sectors: dict[str, int]
) -> list[Phrase]:
    """The circle in words: how many contacts in each ring and in each sector."""
    per_ring = [phrase("%(name)s %(count)s", name=label("ring", ring), count=n) for ring, n in rings.items()]
    per_sector = [phrase("%(name)s %(count)s", name=label("sector", s), count=n) for s, n in sectors.items()]
    return [
        phrase("Netwerkcirkel van %(client)s op %(day)s: %(contacts)s.", client=client, day=day,
               contacts=contacts(people)),
        phrase("Per ring: %(counts)s.", counts=per_ring),
        phrase("Per sector: %(counts)s.", counts=per_sector),
    ]  # fmt: skip


def trend_title(name: str) -> Phrase:
    return phrase("Belasting van %(name)s", name=name)


def measurements(count: int) -> Phrase:
    return plural("%(count)s meting", "%(count)s metingen", count)


def trend_heading(instrument: str, maximum: int) -> Phrase:
    return phrase("%(instrument)s: score van 0 tot %(maximum)s", instrument=label("instrument_name", instrument),
                  maximum=maximum)  # fmt: skip


def trend_sentence(  # noqa: PLR0913 - one instrument's reports, summed up
    instrument: str, count: int, first: str, last: str, total: int, maximum: int, band: str | None
) -> Phrase:
    """One instrument's reports in a sentence, with the band of the latest where the instrument has one."""
    name = label("instrument_name", instrument)
    if count > 1:
        line = phrase(
            "%(instrument)s: %(count)s metingen van %(first)s tot %(last)s; laatste score %(total)s van %(maximum)s",
            instrument=name,
            count=count,
            first=first,
            last=last,
            total=total,
            maximum=maximum,
        )
    else:
        line = phrase("%(instrument)s: 1 meting, op %(last)s; score %(total)s van %(maximum)s", instrument=name,
                      last=last, total=total, maximum=maximum)  # fmt: skip
    if band:
        return phrase("%(line)s (%(band)s).", line=line, band=label("band", band))
    return phrase("%(line)s.", line=line)
