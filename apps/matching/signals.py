"""Keeps the matching index in step with the broker's needs, profiles and offers.

The handlers only call services: each save, delete or change of sectors, target groups or
areas asks for that object's index rows to be refreshed by the task worker once the change
has committed (tasks.index_later). Analysing text never happens while a request holds
the database's write lock. Each also makes the stored rankings stale at once
(apps.matching.rankings): visibility and maturity are read by the ranking before the
index is rewritten."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from apps.broker.models import EntrepreneurProfile, Need, Offer

from . import services, tasks
from .rankings import rankings_changed

M2M_ACTIONS = {"post_add", "post_remove", "post_clear"}


def _followed(kwargs=None) -> bool:
    """Whether the index follows this write, and if so makes the stored rankings stale now.
    Not for fixtures' raw rows or while a bulk writer pauses indexing: both index
    afterwards, which makes the stored rankings stale then."""
    if bool((kwargs or {}).get("raw")) or not services.indexing_active():
        return False
    rankings_changed()
    return True


@receiver(post_save, sender=Need, dispatch_uid="matching_need_saved")
def need_saved(sender, instance: Need, **kwargs) -> None:
    if not _followed(kwargs):
        return
    tasks.index_later(need_ids=[instance.pk])
    if instance.is_public:
        tasks.need_published_schedule(need=instance)


@receiver(post_save, sender=Offer, dispatch_uid="matching_offer_saved")
def offer_saved(sender, instance: Offer, **kwargs) -> None:
    if not _followed(kwargs):
        return
    tasks.index_later(offer_ids=[instance.pk])


@receiver(post_save, sender=EntrepreneurProfile, dispatch_uid="matching_profile_saved")
def profile_saved(sender, instance: EntrepreneurProfile, **kwargs) -> None:
    if not _followed(kwargs) or kwargs.get("created"):
        return
    tasks.index_later(offer_ids=instance.offers.values_list("pk", flat=True))


@receiver(post_delete, sender=Need, dispatch_uid="matching_need_deleted")
def need_deleted(sender, instance: Need, **kwargs) -> None:
    if not _followed():
        return
    tasks.index_later(need_ids=[instance.pk])


@receiver(post_delete, sender=Offer, dispatch_uid="matching_offer_deleted")
def offer_deleted(sender, instance: Offer, **kwargs) -> None:
    if not _followed():
        return
    tasks.index_later(offer_ids=[instance.pk])


def _need_m2m(sender, instance, action, reverse, **kwargs) -> None:
    if action not in M2M_ACTIONS or not _followed():
        return
    if reverse:
        tasks.index_later(need_ids=kwargs.get("pk_set") or ())
        return
    tasks.index_later(need_ids=[instance.pk])


def _offer_m2m(sender, instance, action, reverse, **kwargs) -> None:
    if action not in M2M_ACTIONS or not _followed():
        return
    if reverse:
        tasks.index_later(offer_ids=kwargs.get("pk_set") or ())
        return
    tasks.index_later(offer_ids=[instance.pk])


def _profile_m2m(sender, instance, action, reverse, **kwargs) -> None:
    if action not in M2M_ACTIONS or not _followed():
        return
    if reverse:
        offers = Offer.objects.filter(profile__in=kwargs.get("pk_set") or ())
    else:
        offers = instance.offers.all()
    tasks.index_later(offer_ids=offers.values_list("pk", flat=True))


for _field in ("sectors", "target_groups"):
    m2m_changed.connect(
        _need_m2m,
        sender=getattr(Need, _field).through,
        dispatch_uid=f"matching_need_{_field}",
    )
for _field in ("sectors", "target_groups", "areas"):
    m2m_changed.connect(
        _offer_m2m,
        sender=getattr(Offer, _field).through,
        dispatch_uid=f"matching_offer_{_field}",
    )
m2m_changed.connect(
    _profile_m2m,
    sender=EntrepreneurProfile.areas.through,
    dispatch_uid="matching_profile_areas",
)
