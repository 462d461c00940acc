"""Carer-burden scoring on worked examples, every total counted by hand, and every kind of refused answer.

EDIZ-plus: 15 items 0/1, bands none 0, light 1-3, moderate 4-8, heavy 9-15. EDIZ: 9 items, Min of meer, Ja
and Ja! score 1. CSI: 13 yes/no, 7 or more is high strain. Self-Rated Burden: one integer 0-10.
"""

from __future__ import annotations

from typing import Any

import pytest

from domain.burden import SPECS, questionnaire, score, severity, validate
from domain.errors import DomainError
from domain.vocabulary import INSTRUMENTS
from domain.words import DUTCH
from services.web.language import speaker_for


def ones(n: int, length: int) -> list[int]:
    """n answers of 1 followed by answers of 0, `length` in all."""
    return [1] * n + [0] * (length - n)


def refused(instrument: str, answers: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        score(instrument, answers)
    assert caught.value.code == "invalid_answers"
    return caught.value


# ------------------------------------------------------------------ EDIZ-plus
@pytest.mark.parametrize(
    ("yes", "band"),
    [(0, "none"), (1, "light"), (3, "light"), (4, "moderate"), (8, "moderate"), (9, "heavy"), (15, "heavy")],
)
def test_ediz_plus_bands_follow_the_published_boundaries(yes: int, band: str) -> None:
    result = score("ediz_plus", ones(yes, 15))
    assert (result.total, result.maximum, result.band, result.high_strain) == (yes, 15, band, None)


def test_ediz_plus_eight_is_still_moderate_and_nine_is_heavy() -> None:
    assert score("ediz_plus", ones(8, 15)).band == "moderate"
    assert score("ediz_plus", ones(9, 15)).band == "heavy"
    assert "Zwaar belast" in DUTCH(score("ediz_plus", ones(9, 15)).interpretation)


def test_ediz_plus_accepts_booleans_codes_and_dutch_labels_alike() -> None:
    answers: list[Any] = [True, False, "yes", "no", "Ja", "Nee", 1, 0] + [False] * 7
    result = score("ediz_plus", answers)
    assert result.total == 4  # True, "yes", "Ja", 1
    assert result.item_scores[:8] == (1, 0, 1, 0, 1, 0, 1, 0)


def test_ediz_plus_interpretation_is_one_plain_dutch_line_with_the_score() -> None:
    line = DUTCH(score("ediz_plus", ones(5, 15)).interpretation)
    assert line.startswith("Matige belasting") and "5 van 15" in line and "\n" not in line
    english = speaker_for("en")(score("ediz_plus", ones(5, 15)).interpretation)
    assert english.startswith("Moderate burden") and "5 out of 15" in english


# ------------------------------------------------------------------ EDIZ
def test_ediz_scores_min_of_meer_ja_and_ja_with_an_exclamation_mark_as_one() -> None:
    answers = ["Nee!", "Nee", "Min of meer", "Ja", "Ja!", "Nee", "Nee!", "Ja", "Nee"]
    result = score("ediz", answers)
    assert result.item_scores == (0, 0, 1, 1, 1, 0, 0, 1, 0)
    assert (result.total, result.maximum) == (4, 9)


def test_ediz_accepts_the_option_codes_as_well_as_the_labels() -> None:
    codes = ["no_strongly", "no", "more_or_less", "yes", "yes_strongly", "yes", "yes", "more_or_less", "no"]
    assert score("ediz", codes).total == 6


def test_ediz_gives_a_total_from_zero_to_nine_and_no_band_because_none_is_published() -> None:
    assert score("ediz", ["Nee!"] * 9).total == 0
    highest = score("ediz", ["Ja!"] * 9)
    assert (highest.total, highest.band, highest.high_strain) == (9, None, None)
    assert "9 van 9" in DUTCH(highest.interpretation)


# ------------------------------------------------------------------ Caregiver Strain Index
def test_csi_six_yes_answers_are_not_high_strain_and_seven_are() -> None:
    six, seven = score("csi", ones(6, 13)), score("csi", ones(7, 13))
    assert (six.total, six.maximum, six.high_strain, six.band) == (6, 13, False, None)
    assert (seven.total, seven.high_strain) == (7, True)
    assert DUTCH(seven.interpretation).startswith("Hoge belasting")
    assert DUTCH(six.interpretation).startswith("Geen hoge belasting")


def test_csi_counts_yes_answers_given_as_booleans_codes_or_labels() -> None:
    answers: list[Any] = [True, "yes", "Ja", 1, True, True, True, "Nee", "no", False, 0, 0, 0]
    assert score("csi", answers).total == 7
    assert score("csi", [False] * 13).total == 0
    assert score("csi", [True] * 13).total == 13


# ------------------------------------------------------------------ Self-Rated Burden
def test_self_rated_burden_is_the_number_given_with_no_band() -> None:
    lowest, highest = score("srb", [0]), score("srb", [10])
    assert (lowest.total, lowest.maximum, lowest.band, lowest.high_strain) == (0, 10, None, None)
    assert (highest.total, highest.maximum, highest.band) == (10, 10, None)
    assert "10" in DUTCH(highest.interpretation)


# ------------------------------------------------------------------ severity (for reminders and signals)
def test_severity_is_the_ediz_plus_band_or_heavy_for_high_csi_strain_and_none_without_a_cut_off() -> None:
    assert severity("ediz_plus", ones(9, 15)) == "heavy"
    assert severity("ediz_plus", ones(4, 15)) == "moderate"
    assert severity("csi", ones(7, 13)) == "heavy"
    assert severity("csi", ones(6, 13)) is None
    assert severity("ediz", ["Ja!"] * 9) is None
    assert severity("srb", [10]) is None


def test_severity_of_invalid_stored_answers_is_none_rather_than_an_error() -> None:
    assert severity("ediz_plus", [1] * 3) is None
    assert severity("csi", None) is None
    assert severity("zarit", [1]) is None


# ------------------------------------------------------------------ refused answers
@pytest.mark.parametrize(("instrument", "count"), [("ediz_plus", 14), ("ediz_plus", 16), ("csi", 12), ("srb", 2)])
def test_a_wrong_number_of_answers_is_refused_on_the_answers_field(instrument: str, count: int) -> None:
    answers: list[Any] = ["Nee"] * count if instrument != "srb" else [0] * count
    error = refused(instrument, answers)
    assert error.field == "answers"
    assert f"{count} answers" in error.message


def test_an_empty_list_is_refused_for_every_instrument() -> None:
    for instrument in INSTRUMENTS:
        assert refused(instrument, []).field == "answers"


@pytest.mark.parametrize("answers", [None, "Ja", b"1", 5, {"0": 1}])
def test_answers_that_are_not_a_list_are_refused_on_the_answers_field(answers: Any) -> None:
    assert refused("csi", answers).field == "answers"


@pytest.mark.parametrize("bad", [2, -1, 1.0, 0.0, None, "ja", "Soms", "", [1]])
def test_a_yes_no_answer_out_of_range_of_the_wrong_type_or_unknown_is_refused_naming_the_item(bad: Any) -> None:
    answers: list[Any] = [0] * 13
    answers[4] = bad
    error = refused("csi", answers)
    assert error.field == "answers.4"
    assert "item 5" in error.message and "family_adjustments" in error.message


@pytest.mark.parametrize("bad", [1, 0, True, 1.0, None, "nee", "Min of Meer", "Ja !", "maybe"])
def test_an_ediz_answer_must_be_a_code_or_an_exact_label_never_a_number_or_boolean(bad: Any) -> None:
    answers: list[Any] = ["Nee"] * 9
    answers[8] = bad
    error = refused("ediz", answers)
    assert error.field == "answers.8"
    assert "under_pressure" in error.message and "Min of meer" in error.message


@pytest.mark.parametrize("bad", [11, -1, 7.0, 5.5, True, False, None, "7"])
def test_a_self_rated_burden_must_be_a_whole_number_from_zero_to_ten_and_not_a_boolean(bad: Any) -> None:
    error = refused("srb", [bad])
    assert error.field == "answers.0"
    assert "0 to 10" in error.message


def test_the_first_bad_answer_is_the_one_named() -> None:
    answers: list[Any] = [0] * 15
    answers[2], answers[9] = 1.0, None
    assert refused("ediz_plus", answers).field == "answers.2"


def test_an_unknown_instrument_is_refused_on_the_instrument_field() -> None:
    with pytest.raises(DomainError) as caught:
        score("zarit", [0] * 22)
    assert (caught.value.code, caught.value.field) == ("invalid_choice", "instrument")


def test_validate_returns_the_points_of_each_answer_in_item_order() -> None:
    assert validate("ediz", ["Ja!", "Nee", "Min of meer"] + ["Nee!"] * 6) == (1, 0, 1, 0, 0, 0, 0, 0, 0)


def test_answers_may_be_a_tuple_as_well_as_a_list() -> None:
    assert score("srb", (6,)).total == 6


# ------------------------------------------------------------------ items and questionnaires
def test_every_instrument_in_the_vocabulary_has_items_and_no_zarit() -> None:
    assert set(SPECS) == set(INSTRUMENTS)
    assert "zarit" not in SPECS
    counts = {code: len(spec.items) for code, spec in SPECS.items()}
    assert counts == {"ediz_plus": 15, "ediz": 9, "csi": 13, "srb": 1}


def test_every_item_and_option_has_dutch_and_english_text_and_a_unique_code() -> None:
    for spec in SPECS.values():
        codes = [item.code for item in spec.items]
        assert len(codes) == len(set(codes)), spec.code
        for item in spec.items:
            assert item.code.isidentifier() and item.nl.strip() and item.en.strip(), item
            assert item.nl != item.en, item
        assert len({o.code for o in spec.options}) == len(spec.options)
        for option in spec.options:
            assert option.nl.strip() and option.en.strip(), option
        assert spec.name_nl and spec.name_en and spec.instruction_nl and spec.instruction_en and spec.source


def test_paraphrased_instruments_say_so_in_their_source_note() -> None:
    for spec in SPECS.values():
        assert spec.paraphrased == ("paraphrased" in spec.source.lower()), spec.code
    assert SPECS["ediz_plus"].paraphrased and SPECS["srb"].paraphrased
    assert not SPECS["ediz"].paraphrased and not SPECS["csi"].paraphrased


def test_the_ediz_uses_the_five_published_answer_labels_in_order() -> None:
    assert [o.nl for o in SPECS["ediz"].options] == ["Nee!", "Nee", "Min of meer", "Ja", "Ja!"]
    assert [o.points for o in SPECS["ediz"].options] == [0, 0, 1, 1, 1]


def test_a_questionnaire_shows_items_and_options_in_the_chosen_language() -> None:
    dutch, english = questionnaire("csi", "nl"), questionnaire("csi", "en")
    assert dutch.items[0].text == "Mijn nachtrust is verstoord."
    assert english.items[0].text == "Sleep is disturbed."
    assert [c.label for c in dutch.options] == ["Nee", "Ja"]
    assert [c.label for c in english.options] == ["No", "Yes"]
    assert [q.code for q in dutch.items] == [q.code for q in english.items]


def test_a_questionnaires_answers_are_accepted_as_they_are_given_back() -> None:
    for instrument in INSTRUMENTS:
        form = questionnaire(instrument)
        for choice in form.options:
            assert score(instrument, [choice.answer] * len(form.items)).instrument == instrument


def test_a_questionnaire_in_an_unknown_language_is_refused_on_the_lang_field() -> None:
    with pytest.raises(DomainError) as caught:
        questionnaire("ediz", "de")
    assert caught.value.field == "lang"


def test_the_paraphrased_questionnaires_carry_the_flag_for_the_form_to_show() -> None:
    assert questionnaire("ediz_plus", "nl").paraphrased
    assert not questionnaire("ediz", "en").paraphrased
