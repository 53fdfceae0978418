"""Registry of personal-data exporters and deleters, so every app can add its own data to
"download my data" and "delete my account".

An exporter is ``fn(user) -> JSON-serialisable`` and a deleter ``fn(user) -> None``; both get
the User before it is anonymised (the email is still the real one)."""

from collections.abc import Callable
from typing import Any

_exporters: dict[str, Callable[[Any], Any]] = {}
_deleters: dict[str, Callable[[Any], None]] = {}


def register_exporter(name: str, fn: Callable[[Any], Any]) -> None:
    _exporters[name] = fn


def register_deleter(name: str, fn: Callable[[Any], None]) -> None:
    _deleters[name] = fn


def exporters() -> dict[str, Callable[[Any], Any]]:
    return dict(_exporters)


def deleters() -> dict[str, Callable[[Any], None]]:
    return dict(_deleters)


def unregister(name: str) -> None:
    _exporters.pop(name, None)
    _deleters.pop(name, None)
