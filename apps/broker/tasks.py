"""Warnings before a need expires or a profile lapses, sent by the scheduler's daily jobs
(apps/operations/schedule.py). Each person is warned once per need (or profile) and expiry
date, however often the job runs and in however many workers: the delivery ledger is
claimed before the mail goes out and released if it could not be sent. Renewing moves the
date, so the next expiry is warned of again."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from apps.core.mail import in_language_of
from apps.core.siteaddress import site_url
from apps.operations import ledger

from .selectors import needs_expiring_soon, profiles_lapsing_soon

NEED_EXPIRY_KIND = "broker.need_expiry"
PROFILE_RENEWAL_KIND = "broker.profile_renewal"


def _absolute(path: str) -> str:
    return site_url(path)


def _send_once(*, kind: str, key: str, period: str, email: str, subject: str, body: str) -> bool:
    if not ledger.claim(kind, key, period):
        return False
    try:
        EmailMessage(subject=" ".join(subject.split()), body=body, to=[email]).send()
    except Exception:
        ledger.release(kind, key, period)
        raise
    return True


@task()
def warn_needs_expiring() -> int:
    """Warns the brokers of each need that expires within 14 days; returns mails sent."""
    sent = 0
    for need, people in needs_expiring_soon(today=timezone.localdate()):
        date = need.expires_at.strftime("%d.%m.%Y")
        for user_id, email in people:
            with in_language_of(email=email):
                subject = _("Your need expires on %(date)s: %(title)s") % {
                    "date": date,
                    "title": need.title,
                }
                body = _(
                    "The need “%(title)s” of %(organisation)s expires on %(date)s and is no "
                    "longer shown after that day. If it is still current, renew it on its page:"
                    "\n\n%(url)s\n"
                ) % {
                    "title": need.title,
                    "organisation": need.organisation.name,
                    "date": date,
                    "url": _absolute(need.get_absolute_url()),
                }
            sent += _send_once(
                kind=NEED_EXPIRY_KIND,
                key=f"{need.pk}:{user_id}",
                period=need.expires_at.isoformat(),
                email=email,
                subject=subject,
                body=body,
            )
    return sent


@task()
def warn_profiles_lapsing() -> int:
    """Warns the people of each entrepreneur whose profile lapses within 14 days unless
    renewed; returns mails sent."""
    sent = 0
    for profile, people in profiles_lapsing_soon(today=timezone.localdate()):
        date = profile.renewal_due.strftime("%d.%m.%Y")
        name = profile.organisation.name
        for user_id, email in people:
            with in_language_of(email=email):
                subject = _("Renew your profile on Kokeboka before %(date)s: %(name)s") % {
                    "date": date,
                    "name": name,
                }
                body = _(
                    "The profile of %(name)s is public until %(date)s. If it is still right, "
                    "renew it for another year on its page:\n\n%(url)s\n\n"
                    "If it is not renewed, it is no longer shown after that day."
                ) % {"name": name, "date": date, "url": _absolute(profile.get_absolute_url())}
            sent += _send_once(
                kind=PROFILE_RENEWAL_KIND,
                key=f"{profile.pk}:{user_id}",
                period=profile.renewal_due.isoformat(),
                email=email,
                subject=subject,
                body=body,
            )
    return sent
