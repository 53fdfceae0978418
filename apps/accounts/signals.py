"""Organisation pages are public and cached for anonymous visitors: purge on change.
(Only Organisation rows: user and membership writes never show on public pages.)"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.core.cache import purge_page_cache
from apps.core.signals import language_chosen

from .models import Organisation
from .services import user_language_set


@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
def _purge_on_organisation_change(sender, **kwargs) -> None:
    transaction.on_commit(purge_page_cache)


@receiver(language_chosen, dispatch_uid="accounts-remember-language")
def remember_language(sender, *, user, language: str, **kwargs) -> None:
    """The language chosen in the header is kept on the account (User.language), so mail
    sent later outside any request is written in it (apps.core.mail)."""
    user_language_set(user=user, language=language)
