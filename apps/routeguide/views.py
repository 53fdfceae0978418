"""The route guide's pages: three GET steps that work without JavaScript, the answer at a
shareable URL, and feedback on the answer (POST)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from apps.core import clientip
from apps.core.siteaddress import site_url
from apps.rules.selectors import today_oslo

from . import services
from .documents import DOCX_TYPE, TEMPLATES, build_docx
from .engine import Nok
from .forms import (
    LAST_STEP,
    STEPS,
    FeedbackForm,
    SituationForm,
    canonical_query,
    carried_answers,
)
from .selectors import answer_for, differences_today, recipes_for
from .signals import answer_shown
from .steps import steps_for
from .vocabulary import Authority, OnMarket, Provider, Purpose, Service, YesNo

STEP_TITLES = {
    1: gettext_lazy("What you want to do"),
    2: gettext_lazy("Value and kind of purchase"),
    3: gettext_lazy("Who, and when"),
}


def step_url(step: int) -> str:
    if step == 1:
        return reverse("routeguide:start")
    return reverse("routeguide:step", args=[step])


def _error_links(form: SituationForm, step: int) -> list[tuple[str, str]]:
    """(message, anchor) for the error summary; a radio group is reached at its first
    option."""
    links = []
    for name in STEPS[step]:
        if name not in form.fields or name not in form.errors:
            continue
        field = form[name]
        radios = isinstance(field.field.widget, forms.RadioSelect)
        anchor = f"{field.auto_id}_0" if radios else field.auto_id
        links += [(message, anchor) for message in form.errors[name]]
    return links


def _render_step(
    request: HttpRequest, step: int, data: QueryDict, *, bound: SituationForm | None = None
) -> HttpResponse:
    form = bound if bound is not None else SituationForm(initial=data.dict(), steps=(step,))
    purpose = data.get("purpose")
    shown = [name for name in STEPS[step] if name in form.fields]
    if step == LAST_STEP:
        if purpose != Purpose.GRANT:
            shown.remove("counter_performance")
        if purpose != Purpose.RD and data.get("service") != Service.RD:
            shown.remove("benefits_shared")
    errors = _error_links(form, step) if bound is not None else []
    back = step_url(step - 1) + "?" + data.urlencode() if step > 1 else ""
    context = {
        "step": step,
        "steps": list(STEP_TITLES.items()),
        "step_title": STEP_TITLES[step],
        "last_step": LAST_STEP,
        "form": form,
        "fields": {name: form[name] for name in shown},
        "hidden": carried_answers(data, exclude=tuple(shown)),
        "action": reverse("routeguide:answer") if step == LAST_STEP else step_url(step + 1),
        "back_url": back,
        "errors": errors,
        "purpose": purpose,
        "breadcrumbs": [(_("Home"), "/"), (_("Route guide"), reverse("routeguide:start"))],
    }
    return render(request, "routeguide/step.html", context)


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    return _render_step(request, 1, request.GET)


@require_safe
def step(request: HttpRequest, step: int) -> HttpResponse:
    if step not in STEPS or step == 1:
        raise Http404
    earlier = SituationForm(request.GET, steps=tuple(range(1, step)))
    if not earlier.is_valid():
        return _render_step(request, earlier.first_invalid_step, request.GET, bound=earlier)
    return _render_step(request, step, request.GET)


def _summary(situation) -> list[tuple[str, str]]:
    if situation.value is not None:
        value = _("NOK %(value)s") % {"value": Nok(situation.value)}
    elif situation.annual_value is not None:
        value = _("NOK %(annual)s a year for %(years)s years") % {
            "annual": Nok(situation.annual_value),
            "years": situation.years,
        }
    else:
        value = _("Not given")
    rows = [
        (_("What you want to do"), Purpose(situation.purpose).label),
        (_("Value"), value),
        (_("Kind of purchase"), Service(situation.service).label),
        (_("Who you want to work with"), Provider(situation.provider).label),
        (_("Who is buying"), Authority(situation.authority).label),
        (_("On the market today"), OnMarket(situation.on_market).label),
    ]
    if situation.counter_performance:
        rows.append(
            (_("Something delivered in return"), YesNo(situation.counter_performance).label)
        )
    if situation.benefits_shared:
        rows.append((_("Results or costs shared"), YesNo(situation.benefits_shared).label))
    return [(str(label), str(answer)) for label, answer in rows]


# Service types that are easy to confuse: the answer offers the others side by side.
COMPARABLE_SERVICES = (Service.HEALTH_SOCIAL, Service.SPECIAL, Service.ORDINARY)


def _compare_links(situation, *, dated: bool) -> list[tuple[str, str]]:
    """(label, url) of the answers for the other easily confused service types."""
    from dataclasses import replace

    if situation.service not in COMPARABLE_SERVICES:
        return []
    path = reverse("routeguide:answer")
    return [
        (
            str(Service(other).label),
            f"{path}?{canonical_query(replace(situation, service=other), dated=dated)}",
        )
        for other in COMPARABLE_SERVICES
        if other != situation.service
    ]


def template_url(slug: str, query: str) -> str:
    return f"{reverse('routeguide:template', args=[slug])}?{query}"


def _plan(answer, query: str) -> list[dict]:
    """The step plan with, for each step, the (label, url) of the templates it needs; the
    links carry the answer's query, so the template is filled in from the same answer."""
    return [
        {
            "step": step,
            "downloads": [
                (TEMPLATES[slug].label, template_url(slug, query)) for slug in step.templates
            ],
        }
        for step in steps_for(answer)
    ]


