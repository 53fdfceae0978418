"""Which language a mail is written in.

A mail sent while a person's own request runs may follow the page's language, but most mail
is not: reminders and digests come from scheduled jobs, confirmations from the task worker,
notices from another person's action (a broker's decision, a waiting-list seat freed by
someone else). There the active language is the worker's default or the *sender's*, not the
recipient's. Every sender therefore renders subject and body inside ``in_language_of``:

* a person with an account gets the language stored on the account (``User.language``, set
  by the header's language choice and on My page);
* an address without an account (a newsletter subscriber, an applicant's contact, a guest
  at a meeting) gets the language stored where the address was given, passed as
  ``fallback``; the caller stores the language of the request that gave the address when the
  mail goes out later;
* otherwise the language active now (the request's, in a request), else the site default.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.utils import translation


def supported(code: str | None) -> str | None:
    """The code if it is one of the interface languages, else None."""
    if code and code in dict(settings.LANGUAGES):
        return code
    return None


def current_language() -> str:
    """The language active now, as one of ours (for storing with an address given in a
    request, so a mail sent later is written in the language the person used)."""
    return supported(translation.get_language()) or settings.LANGUAGE_CODE


def recipient_language(
    recipient: Any = None, *, email: str = "", fallback: str | None = None
) -> str:
    """The language to write to ``recipient`` (a user, or anything with a ``language``) or
    to ``email`` (looked up among the accounts), falling back as the module says."""
    language = supported(getattr(recipient, "language", None))
    if language is None and email:
        from django.contrib.auth import get_user_model

        stored = (
            get_user_model()
            .objects.filter(email__iexact=email.strip())
            .values_list("language", flat=True)
            .first()
        )
        language = supported(stored)
    return language or supported(fallback) or current_language()


@contextmanager
def in_language_of(
    recipient: Any = None, *, email: str = "", fallback: str | None = None
) -> Iterator[str]:
    """Renders what runs inside in the recipient's language (see ``recipient_language``),
    and restores the language active before afterwards. Yields the code used."""
    language = recipient_language(recipient, email=email, fallback=fallback)
    with translation.override(language):
        yield language
