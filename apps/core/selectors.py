"""Read-only queries on core reference data."""

from .geography import normalise_municipality_code
from .models import Municipality, VocabularyTerm


def municipality_by_code(code: str | int | None) -> Municipality | None:
    """The municipality with the four-digit SSB number (county loaded), or None.

    Surrounding spaces are ignored and a three-digit number gets its leading zero back
    ("301" is Oslo's 0301); anything else that is not four digits finds nothing."""
    normalised = normalise_municipality_code(code)
    if normalised is None:
        return None
    return Municipality.objects.select_related("county").filter(code=normalised).first()


def vocabulary_choices(model: type[VocabularyTerm]) -> list[tuple[str, str]]:
    """(code, name in the interface language) of every term of a vocabulary (Sector or
    TargetGroup), in its order, in one query: the choices of a filter by code."""
    terms = model.objects.order_by("position", "name").only("code", "name", "name_nn", "name_en")
    return [(term.code, term.display_name) for term in terms]
