"""The step plan that ends every route-guide answer: what to do first, what then, and the
deadlines and standstill period that follow, worded per regime.

Data in code and pure functions: the plan depends only on the answer's regime and its
duties (protocol, reservations, state aid), so an answer and its plan can never disagree.
Amounts and citations stay in the rule data; a step names no threshold amount.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.translation import gettext_lazy as _

from .answer import Answer
from .vocabulary import Overlay, Regime


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Step:
    code: str
    text: str
    links: tuple[Link, ...] = ()
    # Slugs of the downloadable templates (apps/routeguide/documents.py) the step needs.
    templates: tuple[str, ...] = ()


DOFFIN = Link(_("Doffin, the national notice database"), "https://doffin.no")
TED = Link(_("TED, notices in the whole EEA"), "https://ted.europa.eu")

NEED = Step(
    "need",
    _(
        "Describe the need and estimate the total value for the whole contract period, "
        "options to extend included. Write down how you estimated it."
    ),
)
PROTOCOL = Step(
    "protocol",
    _("Keep a procurement protocol of the important decisions as you go."),
)
RESERVED_IDEELL = Step(
    "reserved_ideell",
    _(
        "If you invite only non-profit organisations, say so in the notice or invitation and "
        "give the legal basis (FOA § 30-2a); check the conditions in the answer above."
    ),
)
RESERVED_WISE = Step(
    "reserved_wise",
    _(
        "If you reserve the contract for work-integration enterprises, say so in the notice "
        "and give the legal basis."
    ),
)
AWARD_REASONABLE = Step(
    "award",
    _(
        "Tell every tenderer in writing who won and why, in reasonable time before you sign "
        "the contract, so that a tenderer can object."
    ),
)
STANDSTILL = Step(
    "standstill",
    _(
        "Tell every tenderer in writing who won and why, then wait the standstill period "
        "(karensperiode): at least 10 days when the notice is sent electronically. Sign the "
        "contract only after it has ended."
    ),
)
AWARD_NOTICE = Step(
    "award_notice",
    _("Publish a notice of the contract award within 30 days of signing."),
    (DOFFIN,),
)
SIGN = Step(
    "sign",
    _("Sign the contract and keep the documents of the purchase."),
)

PROCEDURE_NATIONAL = Step(
    "procedure_national",
    _(
        "Choose an open or restricted tender competition (part II) and write the "
        "tender documents with the award criteria."
    ),
)
NOTICE_EEA = Step(
    "notice_eea",
    _("Publish the notice on Doffin so that it is announced in the whole EEA (in TED)."),
    (DOFFIN, TED),
)
DEADLINE_TENDER = Step(
    "deadline_reasonable_tender",
    _(
        "Set a reasonable deadline for tenders, taking the size of the contract into "
        "account; part II sets no minimum number of days."
    ),
)

PLANS: dict[str, tuple[Step, ...]] = {
    Regime.OUTSIDE: (
        NEED,
        Step(
            "outside",
            _(
                "The procurement rules do not apply below the lower limit. Follow your own "
                "purchasing rules, ask more than one supplier where that is reasonable, and "
                "treat suppliers alike."
            ),
        ),
        SIGN,
    ),
    Regime.DEL_I: (
        NEED,
        Step(
            "competition",
            _(
                "Create competition where it is reasonable: ask more than one supplier, or "
                "publish a voluntary notice on Doffin. No fixed procedure applies."
            ),
            (DOFFIN,),
        ),
        Step(
            "deadline_reasonable",
            _("No fixed deadlines apply: give the suppliers reasonable time to answer."),
        ),
        SIGN,
    ),
    Regime.DEL_II: (
        NEED,
        PROCEDURE_NATIONAL,
        Step(
            "notice_doffin",
            _("Publish the notice of the competition on Doffin (a national notice)."),
            (DOFFIN,),
        ),
        DEADLINE_TENDER,
        AWARD_REASONABLE,
        SIGN,
    ),
    Regime.DEL_II_EEA: (
        NEED,
        PROCEDURE_NATIONAL,
        NOTICE_EEA,
        DEADLINE_TENDER,
        STANDSTILL,
        AWARD_NOTICE,
    ),
    Regime.DEL_III: (
        NEED,
        Step(
            "procedure_eea",
            _(
                "Choose an EEA procedure (part III): open, restricted, or with negotiation "
                "where the conditions are met. Write the tender documents with the award "
                "criteria."
            ),
        ),
        NOTICE_EEA,
        Step(
            "deadline_minimum",
            _(
                "Respect the minimum deadlines of part III: in an open procedure at least 30 "
                "days from the notice when tenders are received electronically."
            ),
        ),
        STANDSTILL,
        AWARD_NOTICE,
    ),
    Regime.CH30: (
        NEED,
        Step(
            "procedure_ch30",
            _(
                "Design the procedure yourself within chapter 30 and the basic principles: "
                "equal treatment, openness and predictability. Negotiation is allowed."
            ),
        ),
        NOTICE_EEA,
        Step(
            "deadline_reasonable_ch30",
            _(
                "Set a reasonable deadline for tenders, taking the size of the contract into "
                "account; chapter 30 sets no minimum number of days."
            ),
        ),
        STANDSTILL,
        AWARD_NOTICE,
    ),
    Regime.NOT_PROCUREMENT: (
        Step(
            "grant_check",
            _(
                "Check that the recipient delivers nothing to you in return; if it does, it is "
                "a purchase and the procurement rules apply."
            ),
        ),
        Step(
            "grant_announce",
            _(
                "Follow your grant rules: announce the scheme openly, with the criteria, and "
                "treat applicants alike."
            ),
        ),
        Step(
            "grant_letter",
            _(
                "Send a grant letter with the purpose, the conditions, the reporting and what "
                "happens to money not used."
            ),
        ),
    ),
    Regime.EXEMPT_RD: (
        Step(
            "rd_document",
            _(
                "Write down why the exemption applies: the results are not for your use "
                "alone, or you do not pay the whole cost."
            ),
        ),
        Step(
            "rd_agreement",
            _("Agree in writing how results and costs are shared, before the work starts."),
        ),
        SIGN,
    ),
    Regime.UNKNOWN: (
        Step(
            "check_source",
            _(
                "Check the thresholds in force on the date at the source before you choose a "
                "procedure; the guide cannot tell for this date."
            ),
            (Link(_("DFØ on thresholds"), "https://anskaffelser.no"),),
        ),
    ),
}

VALUE_MISSING = (
    Step(
        "value",
        _("Estimate the total value first: it decides which rules and steps apply."),
    ),
)

# Where a duty of the answer adds a step, and the step it comes after.
_OVERLAY_STEPS = (
    (Overlay.IDEELL_ONLY, RESERVED_IDEELL),
    (Overlay.RESERVED_WISE, RESERVED_WISE),
)
_STATE_AID = Step(
    "state_aid",
    _("Check the state aid rules before you decide on the amount."),
)


# The templates a step needs, by step code; some only where the regime allows what the
# template is for (a direct award without a notice, a short agreement without a tender).
_STEP_TEMPLATES: dict[str, tuple[str, ...]] = {
    "value": ("behovsbeskrivelse",),
    "need": ("behovsbeskrivelse",),
    "grant_letter": ("tilskuddsbrev",),
    "rd_agreement": ("samarbeidsavtale",),
}
_DIRECT_AWARD_REGIMES = frozenset({Regime.OUTSIDE, Regime.DEL_I})
_REGIME_STEP_TEMPLATES: dict[str, tuple[str, ...]] = {
    "protocol": ("anskaffelsesprotokoll",),
    "outside": ("anskaffelsesprotokoll",),
    "sign": ("samarbeidsavtale",),
}


def _with_templates(step: Step, regime: str | None) -> Step:
    templates = _STEP_TEMPLATES.get(step.code, ())
    if not templates and regime in _DIRECT_AWARD_REGIMES:
        templates = _REGIME_STEP_TEMPLATES.get(step.code, ())
    return replace(step, templates=templates) if templates else step


def step_plan(*, regime: str | None, overlays: tuple[str, ...] | list[str] = ()) -> list[Step]:
    """The steps for a regime and the duties of an answer, in the order to take them.

    A protocol step is added where the answer has the protocol duty; reservation steps go
    right after the first step, since a reservation shapes the competition and its notice.
    Each step carries the templates it needs (`_STEP_TEMPLATES`).
    """
    if not regime:
        return [_with_templates(step, regime) for step in VALUE_MISSING]
    steps = list(PLANS.get(regime, ()))
    if not steps:
        return []
    extra = [step for code, step in _OVERLAY_STEPS if code in overlays]
    if Overlay.STATE_AID_CHECK in overlays:
        extra.append(_STATE_AID)
    steps[1:1] = extra
    if Overlay.PROTOCOL in overlays and steps[-1] in (SIGN, AWARD_NOTICE):
        at = len(steps) - 1
        if steps[at - 1] in (STANDSTILL, AWARD_REASONABLE):
            at -= 1
        steps.insert(at, PROTOCOL)
    return [_with_templates(step, regime) for step in steps]


def steps_for(answer: Answer) -> list[Step]:
    """The step plan that ends the answer."""
    return step_plan(regime=answer.regime, overlays=answer.overlay_codes)
