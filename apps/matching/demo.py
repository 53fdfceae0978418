"""Demo content for the matching app."""


def load() -> None:
    """Adds the demo rows (idempotent)."""
