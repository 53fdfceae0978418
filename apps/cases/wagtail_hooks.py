"""The examples bank's parts of other apps' pages, through the hooks those apps name."""

from wagtail import hooks

from apps.accounts.hooks import ORGANISATION_EXAMPLES_HOOK

from .selectors import cases_for_organisation


@hooks.register(ORGANISATION_EXAMPLES_HOOK)
def organisation_examples(*, organisation):
    """The published examples an organisation took part in, on its page (/organisasjoner/…)."""
    return cases_for_organisation(organisation=organisation)
