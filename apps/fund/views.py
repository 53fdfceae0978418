"""Pages of the fund: public funds and calls, the applicant's application form, and call
editing for fund managers (in a session verified with the second factor). Views are thin:
rules live in services, reads in selectors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.second_factor import require_second_factor
from apps.core.privatefiles import download_name, private_file_response

from . import selectors, services
from .forms import (
    AnswersForm,
    ApplicationForm,
    AttachmentForm,
    BudgetLineFormSet,
    CallForm,
    CriterionFormSet,
    MilestoneFormSet,
    PartnerFormSet,
    QuestionFormSet,
    RequiredAttachmentFormSet,
    StartApplicationForm,
)
from .models import Application, Call, Fund
from .pdf import receipt_pdf
from .permissions import (
    applicant_organisations,
    can_edit_application,
    can_manage_calls,
    can_open_attachments,
    can_view_application,
    can_withdraw_application,
    is_applicant_member,
)

PER_PAGE = 20


def _crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Home"), "/"), (_("Innovation fund"), reverse("fund:index")), *extra]


def _fund_crumbs(fund: Fund, *extra):
    return _crumbs((fund.name, fund.get_absolute_url()), *extra)


def _error_links(form, *, radios: tuple[str, ...] = (), labelled: bool = False):
    """(message, anchor) pairs for the error summary; `labelled` puts the field's label
    before the message, so a summary or status line says which field is wrong."""
    links = []
    for name, errors in form.errors.items():
        if name == "__all__":
            links += [(message, form.prefix or "form") for message in errors]
            continue
        field = form[name]
        anchor = field.auto_id + ("_0" if name in radios else "")
        for message in errors:
            text = f"{field.label}: {message}" if labelled else message
            links.append((text, anchor))
    return links


def _formset_error_links(formset, section: str) -> list[tuple[str, str]]:
    links = []
    for number, form in enumerate(formset.forms, start=1):
        if _deleting(form):
            continue  # a row being deleted is not checked
        for name, errors in form.errors.items():
            if name == "__all__":
                continue
            label = form.fields[name].label
            for message in errors:
                text = _("%(section)s, row %(row)s, %(field)s: %(message)s") % {
                    "section": section,
                    "row": number,
                    "field": str(label).lower(),
                    "message": message,
                }
                links.append((text, form[name].auto_id))
    return links


# --- Public pages --------------------------------------------------------------------------


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "fund/index.html",
        {
            "funds": list(selectors.funds_public()),
            "open_calls": list(selectors.calls_open()),
            "breadcrumbs": _crumbs(),
        },
    )


def _fund_or_404(slug: str) -> Fund:
    fund = selectors.fund_by_slug(slug=slug)
    if fund is None:
        raise Http404
    return fund


@require_GET
def fund_detail(request: HttpRequest, fund: str) -> HttpResponse:
    fund_obj = _fund_or_404(fund)
    manager = can_manage_calls(request.user, fund_obj)
    now = timezone.now()
    calls = list(selectors.calls_of_fund(fund=fund_obj, include_unpublished=manager))
    return render(
        request,
        "fund/fund_detail.html",
        {
            "fund": fund_obj,
            "open_calls": [c for c in calls if c.is_open(now)],
            "closed_calls": [c for c in calls if c.published and c.is_closed(now)],
            "other_calls": [c for c in calls if not c.is_open(now) and not c.is_closed(now)],
            "can_manage": manager,
            "breadcrumbs": _crumbs((fund_obj.name, fund_obj.get_absolute_url())),
        },
    )


def _call_or_404(request, fund: str, call: str) -> Call:
    call_obj = selectors.call_by_slugs(fund_slug=fund, call_slug=call)
    if call_obj is None:
        raise Http404
    if not call_obj.published and not can_manage_calls(request.user, call_obj.fund):
        raise Http404
    return call_obj


@require_GET
def call_detail(request: HttpRequest, fund: str, call: str) -> HttpResponse:
    call_obj = _call_or_404(request, fund, call)
    now = timezone.now()
    return render(
        request,
        "fund/call_detail.html",
        {
            "call": call_obj,
            "fund": call_obj.fund,
            "is_open": call_obj.is_open(now),
            "is_closed": call_obj.is_closed(now),
            "can_manage": can_manage_calls(request.user, call_obj.fund),
            "criteria": list(call_obj.criteria.all()),
            "questions": list(call_obj.eligibility_questions.all()),
            "required_attachments": list(call_obj.required_attachments.all()),
            "eligible_labels": _eligible_labels(call_obj),
            "breadcrumbs": _fund_crumbs(
                call_obj.fund, (call_obj.title, call_obj.get_absolute_url())
            ),
        },
    )


def _eligible_labels(call: Call) -> list[str]:
    labels = dict(Call.EligibleApplicant.choices)
    return [str(labels[code]) for code in call.eligible_applicants if code in labels]


# --- Starting and listing applications -----------------------------------------------------


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def application_start(request: HttpRequest, fund: str, call: str) -> HttpResponse:
    call_obj = _call_or_404(request, fund, call)
    organisations = applicant_organisations(request.user, call_obj)
    if not organisations:
        raise PermissionDenied
    form = StartApplicationForm(request.POST or None, organisations=organisations)
    now = timezone.now()
    status = 200
    if not call_obj.is_open(now):
        form.add_error(None, _("The call is not open for applications."))
        status = 400 if request.method == "POST" else 200
    elif request.method == "POST":
        if form.is_valid():
            application = services.application_start(
                call=call_obj,
                organisation=form.cleaned_data["organisation"],
                actor=request.user,
                title=form.cleaned_data["title"],
                now=now,
            )
            messages.success(request, _("The draft is created. It is saved as you write."))
            return redirect("fund:application-edit", pk=application.pk)
        status = 400
    return render(
        request,
        "fund/application_start.html",
        {
            "call": call_obj,
            "form": form,
            "errors": _error_links(form) if form.is_bound or form.errors else [],
            "is_open": call_obj.is_open(now),
            "breadcrumbs": _fund_crumbs(
                call_obj.fund,
                (call_obj.title, call_obj.get_absolute_url()),
                (_("Apply"), request.path),
            ),
        },
        status=status,
    )


@never_cache
@login_required
@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.applications_of_user(user=request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    applications = list(page.object_list)
    for application in applications:
        application.project_url = _project_url(application)
    return render(
        request,
        "fund/application_list.html",
        {
            "page_obj": page,
            "applications": applications,
            "breadcrumbs": _crumbs((_("My applications"), reverse("fund:application-list"))),
        },
    )


def _project_url(application: Application) -> str:
    """The project status page of apps.grants once the application is granted."""
    if application.status not in (
        Application.Status.GRANTED,
        Application.Status.IN_PROGRESS,
        Application.Status.COMPLETED,
    ):
        return ""
    try:
        return reverse("grants:project", args=[application.pk])
    except NoReverseMatch:
        return ""


# --- The application form ------------------------------------------------------------------


def _application_or_404(request, pk: int) -> Application:
    application = selectors.application_for_page(pk=pk)
    if application is None or not can_view_application(request.user, application):
        raise Http404
    if not is_applicant_member(request.user, application.organisation_id):
        # Here through the fund manager role: someone else's application, with personal data
        # and attachments, needs the second factor.
        require_second_factor(request)
    return application


ROW_SECTIONS = {"partners": "partnere", "budget": "budsjett", "milestones": "milepaeler"}


def _initial_forms(application: Application, *, add_row: str = "") -> dict:
    """The forms as stored; `add_row` ("partners", "budget" or "milestones") gives that list
    one more empty row (the Add row button without JavaScript)."""
    answers = {a.question_id: a.answer for a in application.eligibility_answers.all()}
    questions = list(application.call.eligibility_questions.all())
    forms = {
        "form": ApplicationForm(
            initial={
                "version": application.version,
                "title": application.title,
                "summary": application.summary,
                "description": application.description,
                "sector": application.sector_id,
                "need_text": application.need_text,
                "need": application.need_id,
                "collaboration": application.collaboration_id,
            },
            prefix="app",
            organisation=application.organisation,
        ),
        "partners": PartnerFormSet(
            initial=[
                {"name": p.name, "kind": p.kind, "role": p.role, "org_number": p.org_number}
                for p in application.partners.all()
            ],
            prefix="partners",
        ),
        "budget": BudgetLineFormSet(
            initial=[
                {"cost_type": b.cost_type, "year": b.year, "amount": b.amount, "source": b.source}
                for b in application.budget_lines.all()
            ],
            prefix="budget",
        ),
        "milestones": MilestoneFormSet(
            initial=[
                {
                    "title": m.title,
                    "due_date": m.due_date,
                    "amount": m.amount,
                    "description": m.description,
                }
                for m in application.milestones.all()
            ],
            prefix="milestones",
        ),
        "answers": AnswersForm(
            initial={f"q{pk}": answer for pk, answer in answers.items()},
            questions=questions,
            prefix="elig",
        ),
    }
    if add_row in ROW_SECTIONS:
        forms[add_row].extra += 1
    return forms


def _bound_forms(application: Application, data, *, add_row: str = "") -> dict:
    questions = list(application.call.eligibility_questions.all())
    if add_row in ROW_SECTIONS:
        data = data.copy()
        key = f"{add_row}-TOTAL_FORMS"
        count = str(data.get(key, "0"))
        if count.isdigit():
            data[key] = str(int(count) + 1)
    return {
        "form": ApplicationForm(data, prefix="app", organisation=application.organisation),
        "partners": PartnerFormSet(data, prefix="partners"),
        "budget": BudgetLineFormSet(data, prefix="budget"),
        "milestones": MilestoneFormSet(data, prefix="milestones"),
        "answers": AnswersForm(data, questions=questions, prefix="elig"),
    }


def _all_errors(forms: dict) -> list[tuple[str, str]]:
    radios = tuple(forms["answers"].fields)
    links = _error_links(forms["form"], labelled=True)
    links += _formset_error_links(forms["partners"], _("Partners"))
    links += _formset_error_links(forms["budget"], _("Budget"))
    links += _formset_error_links(forms["milestones"], _("Milestones"))
    links += _error_links(forms["answers"], radios=radios, labelled=True)
    return links


def _rows(formset) -> list[dict]:
    return [row for form in formset.forms if (row := form.row()) is not None]


def _valid_rows(formset) -> list[dict]:
    """The rows that passed their checks. A row with an error is not stored: it stays in
    the page, marked, until it is corrected or removed."""
    formset.is_valid()
    rows = []
    for form in formset.forms:
        if form.is_valid() and (row := form.row()) is not None:
            rows.append(row)
    return rows


def _valid_fields(form) -> dict:
    """The application fields that passed their checks (an invalid one keeps its stored
    value)."""
    form.is_valid()
    return {
        name: value
        for name, value in form.cleaned_data.items()
        if name != "version" and name not in form.errors
    }


def _deleting(form) -> bool:
    """Whether a bound row is marked for deletion (its errors no longer matter)."""
    if not form.is_bound or "DELETE" not in form.fields:
        return False
    form.errors  # noqa: B018 - runs the checks, which fill cleaned_data
    return bool(form.cleaned_data.get("DELETE"))


def _kept_rows(formset) -> list:
    """The rows of a bound formset that are not marked for deletion."""
    return [form for form in formset.forms if not _deleting(form)]


def _typed(form, name: str) -> str:
    """What was typed in a bound field, as typed (the model keeps only what is valid)."""
    value = form[name].data
    return "" if value is None else str(value)


def _draft_of(forms: dict) -> dict:
    """What was typed and did not pass its checks, for Application.draft_input: each
    invalid field of the project form, and each row with an error whole (its valid inputs
    too, since the row is not stored). Rows being deleted are left out."""
    form = forms["form"]
    draft: dict = {}
    fields = {
        name: _typed(form, name)
        for name in form.errors
        if name in form.fields and name != "version"
    }
    if fields:
        draft["fields"] = fields
    for key in services.DRAFT_LISTS:
        rows = [
            {name: _typed(row, name) for name in row.fields if name != "DELETE"}
            for row in _kept_rows(forms[key])
            if row.errors
        ]
        if rows:
            draft[key] = rows
    return draft


def _stored_rows(application: Application) -> dict[str, list[dict]]:
    """The saved rows as a form posts them (text), for _forms_with_draft."""
    return {
        "partners": [
            {"name": p.name, "kind": p.kind, "role": p.role, "org_number": p.org_number}
            for p in application.partners.all()
        ],
        "budget": [
            {
                "cost_type": b.cost_type,
                "year": str(b.year),
                "amount": str(b.amount),
                "source": b.source,
            }
            for b in application.budget_lines.all()
        ],
        "milestones": [
            {
                "title": m.title,
                "due_date": m.due_date.isoformat(),
                "amount": str(m.amount),
                "description": m.description,
            }
            for m in application.milestones.all()
        ],
    }


def _forms_with_draft(application: Application, *, add_row: str = "") -> dict:
    """The forms bound to what is stored with the unsaved input on top (its rows after the
    saved ones), so the invalid input shows as typed with its messages, as right after the
    save that kept it."""
    draft = application.draft_input or {}
    typed = draft.get("fields", {})
    data = QueryDict(mutable=True)
    data["app-version"] = str(application.version)
    stored = {
        "title": application.title,
        "summary": application.summary,
        "description": application.description,
        "sector": application.sector_id,
        "need_text": application.need_text,
        "need": application.need_id,
        "collaboration": application.collaboration_id,
    }
    for name, value in stored.items():
        value = typed.get(name, value)
        data[f"app-{name}"] = "" if value is None else str(value)
    extra = {"partners": PartnerFormSet, "budget": BudgetLineFormSet}
    extra["milestones"] = MilestoneFormSet
    for key, saved in _stored_rows(application).items():
        rows = saved + [row for row in draft.get(key, []) if isinstance(row, dict)]
        data[f"{key}-TOTAL_FORMS"] = str(len(rows) + extra[key].extra)
        data[f"{key}-INITIAL_FORMS"] = "0"
        for index, row in enumerate(rows):
            for name, value in row.items():
                data[f"{key}-{index}-{name}"] = value
    for answer in application.eligibility_answers.all():
        data[f"elig-q{answer.question_id}"] = answer.answer
    return _bound_forms(application, data, add_row=add_row)


def _render_form(
    request,
    application: Application,
    forms: dict,
    *,
    attachment_form: AttachmentForm | None = None,
    conflict: Application | None = None,
    alert: str = "",
    status: int = 200,
) -> HttpResponse:
    bound = forms["form"].is_bound
    errors = _all_errors(forms) if bound else []
    attachment_form = attachment_form or AttachmentForm(call=application.call, prefix="att")
    if attachment_form.is_bound:
        errors += _error_links(attachment_form)
    if bound and forms["budget"].is_valid():
        totals = selectors.budget_totals(lines=_rows(forms["budget"]))
    else:
        totals = selectors.budget_totals(lines=application.budget_lines.all())
    attachments = list(application.attachments.all())
    attached = {a.required_id for a in attachments}
    call = application.call
    return render(
        request,
        "fund/application_form.html",
        {
            "application": application,
            "call": call,
            **forms,
            "attachment_form": attachment_form,
            "attachments": attachments,
            "required_missing": [
                r for r in call.required_attachments.all() if r.pk not in attached
            ],
            "errors": errors,
            "totals": totals,
            "conflict": conflict,
            "conflict_lists": _conflict_lists(conflict) if conflict else None,
            "alert": alert,
            "deadline": call.deadline,
            "breadcrumbs": _crumbs(
                (_("My applications"), reverse("fund:application-list")),
                (application.title, application.get_absolute_url()),
            ),
        },
        status=status,
    )


def _conflict_lists(current: Application) -> dict:
    return {
        "partners": list(current.partners.all()),
        "budget": list(current.budget_lines.all()),
        "milestones": list(current.milestones.all()),
    }


def _render_detail(request, application: Application, *, status: int = 200) -> HttpResponse:
    answers = {a.question_id: a for a in application.eligibility_answers.all()}
    return render(
        request,
        "fund/application_detail.html",
        {
            "application": application,
            "call": application.call,
            "totals": selectors.budget_totals(lines=application.budget_lines.all()),
            "questions": [
                (q, answers.get(q.pk)) for q in application.call.eligibility_questions.all()
            ],
            "attachments": list(application.attachments.all()),
            "can_withdraw": can_withdraw_application(request.user, application),
            "has_receipt": application.submitted_at is not None,
            "breadcrumbs": _crumbs(
                (_("My applications"), reverse("fund:application-list")),
                (application.title, application.get_absolute_url()),
            ),
        },
        status=status,
    )


def _wants_json(request) -> bool:
    return request.headers.get("X-Autosave") == "1"


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application_or_404(request, pk)
    if not can_edit_application(request.user, application):
        if request.method == "POST":
            if _wants_json(request):
                return JsonResponse(
                    {"ok": False, "message": services._locked_message()}, status=403
                )
            raise PermissionDenied
        return _render_detail(request, application)
    if request.method == "GET":
        add_row = request.GET.get("rad", "")
        if application.draft_input:
            # Input that did not pass its checks last time is shown again as typed, marked.
            return _render_form(
                request,
                application,
                _forms_with_draft(application, add_row=add_row),
                alert=_(
                    "Some of what you typed could not be saved as it is. It is kept below as "
                    "you typed it; correct the fields marked."
                ),
            )
        return _render_form(request, application, _initial_forms(application, add_row=add_row))
    add_row = request.POST.get("add_row", "")
    forms = _bound_forms(application, request.POST, add_row=add_row)
    checked = [f.is_valid() for f in forms.values()]  # every form checked, none skipped
    valid = all(checked)
    version_field = forms["form"]["version"]
    if "version" in forms["form"].errors:
        # Only a tampered or broken page lacks its version: nothing can be saved safely.
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": _("Reload the page.")}, status=400)
        return _render_form(request, application, forms, status=400)
    # Every field and row that passed its checks is saved, whatever else is wrong; what did
    # not pass stays in the page as typed, marked with its message.
    try:
        saved = services.application_save(
            application=application,
            actor=request.user,
            version=int(version_field.value()),
            fields=_valid_fields(forms["form"]),
            partners=_valid_rows(forms["partners"]),
            budget_lines=_valid_rows(forms["budget"]),
            milestones=_valid_rows(forms["milestones"]),
            answers=forms["answers"].answers(),
            draft=_draft_of(forms),
        )
    except services.StaleVersion as error:
        if _wants_json(request):
            return JsonResponse(
                {"ok": False, "conflict": True, "message": error.message}, status=409
            )
        current = selectors.application_for_page(pk=application.pk)
        post = request.POST.copy()
        post["app-version"] = str(current.version)
        return _render_form(
            request,
            current,
            _bound_forms(current, post),
            conflict=current,
            alert=error.message,
            status=409,
        )
    except services.ApplicationLocked as error:
        if _wants_json(request):
            return JsonResponse({"ok": False, "message": error.message}, status=403)
        raise PermissionDenied from error
    errors = [] if valid else _all_errors(forms)
    if _wants_json(request):
        totals = selectors.budget_totals(lines=saved.budget_lines.all())
        time = timezone.localtime(saved.updated_at).strftime("%H.%M")
        if errors:
            message = _(
                "Saved at %(time)s. What you typed in the fields with errors is kept as typed "
                "but is not part of the application until corrected:"
            ) % {"time": time}
        else:
            message = _("Saved at %(time)s.") % {"time": time}
        return JsonResponse(
            {
                "ok": True,
                "version": saved.version,
                "message": message,
                "errors": [{"message": text, "id": anchor} for text, anchor in errors],
                "fields": _field_errors(forms),
                "totals": totals,
            }
        )
    if errors:
        # The page again with what was typed; the version is the one just saved, so the
        # next save is not taken for someone else's.
        post = request.POST.copy()
        post["app-version"] = str(saved.version)
        if add_row in ROW_SECTIONS:
            post[f"{add_row}-TOTAL_FORMS"] = forms[add_row].total_form_count()
        return _render_form(
            request,
            saved,
            _bound_forms(saved, post),
            alert=_(
                "Saved. What you typed in the fields marked below is kept as typed but is not "
                "part of the application until corrected."
            ),
            status=400,
        )
    messages.success(request, _("The application is saved."))
    url = reverse("fund:application-edit", kwargs={"pk": application.pk})
    if add_row in ROW_SECTIONS:
        return redirect(f"{url}?rad={add_row}#{ROW_SECTIONS[add_row]}")
    return redirect(url)


def _field_errors(forms: dict) -> list[dict]:
    """Each field in error with its input's id and messages, for the autosave script to
    mark inline (the same marks the page has after a save without JavaScript)."""
    items = []
    bound = [forms["form"], *_kept_rows(forms["partners"]), *_kept_rows(forms["budget"])]
    bound += [*_kept_rows(forms["milestones"]), forms["answers"]]
    for form in bound:
        for name, messages_ in form.errors.items():
            if name in form.fields:
                items.append({"id": form[name].auto_id, "messages": list(messages_)})
    return items


@never_cache
@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application_or_404(request, pk)
    if not can_edit_application(request.user, application):
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES, call=application.call, prefix="att")
    if form.is_valid():
        try:
            services.attachment_add(
                application=application,
                actor=request.user,
                upload=form.cleaned_data["file"],
                required=form.cleaned_data["required"],
            )
        except services.AttachmentRefused as error:
            form.add_error("file", error.message)
        except services.ApplicationLocked as error:
            raise PermissionDenied from error
        else:
            messages.success(request, _("The attachment is uploaded."))
            return redirect(reverse("fund:application-edit", kwargs={"pk": pk}) + "#vedlegg")
    return _render_form(
        request, application, _initial_forms(application), attachment_form=form, status=400
    )


@never_cache
@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment: int) -> HttpResponse:
    application = _application_or_404(request, pk)
    if not can_edit_application(request.user, application):
        raise PermissionDenied
    item = next((a for a in application.attachments.all() if a.pk == attachment), None)
    if item is None:
        raise Http404
    try:
        services.attachment_delete(attachment=item, actor=request.user)
    except services.ApplicationLocked as error:
        raise PermissionDenied from error
    messages.success(request, _("The attachment is deleted."))
    return redirect(reverse("fund:application-edit", kwargs={"pk": pk}) + "#vedlegg")


@never_cache
@login_required
@require_GET
def attachment_download(request: HttpRequest, pk: int, attachment: int) -> HttpResponse:
    application = selectors.application_for_page(pk=pk)
    if application is None or not can_open_attachments(request.user, application):
        raise Http404
    if not is_applicant_member(request.user, application.organisation_id):
        # A manager or an assigned reviewer opening someone else's file: second factor.
        require_second_factor(request)
    item = next((a for a in application.attachments.all() if a.pk == attachment), None)
    if item is None:
        raise Http404
    # The only way to a private file: checked above. Only PDFs are accepted, so the download
    # is named .pdf whatever the uploaded name said.
    return private_file_response(
        item.file,
        filename=download_name(item.original_name, extension=".pdf"),
        content_type="application/pdf",
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def application_submit(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application_or_404(request, pk)
    if not can_edit_application(request.user, application):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        try:
            services.application_submit(application=application, actor=request.user)
        except services.SubmissionRefused:
            status = 400

        else:
            messages.success(
                request,
                _("The application is submitted. A receipt is on its way to your email."),
            )
            return redirect("fund:application-edit", pk=pk)
    return render(
        request,
        "fund/application_submit.html",
        {
            "application": application,
            "call": application.call,
            "problems": _problem_links(application),
            "totals": selectors.budget_totals(lines=application.budget_lines.all()),
            "breadcrumbs": _crumbs(
                (_("My applications"), reverse("fund:application-list")),
                (application.title, application.get_absolute_url()),
                (_("Submit"), request.path),
            ),
        },
        status=status,
    )


def _problem_links(application: Application) -> list[tuple[str, str]]:
    """The submission checklist for the shared error summary: each problem links to the
    input of the application form where it is put right."""
    url = application.get_absolute_url()
    return [
        (message, f"{url}#{anchor}" if anchor else url)
        for message, anchor in services.submission_problem_links(application=application)
    ]


@never_cache
@login_required
@require_POST
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application_or_404(request, pk)
    if not can_withdraw_application(request.user, application):
        raise PermissionDenied
    services.application_withdraw(application=application, actor=request.user)
    messages.success(request, _("The application is withdrawn."))
    return redirect("fund:application-list")


@never_cache
@login_required
@require_GET
def application_receipt(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application_or_404(request, pk)
    if application.submitted_at is None:
        raise Http404
    response = HttpResponse(receipt_pdf(application=application), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="soknad-{application.reference}.pdf"'
    return response


# --- Call editing for fund managers --------------------------------------------------------


def _call_formsets(data, call: Call):
    return {
        "criteria": CriterionFormSet(data, instance=call, prefix="criteria"),
        "questions": QuestionFormSet(data, instance=call, prefix="questions"),
        "attachments": RequiredAttachmentFormSet(data, instance=call, prefix="required"),
    }


def _call_edit(request: HttpRequest, fund_obj: Fund, call_obj: Call | None) -> HttpResponse:
    if not can_manage_calls(request.user, fund_obj):
        raise PermissionDenied
    require_second_factor(request)
    instance = call_obj or Call(fund=fund_obj)
    data = request.POST if request.method == "POST" else None
    form = CallForm(data, instance=instance, fund=fund_obj)
    formsets = _call_formsets(data, instance)
    status = 200
    if request.method == "POST":
        valid = form.is_valid() and all(fs.is_valid() for fs in formsets.values())
        if valid:
            with transaction.atomic():
                saved = services.call_save(call=form.save(commit=False), actor=request.user)
                for formset in formsets.values():
                    formset.instance = saved
                    formset.save()
            messages.success(request, _("The call is saved."))
            return redirect(saved.get_absolute_url())
        status = 400
    errors = _error_links(form, radios=("partner_requirement", "eligible_applicants"))
    errors += _formset_error_links(formsets["criteria"], _("Criteria"))
    errors += _formset_error_links(formsets["questions"], _("Eligibility questions"))
    errors += _formset_error_links(formsets["attachments"], _("Required attachments"))
    title = _("Edit call") if call_obj else _("New call")
    return render(
        request,
        "fund/call_form.html",
        {
            "fund": fund_obj,
            "call": call_obj,
            "form": form,
            **formsets,
            "errors": errors,
            "page_title": title,
            "breadcrumbs": _fund_crumbs(fund_obj, (title, request.path)),
        },
        status=status,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def call_create(request: HttpRequest, fund: str) -> HttpResponse:
    return _call_edit(request, _fund_or_404(fund), None)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def call_edit(request: HttpRequest, fund: str, call: str) -> HttpResponse:
    fund_obj = _fund_or_404(fund)
    call_obj = Call.objects.filter(fund=fund_obj, slug=call).first()
    if call_obj is None:
        raise Http404
    return _call_edit(request, fund_obj, call_obj)
