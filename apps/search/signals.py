"""Keeps the search proxies' index entries (apps.search.models) in step with the owning
apps' writes: a save enqueues the same re-index task modelsearch uses for its own models
(after the write's transaction, via the task backend), a delete removes the entry at once.

An organisation's or fund's rename reaches the index entries that carry its name.
"""

from __future__ import annotations

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from modelsearch import index
from modelsearch.tasks import insert_or_update_object_task

from .models import SEARCH_PROXIES, SearchCall, SearchNeed, SearchOffer, SearchProfile


def _enqueue(proxy: type[Model], pk) -> None:
    insert_or_update_object_task.enqueue(proxy._meta.app_label, proxy._meta.model_name, str(pk))


def _row_saved(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    _enqueue(SEARCH_PROXIES[sender._meta.label_lower], instance.pk)


def _row_deleted(sender, instance: Model, **kwargs) -> None:
    proxy = SEARCH_PROXIES[sender._meta.label_lower]
    index.remove_object(proxy(pk=instance.pk))


def _target_groups_changed(sender, instance: Model, action: str, **kwargs) -> None:
    """Target groups are set after the row is saved (forms, imports): index them too."""
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Model):
        label = instance._meta.label_lower
        if label in SEARCH_PROXIES:
            _enqueue(SEARCH_PROXIES[label], instance.pk)


def _organisation_saved(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    """Needs, the profile and its offers show the organisation's name in their entries."""
    update_fields = kwargs.get("update_fields")
    if raw or kwargs.get("created") or (update_fields and "name" not in update_fields):
        return
    for pk in SearchNeed.objects.filter(organisation_id=instance.pk).values_list("pk", flat=True):
        _enqueue(SearchNeed, pk)
    for pk in SearchProfile.objects.filter(organisation_id=instance.pk).values_list(
        "pk", flat=True
    ):
        _enqueue(SearchProfile, pk)
    for pk in SearchOffer.objects.filter(profile__organisation_id=instance.pk).values_list(
        "pk", flat=True
    ):
        _enqueue(SearchOffer, pk)


def _fund_saved(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    update_fields = kwargs.get("update_fields")
    if raw or kwargs.get("created") or (update_fields and "name" not in update_fields):
        return
    for pk in SearchCall.objects.filter(fund_id=instance.pk).values_list("pk", flat=True):
        _enqueue(SearchCall, pk)


def connect() -> None:
    from django.apps import apps

    for label in SEARCH_PROXIES:
        model = apps.get_model(label)
        post_save.connect(_row_saved, sender=model, dispatch_uid=f"sitesearch-save-{label}")
        post_delete.connect(_row_deleted, sender=model, dispatch_uid=f"sitesearch-delete-{label}")
    for label in ("broker.need", "broker.offer"):
        m2m_changed.connect(
            _target_groups_changed,
            sender=apps.get_model(label).target_groups.through,
            dispatch_uid=f"sitesearch-target-groups-{label}",
        )
    post_save.connect(
        _organisation_saved,
        sender=apps.get_model("accounts.Organisation"),
        dispatch_uid="sitesearch-organisation",
    )
    post_save.connect(
        _fund_saved, sender=apps.get_model("fund.Fund"), dispatch_uid="sitesearch-fund"
    )
