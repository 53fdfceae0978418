"""Everything a person is promised happens once: claim a (kind, key, period) before sending."""

from django.db import IntegrityError, transaction

from .models import Delivery


def claim(kind: str, key: str, period: str) -> bool:
    """True the first time (kind, key, period) is claimed, False every time after, also when
    two processes race for it (the unique constraint decides)."""
    try:
        with transaction.atomic():
            Delivery.objects.create(kind=kind, key=str(key)[:200], period=str(period)[:40])
    except IntegrityError:
        return False
    return True


def release(kind: str, key: str, period: str) -> None:
    """Undo a claim when the send failed for good, so that a later run may try again."""
    Delivery.objects.filter(kind=kind, key=str(key)[:200], period=str(period)[:40]).delete()
