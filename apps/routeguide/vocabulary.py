"""The route guide's codes: what a visitor answers and what the guide answers back.

The codes are identifiers shared by the form, the engine and the API; the labels are
user-facing text, translated through gettext.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.rules.models import Threshold

Key = Threshold.Key


class Purpose(models.TextChoices):
    BUY = "buy", _("Buy a service, goods or works")
    PILOT = "pilot", _("Test a solution in a paid pilot")
    CODEVELOP = "codevelop", _("Develop a new solution together with a supplier")
    RD = "rd", _("Buy research and development")
    GRANT = "grant", _("Give a grant")
    PARTNERSHIP = "partnership", _("Enter a long-term partnership")
    DIALOGUE = "dialogue", _("Talk with the market before buying")


class Service(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary services")
    HEALTH_SOCIAL = "health_social", _("Health and social services")
    SPECIAL = "special", _("Other special services")
    GOODS = "goods", _("Goods")
    WORKS = "works", _("Building and construction works")
    RD = "rd", _("Research and development services")


class Provider(models.TextChoices):
    COMPANY = "company", _("An ordinary company")
    STARTUP = "startup", _("A start-up")
    SOCIAL_ENTERPRISE = "social_enterprise", _("A social entrepreneur")
    WISE = "wise", _("A work-integration social enterprise")
    IDEELL = "ideell", _("A non-profit organisation (ideell)")


class Authority(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    COUNTY = "county", _("County authority")
    STATE = "state", _("Central government")


class OnMarket(models.TextChoices):
    YES = "yes", _("Yes, it can be bought today")
    NO = "no", _("No, it must be developed")
    UNKNOWN = "unknown", _("We do not know")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class Regime(models.TextChoices):
    OUTSIDE = "OUTSIDE", _("Outside the procurement rules")
    DEL_I = "DEL_I", _("Part I of the procurement regulation")
    DEL_II = "DEL_II", _("Parts I and II of the procurement regulation")
    DEL_II_EEA = (
        "DEL_II_EEA",
        _("Parts I and II of the procurement regulation, with a notice in the whole EEA"),
    )
    DEL_III = "DEL_III", _("Parts I and III of the procurement regulation")
    CH30 = "CH30", _("Chapter 30: health and social services")
    NOT_PROCUREMENT = "NOT_PROCUREMENT", _("Not a procurement")
    EXEMPT_RD = "EXEMPT_RD", _("Exempt: research and development services")
    UNKNOWN = "UNKNOWN", _("Cannot be answered for this date")


class Procedure(models.TextChoices):
    NONE_FIXED = "NONE_FIXED", _("No fixed procedure")
    OPEN_TENDER_COMPETITION = "OPEN_TENDER_COMPETITION", _("Open tender competition")
    RESTRICTED_TENDER_COMPETITION = (
        "RESTRICTED_TENDER_COMPETITION",
        _("Restricted tender competition"),
    )
    OPEN_PROCEDURE = "OPEN_PROCEDURE", _("Open procedure")
    RESTRICTED_PROCEDURE = "RESTRICTED_PROCEDURE", _("Restricted procedure")
    NEGOTIATED = "NEGOTIATED", _("Competitive procedure with negotiation")
    COMPETITIVE_DIALOGUE = "COMPETITIVE_DIALOGUE", _("Competitive dialogue")
    INNOVATION_PARTNERSHIP = "INNOVATION_PARTNERSHIP", _("Innovation partnership")
    DIRECT_AWARD_EXCEPTION = (
        "DIRECT_AWARD_EXCEPTION",
        _("Award without competition (only in the listed exceptions)"),
    )


class Overlay(models.TextChoices):
    PROTOCOL = "PROTOCOL", _("Keep a procurement protocol")
    DOFFIN_NOTICE = "DOFFIN_NOTICE", _("Announce the competition on Doffin")
    EEA_NOTICE = "EEA_NOTICE", _("Announce the competition in the whole EEA")
    RESERVED_WISE = "RESERVED_WISE", _("Reserve the contract for work-integration enterprises")
    IDEELL_ONLY = "IDEELL_ONLY", _("Invite only non-profit organisations")
    STATE_AID_CHECK = "STATE_AID_CHECK", _("Check the state aid rules")
    MARKET_DIALOGUE = "MARKET_DIALOGUE", _("Talk with the market before the competition")
    SOCIAL_CONSIDERATIONS = "SOCIAL_CONSIDERATIONS", _("Social responsibility")


class WarningCode(models.TextChoices):
    DATA_GAP = "DATA_GAP", _("The rule data does not cover this")
    UNVERIFIED = "UNVERIFIED", _("Not verified")
    PENDING_REFORM = "PENDING_REFORM", _("A proposed change would give another answer")
    NEAR_THRESHOLD = "NEAR_THRESHOLD", _("Close to a threshold")
    CHECK_CLASSIFICATION = "CHECK_CLASSIFICATION", _("Check the kind of service")
    CHECK_CONDITIONS = "CHECK_CONDITIONS", _("Check the conditions")
    CHECK_MARKET = "CHECK_MARKET", _("Check the market")
    DISGUISED_GRANT = "DISGUISED_GRANT", _("A grant that is really a purchase")
    IDEELL_CONDITIONS = "IDEELL_CONDITIONS", _("Reservation for non-profits is uncertain")
    CROSS_BORDER = "CROSS_BORDER", _("Certain cross-border interest")
    MAY_BE_OUTDATED = "MAY_BE_OUTDATED", _("May be out of date")
    VALUE_MISSING = "VALUE_MISSING", _("The value is missing")


# Regimes in which the act and the regulation bind the purchase (at or above the lower limit).
REGULATED_REGIMES = frozenset(
    {Regime.DEL_I, Regime.DEL_II, Regime.DEL_II_EEA, Regime.DEL_III, Regime.CH30}
)

# How each threshold reads inside a sentence ("at or above the national threshold").
THRESHOLD_NAMES = {
    Key.LOWER_LIMIT: _("the lower limit of the procurement rules"),
    Key.PROTOCOL: _("the threshold for the protocol duty"),
    Key.NATIONAL: _("the national threshold"),
    Key.EEA_GOODS_SERVICES_STATE: _(
        "the EEA threshold for goods and services bought by central government"
    ),
    Key.EEA_GOODS_SERVICES_OTHER: _(
        "the EEA threshold for goods and services bought by municipalities, counties and "
        "other public bodies"
    ),
    Key.EEA_WORKS: _("the EEA threshold for building and construction works"),
    Key.EEA_HEALTH_SOCIAL: _("the EEA threshold for health and social services"),
    Key.EEA_SPECIAL: _("the EEA threshold for other special services"),
}
