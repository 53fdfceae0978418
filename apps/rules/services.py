"""Writes to the legal rules and thresholds made outside the snippet forms of the admin."""

import datetime

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from apps.accounts.permissions import EDITORS_GROUP
from apps.core.services import audit_record
from apps.core.siteaddress import site_url

from .models import Threshold

EDITORS_GROUP_NAME = EDITORS_GROUP  # the editors who keep the rules and get the law watch


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


LAW_WATCH_KIND = "rules.law_watch"


def law_watch_period(today: datetime.date) -> str:
    """The ISO week of the date, e.g. 2026-W49: the law watch goes out once per week."""
    year, week, _weekday = today.isocalendar()
    return f"{year}-W{week:02d}"


def law_watch_email_send(*, today: datetime.date) -> int:
    """Mails every active editor (group «Redaktører») the rows the law watch lists, once per
    ISO week: each (editor, week) is claimed in the delivery ledger before the mail goes out
    and released if the send fails, so a second run or a second worker never sends twice.
    Nothing is sent when nothing needs attention. Returns how many mails were sent."""
    from django.conf import settings
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.urls import reverse

    from apps.core.mail import in_language_of
    from apps.operations import ledger

    from .selectors import law_watch

    items = law_watch(today=today)
    if not items:
        return 0
    editors = (
        Group.objects.filter(name=EDITORS_GROUP_NAME)
        .values_list("user__pk", "user__email", "user__is_active", "user__language")
        .order_by("user__pk")
    )
    site = site_url()
    period = law_watch_period(today)
    sent = 0
    context = {
        "items": items,
        "today": today,
        "watch_url": site + reverse("rules_law_watch"),
    }
    rendered: dict[str, tuple[str, str]] = {}  # language: (subject, body), rendered once each
    for user_id, email, active, language in editors:
        if not (user_id and email and active):
            continue
        if not ledger.claim(LAW_WATCH_KIND, str(user_id), period):
            continue
        try:
            with in_language_of(fallback=language or settings.LANGUAGE_CODE) as code:
                if code not in rendered:
                    rendered[code] = (
                        " ".join(
                            render_to_string("rules/email/law_watch_subject.txt", context).split()
                        ),
                        render_to_string("rules/email/law_watch.txt", context),
                    )
            subject, body = rendered[code]
            EmailMessage(subject=subject, body=body, to=[email]).send()
        except Exception:
            ledger.release(LAW_WATCH_KIND, str(user_id), period)
            raise
        sent += 1
    return sent


def recipe_rules_mark_reviewed(*, page, actor) -> None:
    """An editor confirms that the recipe still matches the rules it cites: the notice to
    readers goes away until a cited rule changes again. Leaves an audit row."""
    from django.utils import timezone

    from .models import RecipeRulesReview

    user = actor if getattr(actor, "pk", None) else None
    RecipeRulesReview.objects.update_or_create(
        page=page, defaults={"reviewed_at": timezone.now(), "reviewed_by": user}
    )
    audit_record(actor=actor, action="rules.recipe_reviewed", obj=page, data={"page": page.pk})
