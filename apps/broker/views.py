"""Pages of the broker service: needs, entrepreneurs and their offers, and the brokers'
review queue. Views stay thin: rules live in services, selectors and permissions."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.models import Organisation
from apps.accounts.second_factor import require_second_factor
from apps.core.models import Municipality

from . import permissions, selectors, services
from .forms import NeedFilterForm, NeedForm, OfferForm, ProfileFilterForm, ProfileForm, ReviewForm
from .hooks import NEED_DETAIL_PANELS_HOOK, OFFER_DETAIL_PANELS_HOOK, panel_templates
from .models import EntrepreneurProfile, Need, Offer

PER_PAGE = 20

NEED_EXAMPLES = [
    gettext_lazy(
        "Young people in upper secondary school drop out, and no single service follows them "
        "when they leave. We want more of them to complete or to find work."
    ),
    gettext_lazy(
        "Older people living at home with dementia have few meaningful activities in the "
        "daytime, and their relatives are worn out."
    ),
    gettext_lazy(
        "Families who have recently arrived struggle to take part in leisure activities with "
        "their children because of cost, language and not knowing what exists."
    ),
]


def _breadcrumbs(section: str, *extra: tuple[str, str]) -> list[tuple[str, str]]:
    if section == "needs":
        root = (_("Needs"), reverse("broker:need-list"))
    else:
        root = (_("Entrepreneurs"), reverse("broker:entrepreneur-list"))
    return [(_("Home"), "/"), root, *extra]


def _query_without_page(request: HttpRequest) -> str:
    return urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])


# Needs --------------------------------------------------------------------------------------


@require_GET
def need_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    visible_municipalities = Municipality.objects.filter(
        pk__in=selectors.needs_visible_to(user).values("municipality_id")
    ).order_by("name")
    form = NeedFilterForm(
        request.GET or None, municipalities=visible_municipalities, auto_id="filter_%s"
    )
    values = form.values()
    filters = selectors.NeedFilters(
        q=values.get("q", ""),
        sector=values.get("sector", ""),
        target_group=values.get("target_group", ""),
        county=values.get("county", ""),
        municipality=values.get("municipality", ""),
        status=values.get("status", ""),
        cross_sector=bool(values.get("cross_sector")),
        no_clear_owner=bool(values.get("no_clear_owner")),
    )
    paginator = Paginator(selectors.need_cards(user=user, filters=filters), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    expiring = list(selectors.own_needs_expiring(user=user)) if user.is_authenticated else []
    return render(
        request,
        "broker/need_list.html",
        {
            "form": form,
            "filters": values,
            "page_obj": page,
            "needs": list(page.object_list),
            "count": paginator.count,
            "query": _query_without_page(request),
            "expiring": expiring,
            "can_create": permissions.can_create_need(user),
            "breadcrumbs": [(_("Home"), "/"), (_("Needs"), "")],
        },
    )


def _need_or_404(request: HttpRequest, pk: int) -> Need:
    need = selectors.need_for_detail(pk)
    if need is None or not permissions.can_view_need(request.user, need):
        raise Http404
    return need


@require_GET
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need_or_404(request, pk)
    user = request.user
    can_see_matches = permissions.can_broker_need(user, need)
    response = render(
        request,
        "broker/need_detail.html",
        {
            "need": need,
            "can_edit": permissions.can_edit_need(user, need),
            "can_see_matches": can_see_matches,
            "panels": panel_templates(NEED_DETAIL_PANELS_HOOK) if can_see_matches else [],
            "breadcrumbs": _breadcrumbs("needs", (need.title, "")),
        },
    )
    if not need.is_public:
        response["Cache-Control"] = "private, no-store"
    return response


def _need_form_response(
    request, *, form, need=None, warning_words=(), stale=None, status=200
) -> HttpResponse:
    title = _("Edit the need") if need else _("Describe a need")
    crumbs = (
        _breadcrumbs("needs", (need.title, need.get_absolute_url()), (title, ""))
        if need
        else _breadcrumbs("needs", (title, ""))
    )
    return render(
        request,
        "broker/need_form.html",
        {
            "form": form,
            "need": need,
            "page_title": title,
            "examples": NEED_EXAMPLES,
            "warning_words": list(warning_words),
            "stale": stale,
            "error_links": form.error_links() if form.is_bound else [],
            "breadcrumbs": crumbs,
        },
        status=status,
    )


def _need_values(form: NeedForm) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "description": data["description"],
        "affected": data["affected"],
        "tried": data["tried"],
        "outcome": data["outcome"],
        "no_clear_owner": data["no_clear_owner"],
        "budget_min": data["budget_min"],
        "budget_max": data["budget_max"],
        "timeframe": data["timeframe"],
        "status": data["status"],
        "visibility": data["visibility"],
    }


def _nudge(form: NeedForm) -> list[str]:
    """Solution words in the text, unless the person has confirmed them."""
    if form.cleaned_data.get("confirm_solution_words"):
        return []
    return services.solution_words(texts=form.solution_texts())


def _apply_validation_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def need_create(request: HttpRequest) -> HttpResponse:
    organisations = permissions.need_organisations_for(request.user).order_by("name")
    if not organisations.exists():
        raise PermissionDenied
    if request.method != "POST":
        form = NeedForm(organisations=organisations)
        return _need_form_response(request, form=form)
    form = NeedForm(request.POST, organisations=organisations)
    if not form.is_valid():
        return _need_form_response(request, form=form, status=400)
    words = _nudge(form)
    if words:
        return _need_form_response(request, form=form, warning_words=words)
    try:
        need = services.need_create(
            actor=request.user,
            organisation=form.cleaned_data["organisation"],
            sectors=form.cleaned_data["sectors"],
            target_groups=form.cleaned_data["target_groups"],
            **_need_values(form),
        )
    except ValidationError as error:
        _apply_validation_error(form, error)
        return _need_form_response(request, form=form, status=400)
    messages.success(request, _("The need is saved."))
    return redirect(need.get_absolute_url())


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def need_edit(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need_or_404(request, pk)
    if not permissions.can_edit_need(request.user, need):
        raise PermissionDenied
    if request.method != "POST":
        initial = {
            **{name: getattr(need, name) for name in services.NEED_VALUE_FIELDS},
            "sectors": list(need.sectors.all()),
            "target_groups": list(need.target_groups.all()),
            "version": need.version,
        }
        form = NeedForm(initial=initial, editing=True)
        return _need_form_response(request, form=form, need=need)
    form = NeedForm(request.POST, editing=True)
    if not form.is_valid():
        return _need_form_response(request, form=form, need=need, status=400)
    words = _nudge(form)
    if words:
        return _need_form_response(request, form=form, need=need, warning_words=words)
    version = form.cleaned_data.get("version") or 0
    try:
        need = services.need_update(
            actor=request.user,
            need=need,
            version=version,
            sectors=form.cleaned_data["sectors"],
            target_groups=form.cleaned_data["target_groups"],
            **_need_values(form),
        )
    except services.StaleEdit as stale:
        # Keep what the person typed; offer the current version to compare, and let them
        # save again on top of it.
        data = request.POST.copy()
        data["version"] = str(stale.current.version)
        form = NeedForm(data, editing=True)
        form.is_valid()
        return _need_form_response(
            request, form=form, need=stale.current, stale=stale.current, status=409
        )
    except ValidationError as error:
        _apply_validation_error(form, error)
        return _need_form_response(request, form=form, need=need, status=400)
    messages.success(request, _("The need is saved."))
    return redirect(need.get_absolute_url())


@login_required
@require_POST
def need_renew(request: HttpRequest, pk: int) -> HttpResponse:
    need = _need_or_404(request, pk)
    if not permissions.can_edit_need(request.user, need):
        raise PermissionDenied
    need = services.need_renew(actor=request.user, need=need)
    messages.success(
        request,
        _("The need is renewed until %(date)s.") % {"date": need.expires_at.strftime("%d.%m.%Y")},
    )
    return redirect(need.get_absolute_url())


# Entrepreneurs ---------------------------------------------------------------------------


@require_GET
def entrepreneur_list(request: HttpRequest) -> HttpResponse:
    form = ProfileFilterForm(request.GET or None, auto_id="filter_%s")
    values = form.values()
    filters = selectors.ProfileFilters(
        q=values.get("q", ""),
        sector=values.get("sector", ""),
        target_group=values.get("target_group", ""),
        municipality=values.get("municipality", ""),
        maturity=values.get("maturity", ""),
        work_integration=bool(values.get("work_integration")),
    )
    paginator = Paginator(selectors.profiles_filtered(filters=filters), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    user = request.user
    own = list(selectors.organisations_for_profile(user)) if user.is_authenticated else []
    return render(
        request,
        "broker/entrepreneur_list.html",
        {
            "form": form,
            "filters": values,
            "page_obj": page,
            "profiles": list(page.object_list),
            "count": paginator.count,
            "query": _query_without_page(request),
            "own_organisations": own,
            "can_review": permissions.can_review_profiles(user),
            "breadcrumbs": [(_("Home"), "/"), (_("Entrepreneurs"), "")],
        },
    )


def _profile_or_404(request: HttpRequest, slug: str) -> EntrepreneurProfile:
    profile = selectors.profile_for_detail(slug)
    if profile is None or not permissions.can_view_profile(request.user, profile):
        raise Http404
    return profile


@require_GET
def entrepreneur_detail(request: HttpRequest, slug: str) -> HttpResponse:
    profile = _profile_or_404(request, slug)
    user = request.user
    can_edit = permissions.can_edit_profile(user, profile)
    can_review = permissions.can_review_profile(user, profile)
    offers = [o for o in profile.offers.all() if o.active or can_edit or can_review]
    response = render(
        request,
        "broker/entrepreneur_detail.html",
        {
            "profile": profile,
            "organisation": profile.organisation,
            "offers": offers,
            "examples": [page for page in profile.examples.all() if page.live],
            "can_edit": can_edit,
            "can_review": can_review,
            "changes": selectors.profile_changes(profile)
            if (can_edit or can_review) and profile.changes_pending
            else None,
            "review_form": ReviewForm(
                auto_id="review_%s",
                changes=profile.is_public and profile.changes_pending,
            )
            if can_review
            else None,
            "breadcrumbs": _breadcrumbs("entrepreneurs", (profile.organisation.name, "")),
        },
    )
    if not profile.is_public:
        response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_edit_org_profile(request.user, organisation):
        raise PermissionDenied
    profile = EntrepreneurProfile.objects.filter(organisation=organisation).first()
    if request.method == "POST":
        form = ProfileForm(request.POST, organisation=organisation)
        if form.is_valid():
            try:
                saved = services.profile_save(
                    actor=request.user, organisation=organisation, **form.cleaned_data
                )
            except ValidationError as error:
                _apply_validation_error(form, error)
            else:
                if saved.pending_changes:
                    text = _(
                        "The changes are saved and sent to a broker. The approved profile "
                        "stays public until they are approved."
                    )
                else:
                    text = _("The profile is saved. A broker will review it before it is public.")
                messages.success(request, text)
                return redirect("broker:entrepreneur-detail", slug=organisation.slug)
        status = 400
    else:
        initial = {}
        if profile is not None and profile.pending_changes:
            # The waiting version is what the entrepreneur goes on editing.
            initial = dict(profile.pending_changes)
        elif profile is not None:
            initial = {
                "summary": profile.summary,
                "evidence": profile.evidence,
                "area_national": profile.area_national,
                "areas": list(profile.areas.all()),
                "examples": list(profile.examples.all()),
            }
        form = ProfileForm(initial=initial)
        status = 200
    title = _("Profile of %(name)s") % {"name": organisation.name}
    return render(
        request,
        "broker/profile_form.html",
        {
            "form": form,
            "organisation": organisation,
            "profile": profile,
            "page_title": title,
            "error_links": form.error_links() if form.is_bound else [],
            "breadcrumbs": _breadcrumbs("entrepreneurs", (title, "")),
        },
        status=status,
    )


@login_required
@require_POST
def profile_renew(request: HttpRequest, slug: str) -> HttpResponse:
    profile = get_object_or_404(EntrepreneurProfile, organisation__slug=slug)
    if not permissions.can_edit_profile(request.user, profile):
        raise PermissionDenied
    try:
        profile = services.profile_renew(actor=request.user, profile=profile)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The profile is renewed until %(date)s.")
            % {"date": profile.renewal_due.strftime("%d.%m.%Y")},
        )
    return redirect("broker:entrepreneur-detail", slug=slug)


def _offer_form_response(request, *, form, profile, offer, status=200) -> HttpResponse:
    title = _("Edit the offer") if offer else _("New offer")
    return render(
        request,
        "broker/offer_form.html",
        {
            "form": form,
            "profile": profile,
            "offer": offer,
            "page_title": title,
            "error_links": form.error_links() if form.is_bound else [],
            "breadcrumbs": _breadcrumbs(
                "entrepreneurs",
                (profile.organisation.name, profile.get_absolute_url()),
                (title, ""),
            ),
        },
        status=status,
    )


def _save_offer(request, *, profile, offer) -> HttpResponse:
    if not permissions.can_edit_profile(request.user, profile):
        raise PermissionDenied
    if request.method != "POST":
        initial = {"active": True}
        if offer is not None and offer.pending_changes:
            initial = dict(offer.pending_changes)
        elif offer is not None:
            initial = {
                "title": offer.title,
                "description": offer.description,
                "maturity": offer.maturity,
                "area_national": offer.area_national,
                "active": offer.active,
                "sectors": list(offer.sectors.all()),
                "target_groups": list(offer.target_groups.all()),
                "areas": list(offer.areas.all()),
            }
        return _offer_form_response(
            request, form=OfferForm(initial=initial), profile=profile, offer=offer
        )
    form = OfferForm(request.POST)
    if form.is_valid():
        try:
            offer = services.offer_save(
                actor=request.user, profile=profile, offer=offer, **form.cleaned_data
            )
        except ValidationError as error:
            _apply_validation_error(form, error)
        else:
            if offer.pending_changes:
                text = _(
                    "The offer is saved and sent to a broker. What is public now stays "
                    "public until the change is approved."
                )
            else:
                text = _("The offer is saved. A broker will review the profile again.")
            messages.success(request, text)
            return redirect(offer.get_absolute_url())
    return _offer_form_response(request, form=form, profile=profile, offer=offer, status=400)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def offer_create(request: HttpRequest, slug: str) -> HttpResponse:
    profile = get_object_or_404(
        EntrepreneurProfile.objects.select_related("organisation"), organisation__slug=slug
    )
    return _save_offer(request, profile=profile, offer=None)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(Offer.objects.select_related("profile__organisation"), pk=pk)
    return _save_offer(request, profile=offer.profile, offer=offer)


@require_GET
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = (
        Offer.objects.select_related("profile__organisation")
        .prefetch_related("sectors", "target_groups", "areas")
        .filter(pk=pk)
        .first()
    )
    if offer is None:
        raise Http404
    user = request.user
    can_edit = permissions.can_edit_profile(user, offer.profile)
    is_broker = permissions.can_review_profile(user, offer.profile)
    if not (offer.is_public or can_edit or is_broker):
        raise Http404
    show_matches = can_edit or is_broker
    response = render(
        request,
        "broker/offer_detail.html",
        {
            "offer": offer,
            "profile": offer.profile,
            "can_edit": can_edit,
            "panels": panel_templates(OFFER_DETAIL_PANELS_HOOK) if show_matches else [],
            "breadcrumbs": _breadcrumbs(
                "entrepreneurs",
                (offer.profile.organisation.name, offer.profile.get_absolute_url()),
                (offer.title, ""),
            ),
        },
    )
    if not offer.is_public or show_matches:
        response["Cache-Control"] = "private, no-store"
    return response


# Review ----------------------------------------------------------------------------------


@never_cache
@login_required
@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    if not permissions.can_review_profiles(request.user):
        raise PermissionDenied
    # Deciding on other organisations' profiles: a power, so the second factor too.
    require_second_factor(request)
    profiles = selectors.profiles_pending_review(request.user)
    return render(
        request,
        "broker/review_queue.html",
        {
            "profiles": profiles,
            # With each approved profile's waiting changes, as a diff against what is public.
            "rows": [
                (profile, selectors.profile_changes(profile) if profile.changes_pending else None)
                for profile in profiles
            ],
            "breadcrumbs": _breadcrumbs("entrepreneurs", (_("Profiles to review"), "")),
        },
    )


@login_required
@require_POST
def profile_review(request: HttpRequest, slug: str) -> HttpResponse:
    """Approve or reject: national staff, or a broker of a municipality the profile serves;
    anyone else, brokers of other municipalities included, gets 403."""
    if not permissions.can_review_profiles(request.user):
        raise PermissionDenied
    profile = get_object_or_404(
        EntrepreneurProfile.objects.select_related("organisation").prefetch_related(
            "areas", "offers__areas"
        ),
        organisation__slug=slug,
    )
    if not permissions.can_review_profile(request.user, profile):
        raise PermissionDenied
    require_second_factor(request)
    form = ReviewForm(
        request.POST,
        auto_id="review_%s",
        changes=profile.review_status == "approved" and profile.changes_pending,
    )
    if not form.is_valid():
        messages.error(request, " ".join(m for _f, m in form.error_links()))
        return redirect("broker:entrepreneur-detail", slug=slug)
    approve = form.cleaned_data["decision"] == "approve"
    changes = profile.review_status == "approved" and profile.changes_pending
    services.profile_review(
        actor=request.user, profile=profile, approve=approve, note=form.cleaned_data["note"]
    )
    if changes and approve:
        messages.success(request, _("The changes to %(name)s are public.") % {"name": profile})
    elif changes:
        messages.success(
            request,
            _("The changes to %(name)s are returned with your comment.") % {"name": profile},
        )
    elif approve:
        messages.success(request, _("%(name)s is approved and public.") % {"name": profile})
    else:
        messages.success(request, _("%(name)s is rejected; the note is sent.") % {"name": profile})
    return redirect("broker:review-queue")
