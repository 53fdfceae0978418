from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from stdnum.no import orgnr

from apps.core import limits
from apps.core.mail import in_language_of
from apps.core.models import County, Municipality
from apps.registers.forms import (
    RegisterCheckMixin,
    other_legal_form_message,
    other_municipality_message,
    other_name_message,
)

from .models import LegalForm, MembershipRole, Organisation, OrganisationType, User
from .services import ORGANISATION_EDITABLE, email_queue
from .validators import validate_org_number


class SignupForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters. Not a common password, not only digits."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        # No "this address has an account" here: the form would tell anyone who has an
        # account. services.user_register mails the owner instead (issue 19).
        return User.objects.normalize_email(self.cleaned_data["email"]).lower()

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        if p1:
            probe = User(
                email=cleaned.get("email") or "",
                first_name=cleaned.get("first_name") or "",
                last_name=cleaned.get("last_name") or "",
            )
            try:
                password_validation.validate_password(p1, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LoginForm(AuthenticationForm):
    """Email and password. Unverified accounts are told so (only after the right password,
    so the form does not reveal which addresses have accounts)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The email address or the password is wrong. Both are case-sensitive."),
        "unverified": _("Confirm your email address first: follow the link we sent you."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Email address")
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "autofocus": True}
        )
        self.unverified_user = None

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                self._raise_if_cooling_off()
                self._raise_if_unverified()
            raise

    def _raise_if_cooling_off(self) -> None:
        """The account had many failed logins from any address (apps/accounts/throttle.py)."""
        wait = getattr(self.request, "kokeboka_login_wait", 0)
        if not wait:
            return
        minutes = max(1, (wait + 59) // 60)
        raise ValidationError(
            ngettext(
                "Too many failed logins for this account. Try again in %(minutes)d minute, "
                "or choose a new password with “Forgot password”.",
                "Too many failed logins for this account. Try again in %(minutes)d minutes, "
                "or choose a new password with “Forgot password”.",
                minutes,
            )
            % {"minutes": minutes},
            code="account_cooling_off",
        )

    def _raise_if_unverified(self) -> None:
        """The backend refuses unconfirmed addresses; with the right password, say why."""
        email = (self.cleaned_data.get("username") or "").strip()
        password = self.cleaned_data.get("password") or ""
        user = User.objects.filter(
            email__iexact=email, is_active=True, email_verified_at__isnull=True
        ).first()
        if user is None or not user.check_password(password):
            return
        self.unverified_user = user
        raise ValidationError(
            format_html(
                '{} <a class="ds-link" href="{}">{}</a>',
                self.error_messages["unverified"],
                reverse("accounts:resend-verification"),
                _("Send the link again"),
            ),
            code="unverified",
        )


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the email goes through the task queue after commit."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from django.template import loader

        with in_language_of(context.get("user"), email=to_email):
            subject = loader.render_to_string(subject_template_name, context)
            body = loader.render_to_string(email_template_name, context)
        email_queue(to=to_email, subject=subject, body=body)


class ResetSetPasswordForm(SetPasswordForm):
    """The new password from a reset link. The link reached the address, which proves the
    person controls it, so an unconfirmed address counts as confirmed from now on."""

    def save(self, commit=True):
        user = super().save(commit=False)
        if user.email_verified_at is None:
            user.email_verified_at = timezone.now()
        if commit:
            user.save()
        return user


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "language"]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "language": _("Language for mail"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("The password is wrong."), code="wrong_password")
        return password


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Six-digit code from the app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the six digits the app shows.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "7"}
        ),
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].strip()


class OrganisationForm(RegisterCheckMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    org_number = forms.CharField(
        label=_("Organisation number"),
        required=False,
        max_length=20,
        help_text=_("Nine digits from the Central Coordinating Register (Enhetsregisteret)."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.select_related("county").order_by("name"),
        required=False,
        help_text=_("Required for a municipality."),
    )
    county = forms.ModelChoiceField(
        label=_("County"),
        queryset=County.objects.order_by("name"),
        required=False,
        help_text=_("Required for a county authority."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    class Meta:
        model = Organisation
        fields = list(ORGANISATION_EDITABLE)  # what organisation_update accepts, in order
        labels = {
            "name": _("Name"),
            "type": _("Type of organisation"),
            "org_number": _("Organisation number"),
            "legal_form": _("Legal form"),
            "work_integration": _("Work integration: at least 30 % of staff in the target groups"),
            "website": _("Website"),
            "description": _("Description"),
        }
        help_texts = {"work_integration": ""}
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    # What staff vouched for; see apps.accounts.services.VERIFIED_IDENTITY.
    VERIFIED_FIELDS = ("name", "type", "municipality", "county", "org_number")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Organisations already on the site that may be the one typed in (filled by clean()
        # on a new organisation; apps.accounts.recognition).
        self.matches: list = []
        if not self.instance.pk:
            self.fields["confirm_new"] = forms.BooleanField(
                label=_("None of these is our organisation: create a new one"),
                required=False,
            )
        # Enhetsregisteret (apps.registers): the box to go on when it cannot be reached.
        self.add_register_field()
        if self.instance.pk and self.instance.is_verified:
            for name in self.VERIFIED_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Verified by Kokeboka's staff. Ask them if it must change."
                )

    def clean_org_number(self) -> str:
        value = orgnr.compact(self.cleaned_data.get("org_number") or "")
        validate_org_number(value)
        return value

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("type")
        if kind == OrganisationType.KOMMUNE and not cleaned.get("municipality"):
            self.add_error("municipality", _("Choose the municipality this organisation is."))
        if kind == OrganisationType.FYLKESKOMMUNE and not cleaned.get("county"):
            self.add_error("county", _("Choose the county this organisation is."))
        self.clean_in_register(cleaned)
        if not self.instance.pk:
            self.clean_recognised(cleaned)
            return cleaned
        municipality = cleaned.get("municipality")
        if kind == OrganisationType.KOMMUNE and municipality:
            taken = Organisation.objects.filter(municipality=municipality)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "municipality",
                    _("This municipality already has an organisation here. Ask its admin to join."),
                )
        self.clean_org_number_unique(cleaned)
        return cleaned

    def clean_in_register(self, cleaned) -> None:
        """A new or changed organisation number is looked up in Enhetsregisteret: deleted,
        bankrupt or wound-up organisations are refused; the name must be the register's
        (a mistyped but valid number names another organisation); an empty legal form, and
        a municipality's municipality, are filled in from it, a different one is refused."""
        number = cleaned.get("org_number") or ""
        if "org_number" in self.errors or number == self.instance.org_number:
            number = ""
        lookup = self.check_register(number, field="org_number")
        if lookup is None or lookup.status != "found" or lookup.refused:
            return
        name = cleaned.get("name") or ""
        if name and not _same_name(name, lookup.name):
            self.add_error("org_number", other_name_message(lookup.name, name))
        legal_form = _LEGAL_FORMS.get(lookup.org_form_code)
        if legal_form and not cleaned.get("legal_form"):
            cleaned["legal_form"] = legal_form
        elif legal_form and cleaned.get("legal_form") != legal_form:
            self.add_error("legal_form", other_legal_form_message(LegalForm(legal_form).label))
        if cleaned.get("type") != OrganisationType.KOMMUNE or not lookup.municipality_number:
            return
        chosen = cleaned.get("municipality")
        if chosen is None:
            found = Municipality.objects.filter(code=lookup.municipality_number).first()
            if found is not None:
                cleaned["municipality"] = found
                self.errors.pop("municipality", None)
        elif chosen.code != lookup.municipality_number:
            self.add_error(
                "municipality", other_municipality_message(lookup.municipality_name.title())
            )

    def clean_recognised(self, cleaned) -> None:
        """A new organisation that is already here is not created twice: the same number or
        municipality refuses it, the same or a similar name and type asks the person to
        confirm that theirs is another. Either way the page offers to join the one found."""
        from .recognition import find_matches

        self.matches = find_matches(
            org_number=cleaned.get("org_number") or "",
            name=cleaned.get("name") or "",
            type=cleaned.get("type") or "",
            municipality=cleaned.get("municipality"),
        )
        for match in self.matches:
            if match.reason == "org_number" and "org_number" not in self.errors:
                self.add_error(
                    "org_number",
                    _(
                        "An organisation with this number is already here. Ask to join it "
                        "instead of creating it again."
                    ),
                )
            elif match.reason == "municipality" and "municipality" not in self.errors:
                self.add_error(
                    "municipality",
                    _("This municipality already has an organisation here. Ask its admin to join."),
                )
        if self.blocked or not self.matches or cleaned.get("confirm_new"):
            return
        self.add_error(
            "confirm_new",
            _(
                "Organisations with this name are already here. Ask to join one of them, or "
                "confirm that yours is another organisation."
            ),
        )

    @property
    def blocked(self) -> bool:
        """An exact match by number or municipality: a new organisation cannot be created."""
        return any(match.blocks_new for match in self.matches)

    def clean_org_number_unique(self, cleaned) -> None:
        number = cleaned.get("org_number")
        if number:
            taken = Organisation.objects.filter(org_number=number)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("org_number", _("An organisation with this number is already here."))

    def _post_clean(self):
        # Uniqueness and the kommune rule are checked in clean() with clear messages; the
        # service runs the model's full checks again before saving.
        opts = self._meta
        try:
            self.instance = construct_instance(self, self.instance, opts.fields, opts.exclude)
        except ValidationError as error:
            self._update_errors(error)
        exclude = self._get_validation_exclusions()
        try:
            self.instance.full_clean(
                exclude=exclude, validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            self._update_errors(error)


# Enhetsregisteret's organisasjonsform codes that are one of our legal forms.
_LEGAL_FORMS = {code: code for code in ("AS", "SA", "STI", "FLI", "ENK", "ANS")}


def _same_name(typed: str, registered: str) -> bool:
    """The typed name is the register's, give or take case, punctuation, legal-form words
    and small slips ("Pøbelprosjektet" is "PØBELPROSJEKTET AS")."""
    import difflib

    from .recognition import normalise_name

    a, b = normalise_name(typed), normalise_name(registered)
    if not a or not b or a == b or a in b or b in a:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person"))
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)

    def __init__(self, *args, roles=None, **kwargs):
        """`roles`: the roles the inviter may grant in this organisation (apps.accounts.roles);
        any other is refused as an invalid choice."""
        super().__init__(*args, **kwargs)
        if roles is not None:
            self.fields["role"].choices = [
                (value, label) for value, label in MembershipRole.choices if value in roles
            ]


class ClaimRejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the claim rejected? (sent to its admins)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organisation's admins (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class OrganisationFilterForm(forms.Form):
    """The organisations list's filter, drawn by components/filter_form.html. A value that
    cannot be used is named next to its control and ignored; the other filter still applies.
    Ids keep the page's own prefix (org-q, org-type)."""

    q = forms.CharField(
        label=_("Search by name"), required=False, max_length=100, widget=forms.SearchInput
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *OrganisationType.choices],
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", "org-%s")
        super().__init__(*args, **kwargs)

    @classmethod
    def from_query(cls, query) -> "OrganisationFilterForm":
        """Bound only when a filter was given, so a list that is only paged offers no
        "Clear filters" link."""
        return cls(query if any(query.get(name) for name in ("q", "type")) else None)

    def filters(self) -> tuple[str, str]:
        """(name, type): the usable values; one that failed validation is left out."""
        if not self.is_bound:
            return "", ""
        self.is_valid()
        return self.cleaned_data.get("q", "").strip(), self.cleaned_data.get("type", "")


class RemoveTwoFactorForm(TokenForm):
    """Turning two-factor off proves both factors: the password (when the person has one)
    and a current code from the app."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    field_order = ["password", "token"]

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():  # signed in with ID-porten only
            del self.fields["password"]

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("The password is wrong."), code="wrong_password")
        return password
