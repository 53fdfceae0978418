"""Query expressions for page visibility, shared by the apps whose lists must hide private
and orphaned pages without an extra query per call."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def restricted_ancestor_or_self() -> Exists:
    """A view restriction on the outer page or one of its ancestors, in the same query
    (Wagtail's `.public()` runs a separate query for the restrictions each time)."""
    return Exists(
        PageViewRestriction.objects.annotate(
            outer_prefix=Substr(OuterRef("path"), 1, Length("page__path"))
        ).filter(page__path=F("outer_prefix"))
    )


def live_parent() -> Exists:
    """The outer page's parent is live."""
    return Exists(
        Page.objects.filter(
            live=True,
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen),
        )
    )
