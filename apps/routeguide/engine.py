"""The route guide's decision: a pure function of the situation and the rule data.

No amount, citation or title of law is written in the guide's code. Each comes from the
dated rows handed in as RuleData (see selectors.rule_data_for); threshold keys and rule
codes are only identifiers. An editor who adds next year's threshold therefore changes the
answers from that date on without a deploy, and the answers for earlier dates stay as they
were.

A statement is made only when the rule it rests on (its first citation) is in force on the
date; where the data has a gap the guide says so instead of guessing.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from . import consequences
from .answer import (
    Answer,
    Builder,
    Item,
    Nok,
    Notice,
    RuleData,
    RuleRow,
    Situation,
    Statement,
    ThresholdRow,
)
from .bands import EEA_KEYS, Band, band_for
from .vocabulary import (
    REGULATED_REGIMES,
    THRESHOLD_NAMES,
    Key,
    Overlay,
    Purpose,
    Regime,
    Service,
    WarningCode,
    YesNo,
)

__all__ = [
    "Answer",
    "Item",
    "Nok",
    "Notice",
    "RuleData",
    "RuleRow",
    "Situation",
    "Statement",
    "ThresholdRow",
    "decide",
]

REGIME_PHRASES = {
    Regime.DEL_I: _("only part I of the procurement regulation"),
    Regime.DEL_II: _("parts I and II of the procurement regulation (national procedures)"),
    Regime.DEL_II_EEA: _(
        "parts I and II of the procurement regulation, with a notice in the whole EEA"
    ),
    Regime.DEL_III: _("parts I and III of the procurement regulation (EEA procedures)"),
    Regime.CH30: _(
        "the rules for health and social services in chapter 30 of the procurement regulation"
    ),
}

# The rule that allows a reserved contract for work integration, by regime.


def decide(situation: Situation, data: RuleData) -> Answer:
    """The route guide's answer for the situation on its date, from the rule data alone."""
    b = Builder(situation, data)
    s = situation

    if s.purpose == Purpose.GRANT:
        if s.counter_performance == YesNo.NO:
            return _grant_without_counter_performance(b)
        _grant_with_counter_performance(b)
    if s.rd_is_main_element and s.benefits_shared == YesNo.YES:
        return _exempt_rd(b)

    _purpose_notes(b)
    if s.purpose == Purpose.DIALOGUE:
        consequences.market_dialogue(b)

    if b.value is None:
        if s.purpose != Purpose.DIALOGUE:
            b.warn(
                WarningCode.VALUE_MISSING,
                _("Give the estimated value: it decides which rules apply."),
            )
        else:
            b.reason(_("Give an estimated value to see which rules the purchase will follow."))
        return b.finish()

    _value_notes(b)
    band = band_for(
        service=s.service, authority=s.authority, value=b.value, thresholds=data.thresholds
    )
    for row in band.compared:
        b.use(row)
    if band.regime == Regime.UNKNOWN:
        return _threshold_gap(b, band)

    b.regime = band.regime
    _band_reason(b, band)
    _protocol(b)
    consequences.procedures(b)
    consequences.provider_options(b)
    if b.regime in REGULATED_REGIMES:
        consequences.market_dialogue(b)
        consequences.social_considerations(b)
    consequences.checks(b, band)
    return b.finish()


def _grant_without_counter_performance(b: Builder) -> Answer:
    if not b.has_rule("tilskudd-eller-anskaffelse"):
        return _rule_gap(b)
    b.regime = Regime.NOT_PROCUREMENT
    b.reason(
        _(
            "The grant is not a procurement, because the recipient delivers nothing to you in "
            "return: you fund the recipient's own activity."
        ),
        ["tilskudd-eller-anskaffelse"],
    )
    b.note(
        _(
            "What decides is the reality and the content of the documents, not the label: "
            "strong steering and detailed delivery requirements make a grant a purchase."
        ),
        ["tilskudd-eller-anskaffelse"],
    )
    if b.overlay(
        Overlay.STATE_AID_CHECK,
        _(
            "A grant to an undertaking can be state aid. A non-profit organisation or a social "
            "entrepreneur is also an undertaking when it offers services in a market. Check "
            "the criteria for state aid before you decide."
        ),
        ["offentlig-stotte"],
    ):
        if b.value is not None:
            b.add_to(
                Overlay.STATE_AID_CHECK,
                _(
                    "Smaller amounts can be given as de minimis aid; the amount, NOK %(value)s, "
                    "counts together with other such aid to the same undertaking."
                ),
                ["bagatellstotte"],
                value=Nok(b.value),
            )
        else:
            b.add_to(
                Overlay.STATE_AID_CHECK,
                _("Smaller amounts can be given as de minimis aid."),
                ["bagatellstotte"],
            )
    return b.finish()


