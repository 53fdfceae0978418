"""Infrastructure reactions to content changes: the anonymous page cache is purged, but only
when a row that anonymous pages show changes.

Domain rules do not live here; only cache invalidation, which must follow every write to
public content wherever it comes from (admin, services, imports). A purge empties every
cached page at once (apps.core.cache), so purging on private writes (a draft application
autosaving every few seconds, a need still being drafted) would leave the cache empty under
load; those writes do not purge.

The rules, in order:
1. Wagtail pages: publish, unpublish and moves of live pages purge; a save purges when the
   page is live or was live; saving a draft revision (only revision bookkeeping fields)
   never purges.
2. Rows listed in PUBLIC_ROWS, and the inline rows of pages (public when their page is
   live), purge when they are public before or after the write (one indexed `exists()` each
   side); a row that stays private never purges.
3. Models listed in PRIVATE_MODELS never purge: no anonymous page shows them.
4. Any other model of an app in PUBLIC_CONTENT_APPS purges on every save and delete, as
   before: a new model is public until someone lists it here.
A save that touches only revision bookkeeping fields (Wagtail's save_revision) never purges.
"""

from __future__ import annotations

from collections.abc import Callable

from django.apps import apps
from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal
from modelcluster.fields import ParentalKey
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import purge_page_cache

# Apps whose rows are shown on anonymous pages.
PUBLIC_CONTENT_APPS = {
    "rules",
    "cookbook",
    "blog",
    "cases",
    "events",
    "broker",
    "fund",
    "grants",
    "wagtailcore",
}

# Written when a draft is saved, not when anything public changes.
REVISION_BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)

# Status values copied from the apps' TextChoices (core may not import the apps above it);
# the tests in apps/core/tests/test_page_cache_purge.py fail if they drift.
_PUBLIC_NEED_STATUSES = ("open", "in_dialogue", "closed")  # closed needs stay on dashboards
_PUBLIC_APPLICATION_STATUSES = ("granted", "in_progress", "completed")  # the granted list

# model label -> the rows of that model that appear on anonymous pages.
PUBLIC_ROWS: dict[str, Callable[[type[Model]], QuerySet]] = {
    "broker.need": lambda m: m.objects.filter(
        visibility="public", status__in=_PUBLIC_NEED_STATUSES
    ),
    "broker.entrepreneurprofile": lambda m: m.objects.public(),
    "broker.offer": lambda m: m.objects.public(),
    "fund.call": lambda m: m.objects.published(),
    "fund.criterion": lambda m: m.objects.filter(call__published=True),
    "fund.eligibilityquestion": lambda m: m.objects.filter(call__published=True),
    "fund.requiredattachment": lambda m: m.objects.filter(call__published=True),
    "fund.application": lambda m: m.objects.filter(status__in=_PUBLIC_APPLICATION_STATUSES),
    "fund.applicationpartner": lambda m: m.objects.filter(
        application__status__in=_PUBLIC_APPLICATION_STATUSES
    ),
    "grants.report": lambda m: m.objects.filter(kind="final", approved_at__isnull=False),
    "grants.outcomeindicator": lambda m: m.objects.filter(
        report__kind="final", report__approved_at__isnull=False
    ),
    "events.event": lambda m: m.objects.published(),
    "events.agendaitem": lambda m: m.objects.filter(event__status="published"),
    "events.speaker": lambda m: m.objects.filter(event__status="published"),
    "events.registration": lambda m: m.objects.filter(event__status="published"),  # seats left
    "events.input": lambda m: m.objects.filter(event__status="published"),
}

# Rows no anonymous page shows, in whatever state: an applicant's budget, milestones,
# attachments and answers; the assessment, payments and reminders of a grant.
PRIVATE_MODELS = frozenset(
    {
        "fund.budgetline",
        "fund.milestone",
        "fund.attachment",
        "fund.eligibilityanswer",
        "fund.statuschange",
        "grants.assessmentsettings",
        "grants.reviewerassignment",
        "grants.score",
        "grants.payment",
        "grants.remindersent",
    }
)

# Wagtail's own tables: only these change what visitors see (revisions, logs, the
# reference index, workflow states and comments do not).
WAGTAILCORE_PUBLIC_MODELS = frozenset({"wagtailcore.site", "wagtailcore.pageviewrestriction"})

_WAS_PUBLIC = "_kokeboka_was_public"


def purge() -> None:
    """Purges now, and again when the surrounding transaction commits, so that no request
    can store the old version between this write and its commit."""
    purge_page_cache()
    transaction.on_commit(purge_page_cache)


def _label(model: type[Model]) -> str:
    return model._meta.label_lower


def _bookkeeping_only(update_fields) -> bool:
    return bool(update_fields) and set(update_fields) <= REVISION_BOOKKEEPING_FIELDS


