"""The legal rules are not demo content: they are shipped data (apps/rules/data/*.yaml),
loaded by `manage.py load_rules`. `load_demo` still calls `load()` here so that a demo
database always has them; it only delegates to the loader."""

from .loader import load_rules


def load() -> None:
    load_rules()
