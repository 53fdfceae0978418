"""Parallel sign-ups for the last seats: the row lock on the meeting keeps the count right.

Runs on PostgreSQL only: SQLite serialises every writer at BEGIN IMMEDIATE, so it cannot
show a race, and its in-memory test database is not shared between threads."""

import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client

from apps.core.services import vocabulary_ensure
from apps.events.models import Registration, RegistrationStatus

from .factories import EventFactory, RegistrationFactory

PARALLEL = 12


@pytest.fixture
def postgres_only(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL: SQLite serialises writers and its in-memory test database "
            "is not shared between threads."
        )
    vocabulary_ensure()


def test_parallel_sign_ups_never_exceed_capacity(postgres_only):
    event = EventFactory(capacity=5)
    for _ in range(3):
        RegistrationFactory(event=event)  # two seats left
    barrier = threading.Barrier(PARALLEL)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def sign_up(n: int) -> None:
        try:
            client = Client(REMOTE_ADDR=f"10.0.0.{n + 1}")
            barrier.wait(timeout=30)
            response = client.post(
                f"/dialogmoter/{event.slug}/pamelding/",
                {
                    "reg-name": f"Person {n}",
                    "reg-email": f"parallell{n}@example.no",
                    "reg-role": "kommune",
                },
            )
            statuses.append(response.status_code)
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert statuses == [302] * PARALLEL
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == event.capacity
    waiting = list(registrations.filter(status=RegistrationStatus.WAITING).order_by("position"))
    assert len(waiting) == PARALLEL - 2
    positions = [registration.position for registration in waiting]
    assert positions == sorted(set(positions))
