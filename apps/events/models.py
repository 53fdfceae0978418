"""Dialogue meetings (dialogmøter): the meeting, who signed up, and what participants
brought to the cookbook (innspill)."""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import linebreaks
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.search import index

from apps.blog.video import InvalidVideoURL, VideoRef, parse_video_url
from apps.core import limits
from apps.core.sanitize import clean_html

municipality_code_validator = RegexValidator(
    r"^\d{4}$", _("A municipality number has four digits, for example 3201.")
)


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def _count_of(model: type[models.Model], **filters) -> Coalesce:
    """A per-event count as a subquery, so that two counts never multiply each other."""
    counted = (
        model.objects.filter(event=OuterRef("pk"), **filters)
        .order_by()
        .values("event")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


# /dialogmoter/kalender.ics is the calendar feed, so no meeting may be called «kalender».
RESERVED_SLUGS = {"kalender"}


class EventQuerySet(models.QuerySet):
    def published(self) -> EventQuerySet:
        return self.filter(status=EventStatus.PUBLISHED)

    def upcoming(self, now: datetime.datetime | None = None) -> EventQuerySet:
        """Published meetings that have not ended yet, soonest first."""
        return self.published().filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now: datetime.datetime | None = None) -> EventQuerySet:
        """Published meetings that have ended, most recent first."""
        return self.published().filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def with_counts(self) -> EventQuerySet:
        """Adds `confirmed_count` and `converted_count` (inputs that became cookbook
        content) in the same query."""
        return self.annotate(
            confirmed_count=_count_of(Registration, status=RegistrationStatus.CONFIRMED),
            converted_count=_count_of(Input, status=InputStatus.CONVERTED),
        )


class Event(index.Indexed, ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The last part of the meeting's web address."),
    )
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("One or two sentences shown in lists.")
    )
    description = models.TextField(
        _("description"),
        max_length=limits.LONG_TEXT,
        blank=True,
        help_text=_("Blank lines separate paragraphs. Simple HTML (links, lists) is allowed."),
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    place_address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Where to join the meeting online, if it can be followed online."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        validators=[MinValueValidator(1)],
        help_text=_("How many can attend. Further sign-ups go on the waiting list."),
    )
    registration_deadline = models.DateTimeField(_("registration deadline"))
    accessibility_info = models.TextField(
        _("accessibility"),
        max_length=limits.TEXT,
        blank=True,
        help_text=_("Step-free access, hearing loop, interpreting, quiet room and so on."),
    )
    video_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_("A recording on YouTube or Vimeo, shown after the meeting."),
    )
    video_transcript = models.TextField(
        _("video transcript"),
        max_length=limits.TRANSCRIPT,
        blank=True,
        help_text=_("Everything said and shown in the video, as text. Required with a video."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organising organisation"),
        help_text=_(
            "Its administrators and brokers organise the meeting: they see the attendee list, "
            "export it and send messages to attendees."
        ),
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
        help_text=_(
            "Named people who organise the meeting besides the organisation's administrators "
            "and brokers."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EventQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("place_name"),
        index.AutocompleteField("title"),
        index.FilterField("status"),
        index.FilterField("start"),
    ]

    class Meta:
        ordering = ["-start", "-pk"]
        verbose_name = _("dialogue meeting")
        verbose_name_plural = _("dialogue meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="event_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_capacity_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.slug in RESERVED_SLUGS:
            errors.setdefault("slug", []).append(
                _("“%(slug)s” is used by the site itself; choose another.") % {"slug": self.slug}
            )
        if self.start and self.end and self.end <= self.start:
            errors.setdefault("end", []).append(_("The meeting must end after it starts."))
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            errors.setdefault("registration_deadline", []).append(
                _("The registration deadline must be before the meeting ends.")
            )
        if not self.place_name and not self.online_url:
            errors.setdefault("place_name", []).append(_("Give a place, an online link, or both."))
        if self.video_url:
            try:
                parse_video_url(self.video_url)
            except InvalidVideoURL as error:
                errors.setdefault("video_url", []).append(str(error))
            if not self.video_transcript.strip():
                errors.setdefault("video_transcript", []).append(
                    _("A video needs a transcript so that everyone can take part.")
                )
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    def has_ended(self, now: datetime.datetime | None = None) -> bool:
        return self.end < (now or timezone.now())

    def has_started(self, now: datetime.datetime | None = None) -> bool:
        return self.start <= (now or timezone.now())

    def registration_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.is_published and now <= self.registration_deadline and now < self.start

    @cached_property
    def confirmed_total(self) -> int:
        """Confirmed seats: the annotation when the event came from `with_counts()`."""
        annotated = self.__dict__.get("confirmed_count")
        if annotated is not None:
            return annotated
        return self.registrations.filter(status=RegistrationStatus.CONFIRMED).count()

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.confirmed_total, 0)

    @cached_property
    def converted_total(self) -> int:
        annotated = self.__dict__.get("converted_count")
        if annotated is not None:
            return annotated
        return self.inputs.filter(status=InputStatus.CONVERTED).count()

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def location_text(self) -> str:
        """Place and address on one line, or the online link when there is no place."""
        parts = [part for part in (self.place_name, self.place_address) if part]
        return ", ".join(parts) if parts else self.online_url

    def description_html(self) -> SafeString:
        # Paragraphs from blank lines first, then nh3 removes anything not allowed.
        return clean_html(linebreaks(self.description, autoescape=False))

    @cached_property
    def video(self) -> EventVideo | None:
        if not self.video_url:
            return None
        try:
            ref = parse_video_url(self.video_url)
        except InvalidVideoURL:
            return None
        return EventVideo(ref=ref, title=self.title, transcript=self.video_transcript)


@dataclass(frozen=True)
class EventVideo:
    """Has the shape of the blog's VideoBlock value, so its privacy-friendly template
    (blog/blocks/video.html) renders a meeting's recording the same way."""

    ref: VideoRef
    title: str
    transcript: str
    captions_url: str = ""

    @property
    def anchor(self) -> str:
        return f"video-{self.ref.provider}-{self.ref.video_id}"


class AgendaItem(Orderable):
    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="agenda_items")
    time = models.TimeField(_("time"), help_text=_("Local time in Norway."))
    title = models.CharField(_("title"), max_length=200)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.time:%H.%M} {self.title}"


