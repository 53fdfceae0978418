"""Demo content for the collaborations app."""


def load() -> None:
    """Adds the demo rows (idempotent)."""
