"""Norway's counties and municipalities (2024 structure) as reference data."""

import datetime as dt
import re

import pytest
from django.db.models import ProtectedError

from apps.core.geography import county_code_of, normalise_municipality_code, seed_geography
from apps.core.models import County, Municipality
from apps.core.municipalities import COUNTIES, MUNICIPALITIES, SOURCE, VALID_FROM
from apps.core.selectors import municipality_by_code
from apps.core.services import geography_ensure

SPOT_CHECKS = [
    # (municipality code, official name, county code, county name)
    ("0301", "Oslo - Oslove", "03", "Oslo"),
    ("3201", "Bærum", "32", "Akershus"),
    ("3203", "Asker", "32", "Akershus"),
    ("5001", "Trondheim - Tråante", "50", "Trøndelag"),
    ("4601", "Bergen", "46", "Vestland"),
    ("1103", "Stavanger", "11", "Rogaland"),
    ("3312", "Lier", "33", "Buskerud"),
    ("1580", "Haram", "15", "Møre og Romsdal"),
]

# Municipalities per county in the 2024 structure.
PER_COUNTY = {
    "03": 1,
    "11": 23,
    "15": 27,
    "18": 41,
    "31": 12,
    "32": 21,
    "33": 18,
    "34": 46,
    "39": 6,
    "40": 17,
    "42": 25,
    "46": 43,
    "50": 38,
    "55": 21,
    "56": 18,
}


# --- The data module -------------------------------------------------------------------------


def test_data_has_357_municipalities_and_15_counties():
    assert len(MUNICIPALITIES) == 357
    assert len(COUNTIES) == 15
    assert dt.date(2024, 1, 1) == VALID_FROM
    assert "Klass 131" in SOURCE


def test_data_codes_are_unique_well_formed_and_in_a_known_county():
    county_codes = [code for code, _ in COUNTIES]
    assert len(set(county_codes)) == 15
    assert all(re.fullmatch(r"\d{2}", code) for code in county_codes)

    codes = [code for code, _ in MUNICIPALITIES]
    assert len(set(codes)) == len(codes)
    assert all(isinstance(code, str) and re.fullmatch(r"\d{4}", code) for code in codes)
    assert {code[:2] for code in codes} == set(county_codes)
    assert "9999" not in codes


def test_data_names_are_unique_and_non_empty():
    names = [name for _, name in MUNICIPALITIES]
    assert all(name.strip() == name and name for name in names)
    assert len(set(names)) == len(names)
    assert len({name for _, name in COUNTIES}) == 15


def test_data_municipalities_per_county():
    counts: dict[str, int] = {}
    for code, _ in MUNICIPALITIES:
        counts[code[:2]] = counts.get(code[:2], 0) + 1
    assert counts == PER_COUNTY


@pytest.mark.parametrize(("code", "name", "county_code", "county_name"), SPOT_CHECKS)
def test_data_spot_checks(code, name, county_code, county_name):
    assert dict(MUNICIPALITIES)[code] == name
    assert county_code_of(code) == county_code
    assert dict(COUNTIES)[county_code] == county_name


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0301", "0301"),
        (" 0301 ", "0301"),
        ("301", "0301"),
        (301, "0301"),
        (5001, "5001"),
        ("03a1", None),
        ("12345", None),
        ("01", None),
        ("", None),
        ("٠٣٠١", None),  # Arabic-Indic digits are digits to str.isdigit, not to SSB
        (None, None),
    ],
)
def test_normalise_municipality_code(value, expected):
    assert normalise_municipality_code(value) == expected


# --- The tables, as seeded by migration core.0005 -----------------------------------------


@pytest.mark.django_db
def test_migration_seeded_every_county_and_municipality():
    assert County.objects.count() == 15
    assert Municipality.objects.count() == 357
    assert dict(County.objects.values_list("code", "name")) == dict(COUNTIES)
    assert dict(Municipality.objects.values_list("code", "name")) == dict(MUNICIPALITIES)
    assert not Municipality.objects.exclude(valid_from=VALID_FROM).exists()
    assert not Municipality.objects.filter(valid_to__isnull=False).exists()
    for county in County.objects.all():
        assert county.municipalities.count() == PER_COUNTY[county.code]
        assert not county.municipalities.exclude(code__startswith=county.code).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "name", "county_code", "county_name"), SPOT_CHECKS)
