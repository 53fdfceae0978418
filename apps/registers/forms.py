"""The register check inside another app's form (the organisation form in accounts, the
entrepreneur profile in broker). The form stays the other app's; this mixin adds the
"go on without the check" box and the messages, in the person's language.

- deleted, bankrupt or being wound up: refused, with the reason and the date if known;
- not found: allowed, and kept so that a broker sees it in the review queue;
- the register cannot be reached: the form says so and keeps everything typed; ticking the
  box lets the person go on, and the scheduled job asks the register later."""

from __future__ import annotations

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from . import client, services
from .client import Lookup

GO_ON_FIELD = "register_go_on"


def refusal_message(lookup: Lookup) -> str:
    """Why the register's answer refuses the organisation."""
    values = {"name": lookup.name or lookup.org_number, "number": lookup.org_number}
    if lookup.status == client.DELETED:
        if lookup.deleted_date:
            return _(
                "%(name)s (org. no. %(number)s) was deleted from Enhetsregisteret on "
                "%(date)s. A deleted organisation cannot take part on Kokeboka. Check the number."
            ) % {**values, "date": formats.date_format(lookup.deleted_date, "j. F Y")}
        return (
            _(
                "Org. no. %(number)s is deleted from Enhetsregisteret. A deleted organisation "
                "cannot take part on Kokeboka. Check the number."
            )
            % values
        )
    if lookup.bankrupt:
        return (
            _(
                "Enhetsregisteret says that %(name)s (org. no. %(number)s) is bankrupt. An "
                "organisation in bankruptcy cannot take part on Kokeboka."
            )
            % values
        )
    return (
        _(
            "Enhetsregisteret says that %(name)s (org. no. %(number)s) is being wound up. An "
            "organisation being wound up cannot take part on Kokeboka."
        )
        % values
    )


def other_name_message(registered: str, typed: str) -> str:
    return _(
        "In Enhetsregisteret this number belongs to %(register)s, not to %(name)s. Check the "
        "number, or write the name as the register has it."
    ) % {"register": registered, "name": typed}


def other_legal_form_message(label: str) -> str:
    return _("Enhetsregisteret has this organisation as %(form)s.") % {"form": label}


def other_municipality_message(name: str) -> str:
    return _("Enhetsregisteret places this organisation in %(municipality)s.") % {
        "municipality": name
    }


UNREACHABLE_MESSAGE = _(
    "We could not reach Enhetsregisteret to check the organisation number just now. "
    "Everything you typed is kept. Tick the box below and save again to go on: Kokeboka "
    "checks the number later."
)


class RegisterCheckMixin:
    """For a Django form with `self.fields`: call `add_register_field()` in __init__ and
    `check_register(number, field=...)` in clean(). The box is removed from cleaned_data, so
    the form's data can go to a service as before."""

    register_lookup: Lookup | None = None

    def add_register_field(self) -> None:
        self.register_lookup = None
        self.fields[GO_ON_FIELD] = forms.BooleanField(
            label=_("Go on without the check"),
            required=False,
        )

    @property
    def register_unreachable(self) -> bool:
        """The template shows the box only then (or when it was ticked)."""
        lookup = self.register_lookup
        return lookup is not None and lookup.status == client.UNREACHABLE

    def check_register(self, number: str, *, field: str | None) -> Lookup | None:
        """Looks `number` up and adds the refusal to `field` (None: the whole form) or the
        "cannot reach" message to the box. Returns the lookup (None when not asked)."""
        go_on = bool(self.cleaned_data.pop(GO_ON_FIELD, False))
        if not number:
            return None
        lookup = services.check(number)
        self.register_lookup = lookup
        if lookup.refused:
            self.add_error(field, refusal_message(lookup))
        elif lookup.status == client.UNREACHABLE and not go_on:
            self.add_error(GO_ON_FIELD, UNREACHABLE_MESSAGE)
        return lookup
