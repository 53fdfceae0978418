"""What follows from the regime: procedures, duties and options, and the checks to make.

Part of the pure decision in engine.py; see there for the rule that no amount, citation or
title of law is written here.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .answer import Builder, Nok
from .bands import Band, band_for
from .vocabulary import (
    REGULATED_REGIMES,
    OnMarket,
    Overlay,
    Procedure,
    Provider,
    Purpose,
    Regime,
    Service,
    WarningCode,
)

# How close to a threshold, in per cent of it, an estimate must be to get a warning. Not a
# rule of law: a margin for the uncertainty of any estimate.
NEAR_THRESHOLD_PERCENT = 10

RESERVED_WISE_RULES = {
    Regime.DEL_I: "foa-8-8",
    Regime.DEL_II: "foa-8-8",
    Regime.DEL_II_EEA: "foa-8-8",
    Regime.DEL_III: "foa-16-9",
    Regime.CH30: "foa-30-3",
}
SOCIAL_PROVIDERS = frozenset({Provider.SOCIAL_ENTERPRISE, Provider.WISE, Provider.IDEELL})

INNOVATION_PARTNERSHIP_TEXT = _(
    "Because the solution is not on the market, an innovation partnership is possible: you "
    "develop it in phases with one or more partners, may stop after each phase, and may buy "
    "the result without a new competition if the agreed performance and maximum cost are met."
)


def procedures(b: Builder) -> None:
    s = b.situation
    regime = b.regime
    if regime == Regime.OUTSIDE:
        b.procedure(
            Procedure.NONE_FIXED,
            _(
                "No procedure is required. Good practice is still to ask more than one "
                "supplier and compare the offers."
            ),
            ["loa-2"],
        )
    elif regime == Regime.DEL_I:
        if b.procedure(
            Procedure.NONE_FIXED,
            _("There is no fixed procedure: you decide how to run the competition."),
            ["foa-5-1"],
        ):
            _basic_principles(b, Procedure.NONE_FIXED)
    elif regime in (Regime.DEL_II, Regime.DEL_II_EEA):
        b.procedure(
            Procedure.OPEN_TENDER_COMPETITION,
            _(
                "Every interested supplier may submit a tender, and you may negotiate with the "
                "tenderers."
            ),
            ["foa-8-3"],
        )
        b.procedure(
            Procedure.RESTRICTED_TENDER_COMPETITION,
            _(
                "You first choose qualified suppliers and invite only them to submit tenders; "
                "you may negotiate with the tenderers."
            ),
            ["foa-8-3"],
        )
        if s.on_market == OnMarket.NO and b.procedure(
            Procedure.INNOVATION_PARTNERSHIP,
            INNOVATION_PARTNERSHIP_TEXT,
            ["foa-innovasjonspartnerskap"],
        ):
            b.add_to(
                Procedure.INNOVATION_PARTNERSHIP,
                _(
                    "Below the EEA threshold you must then follow the rules of part III for "
                    "innovation partnerships."
                ),
                ["foa-innovasjonspartnerskap"],
            )
        if regime == Regime.DEL_II_EEA:
            _eea_notice(b, ["foa-5-3", "foa-5-1"])
        else:
            b.overlay(
                Overlay.DOFFIN_NOTICE,
                _(
                    "The competition must be announced on Doffin, the national database for "
                    "public procurement notices."
                ),
                ["foa-5-1"],
            )
    elif regime == Regime.DEL_III:
        _eea_procedures(b)
    elif regime == Regime.CH30:
        if b.procedure(
            Procedure.NONE_FIXED,
            _(
                "Chapter 30 sets no fixed procedure: you design it yourself within the basic "
                "principles."
            ),
            ["foa-kap-30"],
        ):
            _basic_principles(b, Procedure.NONE_FIXED)
        _eea_notice(b, ["foa-kap-30", "foa-5-3"])

    if (
        s.purpose in (Purpose.CODEVELOP, Purpose.PARTNERSHIP)
        and s.on_market == OnMarket.NO
        and regime in REGULATED_REGIMES
        and Procedure.INNOVATION_PARTNERSHIP not in b.procedures
    ):
        b.note(
            _(
                "Since the solution is not on the market, consider working in the way of an "
                "innovation partnership: in phases, with the option to stop after each one."
            ),
            ["foa-innovasjonspartnerskap"],
        )
    if s.purpose == Purpose.CODEVELOP and s.on_market == OnMarket.YES:
        b.note(
            _(
                "The solution can already be bought, so an innovation partnership is not "
                "available; consider whether the existing solution meets the need."
            ),
            ["foa-innovasjonspartnerskap"],
        )


def _basic_principles(b: Builder, code: str) -> None:
    b.add_to(
        code,
        _(
            "The basic principles still apply: competition as far as possible, equal "
            "treatment, predictability, verifiability and proportionality."
        ),
        ["loa-4"],
    )


def _eea_notice(b: Builder, codes: list[str]) -> None:
    b.overlay(
        Overlay.EEA_NOTICE,
        _(
            "The contract must be announced in the whole EEA: the notice is published on "
            "Doffin and passed on to the EU's database TED."
        ),
        codes,
    )


def _eea_procedures(b: Builder) -> None:
    s = b.situation
    b.procedure(
        Procedure.OPEN_PROCEDURE,
        _("Every interested supplier may submit a tender; negotiation is not allowed."),
        ["foa-13-1"],
    )
    b.procedure(
        Procedure.RESTRICTED_PROCEDURE,
        _(
            "You first choose qualified suppliers and invite only them to submit tenders; "
            "negotiation is not allowed."
        ),
        ["foa-13-1"],
    )
    if s.purpose == Purpose.CODEVELOP or s.on_market in (OnMarket.NO, OnMarket.UNKNOWN):
        b.procedure(
            Procedure.NEGOTIATED,
            _(
                "A competitive procedure with negotiation may be used only when its conditions "
                "hold, for example when solutions on the market cannot meet the need as they "
                "are, or the solution must be adapted, designed or developed."
            ),
            ["foa-13-2"],
        )
        b.procedure(
            Procedure.COMPETITIVE_DIALOGUE,
            _(
                "Competitive dialogue may be used on the same conditions; it suits complex "
                "needs where you cannot describe the solution in advance."
            ),
            ["foa-13-2"],
        )
        b.warn(
            WarningCode.CHECK_CONDITIONS,
            _(
                "The conditions for negotiation and competitive dialogue are likely to be met "
                "here, but check them and write down why before you choose one of them."
            ),
            ["foa-13-2"],
        )
    else:
        b.note(
            _(
                "Negotiation and competitive dialogue are normally not available when the "
                "solution can be bought on the market as it is."
            ),
            ["foa-13-2"],
        )
    if s.on_market == OnMarket.NO:
        b.procedure(
            Procedure.INNOVATION_PARTNERSHIP,
            INNOVATION_PARTNERSHIP_TEXT,
            ["foa-innovasjonspartnerskap"],
        )
    if b.procedure(
        Procedure.DIRECT_AWARD_EXCEPTION,
        _(
            "Award without competition is allowed only in the narrow cases the regulation "
            "lists, for example when only one supplier can deliver for technical reasons or "
            "because of exclusive rights. A social mission alone is not one of them."
        ),
        ["foa-13-4"],
    ):
        b.add_to(
            Procedure.DIRECT_AWARD_EXCEPTION,
            _(
                "After a competition that failed you may in some cases negotiate without a new "
                "notice."
            ),
            ["foa-13-3"],
        )
    _eea_notice(b, ["foa-5-3"])


def provider_options(b: Builder) -> None:
    s = b.situation
    regime = b.regime
    if regime not in REGULATED_REGIMES:
        return
    code = RESERVED_WISE_RULES.get(regime)
    if s.provider == Provider.WISE and b.has_rule(code):
        b.overlay(
            Overlay.RESERVED_WISE,
            _(
                "You may reserve the competition for enterprises whose main aim is to bring "
                "people with disabilities or disadvantaged people into work."
            ),
            [code],
        )
        if regime == Regime.DEL_I:
            b.add_to(
                Overlay.RESERVED_WISE,
                _(
                    "Part I sets no procedure, so the reservation the regulation allows above "
                    "the national threshold may also be used here."
                ),
                [code],
            )
    if s.provider == Provider.IDEELL:
        if s.service == Service.HEALTH_SOCIAL and regime == Regime.DEL_I:
            if b.overlay(
                Overlay.IDEELL_ONLY,
                _(
                    "Health and social services below their EEA threshold follow only part I, "
                    "so you may invite only non-profit organisations to compete."
                ),
                ["ideell-under-terskel"],
            ):
                b.warn(
                    WarningCode.CROSS_BORDER,
                    _(
                        "If the contract has certain cross-border interest, that is if "
                        "suppliers in other EEA countries could want it, the EEA rules on free "
                        "movement apply even below the threshold: you must then be able to "
                        "justify inviting only non-profit organisations."
                    ),
                    ["ideell-under-terskel"],
                )
        elif s.service == Service.HEALTH_SOCIAL and regime == Regime.CH30:
            _ideell_above_threshold(b)
        else:
            b.note(
                _(
                    "Inviting only non-profit organisations is possible for health and social "
                    "services, not for this kind of purchase."
                ),
                ["ideell-under-terskel"],
            )
    if s.provider == Provider.STARTUP:
        b.note(
            _(
                "Keep the qualification requirements in proportion to the contract, so that "
                "new companies can compete."
            ),
            ["loa-4"],
        )
    if s.provider == Provider.SOCIAL_ENTERPRISE:
        b.note(
            _(
                "Social entrepreneurs compete on the same terms as other suppliers; you may set "
                "requirements and award criteria on social conditions and innovation."
            ),
            ["loa-5"],
        )
    if s.provider in SOCIAL_PROVIDERS and s.purpose != Purpose.GRANT:
        b.note(
            _(
                "If you want to support the organisation's own activity and need nothing "
                "delivered to you in return, a grant can be an alternative to buying; the state "
                "aid rules must then be checked."
            ),
            ["tilskudd-eller-anskaffelse", "offentlig-stotte"],
        )


def _ideell_above_threshold(b: Builder) -> None:
    """The reservation for non-profit organisations above the threshold: the regulation's own
    rule where it is in force on the date, before it the conditions of EU case law."""
    rule = b.data.rules.get("ideell-over-terskel")
    if rule is not None:
        if b.overlay(
            Overlay.IDEELL_ONLY,
            _(
                "You may reserve the competition for non-profit organisations. The notice must "
                "say that the competition is reserved and cite %(citation)s."
            ),
            ["ideell-over-terskel"],
            citation=rule.citation,
        ):
            judgment = b.data.rules.get("hr-ideelle-reservasjon")
            if judgment is not None:
                b.add_to(
                    Overlay.IDEELL_ONLY,
                    _("The Supreme Court has upheld the rule (%(citation)s)."),
                    ["hr-ideelle-reservasjon"],
                    citation=judgment.citation,
                )
        return
    if b.overlay(
        Overlay.IDEELL_ONLY,
        _(
            "At or above the threshold, a competition only for non-profit organisations is "
            "allowed only when the conditions developed in EU case law are met, judged case by "
            "case."
        ),
        ["ideell-over-terskel-rettspraksis"],
    ):
        b.warn(
            WarningCode.IDEELL_CONDITIONS,
            _(
                "On this date the regulation had no rule of its own on reserving competitions "
                "for non-profit organisations: get legal advice on the conditions before you "
                "do it."
            ),
            ["ideell-over-terskel-rettspraksis"],
        )


def market_dialogue(b: Builder) -> None:
    if Overlay.MARKET_DIALOGUE in b.overlays:
        return
    b.overlay(
        Overlay.MARKET_DIALOGUE,
        _(
            "Meeting suppliers before the competition is allowed when all are treated equally, "
            "no one gains an unfair advantage and trade secrets are protected. Once the "
            "competition is announced, the dialogue must stop."
        ),
        ["markedsdialog"],
    )


def social_considerations(b: Builder) -> None:
    if b.overlay(
        Overlay.SOCIAL_CONSIDERATIONS,
        _(
            "As a public authority you must organise the procurement so that it reduces harmful "
            "effects on the environment, promotes climate-friendly solutions and respects basic "
            "human rights; you may set requirements and criteria on social conditions, "
            "innovation and universal design."
        ),
        ["loa-5"],
    ):
        rule = b.data.rules.get("foa-7-9")
        if rule is not None:
            b.add_to(
                Overlay.SOCIAL_CONSIDERATIONS,
                _("Climate and environment must be given weight: %(title)s."),
                ["foa-7-9"],
                title=rule.title,
            )


def checks(b: Builder, band: Band) -> None:
    s = b.situation
    if s.on_market == OnMarket.UNKNOWN and b.regime in REGULATED_REGIMES:
        b.warn(
            WarningCode.CHECK_MARKET,
            _(
                "Find out whether the solution can already be bought before you choose a "
                "procedure; a dialogue with the market is a good way to find out."
            ),
            ["markedsdialog"],
        )
    near_amounts: set[int] = set()
    for row in b.thresholds.values():
        distance = abs(b.value - row.amount)
        if distance * 100 <= row.amount * NEAR_THRESHOLD_PERCENT and row.amount not in near_amounts:
            near_amounts.add(row.amount)
            b.warn(
                WarningCode.NEAR_THRESHOLD,
                _(
                    "The value NOK %(value)s is within %(percent)s %% of %(name)s "
                    "NOK %(amount)s. Check the estimate carefully: splitting a purchase to stay "
                    "below a threshold is not allowed."
                ),
                ["foa-5-4"],
                value=Nok(b.value),
                percent=NEAR_THRESHOLD_PERCENT,
                name=row.name,
                amount=Nok(row.amount),
            )
    for key, proposed in b.data.pending_thresholds.items():
        changed = band_for(
            service=s.service,
            authority=s.authority,
            value=b.value,
            thresholds={**b.data.thresholds, key: proposed},
        )
        if changed.regime in (band.regime, Regime.UNKNOWN):
            continue
        proposals = [
            row.code
            for row in b.data.rules.values()
            if row.pending and row.citation == proposed.citation
        ]
        b.warn(
            WarningCode.PENDING_REFORM,
            _(
                "A proposed change (%(citation)s) would set %(name)s to NOK %(amount)s. If it "
                "enters into force, this purchase would instead fall under: %(regime)s."
            ),
            proposals,
            citation=proposed.citation,
            name=proposed.name,
            amount=Nok(proposed.amount),
            regime=Regime(changed.regime).label,
        )
    if s.service in (Service.HEALTH_SOCIAL, Service.SPECIAL):
        b.warn(
            WarningCode.CHECK_CLASSIFICATION,
            _(
                "Check that the service really is a health and social service or another "
                "special service: the classification decides which threshold and which rules "
                "apply, and it is not always obvious."
            ),
        )
