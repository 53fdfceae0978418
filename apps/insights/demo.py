"""Demo content for the insights app."""


def load() -> None:
    """Adds the demo rows (idempotent)."""