def _page_parent_key(model: type[Model]) -> str | None:
    """The ParentalKey of an inline row of a page (a recipe's legal-rule links, a case's
    sources): such a row is public exactly when its page is live."""
    for field in model._meta.get_fields():
        remote = getattr(field, "related_model", None)
        if isinstance(field, ParentalKey) and isinstance(remote, type) and issubclass(remote, Page):
            return field.name
    return None


def public_rows(model: type[Model]) -> Callable[[type[Model]], QuerySet] | None:
    rows = PUBLIC_ROWS.get(_label(model))
    if rows is not None:
        return rows
    parent = _page_parent_key(model)
    if parent is not None:
        return lambda m: m.objects.filter(**{f"{parent}__live": True})
    return None


def _is_public_row(instance: Model) -> bool:
    model = type(instance)
    rows = public_rows(model)
    if instance.pk is None or rows is None:
        return False
    return rows(model).filter(pk=instance.pk).exists()


# Wagtail pages -----------------------------------------------------------------------------


def _page_pre_save(sender, instance: Page, update_fields=None, raw=False, **kwargs) -> None:
    if raw or _bookkeeping_only(update_fields) or instance.pk is None or instance.live:
        return
    setattr(instance, _WAS_PUBLIC, Page.objects.filter(pk=instance.pk, live=True).exists())


def _page_post_save(sender, instance: Page, update_fields=None, raw=False, **kwargs) -> None:
    if raw or _bookkeeping_only(update_fields):
        return
    if instance.live or getattr(instance, _WAS_PUBLIC, False):
        purge()


def _page_post_delete(sender, instance: Page, **kwargs) -> None:
    if instance.live:
        purge()


def _on_publish_or_unpublish(sender, **kwargs) -> None:
    purge()


def _on_page_move(sender, instance: Page, **kwargs) -> None:
    if instance.live:
        purge()


# Other rows --------------------------------------------------------------------------------


def _row_pre_save(sender, instance: Model, update_fields=None, raw=False, **kwargs) -> None:
    if raw or _bookkeeping_only(update_fields):
        return
    setattr(instance, _WAS_PUBLIC, _is_public_row(instance))


def _row_post_save(sender, instance: Model, update_fields=None, raw=False, **kwargs) -> None:
    if raw or _bookkeeping_only(update_fields):
        return
    if getattr(instance, _WAS_PUBLIC, False) or _is_public_row(instance):
        purge()


def _row_pre_delete(sender, instance: Model, **kwargs) -> None:
    setattr(instance, _WAS_PUBLIC, _is_public_row(instance))


def _row_post_delete(sender, instance: Model, **kwargs) -> None:
    if getattr(instance, _WAS_PUBLIC, False):
        purge()


def _any_post_save(sender, instance: Model, update_fields=None, raw=False, **kwargs) -> None:
    if not raw and not _bookkeeping_only(update_fields):
        purge()


def _any_post_delete(sender, instance: Model, **kwargs) -> None:
    purge()


def purge_rule(model: type[Model]) -> str | None:
    """Which rule applies to `model`: "page", "public-rows", "always", or None (never)."""
    label = _label(model)
    if issubclass(model, Page):
        return "page"
    if label in PRIVATE_MODELS or model._meta.app_label not in PUBLIC_CONTENT_APPS:
        return None
    if model._meta.app_label == "wagtailcore" and label not in WAGTAILCORE_PUBLIC_MODELS:
        return None
    if public_rows(model) is not None:
        return "public-rows"
    return "always"


def connect() -> None:
    """Connects the receivers per model, so models no anonymous page shows keep Django's
    fast deletes (a global delete receiver would turn every bulk delete into row-by-row)."""
    page_published.connect(_on_publish_or_unpublish, dispatch_uid="pagecache-published")
    page_unpublished.connect(_on_publish_or_unpublish, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_on_page_move, dispatch_uid="pagecache-moved")
    receivers = {
        "page": (
            ("pre_save", pre_save, _page_pre_save),
            ("post_save", post_save, _page_post_save),
            ("post_delete", post_delete, _page_post_delete),
        ),
        "public-rows": (
            ("pre_save", pre_save, _row_pre_save),
            ("post_save", post_save, _row_post_save),
            ("pre_delete", pre_delete, _row_pre_delete),
            ("post_delete", post_delete, _row_post_delete),
        ),
        "always": (
            ("post_save", post_save, _any_post_save),
            ("post_delete", post_delete, _any_post_delete),
        ),
    }
    for model in apps.get_models():
        rule = purge_rule(model)
        if rule is None:
            continue
        for name, signal, receiver in receivers[rule]:
            signal.connect(receiver, sender=model, dispatch_uid=f"pagecache-{name}-{_label(model)}")


# Sent by the language chooser (apps.core.views.choose_language) for a logged-in person, with
# `user` and `language`; the accounts app stores the choice on the account. Not a cache
# reaction, but core's one signal to the apps above it, kept beside its others.
language_chosen = Signal()
