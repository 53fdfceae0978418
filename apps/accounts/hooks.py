"""Named Wagtail hooks through which apps above accounts add to its pages.

Accounts sits low in the app layers (.importlinter): most apps import it, so it may import
none of them. Where an accounts page shows another app's data, that app registers a function
under one of these names (`@hooks.register(MY_PAGE_SECTIONS_HOOK)` in its wagtail_hooks.py),
and the page calls every registered function. Grep the constant to find who answers.
docs/decisions/0022-import-contracts.md.
"""

from __future__ import annotations

from wagtail import hooks

# fn(*, user) -> list of sections (apps.home.my_page.Section) for My page (/konto/).
MY_PAGE_SECTIONS_HOOK = "accounts_my_page_sections"

# fn(*, organisation) -> list of published examples (cases pages) on the organisation's page.
ORGANISATION_EXAMPLES_HOOK = "accounts_organisation_examples"


def gather(hook_name: str, **kwargs) -> list:
    """Every registered function's results for this hook, in registration order."""
    return [item for fn in hooks.get_hooks(hook_name) for item in fn(**kwargs)]
