"""Pages of the dialogue meetings. Public pages with a form are never cached, since the
form carries the visitor's own CSRF token; organiser and editor pages need a login and a
session verified with the second factor."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.second_factor import require_second_factor
from apps.core.clientip import client_ip
from apps.core.csvsafe import csv_response, safe_cell
from apps.core.forms import error_links

from . import selectors, services
from .formatting import event_when, format_date, format_datetime, format_time, oslo
from .forms import ConvertToCaseForm, InputForm, MessageForm, RegistrationForm
from .models import Event, Input, InputStatus, Registration, RegistrationStatus, Role
from .permissions import can_organise, can_review_inputs
from .ratelimit import submission_allowed
from .structured import calendar_for, event_schema, json_ld

PAST_PER_PAGE = 20
UPCOMING_PER_PAGE = 20
ATTENDEES_PER_PAGE = 50
EXPORT_CHUNK = 500
UPCOMING_PAGE_PARAM = "kommende"
CALENDAR_NAME = "Kokeboka – dialogmøter"


def _breadcrumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Home"), "/"), (_("Dialogue meetings"), reverse("events:list")), *extra]


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    """Upcoming and past meetings, each paged on its own («kommende» and «page»), since both
    lists grow with every meeting held or planned."""
    now = timezone.now()
    upcoming_count, past_count = selectors.list_counts(now=now)
    upcoming_pages = Paginator(selectors.events_upcoming(now=now), UPCOMING_PER_PAGE)
    upcoming_pages.count = upcoming_count  # known already: no COUNT per list
    upcoming = upcoming_pages.get_page(request.GET.get(UPCOMING_PAGE_PARAM))
    past = Paginator(selectors.events_past(now=now), PAST_PER_PAGE)
    past.count = past_count
    page = past.get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_list.html",
        {
            "upcoming": list(upcoming.object_list),
            "upcoming_page": upcoming,
            "upcoming_param": UPCOMING_PAGE_PARAM,
            "past_page": page,
            "past": list(page.object_list),
            "breadcrumbs": _breadcrumbs(),
        },
    )


def _public_event(request: HttpRequest, slug: str) -> Event:
    """A published meeting; organisers also see their drafts."""
    event = selectors.event_public(slug=slug)
    if event is None:
        event = selectors.event_any(slug=slug)
        if event is None or not can_organise(request.user, event):
            raise Http404
    return event


def _render_event(
    request: HttpRequest,
    event: Event,
    *,
    registration_form: RegistrationForm | None = None,
    input_form: InputForm | None = None,
    alert: str = "",
    alert_for: str = "",
    status: int = 200,
) -> HttpResponse:
    now = timezone.now()
    registration_form = registration_form or RegistrationForm()
    input_form = input_form or InputForm()
    context = {
        "event": event,
        "when": event_when(event),
        "date": format_date(event.start),
        "deadline": format_datetime(event.registration_deadline),
        "agenda": [(format_time(item.time), item) for item in event.agenda_items.all()],
        "speakers": list(event.speakers.all()),
        "registration_open": event.registration_open(now),
        "has_started": event.has_started(now),
        "has_ended": event.has_ended(now),
        "seats_left": event.seats_left,
        "converted": selectors.converted_inputs(event=event),
        "registration_form": registration_form,
        "registration_errors": error_links(registration_form) if registration_form.is_bound else [],
        "input_form": input_form,
        "input_errors": error_links(input_form) if input_form.is_bound else [],
        "alert": alert,
        "alert_for": alert_for,
        "jsonld": json_ld(event_schema(event, now=now)),
        "video": event.video if event.has_ended(now) else None,
        "can_organise": can_organise(request.user, event),
        "can_review": can_review_inputs(request.user),
        "breadcrumbs": _breadcrumbs((event.title, event.get_absolute_url())),
    }
    return render(request, "events/event_detail.html", context, status=status)


@never_cache
@require_GET
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_event(request, _public_event(request, slug))


def _rate_limited_message() -> str:
    return _("You have sent many forms in a short time. Please wait an hour and try again.")


@never_cache
@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = _public_event(request, slug)
    form = RegistrationForm(request.POST)
    if not submission_allowed(kind="registration", client_ip=client_ip(request)):
        return _render_event(
            request,
            event,
            registration_form=form,
            alert=_rate_limited_message(),
            alert_for="registration",
            status=429,
        )
    if not form.is_valid():
        return _render_event(request, event, registration_form=form, status=400)
    data = form.cleaned_data
    try:
        services.registration_submit(
            event=event,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            role=data["role"],
            dietary_needs=data["dietary_needs"],
            accessibility_needs=data["accessibility_needs"],
        )
    except services.RegistrationClosed as error:
        form.add_error(None, error.message)
        return _render_event(request, event, registration_form=form, status=400)
    # The same answer whether the address was new or already registered: the mail tells
    # its owner which, so the form tells no one else (issue 19).
    return redirect("events:registration-sent", slug=event.slug)


@never_cache
@require_GET
def registration_sent(request: HttpRequest, slug: str) -> HttpResponse:
    event = _public_event(request, slug)
    return render(
        request,
        "events/registration_sent.html",
        {
            "event": event,
            "breadcrumbs": _breadcrumbs(
                (event.title, event.get_absolute_url()),
                (_("Check your email"), reverse("events:registration-sent", args=[event.slug])),
            ),
        },
    )


@never_cache
@require_POST
def submit_input(request: HttpRequest, slug: str) -> HttpResponse:
    event = _public_event(request, slug)
    form = InputForm(request.POST)
    if not submission_allowed(kind="input", client_ip=client_ip(request)):
        return _render_event(
            request,
            event,
            input_form=form,
            alert=_rate_limited_message(),
            alert_for="input",
            status=429,
        )
    if not form.is_valid():
        return _render_event(request, event, input_form=form, status=400)
    data = form.cleaned_data
    try:
        services.input_submit(
            event=event,
            kind=data["kind"],
            title=data["title"],
            text=data["text"],
            author_name=data["author_name"],
            author_email=data["author_email"],
            author=request.user if request.user.is_authenticated else None,
            recipe=data["recipe"],
            chapter=data["chapter"],
            topic=data["topic"],
            municipality_code=data["municipality_code"],
        )
    except services.InputNotAllowed as error:
        form.add_error(None, error.message)
        return _render_event(request, event, input_form=form, status=400)
    messages.success(
        request,
        _("Thank you for your input. The editors read every contribution."),
    )
    return redirect(event.get_absolute_url() + "#input")


def _registration_by_token(token: str) -> Registration:
    registration = Registration.objects.select_related("event").filter(cancel_token=token).first()
    if registration is None:
        raise Http404
    return registration


@never_cache
@require_GET
def receipt(request: HttpRequest, token: str) -> HttpResponse:
    registration = _registration_by_token(token)
    event = registration.event
    return render(
        request,
        "events/receipt.html",
        {
            "registration": registration,
            "event": event,
            "when": event_when(event),
            "waiting_place": registration.waiting_place(),
            "role": Role(registration.role).label,
            "breadcrumbs": _breadcrumbs(
                (event.title, event.get_absolute_url()),
                (_("Your registration"), registration.get_receipt_url()),
            ),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = _registration_by_token(token)
    event = registration.event
    error = ""
    if request.method == "POST":
        try:
            registration, _promoted = services.registration_cancel(token=token)
        except services.CancellationClosed as refusal:
            error = refusal.message
        else:
            messages.success(request, _("Your registration is cancelled."))
            return redirect(registration.get_cancel_url())
    return render(
        request,
        "events/cancel.html",
        {
            "registration": registration,
            "event": event,
            "when": event_when(event),
            "has_started": event.has_started(),
            "error": error,
            "breadcrumbs": _breadcrumbs(
                (event.title, event.get_absolute_url()),
                (_("Cancel registration"), registration.get_cancel_url()),
            ),
        },
        status=400 if error else 200,
    )


def _calendar_response(content: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def event_ical(request: HttpRequest, slug: str) -> HttpResponse:
    event = _public_event(request, slug)
    return _calendar_response(
        calendar_for([event], name=event.title), filename=f"{event.slug}.ics", attachment=True
    )


@require_GET
def calendar_feed(request: HttpRequest) -> HttpResponse:
    return _calendar_response(
        calendar_for(selectors.events_upcoming(), name=CALENDAR_NAME),
        filename="kalender.ics",
        attachment=False,
    )


def _organised_event(request: HttpRequest, slug: str) -> Event:
    event = selectors.event_any(slug=slug)
    if event is None:
        raise Http404
    if not can_organise(request.user, event):
        raise PermissionDenied
    # Attendees' names, addresses and dietary and accessibility needs: not on a password alone.
    require_second_factor(request)
    return event


def _private(response: HttpResponse) -> HttpResponse:
    # Personal data: never stored by shared caches or kept by the browser.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def attendees(request: HttpRequest, slug: str) -> HttpResponse:
    event = _organised_event(request, slug)
    counts = selectors.attendee_counts(event=event)
    # One page at a time: a national meeting can have hundreds of sign-ups (the CSV export
    # has them all). Confirmed rows come first, so a waiting row's place on the waiting list
    # is its place in the whole list less the confirmed ones.
    paginator = Paginator(selectors.attendees(event=event), ATTENDEES_PER_PAGE)
    paginator.count = counts.total  # every active sign-up is confirmed or waiting
    page = paginator.get_page(request.GET.get("side"))
    first_index = page.start_index()
    listed = [
        {
            "registration": row,
            "role": Role(row.role).label,
            "status": RegistrationStatus(row.status).label,
            "waiting_place": first_index + offset - counts.confirmed if row.is_waiting else None,
            "registered": format_datetime(row.created_at),
        }
        for offset, row in enumerate(page.object_list)
    ]
    return _private(
        render(
            request,
            "events/attendees.html",
            {
                "event": event,
                "when": event_when(event),
                "rows": listed,
                "page_obj": page,
                "confirmed": counts.confirmed,
                "waiting": counts.waiting,
                "breadcrumbs": _breadcrumbs(
                    (event.title, event.get_absolute_url()),
                    (_("Attendees"), reverse("events:attendees", args=[event.slug])),
                ),
            },
        )
    )


def attendee_rows(rows: Iterable[Registration]) -> Iterator[list[str]]:
    yield [
        _("Name"),
        _("Email address"),
        _("Organisation"),
        _("Role"),
        _("Status"),
        _("Place on the waiting list"),
        _("Dietary needs"),
        _("Accessibility needs"),
        _("Registered"),
    ]
    place = 0
    for row in rows:
        if row.is_waiting:
            place += 1
        yield [
            safe_cell(row.name),
            safe_cell(row.email),
            safe_cell(row.organisation),
            str(Role(row.role).label),
            str(RegistrationStatus(row.status).label),
            str(place) if row.is_waiting else "",
            safe_cell(row.dietary_needs),
            safe_cell(row.accessibility_needs),
            oslo(row.created_at).strftime("%Y-%m-%d %H:%M"),
        ]


@login_required
@require_GET
def attendees_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    event = _organised_event(request, slug)
    # Read in chunks while the response streams: memory stays flat however many sign up.
    rows = selectors.attendees(event=event).iterator(chunk_size=EXPORT_CHUNK)
    # Semicolons, because Excel set up for Norwegian reads commas as decimal marks; the
    # byte order mark makes it read the file as UTF-8 (æ, ø, å).
    # Names and needs come from visitors: the one formula-safe CSV download writes every cell.
    response = csv_response(
        attendee_rows(rows),
        filename=f"deltakere-{event.slug}-{oslo(timezone.now()):%Y-%m-%d}.csv",
        delimiter=";",
    )
    return _private(response)


@login_required
@require_http_methods(["GET", "POST"])
def message_attendees(request: HttpRequest, slug: str) -> HttpResponse:
    event = _organised_event(request, slug)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = services.event_message_attendees(
            event=event,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            sender=request.user,
        )
        messages.success(
            request,
            _("The message is being sent to %(count)s attendees.") % {"count": sent},
        )
        return redirect("events:attendees", slug=event.slug)
    return _private(
        render(
            request,
            "events/message.html",
            {
                "event": event,
                "form": form,
                "errors": error_links(form) if form.is_bound else [],
                "recipients": event.confirmed_total,
                "breadcrumbs": _breadcrumbs(
                    (event.title, event.get_absolute_url()),
                    (_("Attendees"), reverse("events:attendees", args=[event.slug])),
                    (_("Message to attendees"), reverse("events:message", args=[event.slug])),
                ),
            },
            status=400 if form.is_bound else 200,
        )
    )


def _reviewed_event(request: HttpRequest, slug: str) -> Event:
    event = selectors.event_any(slug=slug)
    if event is None:
        raise Http404
    if not can_review_inputs(request.user):
        raise PermissionDenied
    require_second_factor(request)
    return event


@login_required
@require_GET
def review_inputs(request: HttpRequest, slug: str) -> HttpResponse:
    event = _reviewed_event(request, slug)
    return _private(
        render(
            request,
            "events/review_inputs.html",
            {
                "event": event,
                "items": selectors.inputs_for_review(event=event),
                "statuses": InputStatus,
                "breadcrumbs": _breadcrumbs(
                    (event.title, event.get_absolute_url()),
                    (_("Input"), reverse("events:review-inputs", args=[event.slug])),
                ),
            },
        )
    )


def _event_input(event: Event, pk: int) -> Input:
    item = Input.objects.filter(event=event, pk=pk).first()
    if item is None:
        raise Http404
    return item


@login_required
@require_POST
def convert_input_to_case(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _reviewed_event(request, slug)
    item = _event_input(event, pk)
    form = ConvertToCaseForm(request.POST)
    back = reverse("events:review-inputs", args=[event.slug]) + f"#input-{item.pk}"
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("municipality_code", [])))
        return redirect(back)
    try:
        item = services.input_convert_to_case(
            item=item,
            reviewer=request.user,
            municipality_code=form.cleaned_data["municipality_code"],
        )
    except services.InputNotAllowed as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(request, item.converted_to_description)
    return redirect(back)


@login_required
@require_POST
def convert_input_to_tip(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _reviewed_event(request, slug)
    item = _event_input(event, pk)
    back = reverse("events:review-inputs", args=[event.slug]) + f"#input-{item.pk}"
    try:
        item = services.input_convert_to_tip(item=item, reviewer=request.user)
    except services.InputNotAllowed as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(request, item.converted_to_description)
    return redirect(back)


@login_required
@require_POST
def review_input(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _reviewed_event(request, slug)
    item = _event_input(event, pk)
    status = request.POST.get("status", "")
    back = reverse("events:review-inputs", args=[event.slug]) + f"#input-{item.pk}"
    if status not in (InputStatus.ACCEPTED, InputStatus.REJECTED):
        messages.error(request, _("Choose accept or reject."))
        return redirect(back)
    try:
        services.input_review(item=item, status=status, reviewer=request.user)
    except services.InputNotAllowed as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(
        request, _("The input is marked “%(status)s”.") % {"status": InputStatus(status).label}
    )
    return redirect(back)