def _grant_with_counter_performance(b: Builder) -> None:
    b.note(
        _(
            "Because the recipient must deliver something to you in return, the grant is in "
            "reality a purchase and follows the procurement rules, whatever it is called."
        ),
        ["tilskudd-eller-anskaffelse"],
    )
    b.warn(
        WarningCode.DISGUISED_GRANT,
        _(
            "Paying for services as a grant without following the procurement rules is an "
            "unlawful direct award, and a fee can be imposed."
        ),
        ["tilskudd-eller-anskaffelse"],
    )


def _exempt_rd(b: Builder) -> Answer:
    if not b.has_rule("foa-2-5"):
        return _rule_gap(b)
    b.regime = Regime.EXEMPT_RD
    b.reason(
        _(
            "The procurement rules do not apply, because research and development is the main "
            "element and you do not both pay for all of it and keep all of the benefit."
        ),
        ["foa-2-5"],
    )
    b.note(
        _(
            "Buying the solution that results later is a separate procurement, which follows "
            "the rules for its value."
        ),
        ["foa-2-5"],
    )
    return b.finish()


def _rule_gap(b: Builder) -> Answer:
    statement = Statement(
        text=_(
            "The guide cannot answer for %(date)s: the rule data has no rule in force on that "
            "date for this question, and the guide does not guess."
        ),
        params={"date": b.situation.on},
    )
    return b.gap(statement)


def _threshold_gap(b: Builder, band: Band) -> Answer:
    statement = Statement(
        text=_(
            "The guide cannot answer for %(date)s: the rule data has no value for %(name)s on "
            "that date, and the guide does not guess."
        ),
        params={"date": b.situation.on, "name": THRESHOLD_NAMES[band.missing]},
    )
    known = []
    if band.floor is not None:
        known.append(
            Statement(
                text=_(
                    "What is known: the value NOK %(value)s is at or above %(name)s NOK %(amount)s."
                ),
                params={
                    "value": Nok(b.value),
                    "name": band.floor.name,
                    "amount": Nok(band.floor.amount),
                },
            )
        )
    return b.gap(statement, *known)


def _purpose_notes(b: Builder) -> None:
    s = b.situation
    if s.rd_is_main_element and s.benefits_shared == YesNo.NO:
        b.note(
            _(
                "The exemption for research and development does not apply, because you pay "
                "for all of it and keep all of the benefit: this is an ordinary procurement of "
                "research and development services."
            ),
            ["foa-2-5"],
        )
    if s.purpose == Purpose.PILOT:
        b.note(
            _(
                "A paid pilot is a purchase: you pay and receive a service in return, so the "
                "agreement binds both sides and the procurement rules apply."
            ),
            ["tilskudd-eller-anskaffelse"],
        )
    elif s.purpose == Purpose.CODEVELOP:
        b.note(
            _(
                "Developing a solution together with a supplier is a purchase when you pay for "
                "the work."
            ),
            ["tilskudd-eller-anskaffelse"],
        )
    elif s.purpose == Purpose.PARTNERSHIP:
        b.note(
            _(
                "A long-term partnership in which you pay for services is a procurement like "
                "any other: its value over the whole period, including options, decides the "
                "rules."
            ),
            ["foa-5-4"],
        )
    elif s.purpose == Purpose.DIALOGUE:
        b.note(
            _(
                "Talking with the market is not a procurement in itself; the purchase that "
                "follows must follow the rules for its value."
            ),
            ["markedsdialog"],
        )


