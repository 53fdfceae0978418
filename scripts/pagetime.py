#!/usr/bin/env python3
"""Time pages in-process against the configured database: median and p95 of n renders, the
queries of one request and its five slowest statements. For finding where a page's time goes
at national volume, between `make bench-volume` runs (which measure through granian).

A database to point it at: `KEEP=1 make bench-volume` leaves its PostgreSQL cluster behind;
start a copy of it with `pg_ctl -D <copy>/pg -o "-p <port> -k <copy>" start` and run, from the
repository, with production settings:

    DJANGO_SETTINGS_MODULE=config.settings.production \
    DJANGO_SECRET_KEY=<50+ characters> DJANGO_ALLOWED_HOSTS=127.0.0.1,testserver \
    DJANGO_SECURE_SSL_REDIRECT=false KOKEBOKA_SINGLE_INSTANCE=true LOG_LEVEL=WARNING \
    DATABASE_URL=postgres://kokeboka@127.0.0.1:<port>/postgres DATABASE_CONN_MAX_AGE=60 \
    .venv/bin/python scripts/pagetime.py [-n 20] [--role ROLE] URL...

ROLE is broker, fund-manager, reviewer or entrepreneur.

Every render gets a new `bench=` parameter, so the anonymous page cache misses, as in
`make bench-volume`. A role is signed in with a session made in the database (with a
verified second factor), as the bench does. Wall times on a shared machine are noisy: the
load average is printed first; compare alternately with a baseline in the same minutes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def session_key(user) -> str:
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="pagetime", confirmed=True)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "apps.accounts.backends.EmailVerifiedBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.create()
    return store.session_key


def volume_fund():
    """The first fund `load_volume` made."""
    from apps.fund.models import Fund

    return Fund.objects.filter(slug__startswith="vol-").order_by("pk").first()


def reviewer_assignment():
    """An open review of that fund (or any of its reviews): the assessment page's subject."""
    from apps.grants.models import ReviewerAssignment

    assignments = ReviewerAssignment.objects.filter(application__call__fund=volume_fund())
    return (
        assignments.filter(completed_at__isnull=True).order_by("pk").first()
        or assignments.order_by("pk").first()
    )


def entrepreneur_offer():
    """The first public offer with a member who may edit it: its matches as the entrepreneur."""
    from apps.broker.models import Offer

    return (
        Offer.objects.public()
        .filter(profile__organisation__memberships__role__in=["member", "admin"])
        .order_by("pk")
        .first()
    )


def role_user(role: str):
    """The person `make bench-volume` measures each role as (its SETUP calls this)."""
    from apps.accounts.models import Membership, User

    if role == "broker":
        return User.objects.get(email="megler@demo.kokeboka.no")
    if role == "entrepreneur":
        organisation = entrepreneur_offer().profile.organisation
        members = Membership.objects.filter(organisation=organisation, role__in=["member", "admin"])
        return members.order_by("pk")[0].user
    if role == "fund-manager":
        managers = Membership.objects.filter(
            organisation=volume_fund().organisation, role="fund_manager"
        )
        return managers.order_by("pk")[0].user
    if role == "reviewer":
        return reviewer_assignment().reviewer
    raise SystemExit(f"pagetime: unknown role {role!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="renders per URL")
    parser.add_argument("--role", default="", help="sign in as this role first")
    parser.add_argument("urls", nargs="+")
    args = parser.parse_args()

    client = Client(HTTP_HOST="127.0.0.1")
    if args.role:
        client.cookies[settings.SESSION_COOKIE_NAME] = session_key(role_user(args.role))
    print("load average (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    for url in args.urls:
        sep = "&" if "?" in url else "?"
        client.get(f"{url}{sep}bench=warm")  # per-process caches filled, as in a server
        timings = []
        for number in range(args.n):
            started = time.perf_counter()
            client.get(f"{url}{sep}bench={number}")
            timings.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{url}{sep}bench=queries")
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        database = sum(float(query["time"]) for query in queries.captured_queries) * 1000
        print(
            f"{url}  {response.status_code}  median {statistics.median(timings):.1f} ms  "
            f"p95 {p95:.1f} ms  queries {len(queries)} ({database:.1f} ms in the database)"
        )
        slowest = sorted(queries.captured_queries, key=lambda query: -float(query["time"]))
        for query in slowest[:5]:
            print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
