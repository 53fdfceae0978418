"""Public views for contributions: forms behind login, POST-only actions, unsubscribe."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.models import User
from apps.blog.models import BlogPostPage
from apps.cookbook.models import RecipePage
from apps.core import ratelimit
from apps.core.clientip import client_ip
from apps.core.models import Sector

from . import selectors, services
from .forms import CommentForm, FrequencyForm, ReportForm, SuggestionForm, TipForm, TriedReportForm
from .models import Comment, NotificationPreference, Status, Tip, TriedReport
from .selectors import is_blocked
from .tasks import unsubscribe_user_id

DEFAULT_LIMIT = (10, 60 * 60)
REPORTABLE = {"tips": Tip, "erfaringer": TriedReport, "kommentarer": Comment}


def _rate_limited(request, window: int):
    return render(request, "contributions/rate_limited.html")


# At most N posts per hour per account and per visitor's address
# (settings.KOKEBOKA_RATELIMITS["contribution"], default 10/hour); beyond that the answer is 429.
contribution_ratelimit = ratelimit.limit_posts(
    "contribution",
    by={"account": lambda request: str(request.user.pk), "address": client_ip},
    default=DEFAULT_LIMIT,
    refuse=_rate_limited,
)


def _recipe(recipe_id: int) -> RecipePage:
    return get_object_or_404(RecipePage.objects.live().public(), pk=recipe_id)


def _refuse_blocked(request) -> None:
    if is_blocked(user=request.user):
        raise PermissionDenied


def _form_errors_from(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for e in errors:
                form.add_error(target, e)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _form_page(request, form, *, submit, done, template: str, context: dict):
    """Every contribution form works the same way: a valid POST calls `submit(cleaned_data)`
    (a service); a ValidationError it raises goes onto the form, so the person sees why and
    keeps what they typed; success answers `done(result)` (a redirect). Otherwise the form is
    shown, with 400 after a refused POST."""
    if request.method == "POST" and form.is_valid():
        try:
            result = submit(form.cleaned_data)
        except ValidationError as error:
            _form_errors_from(form, error)
        else:
            return done(result)
    status = 400 if request.method == "POST" else 200
    return render(request, template, {"form": form, **context}, status=status)


def _submitted(request, recipe, anchor: str):
    """After a tip or a «we tried this»: say whether it is published, back to the recipe."""

    def done(obj) -> HttpResponseRedirect:
        _submitted_message(request, obj)
        return _back(recipe, anchor)

    return done


def _breadcrumbs(recipe) -> list[tuple[str, str]]:
    return [(recipe.title, recipe.url)]


def _back(recipe, anchor: str = "bidrag") -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{recipe.url}#{anchor}")


def _submitted_message(request, obj) -> None:
    if obj.status == Status.PUBLISHED:
        messages.success(request, _("Thank you! Your contribution is published."))
    else:
        messages.success(
            request, _("Thank you! A moderator will look at your contribution before it is shown.")
        )


@login_required
@require_http_methods(["GET", "POST"])
@contribution_ratelimit
def tip_create(request, recipe_id: int):
    recipe = _recipe(recipe_id)
    _refuse_blocked(request)
    return _form_page(
        request,
        TipForm(request.POST or None),
        submit=lambda data: services.tip_submit(
            recipe=recipe, author=request.user, text=data["text"]
        ),
        done=_submitted(request, recipe, "tips"),
        template="contributions/tip_form.html",
        context={"recipe": recipe, "breadcrumbs": _breadcrumbs(recipe)},
    )


@login_required
@require_http_methods(["GET", "POST"])
@contribution_ratelimit
def tried_create(request, recipe_id: int):
    recipe = _recipe(recipe_id)
    _refuse_blocked(request)
    return _form_page(
        request,
        TriedReportForm(request.POST or None),
        submit=lambda data: services.tried_report_submit(
            recipe=recipe,
            author=request.user,
            municipality=data["municipality"],
            year=data["year"],
            outcome=data["outcome"],
            what_we_would_do_differently=data["what_we_would_do_differently"],
        ),
        done=_submitted(request, recipe, "provd"),
        template="contributions/tried_form.html",
        context={"recipe": recipe, "breadcrumbs": _breadcrumbs(recipe)},
    )


@login_required
@require_http_methods(["GET", "POST"])
@contribution_ratelimit
def suggestion_create(request, recipe_id: int):
    recipe = _recipe(recipe_id)
    _refuse_blocked(request)
    step_titles = [b.value["title"] for b in recipe.steps if b.block_type == "step"]

    def done(_suggestion) -> HttpResponseRedirect:
        messages.success(
            request,
            _("Thank you! An editor will review your suggestion and tell you the outcome."),
        )
        return _back(recipe)

    return _form_page(
        request,
        SuggestionForm(request.POST or None, step_titles=step_titles),
        submit=lambda data: services.suggestion_submit(
            recipe=recipe,
            author=request.user,
            field=data["field"],
            step_number=data.get("step_number"),
            text=data["text"],
            reason=data["reason"],
        ),
        done=done,
        template="contributions/suggestion_form.html",
        context={"recipe": recipe, "breadcrumbs": _breadcrumbs(recipe)},
    )


@login_required
@require_POST
@contribution_ratelimit
def tip_useful(request, pk: int):
    tip = get_object_or_404(Tip.objects.published().select_related("recipe"), pk=pk)
    services.tip_mark_useful(tip=tip, user=request.user)
    messages.success(request, _("Thank you for telling us the tip was useful."))
    return _back(tip.recipe, f"tip-{tip.pk}")


@login_required
@require_POST
def follow_toggle(request, recipe_id: int):
    recipe = _recipe(recipe_id)
    following = services.follow_toggle(user=request.user, recipe=recipe)
    if following:
        messages.success(request, _("You follow this recipe. News comes in your summary email."))
    else:
        messages.success(request, _("You no longer follow this recipe."))
    return _back(recipe)


@login_required
@require_POST
def topic_follow_toggle(request, code: str):
    sector = get_object_or_404(Sector, code=code)
    following = services.topic_follow_toggle(user=request.user, sector=sector)
    if following:
        messages.success(
            request,
            _("You follow the topic %(topic)s. News comes in your summary email.")
            % {"topic": sector.display_name},
        )
    else:
        messages.success(
            request, _("You no longer follow the topic %(topic)s.") % {"topic": sector.display_name}
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("contributions:notification-settings")
    return HttpResponseRedirect(target)


@login_required
@require_http_methods(["GET", "POST"])
@contribution_ratelimit
def comment_create(request, post_id: int):
    post = get_object_or_404(BlogPostPage.objects.live().public(), pk=post_id)
    _refuse_blocked(request)

    def done(comment) -> HttpResponseRedirect:
        _submitted_message(request, comment)
        return HttpResponseRedirect(f"{post.url}#kommentarer")

    return _form_page(
        request,
        CommentForm(request.POST or None),
        submit=lambda data: services.comment_submit(
            post=post, author=request.user, text=data["text"]
        ),
        done=done,
        template="contributions/comment_form.html",
        context={"post": post, "breadcrumbs": [(post.title, post.url)]},
    )


@login_required
@require_http_methods(["GET", "POST"])
@contribution_ratelimit
def report_create(request, kind: str, pk: int):
    model = REPORTABLE.get(kind)
    if model is None:
        raise Http404
    obj = get_object_or_404(model.objects.published(), pk=pk)
    target = obj.post if isinstance(obj, Comment) else obj.recipe

    def done(_report) -> HttpResponseRedirect:
        messages.success(request, _("Thank you. A moderator will look at it."))
        return HttpResponseRedirect(target.url)

    return _form_page(
        request,
        ReportForm(request.POST or None),
        submit=lambda data: services.content_report(
            obj=obj, reporter=request.user, reason=data["reason"]
        ),
        done=done,
        template="contributions/report_form.html",
        context={"obj": obj, "target": target, "breadcrumbs": [(target.title, target.url)]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    preference = NotificationPreference.objects.filter(user=request.user).first()
    initial = {"frequency": preference.frequency if preference else "daily"}
    form = FrequencyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.notification_frequency_set(
            user=request.user, frequency=form.cleaned_data["frequency"]
        )
        messages.success(request, _("Your choice is saved."))
        return HttpResponseRedirect(request.path)
    return render(
        request,
        "contributions/notification_settings.html",
        {
            "form": form,
            "recipes": selectors.followed_recipes(user=request.user),
            "topics": Sector.objects.order_by("name"),
            "followed_topics": selectors.followed_topic_ids(user=request.user),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET asks to confirm (mail scanners follow links); POST stops every summary email."""
    user_id = unsubscribe_user_id(token=token)
    user = User.objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return render(request, "contributions/unsubscribe_invalid.html", status=404)
    if request.method == "POST":
        services.notification_frequency_set(
            user=user, frequency=NotificationPreference.Frequency.NEVER
        )
        return render(request, "contributions/unsubscribe_done.html")
    return render(request, "contributions/unsubscribe.html", {"token": token})