def _value_notes(b: Builder) -> None:
    s = b.situation
    if s.value_is_annual:
        b.note(
            _(
                "You gave NOK %(annual)s a year for %(years)s years, so the value is "
                "NOK %(value)s in total. Splitting a purchase into smaller parts to stay below "
                "a threshold is not allowed."
            ),
            ["foa-5-4"],
            required=False,
            annual=Nok(s.annual_value),
            years=s.years,
            value=Nok(b.value),
        )
    b.note(
        _(
            "The value is the estimated total payment excluding VAT over the whole contract "
            "period, including options and extensions."
        ),
        ["foa-5-4"],
        required=False,
    )


def _band_reason(b: Builder, band: Band) -> None:
    value = Nok(b.value)
    codes = {
        Regime.OUTSIDE: ["loa-2"],
        Regime.DEL_I: ["foa-5-1", "loa-2"],
        Regime.DEL_II: ["foa-5-1"],
        Regime.DEL_II_EEA: ["foa-5-1", "foa-5-3"],
        Regime.DEL_III: ["foa-5-1", "foa-5-3"],
        Regime.CH30: ["foa-5-3", "foa-kap-30"],
    }[band.regime]
    if band.ceiling is not None and band.ceiling.key in EEA_KEYS and "foa-5-3" not in codes:
        codes.append("foa-5-3")
    if band.floor is None:
        b.reason(
            _(
                "The procurement rules do not apply, because the value NOK %(value)s is below "
                "%(ceiling_name)s NOK %(ceiling)s."
            ),
            codes,
            required=False,
            value=value,
            ceiling_name=band.ceiling.name,
            ceiling=Nok(band.ceiling.amount),
        )
    elif band.ceiling is not None:
        b.reason(
            _(
                "The purchase falls under %(regime)s, because the value NOK %(value)s is at or "
                "above %(floor_name)s NOK %(floor)s and below %(ceiling_name)s NOK %(ceiling)s."
            ),
            codes,
            required=False,
            regime=REGIME_PHRASES[band.regime],
            value=value,
            floor_name=band.floor.name,
            floor=Nok(band.floor.amount),
            ceiling_name=band.ceiling.name,
            ceiling=Nok(band.ceiling.amount),
        )
    else:
        b.reason(
            _(
                "The purchase falls under %(regime)s, because the value NOK %(value)s is at or "
                "above %(floor_name)s NOK %(floor)s."
            ),
            codes,
            required=False,
            regime=REGIME_PHRASES[band.regime],
            value=value,
            floor_name=band.floor.name,
            floor=Nok(band.floor.amount),
        )
    service = b.situation.service
    if band.regime == Regime.DEL_I and service == Service.HEALTH_SOCIAL:
        b.reason(
            _(
                "Health and social services below their EEA threshold follow only part I, "
                "whatever the national threshold."
            ),
            ["foa-5-1"],
        )
    elif band.regime == Regime.DEL_II and service == Service.SPECIAL:
        b.reason(
            _(
                "Other special services at or above the national threshold follow part II up "
                "to their own EEA threshold."
            ),
            ["foa-5-1"],
        )
    elif band.regime == Regime.DEL_II_EEA:
        b.reason(
            _(
                "Other special services stay in part II above their EEA threshold; chapter 30 "
                "is for health and social services only. The difference is that the "
                "competition must be announced in the whole EEA."
            ),
            ["foa-5-1", "foa-5-3"],
        )


def _protocol(b: Builder) -> None:
    row = b.data.thresholds.get(Key.PROTOCOL)
    if row is None:
        if b.regime in REGULATED_REGIMES:
            b.warn(
                WarningCode.DATA_GAP,
                _(
                    "The rule data has no value for %(name)s on %(date)s, so the guide cannot "
                    "say whether a procurement protocol is required."
                ),
                name=THRESHOLD_NAMES[Key.PROTOCOL],
                date=b.situation.on,
            )
        return
    b.use(row)
    if b.value >= row.amount:
        b.overlay(
            Overlay.PROTOCOL,
            _(
                "You must keep a procurement protocol, because the value NOK %(value)s is at or "
                "above %(name)s NOK %(amount)s."
            ),
            ["foa-7-1"],
            value=Nok(b.value),
            name=row.name,
            amount=Nok(row.amount),
        )
    else:
        b.note(
            _(
                "No procurement protocol is required, because the value NOK %(value)s is below "
                "%(name)s NOK %(amount)s."
            ),
            ["foa-7-1"],
            value=Nok(b.value),
            name=row.name,
            amount=Nok(row.amount),
        )
