"""Read-only queries on core reference data."""

from .geography import normalise_municipality_code
from .models import Municipality


def municipality_by_code(code: str | int | None) -> Municipality | None:
    """The municipality with the four-digit SSB number (county loaded), or None.

    Surrounding spaces are ignored and a three-digit number gets its leading zero back
    ("301" is Oslo's 0301); anything else that is not four digits finds nothing."""
    normalised = normalise_municipality_code(code)
    if normalised is None:
        return None
    return Municipality.objects.select_related("county").filter(code=normalised).first()
