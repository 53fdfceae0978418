"""Organisation pages are public and cached for anonymous visitors: purge on change.
(Only Organisation rows: user and membership writes never show on public pages.)"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.core.cache import purge_page_cache

from .models import Organisation


@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
def _purge_on_organisation_change(sender, **kwargs) -> None:
    transaction.on_commit(purge_page_cache)
