"""Writes of the examples bank."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from apps.core.selectors import municipality_by_code
from apps.core.services import audit_record

from .models import CaseIndexPage, CasePage


class CaseIndexMissing(Exception):
    """There is no examples bank index page to put the example under."""


class UnknownMunicipality(ValueError):
    """The municipality number matches no municipality."""


# Norwegian letters spelled out, so that URLs stay readable ASCII ("Bodø" -> "bodo").
_NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def _free_slug(index: CaseIndexPage, title: str) -> str:
    base = slugify(title.translate(_NORWEGIAN_LETTERS))[:200].strip("-") or "eksempel"
    taken = set(
        CasePage.objects.child_of(index)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def case_create_draft(
    *,
    title: str,
    summary: str,
    municipality_code: str | None,
    author=None,
    source_note: str = "",
) -> CasePage:
    """Creates an unpublished example under the examples bank for an editor to complete and
    publish. `municipality_code` is the four-digit number (None or "" when not known);
    `source_note` says where the example comes from and whom to credit (shown on the page
    once it is published); `author` becomes the draft's owner and the revision's user.

    Raises UnknownMunicipality for a number that matches no municipality and CaseIndexMissing
    when the site has no examples bank."""
    municipality = None
    if municipality_code:
        municipality = municipality_by_code(municipality_code)
        if municipality is None:
            raise UnknownMunicipality(f"No municipality has the number {municipality_code!r}.")
    index = CaseIndexPage.objects.first()
    if index is None:
        raise CaseIndexMissing("Create the examples bank page first.")
    user = author if getattr(author, "pk", None) else None
    with transaction.atomic():
        case = CasePage(
            title=title.strip(),
            slug=_free_slug(index, title),
            summary=summary.strip(),
            municipality=municipality,
            origin_note=source_note.strip(),
            live=False,
            owner=user,
        )
        index.add_child(instance=case)
        case.save_revision(user=user, log_action=True)
        audit_record(
            actor=user,
            action="cases.case_create_draft",
            obj=case,
            data={"title": case.title, "municipality": municipality.code if municipality else ""},
        )
    return case


def case_submit_for_review(*, case: CasePage, user=None) -> bool:
    """Sends an unpublished example to the editors: its latest revision goes into the page's
    Wagtail workflow (moderation) when one applies, so that it shows among the editors' tasks;
    without a workflow it stays an unpublished draft that an editor publishes in the admin.
    Never publishes. Returns whether a workflow was started."""
    if case.live:
        raise ValueError("Only an unpublished example is sent for review.")
    user = user if getattr(user, "pk", None) else None
    workflow = case.get_workflow()
    if workflow is None or not workflow.active:
        return False
    if case.workflow_in_progress:
        return True
    workflow.start(case, user)
    audit_record(actor=user, action="cases.case_submitted_for_review", obj=case, data={})
    return True
