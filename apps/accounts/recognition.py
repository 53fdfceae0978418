"""Recognising an organisation that is already on the site, so that registration and the
broker's import link to it instead of creating a second one (issue 12: two
"Pøbelprosjektet"s could not be told apart). By organisation number first, then by the
normalised name within the same type; near names are offered for a person to confirm."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from .models import Organisation

# Legal-form words that do not tell two organisations apart ("Pøbelprosjektet AS" is
# "Pøbelprosjektet").
LEGAL_FORM_WORDS = frozenset({"as", "asa", "sa", "sti", "fli", "enk", "ans", "da", "ba", "iks"})
NEAR_RATIO = 0.85
_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def normalise_name(name: str) -> str:
    """Casefolded, punctuation and legal-form words removed, whitespace collapsed."""
    text = _PUNCTUATION.sub(" ", unicodedata.normalize("NFC", name or "").casefold())
    words = [word for word in text.split() if word not in LEGAL_FORM_WORDS]
    return " ".join(words)


@dataclass(frozen=True)
class OrganisationMatch:
    organisation: Organisation
    # "org_number", "municipality" (the kommune of that municipality), "name" (same
    # normalised name and type) or "near_name"
    reason: str

    @property
    def exact(self) -> bool:
        return self.reason in ("org_number", "municipality", "name")

    @property
    def blocks_new(self) -> bool:
        """The described organisation cannot be created beside this one: the database holds
        one organisation per organisation number and one per municipality."""
        return self.reason in ("org_number", "municipality")


def find_matches(
    *,
    org_number: str = "",
    name: str = "",
    type: str = "",  # noqa: A002
    municipality=None,
    exclude_pk: int | None = None,
) -> list[OrganisationMatch]:
    """Organisations that may be the one described: the one with the organisation number
    (and, for a municipality, the one of that municipality), then those of the same type
    whose normalised name is equal (exact) or close (near, difflib ratio at least 0.85).
    Exact matches come first. At most three queries."""
    matches: list[OrganisationMatch] = []
    seen: set[int] = set()
    number = "".join((org_number or "").split())
    if number:
        for org in Organisation.objects.filter(org_number=number).select_related("municipality"):
            if org.pk != exclude_pk:
                matches.append(OrganisationMatch(org, "org_number"))
                seen.add(org.pk)
    if municipality is not None and type == "kommune":
        for org in Organisation.objects.filter(municipality=municipality).select_related(
            "municipality"
        ):
            if org.pk != exclude_pk and org.pk not in seen:
                matches.append(OrganisationMatch(org, "municipality"))
                seen.add(org.pk)
    wanted = normalise_name(name)
    if wanted:
        near: list[tuple[float, OrganisationMatch]] = []
        candidates = Organisation.objects.select_related("municipality").order_by("name", "pk")
        if type:
            candidates = candidates.filter(type=type)
        for org in candidates:
            if org.pk in seen or org.pk == exclude_pk:
                continue
            other = normalise_name(org.name)
            if other == wanted:
                matches.append(OrganisationMatch(org, "name"))
                continue
            ratio = difflib.SequenceMatcher(None, wanted, other).ratio()
            if ratio >= NEAR_RATIO:
                near.append((ratio, OrganisationMatch(org, "near_name")))
        matches.extend(match for _ratio, match in sorted(near, key=lambda item: -item[0]))
    return matches


def describe(org: Organisation) -> str:
    """The organisation with what tells it apart: number and municipality beside the name."""
    parts = [org.name]
    if org.org_number:
        parts.append(f"org.nr. {org.org_number}")
    if org.municipality_id:
        parts.append(str(org.municipality))
    return " · ".join(parts)
