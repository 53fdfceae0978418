"""Keeps the matching index in step with the broker's needs, profiles and offers.

The handlers only call services: each save or change of sectors, target groups or areas
rewrites the index rows of that one object, in the same transaction as the change."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from apps.broker.models import EntrepreneurProfile, Need, Offer

from . import services
from .models import TermKind

M2M_ACTIONS = {"post_add", "post_remove", "post_clear"}


def _skip(kwargs=None) -> bool:
    # Fixtures load raw rows, and bulk writers pause indexing; both index afterwards.
    return bool((kwargs or {}).get("raw")) or not services.indexing_active()


@receiver(post_save, sender=Need, dispatch_uid="matching_need_saved")
def need_saved(sender, instance: Need, **kwargs) -> None:
    if _skip(kwargs):
        return
    services.index_need(need=instance)
    if instance.is_public:
        services.need_published_schedule(need=instance)


@receiver(post_save, sender=Offer, dispatch_uid="matching_offer_saved")
def offer_saved(sender, instance: Offer, **kwargs) -> None:
    if _skip(kwargs):
        return
    services.index_offer(offer=instance)


@receiver(post_save, sender=EntrepreneurProfile, dispatch_uid="matching_profile_saved")
def profile_saved(sender, instance: EntrepreneurProfile, **kwargs) -> None:
    if _skip(kwargs) or kwargs.get("created"):
        return
    services.index_offers(offers=instance.offers.select_related("profile"))


@receiver(post_delete, sender=Need, dispatch_uid="matching_need_deleted")
def need_deleted(sender, instance: Need, **kwargs) -> None:
    if _skip():
        return
    services.unindex(kind=TermKind.NEED, object_id=instance.pk)


@receiver(post_delete, sender=Offer, dispatch_uid="matching_offer_deleted")
def offer_deleted(sender, instance: Offer, **kwargs) -> None:
    if _skip():
        return
    services.unindex(kind=TermKind.OFFER, object_id=instance.pk)


def _need_m2m(sender, instance, action, reverse, **kwargs) -> None:
    if action not in M2M_ACTIONS or _skip():
        return
    if reverse:
        for need in Need.objects.filter(pk__in=kwargs.get("pk_set") or ()):
            services.index_need(need=need)
        return
    services.index_need(need=instance)


def _offer_m2m(sender, instance, action, reverse, **kwargs) -> None:
    if action not in M2M_ACTIONS or _skip():
        return
    if reverse:
        services.index_offers(
            offers=Offer.objects.filter(pk__in=kwargs.get("pk_set") or ()).select_related("profile")
        )
        return
    services.index_offer(offer=instance)


def _profile_m2m(sender, instance, action, reverse, **kwargs) -> None:
    if action not in M2M_ACTIONS or _skip():
        return
    if reverse:
        profiles = EntrepreneurProfile.objects.filter(pk__in=kwargs.get("pk_set") or ())
        offers = Offer.objects.filter(profile__in=profiles)
    else:
        offers = instance.offers.all()
    services.index_offers(offers=offers.select_related("profile"))


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
