from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LANGUAGES
from .selectors import topic_choices


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=topic_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none to get news on every topic."),
    )
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=LANGUAGES)


class IssueForm(forms.ModelForm):
    class Meta:
        from .models import Issue

        model = Issue
        fields = [
            "title",
            "subject_nb",
            "intro_nb",
            "subject_nn",
            "intro_nn",
            "subject_en",
            "intro_en",
        ]
        widgets = {
            "intro_nb": forms.Textarea(attrs={"rows": 4}),
            "intro_nn": forms.Textarea(attrs={"rows": 4}),
            "intro_en": forms.Textarea(attrs={"rows": 4}),
        }


ITEM_KINDS = [
    ("post", _("Blog post")),
    ("recipe", _("New recipe")),
    ("recipe_revised", _("New recipe version")),
    ("meeting", _("Meeting")),
    ("call", _("Open call")),
    ("need", _("Need")),
]


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ITEM_KINDS)
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.CharField(
        label=_("Link"),
        max_length=500,
        help_text=_("A path on the site (/kokeboka/…) or a full https:// address."),
    )
    summary = forms.CharField(
        label=_("Summary"), max_length=600, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    deadline = forms.CharField(label=_("Deadline"), max_length=60, required=False)
    topics = forms.CharField(
        label=_("Topics"),
        max_length=400,
        required=False,
        help_text=_("Sector codes separated by commas; empty for everyone."),
    )

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        if not (url.startswith("/") or url.startswith("https://")):
            raise forms.ValidationError(_("Start the link with / or https://."))
        return url

    def clean_topics(self):
        from .selectors import TOPIC_CODES

        codes = [c.strip() for c in self.cleaned_data["topics"].split(",") if c.strip()]
        unknown = [c for c in codes if c not in TOPIC_CODES]
        if unknown:
            raise forms.ValidationError(
                _("Unknown topic codes: %(codes)s") % {"codes": ", ".join(unknown)}
            )
        return codes


ItemFormSet = forms.formset_factory(ItemForm, extra=1, can_delete=True, max_num=100)


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=_("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def clean_when(self):
        from django.utils import timezone

        when = self.cleaned_data["when"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return when
