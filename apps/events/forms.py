from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.cookbook.models import ChapterPage, RecipePage
from apps.cookbook.selectors import book_outline
from apps.core import limits

from .models import InputKind, Role, municipality_code_validator


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=limits.TITLE)
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send the confirmation here, with a link to cancel."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=limits.TITLE,
        required=False,
        help_text=_("Municipality, business or organisation you come from, if any."),
    )
    role = forms.ChoiceField(
        label=_("I take part as"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the role you take part in.")},
    )
    dietary_needs = forms.CharField(
        label=_("Dietary needs"),
        max_length=limits.SHORT_TEXT,
        required=False,
        help_text=_("Allergies or diets we should know of for the food."),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=limits.SHORT_TEXT,
        required=False,
        help_text=_("For example an interpreter, a hearing loop or step-free seating."),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "reg")
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Enter your name.")
        self.fields["email"].error_messages["required"] = _("Enter your email address.")
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an email address like name@example.no."
        )


TARGET_GENERAL = ""


class InputForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you sharing?"),
        choices=InputKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose advice or example.")},
    )
    title = forms.CharField(
        label=_("Heading"),
        max_length=limits.TITLE,
        error_messages={"required": _("Give your input a short heading.")},
    )
    text = forms.CharField(
        label=_("Your advice or example"),
        max_length=limits.TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your advice or example.")},
    )
    target = forms.ChoiceField(
        label=_("Which part of the cookbook is it about?"),
        required=False,
        help_text=_("Choose a chapter or recipe, or describe a topic below."),
    )
    topic = forms.CharField(label=_("Topic"), max_length=limits.TITLE, required=False)
    municipality_code = forms.CharField(
        label=_("Municipality number"),
        max_length=4,
        required=False,
        validators=[municipality_code_validator],
        help_text=_("For an example from a municipality: its four-digit number, e.g. 3201."),
    )
    author_name = forms.CharField(
        label=_("Your name"),
        max_length=limits.TITLE,
        required=False,
        help_text=_("So that we can credit you. Leave empty to stay anonymous."),
    )
    author_email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        help_text=_("Only editors see it, if they need to ask you something."),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "input")
        super().__init__(*args, **kwargs)
        choices: list = [(TARGET_GENERAL, _("General, or a topic below"))]
        for chapter in book_outline():
            options = [(f"chapter-{chapter.pk}", _("The whole chapter: %s") % chapter.title)]
            options += [(f"recipe-{pk}", title) for pk, title in chapter.recipes]
            choices.append((chapter.title, options))
        self.fields["target"].choices = choices

    def target_groups(self) -> list[tuple[str, list[tuple[str, str, bool]]]]:
        """[(group label or "", [(value, label, selected)])] for the template's <select>."""
        current = str(self["target"].value() or TARGET_GENERAL)
        groups = []
        for value, label in self.fields["target"].choices:
            if isinstance(label, (list, tuple)):
                groups.append((str(value), [(v, str(text), v == current) for v, text in label]))
            else:
                groups.append(("", [(value, str(label), value == current)]))
        return groups

    def clean(self) -> dict:
        cleaned = super().clean()
        target = cleaned.get("target") or TARGET_GENERAL
        cleaned["recipe"] = cleaned["chapter"] = None
        if target.startswith("recipe-"):
            cleaned["recipe"] = RecipePage.objects.filter(pk=target.split("-", 1)[1]).first()
        elif target.startswith("chapter-"):
            cleaned["chapter"] = ChapterPage.objects.filter(pk=target.split("-", 1)[1]).first()
        return cleaned


class MessageForm(forms.Form):
    subject = forms.CharField(
        label=_("Subject"),
        max_length=150,
        error_messages={"required": _("Write a subject.")},
    )
    body = forms.CharField(
        label=_("Message"),
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Sent as plain text. Any formatting is removed."),
        error_messages={"required": _("Write the message.")},
    )


class ConvertToCaseForm(forms.Form):
    municipality_code = forms.CharField(
        label=_("Municipality number"),
        max_length=4,
        required=False,
        validators=[municipality_code_validator],
    )
