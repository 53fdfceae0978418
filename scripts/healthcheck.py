#!/usr/bin/env python3
"""Container health checks (compose.yaml): exit 0 when healthy, 1 when not.

    python scripts/healthcheck.py http /helse/klar/    # this container's web process
    python scripts/healthcheck.py heartbeat worker     # the task worker has reported in
    python scripts/healthcheck.py heartbeat scheduler  # the scheduler has reported in

`http` asks the web process on 127.0.0.1:$PORT (8000) the way nginx does: production
settings answer plain HTTP with a redirect and refuse unknown hosts, so the probe sends the
first of DJANGO_ALLOWED_HOSTS as Host and says the original request was HTTPS. It imports
nothing from Django, so a probe every few seconds stays cheap.

`heartbeat` reads apps/operations' heartbeats from the database, the same evidence the
readiness endpoint uses: the loop of a worker or scheduler has run within
KOKEBOKA_HEARTBEAT_MAX_AGE seconds (120).
"""

import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def check_http(path: str) -> bool:
    port = os.environ.get("PORT", "8000")
    hosts = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
    host = (hosts[0].lstrip(".") if hosts else "localhost").replace("*", "probe")
    request = urllib.request.Request(  # noqa: S310 - loopback, fixed scheme
        f"http://127.0.0.1:{port}{path}",
        headers={"Host": host, "X-Forwarded-Proto": "https", "User-Agent": "healthcheck"},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, OSError) as error:
        print(f"healthcheck: {path}: {error}", file=sys.stderr)
        return False


def check_heartbeat(process: str) -> bool:
    import datetime

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    import django

    django.setup()
    from apps.operations import heartbeat

    max_age = int(os.environ.get("KOKEBOKA_HEARTBEAT_MAX_AGE", "120"))
    fresh = heartbeat.is_fresh(process, datetime.timedelta(seconds=max_age))
    if not fresh:
        print(f"healthcheck: no heartbeat from the {process} in {max_age} s", file=sys.stderr)
    return fresh


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"http", "heartbeat"}:
        print(__doc__, file=sys.stderr)
        return 2
    kind, target = argv
    healthy = check_http(target) if kind == "http" else check_heartbeat(target)
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
