"""The step plan at the end of every answer: the right first step, the notice and the
standstill period where they apply, per regime."""

import datetime

import pytest
from django.conf import settings

from apps.routeguide.engine import Situation
from apps.routeguide.selectors import answer_for
from apps.routeguide.steps import PLANS, step_plan, steps_for
from apps.routeguide.vocabulary import Overlay, Regime

ON = datetime.date(2026, 3, 1)


def _codes(steps):
    return [step.code for step in steps]


def _urls(steps):
    return {link.url for step in steps for link in step.links}


def _situation(**kwargs) -> Situation:
    answers = {
        "purpose": "buy",
        "service": "ordinary",
        "provider": "company",
        "authority": "municipality",
        "on_market": "yes",
        "on": ON,
    }
    answers.update(kwargs)
    return Situation(**answers)


def test_every_regime_has_a_plan():
    for regime in Regime.values:
        assert step_plan(regime=regime), regime


def test_without_a_regime_the_first_step_is_to_estimate_the_value():
    assert _codes(step_plan(regime=None)) == ["value"]


def test_eea_regimes_end_in_standstill_and_award_notice_with_ted_link():
    for regime in (Regime.DEL_III, Regime.CH30, Regime.DEL_II_EEA):
        steps = step_plan(regime=regime)
        assert _codes(steps)[0] == "need"
        assert _codes(steps)[-2:] == ["standstill", "award_notice"]
        assert "https://ted.europa.eu" in _urls(steps)


def test_national_procedure_notice_in_doffin_without_standstill():
    steps = step_plan(regime=Regime.DEL_II)
    assert "notice_doffin" in _codes(steps)
    assert "standstill" not in _codes(steps)
    assert "award" in _codes(steps)
    assert _urls(steps) == {"https://doffin.no"}


def test_part_one_asks_for_competition_where_reasonable_and_no_standstill():
    codes = _codes(step_plan(regime=Regime.DEL_I, overlays=[Overlay.PROTOCOL]))
    assert codes[:2] == ["need", "competition"]
    assert "protocol" in codes and "standstill" not in codes


def test_protocol_comes_before_the_award_and_reservations_after_the_first_step():
    codes = _codes(step_plan(regime=Regime.CH30, overlays=[Overlay.PROTOCOL, Overlay.IDEELL_ONLY]))
    assert codes[1] == "reserved_ideell"
    assert codes.index("protocol") == codes.index("standstill") - 1


def test_the_steps_read_in_norwegian():
    from django.utils import translation

    with translation.override("nb"):
        text = str(PLANS[Regime.DEL_III][-2].text)
    assert "karensperiode" in text.lower() and "10 dager" in text


@pytest.mark.parametrize(
    ("situation", "regime", "first_after_need", "standstill"),
    [
        # NOK 800,000 a year for 3 years, a follow-up service from a social entrepreneur.
        (
            {
                "service": "health_social",
                "provider": "social_enterprise",
                "annual_value": 800_000,
                "years": 3,
            },
            Regime.DEL_I,
            "competition",
            False,
        ),
        (
            {
                "service": "ordinary",
                "provider": "social_enterprise",
                "annual_value": 800_000,
                "years": 3,
            },
            Regime.DEL_III,
            "procedure_eea",
            True,
        ),
        ({"service": "works", "value": 55_000_000}, Regime.DEL_II, "procedure_national", False),
        ({"service": "works", "value": 60_000_000}, Regime.DEL_III, "procedure_eea", True),
        ({"service": "ordinary", "value": 300_000}, Regime.DEL_I, "competition", False),
        ({"service": "ordinary", "value": 50_000}, Regime.OUTSIDE, "outside", False),
    ],
)
def test_representative_answers_end_in_the_right_plan(
    rule_rows, situation, regime, first_after_need, standstill
):
    answer = answer_for(situation=_situation(**situation))
    assert answer.regime == regime
    codes = _codes(steps_for(answer))
    assert codes[0] == "need"
    assert first_after_need in codes[1:3]
    assert ("standstill" in codes) is standstill


def test_answer_page_shows_the_plan_parts_line_and_comparison(client, rule_rows):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(
        "/veiviser/svar/?purpose=buy&annual_value=800000&years=3&service=health_social"
        "&provider=social_enterprise&authority=municipality&on_market=yes"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="steps-heading"' in html
    assert html.index('data-step="need"') < html.index('data-step="competition"')
    assert "part III adds the EEA procedures" in html
    assert "service=ordinary" in html and "service=special" in html


def test_chapter_30_plan_does_not_speak_of_part_two():
    steps = step_plan(regime=Regime.CH30)
    codes = _codes(steps)
    assert "deadline_reasonable_ch30" in codes
    assert not any("part II" in str(step.text) for step in steps)
