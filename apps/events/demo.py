"""Demo meetings: the June 2016 dialogue meeting at the ministry, where the cookbook began,
and an upcoming meeting open for registration, built from the files in content/demo/events/
(read and checked by apps/events/demo_files.py).

Idempotent: a meeting is found by slug and left alone when it exists. Run after the
cookbook demo so that input can point at its recipes (missing recipes are skipped).
"""

from __future__ import annotations

import datetime
import logging

from django.db import transaction

from apps.cookbook.models import ChapterPage, RecipePage

from . import services
from .demo_files import InputEntry, Meeting, RegistrationEntry, read_demo_content
from .models import (
    AgendaItem,
    Event,
    EventStatus,
    Input,
    InputStatus,
    Registration,
    RegistrationStatus,
    Speaker,
)

logger = logging.getLogger(__name__)

# The two demo meetings' addresses (content/demo/events/), for tests that open their pages.
PAST_SLUG = "dialogmote-kokebok-juni-2016"
UPCOMING_SLUG = "dialogmote-fra-pilot-til-drift-2027"


def _event(data: Meeting) -> tuple[Event, bool]:
    existing = Event.objects.filter(slug=data.slug).first()
    if existing is not None:
        return existing, False
    event = Event(
        slug=data.slug,
        status=EventStatus.PUBLISHED,
        title=data.title,
        summary=data.summary,
        description=data.body,
        start=data.start,
        end=data.end,
        registration_deadline=data.registration_deadline,
        place_name=data.place_name,
        place_address=data.place_address,
        capacity=data.capacity,
        accessibility_info=data.accessibility_info,
        video_url=data.video_url,
        video_transcript=data.video_transcript,
    )
    event.agenda_items = [
        AgendaItem(time=item.time, title=item.title, speaker=item.speaker, sort_order=position)
        for position, item in enumerate(data.agenda)
    ]
    event.speakers = [
        Speaker(name=speaker.name, role=speaker.role, sort_order=position)
        for position, speaker in enumerate(data.speakers)
    ]
    event.full_clean()
    event.save()
    return event, True


def _inputs(event: Event, entries: list[InputEntry]) -> None:
    if not entries:
        return
    recipes = {recipe.slug: recipe for recipe in RecipePage.objects.all()}
    chapters = {chapter.slug: chapter for chapter in ChapterPage.objects.all()}
    for position, data in enumerate(entries):
        recipe = recipes.get(data.recipe)
        chapter = chapters.get(data.chapter)
        for kind, slug, found in (
            ("recipe", data.recipe, recipe),
            ("chapter", data.chapter, chapter),
        ):
            if slug and found is None:
                logger.warning("Demo input %r names unknown %s %r.", data.title, kind, slug)
        url = recipe.url if recipe is not None and recipe.live else ""
        becomes_tip = data.status == InputStatus.CONVERTED and bool(url)
        item = Input.objects.create(
            event=event,
            kind=data.kind,
            title=data.title,
            text=data.text,
            author_name=data.author_name,
            recipe=recipe,
            chapter=chapter,
            topic=data.topic,
            phase=data.phase,
            status=InputStatus.NEW if becomes_tip else data.status,
            converted_to_description="" if becomes_tip else data.became,
            converted_to_url="",
            created_at=event.start + datetime.timedelta(minutes=10 * position),
        )
        if becomes_tip:
            # Through the same service an editor uses, so the tip really exists on the recipe.
            services.input_convert_to_tip(item=item, reviewer=None)


def _registrations(event: Event, entries: list[RegistrationEntry]) -> None:
    signed_up = event.registration_deadline - datetime.timedelta(days=60)
    for position, data in enumerate(entries):
        local_part = data.name.lower().replace(" ", ".")
        for letter, plain in (("å", "a"), ("ø", "o"), ("æ", "ae")):
            local_part = local_part.replace(letter, plain)
        at = signed_up + datetime.timedelta(days=position)
        Registration.objects.create(
            event=event,
            name=data.name,
            email=f"{local_part}@example.no",
            organisation=data.organisation,
            role=data.role,
            status=RegistrationStatus.CONFIRMED,
            created_at=at,
            confirmed_at=at,
        )


def load() -> None:
    """Creates the demo meetings with their input and registrations, once."""
    content = read_demo_content()
    with transaction.atomic():
        for item in content:
            event, created = _event(item.meeting)
            if created:
                _inputs(event, item.inputs)
                _registrations(event, item.registrations)
            if item.meeting.organised_by_demo_municipality and event.organisation_id is None:
                # Organised by the demo's invented home municipality (its brokers run it),
                # never by a real one (docs/decisions/0021-honest-demo-content.md).
                from apps.accounts.demo import HOME
                from apps.accounts.models import Organisation

                event.organisation = Organisation.objects.filter(municipality__code=HOME).first()
                event.save(update_fields=["organisation"])
