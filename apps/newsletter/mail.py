"""Building newsletter mail: absolute links from the site address, an HTML part with no
remote images and a plain-text part, and the one-click unsubscribe headers (RFC 2369 and
RFC 8058) on every issue."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.mail import in_language_of, supported
from apps.core.siteaddress import site_url

from .models import Issue, Subscriber
from .selectors import sections_for
from .services import confirmation_token, unsubscribe_token


def absolute(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return f"{site_url()}{path if path.startswith('/') else '/' + path}"


def unsubscribe_url(subscriber: Subscriber) -> str:
    return absolute(
        reverse("newsletter:unsubscribe", kwargs={"token": unsubscribe_token(subscriber)})
    )


def unsubscribe_headers(url: str) -> dict[str, str]:
    targets = [f"<{url}>"]
    mailto = getattr(settings, "NEWSLETTER_UNSUBSCRIBE_MAILTO", "")
    if mailto:
        targets.append(f"<mailto:{mailto}?subject=unsubscribe>")
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<newsletter.{_list_domain()}>",
    }


def _list_domain() -> str:
    from urllib.parse import urlsplit

    return urlsplit(site_url()).hostname or "kokeboka.local"


def confirmation_message(subscriber: Subscriber) -> EmailMultiAlternatives:
    # The subscriber has no account: the language they subscribed in is stored on them.
    with in_language_of(subscriber):
        context = {
            "confirm_url": absolute(
                reverse("newsletter:confirm", kwargs={"token": confirmation_token(subscriber)})
            ),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "site_url": site_url(),
            "lang": subscriber.language,
            "days": 3,
        }
        message = EmailMultiAlternatives(
            subject=_("Confirm your subscription to %(site)s's newsletter")
            % {"site": settings.WAGTAIL_SITE_NAME},
            body=render_to_string("newsletter/email/confirm.txt", context),
            to=[subscriber.email],
        )
        message.attach_alternative(
            render_to_string("newsletter/email/confirm.html", context), "text/html"
        )
    return message


def _ui_language(code: str) -> str:
    """The interface language the mail's fixed wording is in: the code where the site has
    it, else Bokmål (the admin's preview uses it)."""
    return supported(code) or "nb"


def issue_context(*, issue: Issue, subscriber: Subscriber) -> dict:
    language, subject, intro = issue.version(subscriber.language)
    sections = []
    for section in sections_for(issue=issue, subscriber=subscriber):
        sections.append(
            {
                "heading": section["heading"],
                "items": [
                    {**item, "url": absolute(item.get("url") or "/")} for item in section["items"]
                ],
            }
        )
    return {
        "issue": issue,
        "lang": language,
        "subject": subject,
        "intro": intro,
        "sections": sections,
        "unsubscribe_url": unsubscribe_url(subscriber) if subscriber.pk else "",
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": site_url(),
    }


def issue_message(*, issue: Issue, subscriber: Subscriber, connection=None):
    """The issue as this subscriber receives it: only their topics, in their language where
    the issue has that version."""
    language, _subject, _intro = issue.version(subscriber.language)
    # The fixed wording follows the version sent, so a subscriber never gets a mix.
    with in_language_of(fallback=language):
        context = issue_context(issue=issue, subscriber=subscriber)
        message = EmailMultiAlternatives(
            subject=context["subject"],
            body=render_to_string("newsletter/email/issue.txt", context),
            to=[subscriber.email],
            connection=connection,
            headers=unsubscribe_headers(context["unsubscribe_url"]) if subscriber.pk else {},
        )
        message.attach_alternative(
            render_to_string("newsletter/email/issue.html", context), "text/html"
        )
    return message
