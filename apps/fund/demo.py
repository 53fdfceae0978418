"""Demo content for the fund app."""


def load() -> None:
    """Adds the demo rows (idempotent)."""