def test_seeded_spot_checks(code, name, county_code, county_name):
    municipality = Municipality.objects.select_related("county").get(code=code)
    assert municipality.name == name
    assert str(municipality) == name
    assert municipality.county.code == county_code
    assert str(municipality.county) == county_name


@pytest.mark.django_db
def test_ordering_is_by_name():
    names = list(County.objects.values_list("name", flat=True))
    assert names == sorted(names)
    assert names[0] == "Agder"


@pytest.mark.django_db
def test_current_respects_validity_dates():
    lier = Municipality.objects.get(code="3312")
    lier.valid_to = dt.date(2027, 12, 31)
    lier.save()
    future = Municipality.objects.get(code="3203")
    future.valid_from = dt.date(2028, 1, 1)
    future.save()

    on_2026 = Municipality.objects.current(dt.date(2026, 6, 1))
    assert on_2026.filter(code="3312").exists()
    assert not on_2026.filter(code="3203").exists()
    assert on_2026.count() == 356

    last_day = Municipality.objects.current(dt.date(2027, 12, 31))
    assert last_day.filter(code="3312").exists()

    on_2028 = Municipality.objects.current(dt.date(2028, 1, 1))
    assert not on_2028.filter(code="3312").exists()
    assert on_2028.filter(code="3203").exists()

    assert Municipality.objects.current(dt.date(2023, 12, 31)).count() == 0
    assert County.objects.current(dt.date(2023, 12, 31)).count() == 0
    assert County.objects.current().count() == 15
    assert Municipality.objects.current().filter(code="3312").exists()


@pytest.mark.django_db
def test_county_with_municipalities_cannot_be_deleted():
    with pytest.raises(ProtectedError):
        County.objects.get(code="03").delete()


# --- Selector ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_municipality_by_code(django_assert_num_queries):
    with django_assert_num_queries(1):
        oslo = municipality_by_code("0301")
        assert oslo.county.name == "Oslo"
    assert municipality_by_code("301") == oslo
    assert municipality_by_code(301) == oslo
    assert municipality_by_code(code=" 3201 ").name == "Bærum"


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["9999", "0000", "3a01", "32011", "", None])
def test_municipality_by_code_finds_nothing(code, django_assert_num_queries):
    with django_assert_num_queries(1 if code in ("9999", "0000") else 0):
        assert municipality_by_code(code) is None


# --- Seeding -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_geography_ensure_adds_only_missing_rows_and_is_idempotent():
    Municipality.objects.filter(code__startswith="46").delete()
    County.objects.filter(code="46").delete()
    Municipality.objects.filter(code="0301").delete()
    renamed = Municipality.objects.get(code="3312")
    renamed.name = "Lier kommune"
    renamed.save()

    assert geography_ensure() == 1 + 43 + 1
    assert geography_ensure() == 0
    assert County.objects.count() == 15
    assert Municipality.objects.count() == 357
    assert Municipality.objects.get(code="4601").county.code == "46"
    assert Municipality.objects.get(code="0301").county.code == "03"
    # Rows that exist are left alone: only missing rows are seeded.
    assert Municipality.objects.get(code="3312").name == "Lier kommune"


@pytest.mark.django_db
def test_seed_with_update_restores_names_and_dates():
    renamed = Municipality.objects.get(code="3312")
    renamed.name = "Lier kommune"
    renamed.valid_to = dt.date(2025, 1, 1)
    renamed.save()
    County.objects.filter(code="33").update(name="Buskerud fylke")

    assert seed_geography(county_model=County, municipality_model=Municipality, update=True) == 0
    renamed.refresh_from_db()
    assert renamed.name == "Lier"
    assert renamed.valid_to is None
    assert County.objects.get(code="33").name == "Buskerud"


@pytest.mark.django_db(transaction=True)
def test_geography_ensure_after_flush(django_assert_max_num_queries):
    # Transactional tests flush the tables the migration filled; ensure fills them again.
    Municipality.objects.all().delete()
    County.objects.all().delete()
    # A few selects and batched inserts, not one query per row.
    with django_assert_max_num_queries(12):
        assert geography_ensure() == 15 + 357
    assert geography_ensure() == 0
    assert Municipality.objects.count() == 357
    assert municipality_by_code("5001").county.name == "Trøndelag"
