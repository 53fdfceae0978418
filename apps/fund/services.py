"""Writes of the fund app. Callers check permissions first; these functions check the rules."""

import re

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from apps.accounts.models import Organisation, OrganisationType
from apps.core import limits, locking
from apps.core.services import audit_record
from apps.core.siteaddress import site_url

from .models import (
    Application,
    ApplicationPartner,
    Attachment,
    BudgetLine,
    Call,
    EligibilityAnswer,
    Milestone,
    RequiredAttachment,
    StatusChange,
)
from .selectors import budget_totals
from .transitions import ALLOWED_TRANSITIONS


def application_transition(
    *, application: Application, to_status: str, actor, note: str = "", at=None
) -> Application:
    """Moves an application along the allowed-transitions table, leaving a StatusChange row
    and an audit event. Locks the row so two moves cannot both pass the check. `at` (the
    moment of the move) defaults to now; demo data passes past moments."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        from_status = locked.status
        ALLOWED_TRANSITIONS.check(from_status, to_status)
        now = at or timezone.now()
        locked.status = to_status
        fields = ["status", "updated_at"]
        if to_status == Application.Status.SUBMITTED:
            locked.submitted_at = now
            fields.append("submitted_at")
        locked.save(update_fields=fields)
        StatusChange.objects.create(
            application=locked,
            from_status=from_status,
            to_status=to_status,
            actor=actor if getattr(actor, "pk", None) else None,
            at=now,
            note=note,
        )
        audit_record(
            actor=actor,
            action=f"fund.{to_status}",
            obj=locked,
            data={"from": from_status, "to": to_status, "note": note},
        )
    application.status = locked.status
    application.submitted_at = locked.submitted_at
    application.updated_at = locked.updated_at
    return application


# --- Errors --------------------------------------------------------------------------------


class FundError(Exception):
    """A rule of the fund refused the write; message is shown to the user."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class ApplicationLocked(FundError):
    """The application is submitted, or the call's deadline has passed."""


class StaleVersion(locking.StaleVersion, FundError):
    """Someone saved the application after this form was loaded (apps.core.locking)."""


class SubmissionRefused(FundError):
    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__(" ".join(messages))


class AttachmentRefused(FundError):
    pass


# --- Applicant side ------------------------------------------------------------------------


def _locked_message() -> str:
    return gettext(
        "This application can no longer be changed: it has been submitted or the deadline "
        "has passed."
    )


def _check_editable(application: Application, now) -> None:
    if application.status != Application.Status.DRAFT or application.call.is_closed(now):
        raise ApplicationLocked(_locked_message())


def application_start(*, call: Call, organisation: Organisation, actor, title: str, now=None):
    """A new draft for the organisation. The caller has checked that the actor may apply for it."""
    now = now or timezone.now()
    if not call.is_open(now):
        raise FundError(gettext("The call is not open for applications."))
    with transaction.atomic():
        application = Application.objects.create(
            call=call, organisation=organisation, created_by=actor, title=title.strip()
        )
        audit_record(actor=actor, action="fund.application_started", obj=application)
    return application


APPLICATION_FIELDS = (
    "title",
    "summary",
    "description",
    "need_text",
    "sector",
    "need",
    "collaboration",
)


