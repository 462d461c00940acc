"""The carer-burden questionnaires: their items and answer options, in Dutch and English.

Pure data, no I/O. Scoring and validation live in domain.burden.

Which texts are the published wording, and which are not:

- EDIZ (Pot, Van Dyck & Deeg 1995): the nine Dutch statements and the five answer labels are the published
  wording, as on the Zorg voor beter / Movisie form (reproduced at studylibnl.com/doc/945570). The English
  texts are our working translation, not a validated English version.
- Caregiver Strain Index: the thirteen Dutch statements are the Dutch version (Schure et al. 1995, listed on
  meetinstrumentenzorg.nl) as published by Hersenz ("Doe de mantelzorgtest") and Zorgstroom. The English texts
  are the item stems of Robinson (1983), without the examples in brackets.
- EDIZ-plus (De Boer, Oudijk, Timmermans & Pot 2012): PARAPHRASED. We could not find the fifteen published
  statements in a public source. The items below are a faithful short paraphrase of what the scale is
  published to cover (the EDIZ themes, time pressure from combining work and care, and the carer's health),
  to be checked against the licensed original before use as a validated measure. Never present them as
  the validated wording.
- Self-Rated Burden (Van Exel et al. 2004): PARAPHRASED question and anchors, to be checked against the
  original.

The Zarit Burden Interview is copyrighted (Mapi licence) and deliberately absent.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """One question or statement: a stable code, the Dutch and the English text."""

    code: str
    nl: str
    en: str


@dataclass(frozen=True)
class Option:
    """One answer option: a stable code, its labels, and the points it scores."""

    code: str
    nl: str
    en: str
    points: int


@dataclass(frozen=True)
class Instrument:
    """A questionnaire: how it is answered (kind), its items and options, and where its texts come from.

    kind: "yes_no" (items scored 0/1; answers 0/1, true/false, an option code or its exact Dutch label),
    "labels" (answers are an option code or its exact Dutch label), or "scale" (answers are integers).
    """

    code: str
    name_nl: str
    name_en: str
    kind: str
    instruction_nl: str
    instruction_en: str
    items: tuple[Item, ...]
    options: tuple[Option, ...]
    paraphrased: bool
    source: str


YES_NO: tuple[Option, ...] = (Option("no", "Nee", "No", 0), Option("yes", "Ja", "Yes", 1))

# ------------------------------------------------------------------ EDIZ-plus (paraphrased)
EDIZ_PLUS_SOURCE = (
    "Paraphrased, to be checked against the licensed original. Instrument: De Boer, A., Oudijk, D., "
    "Timmermans, J. & Pot, A.M. (2012). Ervaren belasting door mantelzorg: constructie van de EDIZ-plus. "
    "Tijdschrift voor Gerontologie en Geriatrie 43, 77-88 (via Movisie / Mezzo). The published form offers "
    "three answer options per item, scored 0 or 1; this form records the item score (0/1) directly. "
    "Bands (instrumentwijzer.nl, Movisie): 0 none, 1-3 light, 4-8 moderate, 9-15 heavy; the paper puts "
    "overload at 9 or more. Item 'too_much_on_shoulders' follows the anchor statement quoted in the paper's "
    "abstract ('de hulp kwam te veel op mijn schouders neer')."
)
EDIZ_PLUS_ITEMS: tuple[Item, ...] = (
    Item("feels_obliged", "Ik voel me verplicht om voor mijn naaste klaar te staan.",
         "I feel obliged to be there for the person I care for."),
    Item("constant_attention", "De situatie van mijn naaste vraagt steeds mijn aandacht.",
         "The situation of the person I care for keeps demanding my attention."),
    Item("cannot_let_go", "Ik kan de zorg voor mijn naaste niet loslaten.",
         "I cannot let go of caring for the person."),
    Item("too_little_own_life", "Door de zorg kom ik te weinig aan mijn eigen leven toe.",
         "Because of the care I have too little room for my own life."),
    Item("combining_hard", "De zorg is moeilijk te combineren met mijn andere taken, zoals werk of gezin.",
         "Care is hard to combine with my other duties, such as work or family."),
    Item("shortchanging_others", "Door de zorg schiet ik tekort tegenover anderen.",
         "Because of the care I fall short towards other people."),
    Item("independence_squeezed", "Door de zorg verlies ik een deel van mijn vrijheid.",
         "Because of the care I lose part of my freedom."),
    Item("time_pressure", "Door de zorg sta ik vaak onder tijdsdruk.",
         "Because of the care I am often pressed for time."),
    Item("work_adjusted", "Ik heb mijn werk of opleiding moeten aanpassen aan de zorg.",
         "I have had to adjust my work or studies to the care."),
    Item("too_little_rest", "Door de zorg kom ik te weinig aan rust en ontspanning toe.",
         "Because of the care I get too little rest and relaxation."),
    Item("under_pressure", "Ik voel me door de zorg erg onder druk staan.",
         "I feel under a lot of pressure because of the care."),
    Item("conflicts", "De zorg leidt tot conflicten thuis of op mijn werk.",
         "The care leads to conflicts at home or at work."),
    Item("health_declining", "Mijn gezondheid gaat achteruit door de zorg.",
         "My health is getting worse because of the care."),
    Item("exhausted", "Ik ben vaak moe of uitgeput door de zorg.",
         "I am often tired or exhausted because of the care."),
    Item("too_much_on_shoulders", "De zorg komt te veel op mijn schouders neer.",
         "Too much of the care rests on my shoulders."),
)  # fmt: skip

# ------------------------------------------------------------------ EDIZ (published Dutch wording)
EDIZ_SOURCE = (
    "Verbatim Dutch items and labels: Pot, A.M., Van Dyck, R. & Deeg, D.J.H. (1995). Ervaren druk door "
    "informele zorg: constructie van een schaal. Tijdschrift voor Gerontologie en Geriatrie 26, 214-219; form "
    "as distributed by Zorg voor beter / Movisie (copy: studylibnl.com/doc/945570, whose 'voortduren' we read "
    "as 'voortdurend'). Scoring from that form: Min of meer, Ja and Ja! score 1; Nee! and Nee score 0; total "
    "0-9. No cut-off is published there, so no band is given. English: our working translation."
)
EDIZ_ITEMS: tuple[Item, ...] = (
    Item("too_little_own_life", "Door de situatie van mijn naaste kom ik te weinig aan mijn leven toe",
         "Because of the situation of the person I care for, I have too little room for my own life"),
    Item("combining_hard",
         "Het combineren van de verantwoordelijkheid voor mijn naaste en de verantwoordelijkheid voor mijn "
         "werk en/of gezin valt niet mee",
         "Combining the responsibility for the person I care for with the responsibility for my work "
         "and/or family is not easy"),
    Item("shortchanging_others", "Door mijn betrokkenheid bij mijn naaste doe ik anderen tekort",
         "Because of my involvement with the person I care for, I fall short towards others"),
    Item("always_on_call", "Ik moet altijd maar klaarstaan voor mijn naaste",
         "I always have to be there for the person I care for"),
    Item("independence_squeezed", "Mijn zelfstandigheid komt in de knel",
         "My independence is being squeezed"),
    Item("constant_attention", "De situatie van mijn naaste eist voortdurend mijn aandacht",
         "The situation of the person I care for constantly demands my attention"),
    Item("conflicts",
         "Door mijn betrokkenheid bij mijn naaste krijg ik conflicten thuis en/of op mijn werk",
         "Because of my involvement with the person I care for, I get into conflicts at home and/or at work"),
    Item("never_lets_go", "De situatie van mijn naaste laat mij nooit los",
         "The situation of the person I care for never lets go of me"),
    Item("under_pressure",
         "Ik voel me over het geheel genomen erg onder druk staan door de situatie van mijn naaste",
         "On the whole, I feel under a lot of pressure from the situation of the person I care for"),
)  # fmt: skip
EDIZ_OPTIONS: tuple[Option, ...] = (
    Option("no_strongly", "Nee!", "No!", 0),
    Option("no", "Nee", "No", 0),
    Option("more_or_less", "Min of meer", "More or less", 1),
    Option("yes", "Ja", "Yes", 1),
    Option("yes_strongly", "Ja!", "Yes!", 1),
)

# ------------------------------------------------------------------ Caregiver Strain Index
CSI_SOURCE = (
    "Verbatim: Dutch version (Schure, L.M. et al. 1995, per meetinstrumentenzorg.nl) as published by Hersenz "
    "('Doe de mantelzorgtest') and Zorgstroom ('Balans zorg & leven'); English item stems from Robinson, B.C. "
    "(1983). Validation of a Caregiver Strain Index. Journal of Gerontology 38(3), 344-348. The Dutch order "
    "puts 'overwhelmed' (12) before 'financial strain' (13); Robinson's order has them the other way round. "
    "Scoring: yes = 1, total 0-13; 7 or more yes answers = high strain (Robinson 1983; Hersenz)."
)
CSI_ITEMS: tuple[Item, ...] = (
    Item("sleep_disturbed", "Mijn nachtrust is verstoord.", "Sleep is disturbed."),
    Item("inconvenient", "Hem of haar helpen kost me nogal wat moeite en tijd.", "It is inconvenient."),
    Item("physical_strain", "Ik vind het lichamelijk zwaar.", "It is a physical strain."),
    Item("confining", "Het beperkt me in andere dingen die ik wil doen.", "It is confining."),
    Item("family_adjustments", "Wij hebben onze dagelijkse manier van doen moeten aanpassen.",
         "There have been family adjustments."),
    Item("changed_plans", "Wij hebben onze plannen moeten wijzigen.",
         "There have been changes in personal plans."),
    Item("other_demands", "Er zijn ook andere zaken waaraan ik mijn tijd moet besteden.",
         "There have been other demands on my time."),
    Item("emotional_adjustments", "Emotioneel gedragen we ons anders ten opzichte van elkaar.",
         "There have been emotional adjustments."),
    Item("upsetting_behaviour", "Het gedrag van mijn man/vrouw maakt me soms van streek.",
         "Some behaviour is upsetting."),
    Item("changed_person", "Het is pijnlijk te moeten zien dat hij/zij een ander persoon is geworden.",
         "It is upsetting to find he/she has changed so much from his/her former self."),
    Item("work_adjustments", "Ik heb mijn werk/baan moeten aanpassen aan de situatie.",
         "There have been work adjustments."),
    Item("overwhelmed", "Ik word geheel door deze situatie in beslag genomen.", "Feeling completely overwhelmed."),
    Item("financial_strain", "We leven onder financiële druk.", "It is a financial strain."),
)  # fmt: skip

# ------------------------------------------------------------------ Self-Rated Burden (paraphrased)
SRB_SOURCE = (
    "Paraphrased, to be checked against the original. Instrument: Van Exel, N.J.A., Scholte op Reimer, W.J.M., "
    "Brouwer, W.B.F. et al. (2004). Instruments for assessing the burden of informal caregiving for stroke "
    "patients in clinical practice: a comparison of CSI, CRA, SCQ and self-rated burden. Clinical "
    "Rehabilitation 18(2), 203-214 (PMID 15053130): a single 0-10 question, 'for quick screening of caregivers "
    "at risk'. No published cut-off was found, so no band is given."
)
SRB_ITEMS: tuple[Item, ...] = (
    Item("self_rated_burden",
         "Hoe zwaar is de zorg voor uw naaste op dit moment voor u? Kies een cijfer van 0 (helemaal niet zwaar) "
         "tot 10 (veel te zwaar).",
         "How straining is caring for the person at the moment? Choose a number from 0 (not straining at all) "
         "to 10 (much too straining)."),
)  # fmt: skip
SRB_OPTIONS: tuple[Option, ...] = tuple(
    Option(
        str(n),
        {0: "0 - helemaal niet zwaar", 10: "10 - veel te zwaar"}.get(n, str(n)),
        {0: "0 - not straining at all", 10: "10 - much too straining"}.get(n, str(n)),
        n,
    )
    for n in range(11)
)

SPECS: dict[str, Instrument] = {
    "ediz_plus": Instrument(
        "ediz_plus",
        "Ervaren Druk door Informele Zorg-plus (EDIZ-plus)",
        "Self-perceived pressure from informal care, extended (EDIZ-plus)",
        "yes_no",
        "Geef bij elke uitspraak aan of die op dit moment op u van toepassing is.",
        "For each statement, say whether it applies to you at the moment.",
        EDIZ_PLUS_ITEMS,
        YES_NO,
        paraphrased=True,
        source=EDIZ_PLUS_SOURCE,
    ),
    "ediz": Instrument(
        "ediz",
        "Ervaren Druk door Informele Zorg (EDIZ)",
        "Self-perceived pressure from informal care (EDIZ)",
        "labels",
        "Geef aan of de afgelopen paar weken de volgende stellingen op u van toepassing waren.",
        "Say whether the following statements applied to you over the past few weeks.",
        EDIZ_ITEMS,
        EDIZ_OPTIONS,
        paraphrased=False,
        source=EDIZ_SOURCE,
    ),
    "csi": Instrument(
        "csi",
        "Caregiver Strain Index (CSI)",
        "Caregiver Strain Index (CSI)",
        "yes_no",
        "Geef bij elke uitspraak aan of die op u van toepassing is: ja of nee.",
        "Here is a list of things that other people have found to be difficult. Do any of these apply to you?",
        CSI_ITEMS,
        YES_NO,
        paraphrased=False,
        source=CSI_SOURCE,
    ),
    "srb": Instrument(
        "srb",
        "Zelf ingeschatte belasting (Self-Rated Burden)",
        "Self-Rated Burden (SRB)",
        "scale",
        "Geef met één cijfer aan hoe zwaar de zorg nu voor u is.",
        "Give one number for how straining the care is for you now.",
        SRB_ITEMS,
        SRB_OPTIONS,
        paraphrased=True,
        source=SRB_SOURCE,
    ),
}
