"""Liveness and readiness, for the load balancer, the container runtime and monitoring.

- Liveness (`/helse/`, apps.core.views.health): the process answers. It touches nothing
  else, so a database or Redis outage never makes the runtime restart healthy app servers
  (which would not help).
- Readiness (`/helse/klar/`): django-health-check runs the database, the shared cache, every
  file storage in use and the heartbeats of the task worker and the scheduler; 503 with a
  JSON body naming what is down, 200 when all is well. Never cached.

The heartbeats are in the database (apps.operations.heartbeat), so they are readable when
the cache is down; a stale heartbeat means jobs are not being run even though the web
answers.
"""

from __future__ import annotations

import dataclasses
import datetime

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import Error as DatabaseError
from django.http import JsonResponse
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from apps.operations import heartbeat

DEFAULT_HEARTBEAT_MAX_AGE = 120  # seconds; the worker beats every 5 s, the scheduler every 15 s


def heartbeat_max_age() -> datetime.timedelta:
    return datetime.timedelta(
        seconds=int(getattr(settings, "KOKEBOKA_HEARTBEAT_MAX_AGE", DEFAULT_HEARTBEAT_MAX_AGE))
    )


@dataclasses.dataclass
class Heartbeat(HealthCheck):
    """The named process (the task worker, the scheduler) reported in within `max_age`."""

    process: str = heartbeat.WORKER
    max_age: datetime.timedelta = dataclasses.field(default_factory=heartbeat_max_age)

    async def run(self) -> None:
        # On the request's own thread and connection, like every other ORM read of a view.
        await sync_to_async(self._check, thread_sensitive=True)()

    def _check(self) -> None:
        try:
            fresh = heartbeat.is_fresh(self.process, self.max_age)
        except DatabaseError as error:
            raise ServiceUnavailable("database unavailable, heartbeat unknown") from error
        if not fresh:
            seconds = int(self.max_age.total_seconds())
            raise ServiceUnavailable(f"no heartbeat from the {self.process} in {seconds} s")


@dataclasses.dataclass
class RequestDatabase(Database):
    """django-health-check's `SELECT 1`, run on the request's own thread and connection
    rather than a fresh connection from a pool thread: it tests the connection the site
    uses, and costs no connection of its own."""

    async def run(self) -> None:
        await sync_to_async(super().run, thread_sensitive=True)()


def readiness_checks() -> list:
    checks: list = [
        RequestDatabase(alias="default"),
        # The alias whose errors are not swallowed: the page cache's alias reads an outage
        # as a miss and would look healthy.
        Cache(alias="ratelimit"),
    ]
    checks += [
        Storage(alias=alias) for alias in ("default", "private") if alias in settings.STORAGES
    ]
    checks += [Heartbeat(process=heartbeat.WORKER), Heartbeat(process=heartbeat.SCHEDULER)]
    return checks


class ReadinessView(HealthCheckView):
    """django-health-check's view, always answering JSON, 503 (not 500) when a check fails:
    the app itself is fine, a dependency is not."""

    def get_checks(self):
        yield from readiness_checks()

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            response.status_code = 503
            response["Retry-After"] = "10"
        return response

    def render_to_response(self, context, **response_kwargs):
        return self.render_to_response_json(response_kwargs.get("status", 200))

    def render_to_response_json(self, status):
        checks = {
            _name(result.check): "ok" if not result.error else str(result.error)
            for result in self.results
        }
        return JsonResponse(
            {"status": "ok" if status == 200 else "unavailable", "checks": checks},
            status=status,
        )


def _name(check: HealthCheck) -> str:
    if isinstance(check, Heartbeat):
        return f"heartbeat:{check.process}"
    for kind, name in ((Database, "database"), (Cache, "cache"), (Storage, "storage")):
        if isinstance(check, kind):
            return f"{name}:{check.alias}"
    return type(check).__name__.lower()


readiness = ReadinessView.as_view()
