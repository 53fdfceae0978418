"""No request does unbounded work (issue 19, finding 1): a need's text has a length limit, a
megabyte is refused with a message in the person's language, matching is indexed after the
commit, and a second writer waits for the first instead of failing."""

import threading
import time

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper
from django.db.utils import OperationalError

from apps.core import limits
from apps.matching.models import MatchTerm, TermKind

from .test_views import need_data

WORDS = [
    "elever",
    "slutter",
    "videregående",
    "skole",
    "oppfølging",
    "ungdom",
    "familie",
    "arbeid",
    "trening",
    "hjelp",
]


def _text(length: int) -> str:
    """Norwegian words up to exactly ``length`` characters."""
    text = " ".join(WORDS[index % len(WORDS)] for index in range(length // 2))[:length]
    return text[:-1] + "x" if text.endswith(" ") else text


@pytest.fixture
def broker_editing(client, people, needs):
    need = needs["public"]
    client.force_login(people["own_broker"])
    url = f"/behov/{need.pk}/rediger/"
    # The person opens the form first (and the timings below leave out the first request's
    # warm-up of templates and URLs).
    assert client.get(url).status_code == 200
    return client, need, url


def test_the_largest_allowed_need_saves_and_is_indexed_after_commit(
    broker_editing, django_capture_on_commit_callbacks
):
    client, need, url = broker_editing
    data = need_data(
        need.organisation,
        title=_text(limits.TITLE),
        description=_text(limits.LONG_TEXT),
        affected=_text(limits.TEXT),
        tried=_text(limits.TEXT),
        outcome=_text(limits.TEXT),
        version=need.version,
    )
    del data["organisation"]
    assert len(data["description"]) == limits.LONG_TEXT
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        started = time.perf_counter()
        response = client.post(url, data)
        request_seconds = time.perf_counter() - started
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.description == data["description"]
    # The request analysed no text: the index is written by the task the commit enqueues.
    assert not MatchTerm.objects.filter(kind=TermKind.NEED, object_id=need.pk).exists()
    started = time.perf_counter()
    for callback in callbacks:
        callback()
    index_seconds = time.perf_counter() - started
    assert MatchTerm.objects.filter(kind=TermKind.NEED, object_id=need.pk).exists()
    print(f"largest allowed need: request {request_seconds:.2f} s, indexing {index_seconds:.2f} s")


def test_a_megabyte_is_refused_in_bokmal_and_the_form_keeps_the_rest(
    broker_editing, django_capture_on_commit_callbacks
):
    client, need, url = broker_editing
    before = need.description
    data = need_data(
        need.organisation,
        title="En ny tittel",
        description="a" * 1_000_000,
        affected="Ungdom mellom 16 og 20 år.",
        version=need.version,
    )
    del data["organisation"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        started = time.perf_counter()
        response = client.post(url, data)
        seconds = time.perf_counter() - started
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        f"Sørg for at denne verdien har {limits.LONG_TEXT} eller færre tegn "
        f"(den har nå 1000000)." in html
    )
    assert 'value="En ny tittel"' in html
    assert "Ungdom mellom 16 og 20 år." in html
    assert f'maxlength="{limits.LONG_TEXT}"' in html
    need.refresh_from_db()
    assert need.description == before and need.title != "En ny tittel"
    assert callbacks == []
    print(f"1 MB description: refused in {seconds:.2f} s")


def _sqlite(path, timeout: float) -> SQLiteWrapper:
    settings_dict = {
        **connection.settings_dict,
        "NAME": str(path),
        "OPTIONS": {**connection.settings_dict["OPTIONS"], "timeout": timeout},
    }
    return SQLiteWrapper(settings_dict, alias=f"bounded-{timeout}")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's busy timeout")
def test_settings_give_sqlite_a_busy_timeout_of_seconds():
    assert 5 <= connection.settings_dict["OPTIONS"]["timeout"] <= 30


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's busy timeout")
@pytest.mark.parametrize("timeout,waits", [(None, True), (0, False)])
def test_a_second_writer_waits_for_the_first_instead_of_failing(
    tmp_path, django_db_blocker, timeout, waits
):
    """With the configured busy timeout a write that meets another writer's open
    transaction (here held for a moment) succeeds after it; without one it fails at once
    with "database is locked", which is what people met before."""
    configured = connection.settings_dict["OPTIONS"]["timeout"]
    path = tmp_path / "db.sqlite3"
    second = _sqlite(path, configured if timeout is None else timeout)
    holding = threading.Event()
    release = threading.Event()

    def hold_the_write_lock():
        first = _sqlite(path, configured)
        cursor = first.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        cursor.execute("INSERT INTO written VALUES ('first')")
        holding.set()
        release.wait(5)
        time.sleep(0.3)
        cursor.execute("COMMIT")
        first.close()

    holder = threading.Thread(target=hold_the_write_lock)
    with django_db_blocker.unblock():
        _race(holder, holding, release, second, waits)


def _race(holder, holding, release, second, waits) -> None:
    second.cursor().execute("CREATE TABLE written (who TEXT)")
    holder.start()
    try:
        assert holding.wait(5)
        release.set()
        cursor = second.cursor()
        if waits:
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("INSERT INTO written VALUES ('second')")
            cursor.execute("COMMIT")
            rows = cursor.execute("SELECT who FROM written ORDER BY rowid").fetchall()
            assert rows == [("first",), ("second",)]
        else:
            with pytest.raises(OperationalError, match="locked"):
                cursor.execute("BEGIN IMMEDIATE")
    finally:
        release.set()
        holder.join(10)
        second.close()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement_timeout")
def test_postgres_statements_time_out_after_seconds():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "15s"


def test_the_solution_nudge_only_starts_matches_at_word_beginnings():
    """A pattern that may start anywhere in a word («\\w*system») retries at every letter of
    a long word: quadratic. Anchored at «\\b» it is linear, and finds the same words."""
    from apps.broker.services import SOLUTION_PATTERNS, solution_words

    assert all(pattern.startswith(r"\b") for pattern, _label in SOLUTION_PATTERNS)
    found = solution_words(texts=["Vi har fagsystemet og en ny plattform.", "a" * 100_000])
    assert found == ["fagsystemet", "plattform"]