def application_save(
    *,
    application: Application,
    actor,
    version: int,
    fields: dict,
    partners: list[dict],
    budget_lines: list[dict],
    milestones: list[dict],
    answers: dict[int, str],
    draft: dict | None = None,
    now=None,
) -> Application:
    """Saves the whole draft: the form is the full state of each list (rows are replaced).
    `draft` is what was typed that did not pass its checks (see Application.draft_input);
    it replaces the stored one, so a field corrected since leaves it. Refuses when the
    version the user started from is not the stored one, so two editors never overwrite
    each other without seeing it."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update()
            .select_related("call", "call__fund")
            .get(pk=application.pk)
        )
        _check_editable(locked, now)
        locking.check_version(
            locked,
            version,
            stale=StaleVersion,
            message=gettext(
                "Someone else saved this application while you were editing it. Your "
                "changes have not been saved. Your text is kept in the form; the saved "
                "text is shown beside it. Merge the two and save again."
            ),
        )
        for name in APPLICATION_FIELDS:
            if name in fields:
                setattr(locked, name, fields[name])
        locked.partners.all().delete()
        ApplicationPartner.objects.bulk_create(
            ApplicationPartner(application=locked, **row) for row in partners
        )
        locked.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(
            BudgetLine(application=locked, **row) for row in budget_lines
        )
        locked.milestones.all().delete()
        Milestone.objects.bulk_create(Milestone(application=locked, **row) for row in milestones)
        locked.eligibility_answers.all().delete()
        questions = set(locked.call.eligibility_questions.values_list("pk", flat=True))
        EligibilityAnswer.objects.bulk_create(
            EligibilityAnswer(application=locked, question_id=pk, answer=answer)
            for pk, answer in answers.items()
            if pk in questions and answer in ("yes", "no")
        )
        locked.amount_requested = budget_totals(lines=budget_lines)["fund"]
        locked.draft_input = clean_draft(draft or {})
        locked.version = locked.version + 1
        locked.save()
        audit_record(
            actor=actor,
            action="fund.application_saved",
            obj=locked,
            data={"version": locked.version},
        )
    return locked


DRAFT_LISTS = ("partners", "budget", "milestones")
MAX_DRAFT_ROWS = 50


def clean_draft(draft: dict) -> dict:
    """The unsaved input in its stored shape, bounded: text as strings no longer than the
    longest field of the form allows, at most MAX_DRAFT_ROWS rows a list, empty parts left
    out. Anything else in `draft` is dropped, so a crafted request cannot store more."""

    def text(value) -> str:
        return str(value if value is not None else "")[: limits.DOCUMENT]

    def entries(values) -> dict:
        if not isinstance(values, dict):
            return {}
        return {str(k)[:50]: text(v) for k, v in list(values.items())[:20]}

    cleaned: dict = {}
    if fields := entries(draft.get("fields")):
        cleaned["fields"] = fields
    for key in DRAFT_LISTS:
        rows = draft.get(key)
        if isinstance(rows, list) and (kept := [entries(r) for r in rows[:MAX_DRAFT_ROWS]]):
            cleaned[key] = kept
    return cleaned


MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def pdf_problem(*, head: bytes, tail: bytes, size: int, read_at) -> str:
    """Why these bytes are not a PDF we accept, or "" when they are. Checks the content:
    the %PDF- header with a version, the trailer's startxref offset, and that the offset
    points at a cross-reference table or stream inside the file."""
    if size == 0:
        return gettext("The file is empty.")
    if size > MAX_ATTACHMENT_BYTES:
        return gettext("The file is larger than 10 MB. Make it smaller and try again.")
    if not re.match(rb"%PDF-[12]\.\d", head):
        return gettext(
            "The file is not a PDF document. Save it as PDF (for example with «Save as PDF» "
            "or «Export to PDF») and try again."
        )
    match = _STARTXREF.search(tail)
    if match is None:
        return gettext("The PDF document is damaged or incomplete. Save it again as PDF.")
    offset = int(match.group(1))
    if offset <= 0 or offset >= size:
        return gettext("The PDF document is damaged or incomplete. Save it again as PDF.")
    at_offset = read_at(offset, 64)
    if not (at_offset.startswith(b"xref") or re.match(rb"\d+\s+\d+\s+obj", at_offset)):
        return gettext("The PDF document is damaged or incomplete. Save it again as PDF.")
    return ""


def check_pdf_upload(upload) -> str:
    """pdf_problem for an uploaded file (read in place, never trusting name or content type)."""
    size = upload.size or 0
    if size > MAX_ATTACHMENT_BYTES:
        return gettext("The file is larger than 10 MB. Make it smaller and try again.")

    def read_at(offset: int, length: int) -> bytes:
        upload.seek(offset)
        return upload.read(length)

    head = read_at(0, 16)
    tail = read_at(max(0, size - 1024), 1024)
    problem = pdf_problem(head=head, tail=tail, size=size, read_at=read_at)
    upload.seek(0)
    return problem


def attachment_add(
    *,
    application: Application,
    actor,
    upload,
    required: RequiredAttachment | None = None,
    now=None,
) -> Attachment:
    now = now or timezone.now()
    problem = check_pdf_upload(upload)
    if problem:
        raise AttachmentRefused(problem)
    if required is not None and required.call_id != application.call_id:
        raise AttachmentRefused(gettext("Choose one of the call's required attachments."))
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update().select_related("call").get(pk=application.pk)
        )
        _check_editable(locked, now)
        name = (upload.name or "dokument.pdf").rsplit("/", 1)[-1][:255]
        attachment = Attachment(
            application=locked,
            required=required,
            original_name=name,
            size=upload.size,
            uploaded_by=actor,
        )
        attachment.file.save(name, upload, save=False)
        attachment.save()
        audit_record(
            actor=actor,
            action="fund.attachment_added",
            obj=locked,
            data={"attachment": attachment.pk, "name": name, "size": upload.size},
        )
    return attachment


def attachment_delete(*, attachment: Attachment, actor, now=None) -> None:
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update()
            .select_related("call")
            .get(pk=attachment.application_id)
        )
        _check_editable(locked, now)
        name = attachment.original_name
        attachment.file.delete(save=False)
        attachment.delete()
        audit_record(actor=actor, action="fund.attachment_deleted", obj=locked, data={"name": name})


def submission_problems(*, application: Application, now=None) -> list[str]:
    """Every reason the application cannot be submitted yet (empty when it can)."""
    return [
        message for message, _anchor in submission_problem_links(application=application, now=now)
    ]


def submission_problem_links(*, application: Application, now=None) -> list[tuple[str, str]]:
    """Every reason the application cannot be submitted yet, each with the id of the input
    (or section) of the application form where it is put right; "" when there is none."""
    now = now or timezone.now()
    call = application.call
    problems: list[tuple[str, str]] = []
    if call.is_closed(now):
        return [(gettext("The deadline for this call has passed."), "")]
    if not call.is_open(now):
        return [(gettext("The call is not open for applications."), "")]
    if application.status != Application.Status.DRAFT:
        return [(gettext("The application has already been submitted."), "")]
    problems += _unsaved_input_problems(application)
    for name, label in (
        ("title", gettext("project title")),
        ("summary", gettext("summary")),
        ("description", gettext("project description")),
        ("need_text", gettext("need addressed")),
    ):
        if not (getattr(application, name) or "").strip():
            problems.append(
                (gettext("Fill in the %(field)s.") % {"field": label}, f"id_app-{name}")
            )
    lines = list(application.budget_lines.all())
    totals = budget_totals(lines=lines)
    if totals["fund"] <= 0:
        problems.append(
            (gettext("Add at least one budget line applied for from the fund."), "budsjett")
        )
    else:
        if call.min_amount and totals["fund"] < call.min_amount:
            problems.append(
                (
                    gettext("The amount applied for, %(amount)s, is below the minimum of %(min)s.")
                    % {"amount": nok(totals["fund"]), "min": nok(call.min_amount)},
                    "budsjett",
                )
            )
        if call.max_amount and totals["fund"] > call.max_amount:
            problems.append(
                (
                    gettext("The amount applied for, %(amount)s, is above the maximum of %(max)s.")
                    % {"amount": nok(totals["fund"]), "max": nok(call.max_amount)},
                    "budsjett",
                )
            )
        if call.cofunding_percent and (
            totals["cofunding"] * 100 < call.cofunding_percent * totals["total"]
        ):
            problems.append(
                (
                    gettext(
                        "Co-funding is %(percent)s %% of the budget; the call requires at least "
                        "%(required)s %%."
                    )
                    % {
                        "percent": format_percent(totals["cofunding_percent"]),
                        "required": call.cofunding_percent,
                    },
                    "budsjett",
                )
            )
    needs_both = call.partner_requirement == Call.PartnerRequirement.MUNICIPAL_AND_ENTREPRENEUR
    if needs_both and not meets_partner_requirement(application=application):
        problems.append(
            (
                gettext(
                    "The call requires a municipal service and a social entrepreneur working "
                    "together: add the missing partner."
                ),
                "partnere",
            )
        )
    attached = {a.required_id for a in application.attachments.all()}
    for required in call.required_attachments.all():
        if required.pk not in attached:
            problems.append(
                (
                    gettext("Attach the required document «%(name)s».") % {"name": required.name},
                    "id_att-required",
                )
            )
    answers = {a.question_id: a.answer for a in application.eligibility_answers.all()}
    for question in call.eligibility_questions.all():
        answer = answers.get(question.pk)
        if answer is None:
            problems.append(
                (
                    gettext("Answer the eligibility question «%(question)s».")
                    % {"question": question.text},
                    f"id_elig-q{question.pk}_0",
                )
            )
        elif question.required_answer and answer != question.required_answer:
            problems.append(
                (
                    gettext(
                        "Your answer to «%(question)s» means the project cannot receive money "
                        "from this call."
                    )
                    % {"question": question.text},
                    f"id_elig-q{question.pk}_0",
                )
            )
    return problems


def _unsaved_input_problems(application: Application) -> list[tuple[str, str]]:
    """Typed input that did not pass its checks is not part of the application: sending it
    without would drop it silently, so each such field or row must be corrected (or emptied)
    first. The anchors are where the form shows it: draft rows follow the saved rows."""
    draft = application.draft_input or {}
    problems = []
    for name in draft.get("fields", {}):
        try:
            label = Application._meta.get_field(name).verbose_name
        except FieldDoesNotExist:  # a field the form no longer has: nothing to show
            continue
        problems.append(
            (
                gettext("What you typed in «%(field)s» is not saved yet: correct it.")
                % {"field": label},
                f"id_app-{name}",
            )
        )
    saved = {
        "partners": (gettext("Partners"), len(application.partners.all())),
        "budget": (gettext("Budget"), len(application.budget_lines.all())),
        "milestones": (gettext("Milestones"), len(application.milestones.all())),
    }
    for key in DRAFT_LISTS:
        section, count = saved[key]
        for number, _row in enumerate(draft.get(key, []), start=count + 1):
            problems.append(
                (
                    gettext(
                        "%(section)s, row %(row)s: what you typed is not saved yet. Correct "
                        "it or empty the row."
                    )
                    % {"section": section, "row": number},
                    f"{key}-row-{number - 1}",
                )
            )
    return problems


MUNICIPAL_TYPES = (OrganisationType.KOMMUNE, OrganisationType.FYLKESKOMMUNE)
ENTREPRENEUR_TYPES = (OrganisationType.SOSIAL_ENTREPRENOR,)


def meets_partner_requirement(*, application: Application) -> bool:
    kinds = set()
    if application.organisation.type in MUNICIPAL_TYPES:
        kinds.add("municipal")
    if application.organisation.type in ENTREPRENEUR_TYPES:
        kinds.add("social_entrepreneur")
    for partner in application.partners.all():
        if partner.kind:
            kinds.add(partner.kind)
        if partner.organisation is not None:
            if partner.organisation.type in MUNICIPAL_TYPES:
                kinds.add("municipal")
            if partner.organisation.type in ENTREPRENEUR_TYPES:
                kinds.add("social_entrepreneur")
    return {"municipal", "social_entrepreneur"} <= kinds


def application_submit(*, application: Application, actor, now=None) -> Application:
    """Checks everything, moves the draft to submitted and mails a receipt after commit."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        fresh = (
            Application.objects.select_related("call", "call__fund", "organisation")
            .prefetch_related("partners__organisation")
            .get(pk=locked.pk)
        )
        problems = submission_problems(application=fresh, now=now)
        if problems:
            raise SubmissionRefused(problems)
        submitted = application_transition(
            application=fresh, to_status=Application.Status.SUBMITTED, actor=actor
        )
        _queue_receipt(application=submitted, actor=actor)
    return submitted


