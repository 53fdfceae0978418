"""Pages of the collaborations: the person's own list, the broker's board and table, the
introduction, and a collaboration's page with its forms (POST, then redirect). Every page
needs a login; a collaboration the person may not see is not found (404), so that its
existence does not leak."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.core.forms import error_links

from . import selectors, services
from .forms import (
    CollaborationEditForm,
    ConsentForm,
    EndForm,
    IntroductionForm,
    LogEntryForm,
    PipelineFilterForm,
    RecipeForm,
    ReopenForm,
    RouteGuideForm,
    SaveAnswerForm,
    StageForm,
)
from .models import Collaboration
from .permissions import (
    Viewer,
    can_consent_to_example,
    can_end,
    can_introduce,
    can_publish_example,
    can_reopen,
    can_see_pipeline,
    can_view,
    can_work_on,
    is_broker_of,
    viewer_for,
)
from .routeguide_links import NotARouteGuideAnswer, answer_url, dated_answer_query
from .stages import Stage, is_final


def _breadcrumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Home"), "/"), (_("Collaborations"), reverse("collaborations:mine")), *extra]


def _collaboration(request: HttpRequest, pk: int) -> tuple[Collaboration, Viewer]:
    viewer = viewer_for(request.user)
    collaboration = selectors.collaboration_for_detail(pk)
    if collaboration is None or not can_view(viewer, collaboration):
        raise Http404
    return collaboration, viewer


def _allowed_hosts(request: HttpRequest) -> set[str]:
    return {request.get_host()}


# Lists -------------------------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    collaborations = list(selectors.collaborations_of(viewer=viewer))
    return render(
        request,
        "collaborations/mine.html",
        {
            "collaborations": collaborations,
            "can_see_pipeline": can_see_pipeline(viewer),
            "breadcrumbs": _breadcrumbs(),
        },
    )


def _pipeline_context(request: HttpRequest, *, sort: str = "") -> tuple[Viewer, dict, object]:
    viewer = viewer_for(request.user)
    if not can_see_pipeline(viewer):
        raise PermissionDenied
    organisations = selectors.pipeline_organisations(viewer=viewer)
    form = PipelineFilterForm.from_query(request.GET, organisations=organisations, sort=sort)
    organisation_id = form.organisation_id()
    qs = selectors.pipeline(viewer=viewer, organisation_id=organisation_id)
    context = {
        "filter_form": form,
        "show_filter": len(organisations) > 1,
        "organisation_id": organisation_id,
    }
    return viewer, context, qs


@never_cache
@login_required
@require_GET
def board(request: HttpRequest) -> HttpResponse:
    _viewer, context, qs = _pipeline_context(request)
    context.update(
        {
            "columns": selectors.board_columns(qs),
            "breadcrumbs": _breadcrumbs((_("Board"), reverse("collaborations:board"))),
        }
    )
    return render(request, "collaborations/board.html", context)


@never_cache
@login_required
@require_GET
def table(request: HttpRequest) -> HttpResponse:
    _viewer, context, qs = _pipeline_context(request, sort=request.GET.get("sort", "")[:40])
    sort, descending = selectors.parse_sort(request.GET.get("sort"))
    base = request.GET.copy()
    base.pop("sort", None)
    headers = []
    for key, label in (
        ("title", _("Collaboration")),
        ("municipality", _("Municipality")),
        ("entrepreneur", _("Social entrepreneur")),
        ("stage", _("Stage")),
        ("time", _("Time in stage")),
        ("updated", _("Last change")),
    ):
        active = key == sort
        query = base.copy()
        query["sort"] = f"-{key}" if active and not descending else key
        headers.append(
            {
                "label": label,
                "url": "?" + query.urlencode(),
                "aria_sort": (("descending" if descending else "ascending") if active else "none"),
                "active": active,
            }
        )
    context.update(
        {
            "rows": selectors.table_rows(qs, sort=sort, descending=descending),
            "headers": headers,
            "breadcrumbs": _breadcrumbs((_("Table"), reverse("collaborations:table"))),
        }
    )
    return render(request, "collaborations/table.html", context)


# Introduction ------------------------------------------------------------------------------


def _introduction_parties(request: HttpRequest):
    from apps.broker.models import Need, Offer

    source = request.POST if request.method == "POST" else request.GET
    try:
        need_id, offer_id = int(source.get("need", "")), int(source.get("offer", ""))
    except ValueError as error:
        raise Http404 from error
    need = get_object_or_404(Need.objects.select_related("organisation__municipality"), pk=need_id)
    offer = get_object_or_404(
        Offer.objects.public().select_related("profile__organisation__municipality"), pk=offer_id
    )
    return need, offer


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def introduce(request: HttpRequest) -> HttpResponse:
    need, offer = _introduction_parties(request)
    if not can_introduce(viewer_for(request.user), need):
        raise PermissionDenied
    existing = need.introductions.filter(offer=offer).select_related("collaboration").first()
    if existing is not None:
        messages.info(request, _("These parties have already been introduced for this need."))
        return redirect(existing.collaboration)
    if request.method == "POST":
        form = IntroductionForm(request.POST)
        if form.is_valid():
            try:
                introduction = services.collaboration_introduce(
                    need=need,
                    offer=offer,
                    introduced_by=request.user,
                    message=form.cleaned_data["message"],
                    site_url=request.build_absolute_uri("/"),
                )
            except services.AlreadyIntroduced as error:
                messages.info(request, str(error))
                return redirect(error.collaboration)
            messages.success(request, _("The parties are introduced and have been sent an email."))
            return redirect(introduction.collaboration)
        status = 400
    else:
        form = IntroductionForm(
            initial={
                "message": _(
                    "Hello! I think you should talk together. %(municipality)s has described "
                    "the need «%(need)s», and %(entrepreneur)s offers «%(offer)s». "
                    "Could you find a time to meet within a few weeks?"
                )
                % {
                    "municipality": need.organisation.name,
                    "need": need.title,
                    "entrepreneur": offer.profile.organisation.name,
                    "offer": offer.title,
                }
            }
        )
        status = 200
    return render(
        request,
        "collaborations/introduce.html",
        {
            "need": need,
            "offer": offer,
            "form": form,
            "errors": error_links(form) if form.is_bound else [],
            "breadcrumbs": _breadcrumbs((_("Introduce"), request.get_full_path())),
        },
        status=status,
    )


# Detail ------------------------------------------------------------------------------------


def _render_detail(
    request: HttpRequest,
    collaboration: Collaboration,
    viewer: Viewer,
    *,
    stage_form: StageForm | None = None,
    log_form: LogEntryForm | None = None,
    recipe_form: RecipeForm | None = None,
    routeguide_form: RouteGuideForm | None = None,
    reopen_form: ReopenForm | None = None,
    status: int = 200,
) -> HttpResponse:
    from django.utils import timezone

    recipe_choices = selectors.recipe_choices(collaboration)
    forms = {
        "stage_form": stage_form or StageForm(initial={"version": collaboration.version}),
        "log_form": log_form or LogEntryForm(initial={"date": timezone.localdate()}),
        "recipe_form": recipe_form or RecipeForm(queryset=recipe_choices),
        "routeguide_form": routeguide_form or RouteGuideForm(),
        "reopen_form": reopen_form or ReopenForm(initial={"version": collaboration.version}),
    }
    errors = []
    for form in forms.values():
        if form.is_bound:
            errors += error_links(form)
    context = {
        "collaboration": collaboration,
        "stage_label": Stage(collaboration.stage).label,
        "next_stages": selectors.allowed_next_stages(collaboration),
        "is_final": is_final(collaboration.stage),
        "history": selectors.stage_history(collaboration),
        "log": selectors.log_entries(collaboration),
        "recipes": selectors.recipes_used(collaboration),
        "has_recipe_choices": recipe_choices.exists(),
        "routeguide_answers": selectors.routeguide_links(collaboration),
        "fund_applications": selectors.fund_applications(collaboration),
        "can_work_on": can_work_on(viewer, collaboration),
        "is_broker": is_broker_of(viewer, collaboration),
        "can_publish": can_publish_example(viewer, collaboration),
        "can_end": can_end(viewer, collaboration),
        "can_reopen": can_reopen(viewer, collaboration),
        "reopen_to": (
            Stage(services.stage_before_end(collaboration) or Stage.DIALOG).label
            if can_reopen(viewer, collaboration)
            else None
        ),
        "can_consent": can_consent_to_example(viewer, collaboration),
        "example_state": selectors.example_state(collaboration),
        "consent_requested_at": (
            selectors.consent_requested_at(collaboration)
            if is_broker_of(viewer, collaboration) or can_consent_to_example(viewer, collaboration)
            else None
        ),
        "errors": errors,
        "breadcrumbs": _breadcrumbs((collaboration.title, collaboration.get_absolute_url())),
        **forms,
    }
    return render(request, "collaborations/detail.html", context, status=status)


@never_cache
@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, viewer = _collaboration(request, pk)
    return _render_detail(request, collaboration, viewer)


def _working(request: HttpRequest, pk: int) -> tuple[Collaboration, Viewer]:
    collaboration, viewer = _collaboration(request, pk)
    if not can_work_on(viewer, collaboration):
        raise PermissionDenied
    return collaboration, viewer


@never_cache
@login_required
@require_POST
def change_stage(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, viewer = _working(request, pk)
    form = StageForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, collaboration, viewer, stage_form=form, status=400)
    try:
        services.collaboration_change_stage(
            collaboration=collaboration,
            to_stage=form.cleaned_data["to_stage"],
            changed_by=request.user,
            version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
        )
    except services.CollaborationError as error:
        messages.error(request, str(error))
        return redirect(collaboration)
    messages.success(
        request,
        _("The collaboration is now in the stage %(stage)s.")
        % {"stage": Stage(form.cleaned_data["to_stage"]).label},
    )
    return redirect(collaboration)


@never_cache
@login_required
@require_POST
def add_log_entry(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, viewer = _working(request, pk)
    form = LogEntryForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, collaboration, viewer, log_form=form, status=400)
    services.log_entry_add(collaboration=collaboration, author=request.user, **form.cleaned_data)
    messages.success(request, _("Added to the log."))
    return redirect(reverse("collaborations:detail", args=[pk]) + "#logg")


@never_cache
@login_required
@require_POST
def add_recipe(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, viewer = _working(request, pk)
    form = RecipeForm(request.POST, queryset=selectors.recipe_choices(collaboration))
    if not form.is_valid():
        return _render_detail(request, collaboration, viewer, recipe_form=form, status=400)
    services.collaboration_recipe_add(
        collaboration=collaboration, recipe=form.cleaned_data["recipe"], actor=request.user
    )
    messages.success(request, _("The recipe is added."))
    return redirect(reverse("collaborations:detail", args=[pk]) + "#oppskrifter")


@never_cache
@login_required
@require_POST
def remove_recipe(request: HttpRequest, pk: int, recipe_pk: int) -> HttpResponse:
    collaboration, _viewer = _working(request, pk)
    recipe = get_object_or_404(collaboration.recipes.all(), pk=recipe_pk)
    services.collaboration_recipe_remove(
        collaboration=collaboration, recipe=recipe, actor=request.user
    )
    messages.success(request, _("The recipe is removed."))
    return redirect(reverse("collaborations:detail", args=[pk]) + "#oppskrifter")


@never_cache
@login_required
@require_POST
def add_routeguide_answer(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, viewer = _working(request, pk)
    form = RouteGuideForm(request.POST)
    if form.is_valid():
        try:
            services.collaboration_routeguide_add(
                collaboration=collaboration,
                url=form.cleaned_data["url"],
                actor=request.user,
                allowed_hosts=_allowed_hosts(request),
            )
        except (NotARouteGuideAnswer, services.CollaborationError) as error:
            form.add_error("url", str(error))
    if not form.is_valid():
        return _render_detail(request, collaboration, viewer, routeguide_form=form, status=400)
    messages.success(request, _("The route-guide answer is added."))
    return redirect(reverse("collaborations:detail", args=[pk]) + "#veiviser")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def save_answer(request: HttpRequest) -> HttpResponse:
    """«Save to a collaboration» from a route-guide answer: the answer page links here with
    its query (a plain GET, so the answer page stays cacheable), and this page asks which
    of the person's collaborations to save it to (POST with CSRF). Only a party to the
    collaboration may save to it; any other collaboration is not found (404)."""
    from apps.routeguide.selectors import answer_for
    from apps.rules.selectors import today_oslo

    viewer = viewer_for(request.user)
    posted = request.method == "POST"
    raw_query = request.POST.get("query", "") if posted else request.META.get("QUERY_STRING", "")
    try:
        query, situation = dated_answer_query(raw_query, today=today_oslo())
    except NotARouteGuideAnswer as error:
        messages.error(request, str(error))
        return redirect("routeguide:start")
    collaborations = list(selectors.collaborations_of(viewer=viewer))
    status = 200
    if posted:
        chosen = request.POST.get("collaboration", "")
        collaboration = None
        if chosen.isdigit():
            collaboration = selectors.collaboration_for_detail(int(chosen))
            if collaboration is None or not can_work_on(viewer, collaboration):
                raise Http404
        form = SaveAnswerForm(request.POST, collaborations=collaborations)
        if form.is_valid() and collaboration is not None:
            try:
                services.collaboration_routeguide_save(
                    collaboration=collaboration, query=query, actor=request.user
                )
            except (NotARouteGuideAnswer, services.CollaborationError) as error:
                form.add_error("collaboration", str(error))
            else:
                messages.success(
                    request, _("The answer is saved to the collaboration with its date.")
                )
                return redirect(
                    reverse("collaborations:detail", args=[collaboration.pk]) + "#veiviser"
                )
        status = 400
    else:
        form = SaveAnswerForm(initial={"query": query}, collaborations=collaborations)
    answer = answer_for(situation=situation)
    return render(
        request,
        "collaborations/save_answer.html",
        {
            "form": form,
            "errors": error_links(form) if form.is_bound else [],
            "has_collaborations": bool(collaborations),
            "answer": answer,
            "situation": situation,
            "answer_url": answer_url(query),
            "breadcrumbs": _breadcrumbs(
                (_("Save a route-guide answer"), reverse("collaborations:save-answer"))
            ),
        },
        status=status,
    )


@never_cache
@login_required
@require_POST
def remove_routeguide_answer(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, _viewer = _working(request, pk)
    services.collaboration_routeguide_remove(
        collaboration=collaboration, query=request.POST.get("query", ""), actor=request.user
    )
    messages.success(request, _("The route-guide answer is removed."))
    return redirect(reverse("collaborations:detail", args=[pk]) + "#veiviser")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, _viewer = _working(request, pk)
    status = 200
    if request.method == "POST":
        form = CollaborationEditForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.collaboration_update(
                    collaboration=collaboration, actor=request.user, version=version, **data
                )
            except services.StaleVersion as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The changes are saved."))
                return redirect(collaboration)
        status = 409 if form.non_field_errors() else 400
    else:
        form = CollaborationEditForm.for_collaboration(collaboration)
    return render(
        request,
        "collaborations/edit.html",
        {
            "collaboration": collaboration,
            "form": form,
            "errors": error_links(form) if form.is_bound else [],
            "breadcrumbs": _breadcrumbs(
                (collaboration.title, collaboration.get_absolute_url()),
                (_("Edit"), reverse("collaborations:edit", args=[pk])),
            ),
        },
        status=status,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def end(request: HttpRequest, pk: int) -> HttpResponse:
    """The confirmation page for ending a collaboration: nothing ends until the person has
    said how it ended and what came of it and pressed the button here (works without
    JavaScript; the stage buttons on the collaboration page only lead here)."""
    collaboration, viewer = _working(request, pk)
    if not can_end(viewer, collaboration):
        messages.info(request, _("This collaboration is already finished."))
        return redirect(collaboration)
    status = 200
    if request.method == "POST":
        form = EndForm(request.POST)
        if form.is_valid():
            try:
                services.collaboration_end(
                    collaboration=collaboration,
                    ended_by=request.user,
                    version=form.cleaned_data["version"],
                    outcome_kind=form.cleaned_data["outcome_kind"],
                    outcome=form.cleaned_data["outcome"],
                )
            except services.CollaborationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The collaboration is finished."))
                return redirect(collaboration)
        status = 409 if form.non_field_errors() else 400
    else:
        form = EndForm(initial={"version": collaboration.version, "outcome": collaboration.outcome})
    return render(
        request,
        "collaborations/end.html",
        {
            "collaboration": collaboration,
            "stage_label": Stage(collaboration.stage).label,
            "form": form,
            "errors": error_links(form) if form.is_bound else [],
            "breadcrumbs": _breadcrumbs(
                (collaboration.title, collaboration.get_absolute_url()),
                (_("End"), reverse("collaborations:end", args=[pk])),
            ),
        },
        status=status,
    )


@never_cache
@login_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, viewer = _collaboration(request, pk)
    if not is_broker_of(viewer, collaboration):
        raise PermissionDenied
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, collaboration, viewer, reopen_form=form, status=400)
    try:
        current = services.collaboration_reopen(
            collaboration=collaboration,
            reopened_by=request.user,
            version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
    except services.CollaborationError as error:
        messages.error(request, str(error))
        return redirect(collaboration)
    messages.success(
        request,
        _("The collaboration is reopened and back in the stage %(stage)s.")
        % {"stage": Stage(current.stage).label},
    )
    return redirect(collaboration)


@never_cache
@login_required
@require_POST
def consent(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, viewer = _collaboration(request, pk)
    if collaboration.entrepreneur_org_id not in viewer.org_ids:
        raise PermissionDenied
    form = ConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reload the page and try again."))
        return redirect(reverse("collaborations:detail", args=[pk]) + "#eksempel")
    try:
        services.example_consent_give(
            collaboration=collaboration,
            actor=request.user,
            version=form.cleaned_data["version"],
        )
    except services.CollaborationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Thank you. The broker can now send the example to the editors for review."),
        )
    return redirect(reverse("collaborations:detail", args=[pk]) + "#eksempel")


@never_cache
@login_required
@require_POST
def consent_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, viewer = _collaboration(request, pk)
    if collaboration.entrepreneur_org_id not in viewer.org_ids:
        raise PermissionDenied
    try:
        services.example_consent_withdraw(collaboration=collaboration, actor=request.user)
    except services.CollaborationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The consent is withdrawn."))
    return redirect(reverse("collaborations:detail", args=[pk]) + "#eksempel")


@never_cache
@login_required
@require_POST
def consent_request(request: HttpRequest, pk: int) -> HttpResponse:
    """A broker asks the entrepreneur's admins, by mail, to consent to the example."""
    collaboration, viewer = _collaboration(request, pk)
    if not is_broker_of(viewer, collaboration):
        raise PermissionDenied
    try:
        sent = services.example_consent_request(
            collaboration=collaboration,
            actor=request.user,
            site_url=request.build_absolute_uri("/"),
        )
    except services.CollaborationError as error:
        messages.error(request, str(error))
    else:
        if sent:
            messages.success(
                request,
                _("The social entrepreneur's admins are asked by email to consent."),
            )
        else:
            messages.info(
                request,
                _("The social entrepreneur has already been asked to consent to these texts."),
            )
    return redirect(reverse("collaborations:detail", args=[pk]) + "#eksempel")


@never_cache
@login_required
@require_POST
def publish_example(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, viewer = _collaboration(request, pk)
    if not is_broker_of(viewer, collaboration):
        raise PermissionDenied
    try:
        case = services.collaboration_publish_example(
            collaboration=collaboration, actor=request.user
        )
    except services.CollaborationError as error:
        messages.error(request, str(error))
        return redirect(reverse("collaborations:detail", args=[pk]) + "#eksempel")
    messages.success(
        request,
        _(
            "The example «%(title)s» is sent to the editors. It is published when an editor "
            "has reviewed it."
        )
        % {"title": case.title},
    )
    return redirect(reverse("collaborations:detail", args=[pk]) + "#eksempel")
