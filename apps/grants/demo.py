"""Demo content for the grants app."""


def load() -> None:
    """Adds the demo rows (idempotent)."""
