import re

from .models import AuditEvent, Sector, TargetGroup
from .vocabulary import NAMES_EN, NAMES_NN, SECTORS, TARGET_GROUPS


def vocabulary_ensure() -> None:
    """Creates any missing sector or target group, with its nynorsk and English names (the
    migrations seed them; transactional tests flush them, and the demo calls this to be
    sure). An existing term is left as an editor may have changed it."""
    for model, terms in ((Sector, SECTORS), (TargetGroup, TARGET_GROUPS)):
        for position, (code, name) in enumerate(terms):
            model.objects.get_or_create(
                code=code,
                defaults={
                    "name": name,
                    "name_nn": NAMES_NN.get(code, ""),
                    "name_en": NAMES_EN.get(code, ""),
                    "position": position,
                },
            )


# The one form of an audit action's name: "<area>.<what happened>" or
# "<area>.<object>.<what happened>", lowercase words joined by underscores ("fund.submitted",
# "broker.need.updated", "organisation.created"). The area is the app's label, except the
# accounts app's older names, which start with the object ("account.", "organisation.",
# "membership.", "invitation.", "join_request."): rows exist under them, so they stay.
AUDIT_ACTION = re.compile(r"[a-z][a-z_]*(?:\.[a-z][a-z0-9_]*){1,2}")


def audit_action_check(action: str) -> str:
    """The action's name when it has the one form; a ValueError (a programming error,
    caught by the tests) otherwise."""
    if not AUDIT_ACTION.fullmatch(action):
        raise ValueError(
            f"Audit action {action!r} is not '<area>.<what>' or '<area>.<object>.<what>'."
        )
    return action


def audit_record(*, actor, action: str, obj, data: dict | None = None) -> AuditEvent:
    """Leaves an audit row for a write that matters; call inside the write's transaction."""
    event = AuditEvent(
        actor=actor if getattr(actor, "pk", None) else None,
        action=audit_action_check(action),
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        data=data or {},
    )
    event.save()
    return event


def geography_ensure() -> int:
    """Creates any missing county or municipality of apps.core.municipalities and returns how
    many rows it created (the migration seeds them; transactional tests flush them)."""
    from .geography import seed_geography
    from .models import County, Municipality

    return seed_geography(county_model=County, municipality_model=Municipality, update=False)