def _queue_receipt(*, application: Application, actor) -> None:
    from apps.accounts.services import email_queue
    from apps.core.mail import in_language_of

    recipients = {actor.email} if getattr(actor, "email", "") else set()
    if application.created_by_id and application.created_by.email:
        recipients.add(application.created_by.email)
    base = site_url()
    context = {
        "application": application,
        "submitted_at": application.submitted_at,
        "url": base + reverse("fund:application-edit", kwargs={"pk": application.pk}),
        "pdf_url": base + reverse("fund:application-receipt", kwargs={"pk": application.pk}),
    }
    for to in sorted(recipients):
        with in_language_of(email=to):
            subject = render_to_string("fund/email/receipt_subject.txt", context)
            body = render_to_string("fund/email/receipt.txt", context)
        email_queue(to=to, subject=subject, body=body)


def application_withdraw(*, application: Application, actor) -> Application:
    return application_transition(
        application=application, to_status=Application.Status.WITHDRAWN, actor=actor
    )


# --- Managers ------------------------------------------------------------------------------


def call_save(*, call: Call, actor) -> Call:
    """Saves a call made or edited by a fund manager (the form has validated it)."""
    created = call.pk is None
    with transaction.atomic():
        call.save()
        audit_record(
            actor=actor,
            action="fund.call_created" if created else "fund.call_changed",
            obj=call,
        )
    return call


def format_percent(value: float) -> str:
    text = f"{value:.1f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


def nok(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0kr"
