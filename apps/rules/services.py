"""Writes to the legal rules and thresholds made outside the snippet forms of the admin."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from apps.core.services import audit_record

from .models import LegalRule, Threshold

EDITORS_GROUP_NAME = "Redaktører"
RULES_MODELS = (LegalRule, Threshold)
SNIPPET_ACTIONS = ("add", "change", "delete", "view")


def threshold_close_and_replace(
    *,
    key: str,
    amount: int,
    valid_from: datetime.date,
    citation: str,
    source_url: str,
    verified: bool,
    actor,
    verification_note: str = "",
) -> Threshold:
    """A new value for a threshold from a date: the row in force without an end date is
    ended the day before, and the new row starts on `valid_from` with no end date.
    Both rows get a revision (the admin history) and the change leaves an audit row."""
    with transaction.atomic():
        current = (
            Threshold.objects.select_for_update()
            .filter(key=key, pending=False, valid_from__isnull=False, valid_to__isnull=True)
            .order_by("-valid_from")
            .first()
        )
        if current is not None:
            if valid_from <= current.valid_from:
                raise ValidationError(
                    {
                        "valid_from": _(
                            "The new value must start after the current one, which has "
                            "been in force since %(start)s."
                        )
                        % {"start": current.valid_from.isoformat()}
                    }
                )
            current.valid_to = valid_from - datetime.timedelta(days=1)
            current.full_clean()
            current.save()
        replacement = Threshold(
            key=key,
            amount=amount,
            valid_from=valid_from,
            valid_to=None,
            citation=citation,
            source_url=source_url,
            verified=verified,
            pending=False,
            verification_note=verification_note,
        )
        replacement.full_clean()
        replacement.save()
        user = actor if getattr(actor, "pk", None) else None
        if current is not None:
            current.save_revision(user=user, log_action=True, clean=False)
        replacement.save_revision(user=user, log_action="wagtail.create", clean=False)
        audit_record(
            actor=actor,
            action="rules.threshold_close_and_replace",
            obj=replacement,
            data={
                "key": key,
                "amount": amount,
                "valid_from": valid_from.isoformat(),
                "closed_row": current.pk if current is not None else None,
                "closed_valid_to": current.valid_to.isoformat() if current is not None else None,
            },
        )
    return replacement


def editors_group_ensure() -> Group:
    """The editors' group with the admin and snippet permissions for rules and thresholds.
    The data migration creates it; transactional tests flush it and call this instead."""
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP_NAME)
    codenames = [
        f"{action}_{model._meta.model_name}" for model in RULES_MODELS for action in SNIPPET_ACTIONS
    ]
    content_types = ContentType.objects.get_for_models(*RULES_MODELS).values()
    permissions = list(
        Permission.objects.filter(content_type__in=content_types, codename__in=codenames)
    )
    admin_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _created = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    group.permissions.add(*permissions, access_admin)
    return group
