"""Helpers for the dated geography reference data (counties and municipalities).

Kept free of imports from apps.core.models so the data migration can use the seeding
functions with its historical models.
"""

import datetime

from django.db import models
from django.utils import timezone

from .municipalities import COUNTIES, MUNICIPALITIES, VALID_FROM


class DatedQuerySet(models.QuerySet):
    """For reference rows with a validity period: valid_from inclusive, valid_to inclusive
    (empty valid_to means still in force)."""

    def current(self, on: datetime.date | None = None) -> "DatedQuerySet":
        """Rows in force on the date (today in Oslo when not given)."""
        on = on or timezone.localdate()
        return self.filter(valid_from__lte=on).filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=on)
        )


def county_code_of(municipality_code: str) -> str:
    """The county number of a municipality: the first two digits of its code."""
    return municipality_code[:2]


def normalise_municipality_code(value: str | int | None) -> str | None:
    """A four-digit municipality code from user or import input, or None when it cannot be one.

    Spreadsheets drop the leading zero of Oslo's 0301, so a three-digit number is padded."""
    if value is None:
        return None
    text = str(value).strip()
    if not text.isascii() or not text.isdigit():
        return None
    if len(text) == 3:
        text = text.zfill(4)
    return text if len(text) == 4 else None


def seed_geography(*, county_model, municipality_model, update: bool) -> int:
    """Writes the counties and municipalities of apps.core.municipalities to the given models
    (real or historical) and returns how many rows were created.

    With update=True existing rows are brought in line with the data (the data migration);
    with update=False only missing rows are added, in a handful of queries."""
    created = 0
    if update:
        counties = {}
        for code, name in COUNTIES:
            county, was_created = county_model.objects.update_or_create(
                code=code, defaults={"name": name, "valid_from": VALID_FROM, "valid_to": None}
            )
            counties[code] = county
            created += was_created
        for code, name in MUNICIPALITIES:
            _, was_created = municipality_model.objects.update_or_create(
                code=code,
                defaults={
                    "name": name,
                    "county": counties[county_code_of(code)],
                    "valid_from": VALID_FROM,
                    "valid_to": None,
                },
            )
            created += was_created
        return created

    existing_counties = set(county_model.objects.values_list("code", flat=True))
    missing_counties = [
        county_model(code=code, name=name, valid_from=VALID_FROM)
        for code, name in COUNTIES
        if code not in existing_counties
    ]
    county_model.objects.bulk_create(missing_counties)
    county_ids = dict(county_model.objects.values_list("code", "pk"))
    existing_municipalities = set(municipality_model.objects.values_list("code", flat=True))
    missing_municipalities = [
        municipality_model(
            code=code,
            name=name,
            county_id=county_ids[county_code_of(code)],
            valid_from=VALID_FROM,
        )
        for code, name in MUNICIPALITIES
        if code not in existing_municipalities
    ]
    municipality_model.objects.bulk_create(missing_municipalities)
    return len(missing_counties) + len(missing_municipalities)
