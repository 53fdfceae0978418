import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATE_PARAM = "dato"


def parse_date_param(value: str) -> datetime.date | None:
    """A YYYY-MM-DD date, or None when the text is not one."""
    try:
        return datetime.datetime.strptime(value.strip(), "%Y-%m-%d").date()
    except ValueError:
        return None


class ThresholdDateForm(forms.Form):
    """The rules page's date for the thresholds table, drawn by components/filter_form.html
    like every list filter. A text that is not a date is named next to its control and
    ignored: the table shows today's values, never an error page. Ids keep the page's own
    prefix (threshold-dato)."""

    dato = forms.CharField(
        label=_("Show the thresholds in force on"),
        help_text=_("Date as YYYY-MM-DD"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, today: datetime.date, **kwargs) -> None:
        kwargs.setdefault("auto_id", "threshold-%s")
        kwargs.setdefault("initial", {DATE_PARAM: today})
        super().__init__(*args, **kwargs)
        self.today = today

    @classmethod
    def from_query(cls, query, *, today: datetime.date) -> "ThresholdDateForm":
        """Bound only when a day other than today was asked for, so today's table offers no
        "Show today" link."""
        raw = query.get(DATE_PARAM, "").strip()
        asked = raw and raw != today.isoformat()
        return cls(query if asked else None, today=today)

    def clean_dato(self) -> datetime.date | None:
        raw = self.cleaned_data[DATE_PARAM]
        if not raw:
            return None
        day = parse_date_param(raw)
        if day is None:
            raise ValidationError(
                _(
                    "“%(value)s” is not a date we can read. Write the date as YYYY-MM-DD, "
                    "for example 2024-03-14."
                ),
                code="invalid",
                params={"value": raw},
            )
        return day

    def day(self) -> datetime.date:
        """The day to show: the one asked for, or today when none was or it was unreadable."""
        if not self.is_bound or not self.is_valid():
            return self.today
        return self.cleaned_data[DATE_PARAM] or self.today
