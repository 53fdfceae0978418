"""Loads the shipped law (apps/rules/data/*.yaml) into the rule and threshold tables.

The rules and thresholds are not demo content: every installation needs them, so
`manage.py load_rules` writes them and `make migrate`, `make run` and `load_demo` call it.
It is idempotent, and it never overwrites an editor's work:

- Each row remembers the checksum of the values it was last loaded with (`data_checksum`).
  When its current values no longer match that checksum, an editor has changed it in the
  admin since, and the row is left as the editor made it (and reported).
- Rows written before the data files existed (no `data_ref`) are adopted by code (rules) or
  by key and amount (thresholds), unless an editor has saved a revision of them.
- Rows listed under `retired` (wrong rows an earlier version wrote) are deleted on the same
  terms.
- Each threshold key is loaded in its own savepoint: if the shipped periods would overlap a
  period an editor added, that key is left as it was and reported, never half-written.

Why not a data migration: a migration must not import today's models, and the data changes
more often than the schema. A command that compares checksums can run on every deploy.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import models, transaction
from django.db.models import Q

from .models import LegalRule, Threshold

DATA_DIR = Path(__file__).resolve().parent / "data"
RULES_FILE = DATA_DIR / "rules.yaml"
THRESHOLDS_FILE = DATA_DIR / "thresholds.yaml"

RULE_FIELDS = (
    "citation",
    "title",
    "law",
    "summary",
    "valid_from",
    "valid_to",
    "pending",
    "source_url",
    "verified",
    "checked_on",
    "review_by",
    "verification_note",
    "title_nn",
    "summary_nn",
    "title_en",
    "summary_en",
)
# The rule fields before the nynorsk and English texts (docs/decisions/0019): a row loaded
# then carries a checksum of these, and is still the shipped row if they match.
RULE_FIELDS_BEFORE_TRANSLATIONS = RULE_FIELDS[:-4]
THRESHOLD_FIELDS = (
    "key",
    "amount",
    "valid_from",
    "valid_to",
    "pending",
    "citation",
    "source_url",
    "verified",
    "checked_on",
    "review_by",
    "verification_note",
)
DEFAULTS = {
    "valid_from": None,
    "valid_to": None,
    "pending": False,
    "verified": False,
    "checked_on": None,
    "review_by": None,
    "verification_note": "",
    "law": "",
    "source_url": "",
}
RULE_DEFAULTS = {"title_nn": "", "summary_nn": "", "title_en": "", "summary_en": ""}


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_editor_version: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    skipped_keys: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{len(self.created)} created",
            f"{len(self.updated)} updated",
            f"{len(self.unchanged)} unchanged",
            f"{len(self.kept_editor_version)} kept as edited by an editor",
            f"{len(self.retired)} retired",
        ]
        text = ", ".join(parts)
        if self.kept_editor_version:
            text += "\nKept as edited: " + ", ".join(self.kept_editor_version)
        if self.skipped_keys:
            text += "\nNot loaded (periods overlap rows added by editors): " + ", ".join(
                self.skipped_keys
            )
        return text


def read_data() -> tuple[list[dict], list[dict], dict]:
    """The shipped rules, thresholds and retired rows, with defaults filled in."""
    rules_doc = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    thresholds_doc = yaml.safe_load(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    rules = [{**DEFAULTS, **RULE_DEFAULTS, **spec} for spec in rules_doc["rules"]]
    thresholds = [
        {**{k: v for k, v in DEFAULTS.items() if k != "law"}, **spec}
        for spec in thresholds_doc["thresholds"]
    ]
    for spec in (*rules, *thresholds):
        for name in ("verification_note", "source_url", "law", *RULE_DEFAULTS):
            if name in spec and spec[name] is None:
                spec[name] = ""
    return rules, thresholds, thresholds_doc.get("retired") or {}


def checksum(values: dict) -> str:
    """A stable checksum of a row's data values (dates as ISO text)."""

    def plain(value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    text = json.dumps({k: plain(v) for k, v in sorted(values.items())}, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _current_values(row: models.Model, names: tuple[str, ...]) -> dict:
    return {name: getattr(row, name) for name in names}


def _edited_by_editor(row: models.Model, names: tuple[str, ...]) -> bool:
    """True when an editor has changed the row since it was last loaded (or, for a row
    written before the data files, has ever saved a revision of it)."""
    if row.data_checksum:
        if checksum(_current_values(row, names)) == row.data_checksum:
            return False
        if names == RULE_FIELDS and not any(getattr(row, n) for n in RULE_DEFAULTS):
            # Loaded before the translated texts existed, and not edited since.
            before = _current_values(row, RULE_FIELDS_BEFORE_TRANSLATIONS)
            return checksum(before) != row.data_checksum
        return True
    return row.revisions.filter(user__isnull=False).exists()


def _write(
    row: models.Model, *, ref: str, values: dict, names: tuple[str, ...], report: LoadReport
):
    new_sum = checksum({name: values[name] for name in names})
    if row.pk is None:
        for name in names:
            setattr(row, name, values[name])
        row.data_ref, row.data_checksum = ref, new_sum
        row.save()
        row.save_revision(log_action="wagtail.create", clean=False)
        report.created.append(ref)
        return
    if _edited_by_editor(row, names):
        if not row.data_ref:
            row.data_ref = ref
            row.save(update_fields=["data_ref"])
        report.kept_editor_version.append(ref)
        return
    if _current_values(row, names) == {name: values[name] for name in names}:
        if row.data_ref != ref or row.data_checksum != new_sum:
            row.data_ref, row.data_checksum = ref, new_sum
            row.save(update_fields=["data_ref", "data_checksum"])
        report.unchanged.append(ref)
        return
    for name in names:
        setattr(row, name, values[name])
    row.data_ref, row.data_checksum = ref, new_sum
    row.save()
    row.save_revision(log_action=True, clean=False)
    report.updated.append(ref)


def _load_rules(specs: list[dict], report: LoadReport) -> None:
    codes = [spec["code"] for spec in specs]
    existing = {rule.code: rule for rule in LegalRule.objects.filter(code__in=codes)}
    for spec in specs:
        code = spec["code"]
        row = existing.get(code) or LegalRule(code=code)
        _write(row, ref=code, values=spec, names=RULE_FIELDS, report=report)


def _threshold_overlaps(key: str) -> bool:
    rows = list(
        Threshold.objects.filter(key=key, pending=False, valid_from__isnull=False).order_by(
            "valid_from"
        )
    )
    for earlier, later in zip(rows, rows[1:], strict=False):
        if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
            return True
    return False


def _load_thresholds(specs: list[dict], retired: list[dict], report: LoadReport) -> None:
    by_key: dict[str, list[dict]] = {}
    for spec in specs:
        by_key.setdefault(spec["key"], []).append(spec)
    for key, key_specs in by_key.items():
        partial = LoadReport()
        try:
            with transaction.atomic():
                for spec in sorted(key_specs, key=lambda s: s["valid_from"] or datetime.date.max):
                    row = _threshold_for(spec)
                    _write(
                        row, ref=spec["ref"], values=spec, names=THRESHOLD_FIELDS, report=partial
                    )
                for gone in retired:
                    if gone.get("key") == key:
                        _retire_threshold(gone, partial)
                if _threshold_overlaps(key):
                    raise _Overlap(key)
        except _Overlap:
            report.skipped_keys.append(key)
            continue
        for name in ("created", "updated", "unchanged", "kept_editor_version", "retired"):
            getattr(report, name).extend(getattr(partial, name))


class _Overlap(Exception):
    pass


def _threshold_for(spec: dict) -> Threshold:
    row = Threshold.objects.filter(data_ref=spec["ref"]).first()
    if row is not None:
        return row
    legacy = Threshold.objects.filter(
        data_ref="", key=spec["key"], amount=spec["amount"], pending=spec["pending"]
    ).order_by("valid_from", "pk")
    return legacy.first() or Threshold()


def _retire_threshold(gone: dict, report: LoadReport) -> None:
    query = Q(key=gone["key"], amount=gone["amount"], data_ref="")
    if gone.get("pending"):
        query &= Q(pending=True)
    if gone.get("valid_from"):
        query &= Q(valid_from=gone["valid_from"])
    for row in Threshold.objects.filter(query):
        if row.revisions.filter(user__isnull=False).exists():
            report.kept_editor_version.append(f"{row.key}:{row.amount}")
            continue
        report.retired.append(f"{row.key}:{row.amount}")
        row.delete()


def load_rules() -> LoadReport:
    """Writes the shipped rules and thresholds; see the module docstring."""
    rules, thresholds, retired = read_data()
    report = LoadReport()
    with transaction.atomic():
        _load_rules(rules, report)
        _load_thresholds(thresholds, retired.get("thresholds") or [], report)
        for code in retired.get("rules") or []:
            row = LegalRule.objects.filter(code=code, data_ref="").first()
            if row is not None and not row.revisions.filter(user__isnull=False).exists():
                report.retired.append(code)
                row.delete()
    return report
