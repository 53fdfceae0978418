"""Demo contributions: a few members' tips and "we tried this" reports on the first demo
recipes, one suggested change waiting for an editor, and one tip waiting for a moderator.
The "we tried this" reports name the demo's invented municipalities (apps.accounts.demo), never
a real one. Idempotent: nothing is added when demo contributions exist."""

from django.db import transaction

from apps.accounts.models import User
from apps.core.models import Municipality

from .models import ContributorStanding, Status, SuggestedChange, Tip, TriedReport

MEMBERS = [
    ("demo.ingrid@example.no", "Ingrid", "Haugen", True),
    ("demo.jonas@example.no", "Jonas", "Berg", False),
]
TIPS = [
    "Sett av tid til et formøte med innkjøpsavdelingen før dere inviterer entreprenøren.",
    "Skriv ned hva dere vil lære av piloten, ikke bare hva som skal leveres.",
    "Ta med en tillitsvalgt tidlig; det sparer mange runder senere.",
]
TRIED = [
    (
        "9901",
        2023,
        TriedReport.Outcome.WORKED,
        "Vi ville satt av mer tid til oppfølging etter oppstart.",
    ),
    ("9902", 2024, TriedReport.Outcome.PARTLY, "Vi ville avklart ansvar for lokaler på forhånd."),
]


def _member(email: str, first: str, last: str, trusted: bool) -> User:
    from django.utils import timezone

    user, created = User.objects.get_or_create(
        email=email,
        defaults={"first_name": first, "last_name": last, "email_verified_at": timezone.now()},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    ContributorStanding.objects.get_or_create(user=user, defaults={"trusted": trusted})
    return user


@transaction.atomic
def load() -> int:
    """Returns how many contributions it created."""
    from apps.cookbook.models import RecipePage

    recipes = list(RecipePage.objects.live().order_by("path")[:2])
    if not recipes or Tip.objects.filter(author__email__startswith="demo.").exists():
        return 0
    trusted = _member(*MEMBERS[0])
    newcomer = _member(*MEMBERS[1])
    created = 0
    for position, text in enumerate(TIPS):
        Tip.objects.create(
            recipe=recipes[position % len(recipes)],
            author=trusted,
            text=text,
            status=Status.PUBLISHED,
        )
        created += 1
    Tip.objects.create(
        recipe=recipes[0],
        author=newcomer,
        text="Spør andre kommuner i regionen om de vil være med.",
        status=Status.PENDING,
    )
    created += 1
    from apps.accounts.demo import ensure_fictional_geography

    ensure_fictional_geography()
    for code, year, outcome, differently in TRIED:
        municipality = Municipality.objects.filter(code=code).first()
        if municipality is None:
            continue
        TriedReport.objects.create(
            recipe=recipes[0],
            author=trusted,
            municipality=municipality,
            year=year,
            outcome=outcome,
            what_we_would_do_differently=differently,
            status=Status.PUBLISHED,
        )
        created += 1
    SuggestedChange.objects.create(
        recipe=recipes[0],
        author=newcomer,
        field=SuggestedChange.Field.SUMMARY,
        text=f"{recipes[0].summary} Oppskriften passer også når flere kommuner går sammen.",
        reason="Vi gjorde dette sammen med to nabokommuner, og det fungerte godt.",
    )
    return created + 1
