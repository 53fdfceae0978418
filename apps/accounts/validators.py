from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.no import orgnr


def validate_org_number(value: str) -> None:
    """A Norwegian organisation number: nine digits with a MOD11 check digit.
    Org numbers stay strings: leading zeros matter."""
    if not value:
        return
    try:
        orgnr.validate(value)
    except InvalidChecksum:
        raise ValidationError(
            _(
                "The check digit of this organisation number is wrong. "
                "Check the number in the Central Coordinating Register (Enhetsregisteret)."
            ),
            code="org_number_checksum",
        ) from None
    except (InvalidFormat, InvalidLength):
        raise ValidationError(
            _("An organisation number has exactly nine digits, for example 974760673."),
            code="org_number_format",
        ) from None
