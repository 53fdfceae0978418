"""Demo contributions: a few members' tips and "we tried this" reports on the first demo
recipes, one suggested change waiting for an editor, and one tip waiting for a moderator,
from content/demo/contributions/contributions.yaml (read and checked by
apps/contributions/demo_files.py). Idempotent: nothing is added when demo contributions
exist."""

from django.db import transaction

from apps.accounts.models import User
from apps.core.models import Municipality

from .demo_files import Member, read_demo_content
from .models import ContributorStanding, Status, SuggestedChange, Tip, TriedReport


def _member(data: Member) -> User:
    from django.utils import timezone

    user, created = User.objects.get_or_create(
        email=data.email,
        defaults={
            "first_name": data.first_name,
            "last_name": data.last_name,
            "email_verified_at": timezone.now(),
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    ContributorStanding.objects.get_or_create(user=user, defaults={"trusted": data.trusted})
    return user


@transaction.atomic
def load() -> int:
    """Returns how many contributions it created."""
    from apps.cookbook.models import RecipePage

    content = read_demo_content()
    recipes = list(RecipePage.objects.live().order_by("path")[:2])
    if not recipes or Tip.objects.filter(author__email__startswith="demo.").exists():
        return 0

    def recipe(number: int) -> RecipePage:
        return recipes[(number - 1) % len(recipes)]

    members = {data.email: _member(data) for data in content.members}
    created = 0
    for tip in content.tips:
        Tip.objects.create(
            recipe=recipe(tip.recipe),
            author=members[tip.author],
            text=tip.text,
            status=Status(tip.status),
        )
        created += 1
    from apps.accounts.demo import ensure_fictional_geography

    ensure_fictional_geography()
    for report in content.tried_reports:
        municipality = Municipality.objects.filter(code=report.municipality).first()
        if municipality is None:
            continue
        TriedReport.objects.create(
            recipe=recipe(report.recipe),
            author=members[report.author],
            municipality=municipality,
            year=report.year,
            outcome=report.outcome,
            what_we_would_do_differently=report.what_we_would_do_differently,
            status=Status.PUBLISHED,
        )
        created += 1
    for change in content.suggested_changes:
        target = recipe(change.recipe)
        SuggestedChange.objects.create(
            recipe=target,
            author=members[change.author],
            field=change.field,
            text=f"{getattr(target, change.field)} {change.append}",
            reason=change.reason,
        )
        created += 1
    return created
