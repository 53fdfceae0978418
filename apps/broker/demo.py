"""Demo content for the broker app."""


def load() -> None:
    """Adds the demo rows (idempotent)."""