def _save_url(situation) -> str:
    """The page in the collaborations app where a logged-in member saves the answer (a
    plain link: the answer page holds no form with a CSRF token and stays cacheable). The
    answer is saved with its date, so the saved link shows what would be different later."""
    return f"{reverse('collaborations:save-answer')}?{canonical_query(situation, dated=True)}"


def _render_answer(
    request: HttpRequest,
    form: SituationForm,
    *,
    status: int = 200,
) -> HttpResponse:
    today = today_oslo()
    situation = form.situation(today=today)
    answer = answer_for(situation=situation)
    dated = form.cleaned_data.get("date") is not None
    query = canonical_query(situation, dated=dated)
    answer_path = reverse("routeguide:answer")
    context = {
        "answer": answer,
        "situation": situation,
        "summary": _summary(situation),
        "is_today": situation.on == today,
        "today": today,
        "differences_today": differences_today(answer=answer, today=today),
        "today_url": f"{answer_path}?{canonical_query(situation, dated=False)}",
        "query": query,
        "dated_url": f"{answer_path}?{canonical_query(situation, dated=True)}",
        "share_url": request.build_absolute_uri(f"{answer_path}?{query}"),
        "change_url": f"{reverse('routeguide:start')}?{query}",
        "recipes": recipes_for(answer=answer, request=request),
        "steps": _plan(answer, query),
        "save_url": _save_url(situation),
        "compare_links": _compare_links(situation, dated=dated),
        "feedback_form": FeedbackForm(),
        "breadcrumbs": [
            (_("Home"), "/"),
            (_("Route guide"), reverse("routeguide:start")),
            (_("Answer"), f"{answer_path}?{query}"),
        ],
    }
    return render(request, "routeguide/answer.html", context, status=status)


@require_safe
def answer(request: HttpRequest) -> HttpResponse:
    form = SituationForm(request.GET)
    if not form.is_valid():
        return _render_step(request, form.first_invalid_step or 1, request.GET, bound=form)
    situation = form.situation(today=today_oslo())
    query = canonical_query(situation, dated=form.cleaned_data.get("date") is not None)
    if request.META.get("QUERY_STRING", "") != query:
        # One situation, one shareable URL: drop empty fields and unknown parameters.
        return redirect(f"{reverse('routeguide:answer')}?{query}")
    # Counted by insights (apps/insights/signals.py); repeats served by the page cache are
    # sent from apps/routeguide/tally.py.
    answer_shown.send(sender=SituationForm, situation=situation)
    return _render_answer(request, form)


