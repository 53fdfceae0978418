"""The broker import (shared/design/broker-import-format.md): organisations, offers and
needs from JSON, or from CSV files (one per kind, same column names).

Everything is validated first; when any record is wrong nothing is written and every
problem is reported with its record key and field. Writing is idempotent on `key`."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.accounts.models import LegalForm, Organisation, OrganisationType
from apps.accounts.validators import validate_org_number
from apps.core import limits
from apps.core.models import Municipality, Sector, TargetGroup
from apps.core.services import audit_record

from .models import (
    PROFILE_LIFETIME_DAYS,
    EntrepreneurProfile,
    Maturity,
    Need,
    NeedStatus,
    NeedVisibility,
    Offer,
    ReviewStatus,
)

TYPE_MAP = {
    "municipality": OrganisationType.KOMMUNE,
    "county": OrganisationType.FYLKESKOMMUNE,
    "state": OrganisationType.STATLIG,
    "social_enterprise": OrganisationType.SOSIAL_ENTREPRENOR,
    "ideell": OrganisationType.IDEELL,
    "research": OrganisationType.FORSKNING,
    "other": OrganisationType.ANNEN,
}
ENTREPRENEUR_IMPORT_TYPES = {"social_enterprise", "ideell", "other"}
KINDS = ("organisations", "offers", "needs")
NATIONAL = "national"
_MUNICIPALITY_CODE = re.compile(r"^\d{4}$")


class ImportFailed(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportResult:
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    # Organisations of the file recognised on the site (linked) or close to one (listed for a
    # person to confirm, never linked): one line each, for the dry run's report.
    matches: list[str] = field(default_factory=list)
    # What Enhetsregisteret said that a person should know (apps.registers): a number not
    # found (flagged for a broker), another name there, or the register out of reach.
    register: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return "; ".join(
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, "
            f"{self.unchanged[kind]} unchanged"
            for kind in KINDS
        )


# Reading ----------------------------------------------------------------------------------


def _csv_kind(columns: set[str]) -> str | None:
    if "maturity" in columns or ("organisation" in columns and "title" in columns):
        return "offers"
    if "title" in columns and "municipality_code" in columns:
        return "needs"
    if "name" in columns and "type" in columns:
        return "organisations"
    return None


_LIST_SPLIT = re.compile(r"[;|,]")


def _csv_row(kind: str, row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for name, value in row.items():
        if name is None:
            continue
        name = name.strip()
        value = (value or "").strip()
        if name in ("sectors", "target_groups", "areas"):
            record[name] = [part.strip() for part in _LIST_SPLIT.split(value) if part.strip()]
        elif value == "":
            continue
        else:
            record[name] = value
    return record


def read_files(paths: list[str | Path]) -> tuple[dict[str, list[dict]], list[str]]:
    """All records of the files by kind, and the problems met while reading."""
    data: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    errors: list[str] = []
    for path in map(Path, paths):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            errors.append(f"{path.name}: cannot be read ({error})")
            continue
        if path.suffix.lower() == ".csv":
            reader = csv.DictReader(io.StringIO(text), delimiter=_sniff_delimiter(text))
            kind = _csv_kind({c.strip() for c in reader.fieldnames or []})
            if kind is None:
                errors.append(f"{path.name}: the columns do not fit organisations, offers or needs")
                continue
            data[kind] += [_csv_row(kind, row) for row in reader]
            continue
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as error:
            errors.append(f"{path.name}: not valid JSON (line {error.lineno}: {error.msg})")
            continue
        if not isinstance(parsed, dict):
            errors.append(f"{path.name}: the top level must be an object")
            continue
        for kind in KINDS:
            records = parsed.get(kind, [])
            if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
                errors.append(f"{path.name}: «{kind}» must be a list of objects")
                continue
            data[kind] += records
        unknown = set(parsed) - set(KINDS)
        if unknown:
            errors.append(f"{path.name}: unknown sections {', '.join(sorted(unknown))}")
    return data, errors


def _sniff_delimiter(text: str) -> str:
    first = text.splitlines()[0] if text else ""
    return ";" if first.count(";") > first.count(",") else ","


# Validating -------------------------------------------------------------------------------


def _as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "ja", "yes", "sann"):
        return True
    if text in ("false", "0", "nei", "no", "usann", ""):
        return False
    return None


@dataclass
class _Plan:
    organisations: list[dict]
    offers: list[dict]
    needs: list[dict]
    register: list[str] = field(default_factory=list)


class _Validator:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.sectors = dict(Sector.objects.values_list("code", "pk"))
        self.groups = dict(TargetGroup.objects.values_list("code", "pk"))
        self.municipalities = {m.code: m for m in Municipality.objects.all()}

    def error(self, kind: str, key: Any, name: str, message: str) -> None:
        self.errors.append(f"{kind}[{key or '?'}].{name}: {message}")

    def text(self, kind, key, record, name, *, required=False, max_length=None) -> str:
        value = record.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.error(kind, key, name, "must be text")
            return ""
        value = value.strip()
        if required and not value:
            self.error(kind, key, name, "is required")
        if max_length and len(value) > max_length:
            self.error(kind, key, name, f"is longer than {max_length} characters")
        return value

    def codes(self, kind, key, record, name, table: dict[str, int]) -> list[int]:
        values = record.get(name, []) or []
        if isinstance(values, str):
            values = [v.strip() for v in _LIST_SPLIT.split(values) if v.strip()]
        if not isinstance(values, list):
            self.error(kind, key, name, "must be a list of codes")
            return []
        ids = []
        for code in values:
            if code not in table:
                self.error(kind, key, name, f"unknown code «{code}»")
            else:
                ids.append(table[code])
        return ids

    def areas(self, kind, key, record) -> tuple[bool, list[int]]:
        values = record.get("areas", []) or []
        if isinstance(values, str):
            values = [v.strip() for v in _LIST_SPLIT.split(values) if v.strip()]
        if not isinstance(values, list):
            self.error(kind, key, "areas", "must be a list")
            return False, []
        national, ids = False, []
        for value in values:
            value = str(value).strip()
            if value == NATIONAL:
                national = True
            elif value in self.municipalities:
                ids.append(self.municipalities[value].pk)
            else:
                self.error(kind, key, "areas", f"«{value}» is not «national» or a kommunenummer")
        return national, ids

    def keys(self, kind: str, records: list[dict]) -> None:
        seen: set[str] = set()
        for index, record in enumerate(records, start=1):
            key = record.get("key")
            if not isinstance(key, str) or not key.strip():
                self.error(kind, f"#{index}", "key", "is required")
                continue
            if len(key) > 100:
                self.error(kind, key, "key", "is longer than 100 characters")
            if key in seen:
                self.error(kind, key, "key", "appears more than once in the file")
            seen.add(key)

    # Organisations
    def organisation(self, record: dict) -> dict:
        kind, key = "organisations", record.get("key")
        out: dict[str, Any] = {"key": key}
        out["name"] = self.text(kind, key, record, "name", required=True, max_length=limits.TITLE)
        raw_type = record.get("type")
        if raw_type not in TYPE_MAP:
            self.error(kind, key, "type", f"must be one of {', '.join(TYPE_MAP)}")
        out["import_type"] = raw_type
        out["type"] = TYPE_MAP.get(raw_type)
        org_number = str(record.get("org_number") or "").strip().replace(" ", "")
        if org_number:
            try:
                validate_org_number(org_number)
            except ValidationError:
                self.error(
                    kind, key, "org_number", "must be 9 digits with a valid MOD11 check digit"
                )
        out["org_number"] = org_number
        code = str(record.get("municipality_code") or "").strip()
        out["municipality"] = None
        if code:
            if not _MUNICIPALITY_CODE.match(code) or code not in self.municipalities:
                self.error(kind, key, "municipality_code", f"«{code}» is not a kommunenummer")
            else:
                out["municipality"] = self.municipalities[code]
        elif raw_type == "municipality":
            self.error(kind, key, "municipality_code", "is required for a municipality")
        legal_form = str(record.get("legal_form") or "").strip()
        if legal_form and legal_form not in LegalForm.values:
            self.error(kind, key, "legal_form", f"must be one of {', '.join(LegalForm.values)}")
        out["legal_form"] = legal_form
        work = _as_bool(record.get("work_integration", False))
        if work is None:
            self.error(kind, key, "work_integration", "must be true or false")
        out["work_integration"] = bool(work)
        # An entrepreneur's description becomes its profile's summary: the same limit.
        out["description"] = self.text(kind, key, record, "description", max_length=limits.SUMMARY)
        return out

    def offer(self, record: dict, org_keys: dict[str, dict]) -> dict:
        kind, key = "offers", record.get("key")
        out: dict[str, Any] = {"key": key}
        org_key = record.get("organisation")
        out["organisation_key"] = org_key
        if not isinstance(org_key, str) or not org_key:
            self.error(kind, key, "organisation", "is required")
        elif org_key in org_keys:
            if org_keys[org_key]["import_type"] == "municipality":
                self.error(kind, key, "organisation", "a municipality cannot have offers")
        elif not Organisation.objects.filter(external_key=org_key).exists():
            self.error(kind, key, "organisation", f"no organisation with key «{org_key}»")
        out["title"] = self.text(kind, key, record, "title", required=True, max_length=limits.TITLE)
        out["description"] = self.text(
            kind, key, record, "description", required=True, max_length=limits.LONG_TEXT
        )
        out["sectors"] = self.codes(kind, key, record, "sectors", self.sectors)
        out["target_groups"] = self.codes(kind, key, record, "target_groups", self.groups)
        maturity = record.get("maturity")
        if maturity not in Maturity.values:
            self.error(kind, key, "maturity", f"must be one of {', '.join(Maturity.values)}")
        out["maturity"] = maturity
        out["area_national"], out["areas"] = self.areas(kind, key, record)
        return out

    def need(self, record: dict) -> dict:
        kind, key = "needs", record.get("key")
        out: dict[str, Any] = {"key": key}
        code = str(record.get("municipality_code") or "").strip()
        out["municipality"] = self.municipalities.get(code)
        if not code:
            self.error(kind, key, "municipality_code", "is required")
        elif out["municipality"] is None:
            self.error(kind, key, "municipality_code", f"«{code}» is not a kommunenummer")
        out["title"] = self.text(kind, key, record, "title", required=True, max_length=limits.TITLE)
        out["description"] = self.text(
            kind, key, record, "description", required=True, max_length=limits.LONG_TEXT
        )
        out["sectors"] = self.codes(kind, key, record, "sectors", self.sectors)
        out["target_groups"] = self.codes(kind, key, record, "target_groups", self.groups)
        budget = record.get("budget_nok")
        out["budget_max"] = None
        if budget not in (None, ""):
            try:
                amount = int(str(budget).replace(" ", "").replace("\u00a0", ""))
                if amount < 0 or isinstance(budget, bool):
                    raise ValueError
                out["budget_max"] = amount
            except (TypeError, ValueError):
                self.error(kind, key, "budget_nok", "must be a whole number of kroner (0 or more)")
        status = record.get("status", NeedStatus.OPEN)
        if status not in NeedStatus.values:
            self.error(kind, key, "status", f"must be one of {', '.join(NeedStatus.values)}")
        out["status"] = status
        visibility = record.get("visibility") or NeedVisibility.PUBLIC
        if visibility not in NeedVisibility.values:
            self.error(kind, key, "visibility", "must be public or members")
        out["visibility"] = visibility
        return out


def validate(data: dict[str, list[dict]]) -> tuple[_Plan, list[str]]:
    checker = _Validator()
    for kind in KINDS:
        checker.keys(kind, data[kind])
    organisations = [checker.organisation(r) for r in data["organisations"]]
    org_keys = {o["key"]: o for o in organisations if isinstance(o["key"], str)}
    # Two file organisations may not claim the same kommunenummer or org number.
    seen_numbers: dict[str, str] = {}
    seen_municipalities: dict[str, str] = {}
    for org in organisations:
        if org["org_number"]:
            other = seen_numbers.setdefault(org["org_number"], org["key"])
            if other != org["key"]:
                checker.error("organisations", org["key"], "org_number", f"also used by «{other}»")
        if org["import_type"] == "municipality" and org["municipality"] is not None:
            code = org["municipality"].code
            other = seen_municipalities.setdefault(code, org["key"])
            if other != org["key"]:
                checker.error(
                    "organisations", org["key"], "municipality_code", f"also used by «{other}»"
                )
    register = _check_in_register(organisations, checker)
    offers = [checker.offer(r, org_keys) for r in data["offers"]]
    needs = [checker.need(r) for r in data["needs"]]
    return _Plan(organisations, offers, needs, register), checker.errors


# Enhetsregisteret's organisasjonsform codes that are one of our legal forms.
_REGISTER_LEGAL_FORMS = {"AS", "SA", "STI", "FLI", "ENK", "ANS"}


def _check_in_register(organisations: list[dict], checker: _Validator) -> list[str]:
    """Every valid organisation number of the file is looked up in Enhetsregisteret
    (apps.registers, cached): a deleted, bankrupt or wound-up organisation is an error (nothing
    is written); an empty legal form is filled in from the register. Returns the lines a person
    should read: numbers not found (kept for a broker), another name in the register, or the
    register out of reach (the scheduled job asks again)."""
    from stdnum.no import orgnr

    from apps.accounts.recognition import normalise_name
    from apps.registers import client
    from apps.registers.services import check

    notes: list[str] = []
    for org in organisations:
        number = org["org_number"]
        if not number or not orgnr.is_valid(number):
            continue
        lookup = check(number)
        key = org["key"]
        if lookup.status == client.DELETED:
            when = f" on {lookup.deleted_on}" if lookup.deleted_on else ""
            checker.error("organisations", key, "org_number", f"deleted in Enhetsregisteret{when}")
        elif lookup.refused:
            state = "bankrupt" if lookup.bankrupt else "being wound up"
            checker.error("organisations", key, "org_number", f"{state} in Enhetsregisteret")
        elif lookup.status == client.NOT_FOUND:
            notes.append(
                f"{key}: org. no. {number} not found in Enhetsregisteret, flagged for a broker"
            )
        elif lookup.status == client.UNREACHABLE:
            notes.append(
                f"{key}: Enhetsregisteret could not be reached; org. no. {number} is checked later"
            )
        elif lookup.status == client.FOUND:
            if not org["legal_form"] and lookup.org_form_code in _REGISTER_LEGAL_FORMS:
                org["legal_form"] = lookup.org_form_code
            if normalise_name(lookup.name) != normalise_name(org["name"]):
                notes.append(f"{key}: Enhetsregisteret names org. no. {number} «{lookup.name}»")
    return notes


# Writing ----------------------------------------------------------------------------------


def _set_changed(obj, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _set_m2m(manager, ids: list[int]) -> bool:
    current = set(manager.values_list("pk", flat=True))
    if current == set(ids):
        return False
    manager.set(ids)
    return True


def _find_organisation(record: dict) -> Organisation | None:
    if record["import_type"] == "municipality":
        found = Organisation.objects.filter(municipality=record["municipality"]).first()
        if found:
            return found
    found = Organisation.objects.filter(external_key=record["key"]).first()
    if found:
        return found
    if record["org_number"]:
        found = Organisation.objects.filter(org_number=record["org_number"]).first()
        if found:
            return found
    return None


def _recognise(record: dict, result: ImportResult) -> Organisation | None:
    """An organisation already on the site with the record's number, or else with the same
    normalised name and type, is linked (never duplicated); near names are only listed."""
    from apps.accounts.recognition import describe, find_matches

    matches = find_matches(
        org_number=record["org_number"], name=record["name"], type=record["type"]
    )
    exact = [m for m in matches if m.exact]
    for match in matches:
        how = {
            "org_number": "same organisation number, linked",
            "name": "same name and type, linked",
            "near_name": "similar name, NOT linked: confirm by hand",
        }[match.reason]
        if match.reason == "name" and (len(exact) > 1 or match is not exact[0]):
            how = "same name and type, NOT linked (more than one): confirm by hand"
        result.matches.append(
            f"{record['key']} ({record['name']}) -> {describe(match.organisation)}: {how}"
        )
    if exact and (exact[0].reason == "org_number" or len(exact) == 1):
        found = exact[0].organisation
        if record["org_number"] and found.org_number and found.org_number != record["org_number"]:
            return None
        return found
    return None


def _write_organisation(record: dict, *, actor, result: ImportResult, today) -> Organisation:
    from apps.accounts.services import organisation_create

    org = _find_organisation(record)
    if record["import_type"] != "municipality" and (
        org is None or org.external_key != record["key"]
    ):
        recognised = _recognise(record, result)
        org = org or recognised
    description = f"<p>{record['description']}</p>" if record["description"] else ""
    if org is None:
        org = organisation_create(
            actor=None,
            name=record["name"],
            type=record["type"],
            municipality=record["municipality"] if record["type"] == "kommune" else None,
            org_number=record["org_number"],
            legal_form=record["legal_form"],
            work_integration=record["work_integration"],
            description=description,
            external_key=record["key"],
        )
        result.created["organisations"] += 1
    elif org.external_key == record["key"]:
        # Created by an earlier import: the file is the source.
        values = {
            "name": record["name"],
            "legal_form": record["legal_form"],
            "work_integration": record["work_integration"],
        }
        if record["org_number"]:
            values["org_number"] = record["org_number"]
        if _set_changed(org, values):
            org.save()
            result.updated["organisations"] += 1
        else:
            result.unchanged["organisations"] += 1
    else:
        # An organisation that lives on the site already: only fill what is empty.
        values = {}
        if (
            not org.external_key
            and not Organisation.objects.filter(external_key=record["key"]).exists()
        ):
            values["external_key"] = record["key"]
        for name in ("org_number", "legal_form"):
            if record[name] and not getattr(org, name):
                values[name] = record[name]
        if values and _set_changed(org, values):
            org.save()
            result.updated["organisations"] += 1
        else:
            result.unchanged["organisations"] += 1
    if record["import_type"] in ENTREPRENEUR_IMPORT_TYPES:
        _ensure_profile(org, record["description"], actor=actor, today=today)
    return org


def _ensure_profile(org: Organisation, summary: str, *, actor, today) -> EntrepreneurProfile:
    """Imported entrepreneurs get an approved profile (the import is a broker's act)."""
    profile = EntrepreneurProfile.objects.filter(organisation=org).first()
    if profile is None:
        profile = EntrepreneurProfile.objects.create(
            organisation=org,
            summary=summary or org.name,
            review_status=ReviewStatus.APPROVED,
            reviewed_by=actor if getattr(actor, "pk", None) else None,
            reviewed_at=timezone.now(),
            renewal_due=today + datetime.timedelta(days=PROFILE_LIFETIME_DAYS),
        )
        audit_record(actor=actor, action="broker.profile.imported", obj=profile)
    return profile


def _write_offer(record, *, orgs: dict[str, Organisation], actor, result, today) -> Offer:
    org = orgs.get(record["organisation_key"]) or Organisation.objects.get(
        external_key=record["organisation_key"]
    )
    profile = _ensure_profile(org, "", actor=actor, today=today)
    values = {
        "profile": profile,
        "title": record["title"],
        "description": record["description"],
        "maturity": record["maturity"],
        "area_national": record["area_national"],
    }
    offer = Offer.objects.filter(key=record["key"]).first()
    created = offer is None
    if created:
        offer = Offer.objects.create(key=record["key"], **values)
        changed = True
    else:
        changed = _set_changed(offer, values)
        if changed:
            offer.save()
    changed |= _set_m2m(offer.sectors, record["sectors"])
    changed |= _set_m2m(offer.target_groups, record["target_groups"])
    changed |= _set_m2m(offer.areas, record["areas"])
    _count(result, "offers", created=created, changed=changed)
    return offer


def _municipality_org(municipality: Municipality) -> Organisation:
    from apps.accounts.services import organisation_create

    org = Organisation.objects.filter(municipality=municipality).first()
    if org is None:
        org = organisation_create(
            actor=None,
            name=f"{municipality.name} kommune",
            type=OrganisationType.KOMMUNE,
            municipality=municipality,
        )
    return org


def _write_need(record, *, actor, result) -> Need:
    org = _municipality_org(record["municipality"])
    values = {
        "organisation": org,
        "municipality": record["municipality"],
        "title": record["title"],
        "description": record["description"],
        "budget_max": record["budget_max"],
        "status": record["status"],
        "visibility": record["visibility"],
    }
    need = Need.objects.filter(key=record["key"]).first()
    created = need is None
    old_status = None if created else need.status
    if created:
        need = Need.objects.create(
            key=record["key"], created_by=actor if getattr(actor, "pk", None) else None, **values
        )
        changed = True
    else:
        low, high = need.budget_min, values["budget_max"]
        if high is not None and low is not None and low > high:
            values["budget_min"] = None
        changed = _set_changed(need, values)
        if changed:
            need.version += 1
            need.save()
    changed |= _set_m2m(need.sectors, record["sectors"])
    changed |= _set_m2m(need.target_groups, record["target_groups"])
    if created:
        audit_record(actor=actor, action="broker.need.imported", obj=need)
    elif old_status != need.status:
        audit_record(
            actor=actor,
            action="broker.need.status_changed",
            obj=need,
            data={"from": old_status, "to": need.status, "via": "import"},
        )
    _count(result, "needs", created=created, changed=changed)
    return need


def _count(result: ImportResult, kind: str, *, created: bool, changed: bool) -> None:
    if created:
        result.created[kind] += 1
    elif changed:
        result.updated[kind] += 1
    else:
        result.unchanged[kind] += 1


def import_data(data: dict[str, list[dict]], *, actor=None, dry_run: bool = False) -> ImportResult:
    """Validates every record, then writes all of them in one transaction. Raises
    ImportFailed (writing nothing) when any record is invalid."""
    plan, errors = validate(data)
    if errors:
        raise ImportFailed(errors)
    result = ImportResult(register=list(plan.register))
    today = timezone.localdate()
    with transaction.atomic():
        orgs = {
            record["key"]: _write_organisation(record, actor=actor, result=result, today=today)
            for record in plan.organisations
        }
        for record in plan.offers:
            _write_offer(record, orgs=orgs, actor=actor, result=result, today=today)
        for record in plan.needs:
            _write_need(record, actor=actor, result=result)
        if dry_run:
            transaction.set_rollback(True)
    return result


def import_files(paths: list[str | Path], *, actor=None, dry_run: bool = False) -> ImportResult:
    data, errors = read_files(paths)
    if errors:
        raise ImportFailed(errors)
    return import_data(data, actor=actor, dry_run=dry_run)
