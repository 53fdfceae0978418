"""Writes of the examples bank. Other apps ask for an example here (the collaborations app
sends a finished collaboration with example_submit_from_collaboration); only this app
creates example pages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.html import escape

from apps.core.selectors import municipality_by_code
from apps.core.services import audit_record
from apps.core.slugs import free_slug

from .models import CaseIndexPage, CaseOutcome, CasePage
from .selectors import case_index


class CaseIndexMissing(Exception):
    """There is no examples bank index page to put the example under."""


class UnknownMunicipality(ValueError):
    """The municipality number matches no municipality."""


def _free_slug(index: CaseIndexPage, title: str) -> str:
    """The first free slug for `title` among the examples under `index`."""
    return free_slug(
        title,
        fallback="eksempel",
        taken=lambda base: set(
            CasePage.objects.child_of(index)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        ),
    )


def paragraphs(text: str) -> str:
    """Plain text typed by a person as rich-text paragraphs: blank lines part paragraphs,
    single line breaks stay; every character is escaped."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>" + escape(block).replace("\n", "<br>") + "</p>" for block in blocks if block
    )


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


@dataclass(frozen=True)
class ExampleOutcome:
    """One measured outcome of the collaboration an example tells about."""

    name: str
    value: Decimal | None = None
    unit: str = ""
    note: str = ""


@transaction.atomic
def example_submit_from_collaboration(
    *,
    title: str,
    summary: str,
    municipality,
    entrepreneur,
    collaboration_form: str,
    start_year: int,
    end_year: int,
    story: str,
    lessons_learned: str,
    origin_note: str,
    sectors: Iterable,
    target_groups: Iterable,
    recipes: Iterable,
    outcomes: Sequence[ExampleOutcome],
    author=None,
) -> CasePage:
    """Creates an unpublished example from a finished collaboration and sends it to the
    editors (case_submit_for_review): it goes live only when an editor publishes it.

    `story` and `lessons_learned` are plain text as the parties typed it (made paragraphs
    here); `entrepreneur` is the entrepreneur's accounts.Organisation, credited by name and
    website and linked. Raises CaseIndexMissing, before writing anything, when the site has
    no live examples bank."""
    index = case_index()
    if index is None:
        raise CaseIndexMissing("Create the examples bank page first.")
    user = author if getattr(author, "pk", None) else None
    case = CasePage(
        title=title,
        slug=_free_slug(index, title),
        summary=summary,
        municipality=municipality,
        entrepreneur_name=entrepreneur.name,
        entrepreneur_url=entrepreneur.website,
        entrepreneur_organisation=entrepreneur,
        collaboration_form=collaboration_form,
        start_year=start_year,
        end_year=end_year,
        story=paragraphs(story),
        lessons_learned=paragraphs(lessons_learned),
        origin_note=origin_note,
        owner=user,
        live=False,
    )
    case.sectors = list(sectors)
    case.target_groups = list(target_groups)
    case.recipes = list(recipes)
    case.outcomes = [
        CaseOutcome(
            name=outcome.name,
            value=outcome.value,
            unit=outcome.unit,
            note=outcome.note,
            sort_order=position,
        )
        for position, outcome in enumerate(outcomes)
    ]
    index.add_child(instance=case)
    case.save_revision(user=user, log_action=True)
    case_submit_for_review(case=case, user=user)
    audit_record(
        actor=user,
        action="cases.case_submitted_from_collaboration",
        obj=case,
        data={"title": case.title},
    )
    return CasePage.objects.get(pk=case.pk)