def _render_feedback(
    request: HttpRequest,
    situation_form: SituationForm,
    form: FeedbackForm,
    *,
    feedback_error: str = "",
    status: int = 200,
) -> HttpResponse:
    """The feedback page: the whole form, with its CSRF token, apart from the answer page so
    that the answer page stays cacheable."""
    situation = situation_form.situation(today=today_oslo())
    query = canonical_query(situation, dated=situation_form.cleaned_data.get("date") is not None)
    answer_url = f"{reverse('routeguide:answer')}?{query}"
    context = {
        "answer": answer_for(situation=situation),
        "query": query,
        "answer_url": answer_url,
        "feedback_form": form,
        "feedback_error": feedback_error,
        "breadcrumbs": [
            (_("Home"), "/"),
            (_("Route guide"), reverse("routeguide:start")),
            (_("Answer"), answer_url),
            (_("Feedback on the answer"), reverse("routeguide:feedback")),
        ],
    }
    return render(request, "routeguide/feedback.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    situation_form = SituationForm(QueryDict(data.get("query", "")))
    if not situation_form.is_valid():
        messages.error(request, _("We could not tell which answer the feedback was about."))
        return redirect("routeguide:start")
    if request.method != "POST":
        # From the answer page's GET form: the yes/no chosen there is kept.
        helpful = data.get("helpful")
        initial = {"helpful": helpful} if helpful in ("yes", "no") else {}
        return _render_feedback(request, situation_form, FeedbackForm(initial=initial))
    client_ip = clientip.client_ip(request)
    form = FeedbackForm(request.POST)
    if not services.feedback_allowed(client_ip=client_ip):
        return _rate_limited(request, situation_form, form)
    if not form.is_valid():
        return _render_feedback(request, situation_form, form, status=400)
    situation = situation_form.situation(today=today_oslo())
    query = canonical_query(situation, dated=situation_form.cleaned_data.get("date") is not None)
    try:
        services.feedback_submit(
            helpful=form.cleaned_data["helpful"],
            comment=form.cleaned_data["comment"],
            query_string=query,
            regime=answer_for(situation=situation).regime or "",
            client_ip=client_ip,
        )
    except services.FeedbackRateLimited:
        return _rate_limited(request, situation_form, form)
    messages.success(request, _("Thank you for your feedback."))
    return redirect(f"{reverse('routeguide:answer')}?{query}#feedback")


def _rate_limited(
    request: HttpRequest, situation_form: SituationForm, form: FeedbackForm
) -> HttpResponse:
    return _render_feedback(
        request,
        situation_form,
        form,
        feedback_error=_(
            "You have sent a lot of feedback in a short time. Please try again in an hour."
        ),
        status=429,
    )


@require_safe
def template(request: HttpRequest, slug: str) -> HttpResponse:
    """A template prefilled from the answer in the query. Bounded work (one answer and a
    document of fixed size) at one canonical URL per situation, so the page cache keeps it
    for anonymous visitors like the answer page."""
    kind = TEMPLATES.get(slug)
    if kind is None:
        raise Http404
    form = SituationForm(request.GET)
    if not form.is_valid():
        return redirect(f"{reverse('routeguide:answer')}?{request.GET.urlencode()}")
    today = today_oslo()
    situation = form.situation(today=today)
    query = canonical_query(situation, dated=form.cleaned_data.get("date") is not None)
    if request.META.get("QUERY_STRING", "") != query:
        return redirect(template_url(slug, query))
    answer = answer_for(situation=situation)
    content = build_docx(
        kind,
        answer,
        language=request.LANGUAGE_CODE,
        answer_url=site_url(f"{reverse('routeguide:answer')}?{query}"),
        today=today,
    )
    response = HttpResponse(content, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{kind.filename(answer)}"'
    return response