class Speaker(Orderable):
    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role or organisation"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    MUNICIPALITY = "kommune", _("Municipality")
    ENTREPRENEUR = "entreprenor", _("Social entrepreneur")
    RESEARCHER = "forsker", _("Researcher")
    ORGANISATION = "organisasjon", _("Organisation")
    STATE = "stat", _("State")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


def new_cancel_token() -> str:
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet):
    def active(self) -> RegistrationQuerySet:
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def confirmed(self) -> RegistrationQuerySet:
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self) -> RegistrationQuerySet:
        return self.filter(status=RegistrationStatus.WAITING).order_by("position", "pk")


class Registration(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("meeting")
    )
    name = models.CharField(_("name"), max_length=200)
    # Stored in lower case so that one address is one person.
    email = models.EmailField(_("email address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    dietary_needs = models.CharField(_("dietary needs"), max_length=500, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    position = models.PositiveIntegerField(
        _("waiting list number"),
        null=True,
        blank=True,
        help_text=_("Order on the waiting list; empty when not waiting."),
    )
    cancel_token = models.CharField(
        _("cancel token"), max_length=64, unique=True, default=new_cancel_token, editable=False
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    # The interface language of the sign-up (nb, nn or en), so mail sent later without a
    # request of the person's own (a seat freed by someone else) is in the same language.
    language = models.CharField(_("language"), max_length=8, blank=True, default="")
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["event", "status"], name="events_reg_event_status")]
        constraints = [
            # A second line of defence behind the service's duplicate check.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="events_one_active_registration_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.event}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waiting(self) -> bool:
        return self.status == RegistrationStatus.WAITING

    @property
    def is_cancelled(self) -> bool:
        return self.status == RegistrationStatus.CANCELLED

    def waiting_place(self) -> int | None:
        """1 for the next person to get a seat."""
        if not self.is_waiting:
            return None
        return (
            Registration.objects.filter(
                event_id=self.event_id,
                status=RegistrationStatus.WAITING,
                position__lt=self.position,
            ).count()
            + 1
        )

    def get_receipt_url(self) -> str:
        return reverse("events:receipt", kwargs={"token": self.cancel_token})

    def get_cancel_url(self) -> str:
        return reverse("events:cancel", kwargs={"token": self.cancel_token})


class InputKind(models.TextChoices):
    ADVICE = "advice", _("Advice")
    EXAMPLE = "example", _("Example")


class InputPhase(models.TextChoices):
    BEFORE = "before", _("Before the meeting")
    DURING = "during", _("During the meeting")
    AFTER = "after", _("After the meeting")


class InputStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    CONVERTED = "converted", _("Part of the cookbook")


class Input(models.Model):
    """Advice or an example brought to a meeting ("innspill")."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="inputs", verbose_name=_("meeting")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_inputs",
        verbose_name=_("author (user)"),
    )
    author_name = models.CharField(_("name"), max_length=200, blank=True)
    author_email = models.EmailField(_("email address"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=InputKind.choices)
    title = models.CharField(_("heading"), max_length=200)
    text = models.TextField(_("text"), max_length=limits.TEXT)
    municipality_code = models.CharField(
        _("municipality number"),
        max_length=4,
        blank=True,
        validators=[municipality_code_validator],
    )
    recipe = models.ForeignKey(
        "cookbook.RecipePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipe"),
    )
    chapter = models.ForeignKey(
        "cookbook.ChapterPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chapter"),
    )
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    phase = models.CharField(_("phase"), max_length=20, choices=InputPhase.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=InputStatus.choices, default=InputStatus.NEW
    )
    converted_to_description = models.CharField(_("became"), max_length=300, blank=True)
    converted_to_url = models.CharField(_("link to what it became"), max_length=500, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        constraints = [
            models.CheckConstraint(
                condition=Q(recipe__isnull=True) | Q(chapter__isnull=True),
                name="events_input_one_target",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def target_label(self) -> str:
        if self.recipe_id:
            return self.recipe.title
        if self.chapter_id:
            return self.chapter.title
        return self.topic

    @property
    def credit(self) -> str:
        """The name the author is credited with."""
        if self.author_name:
            return self.author_name
        if self.author_id:
            return str(self.author)
        return ""
