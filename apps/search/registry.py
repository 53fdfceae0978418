"""What each kind of search result is called on the results page.

Keyed by the model's `_meta.label_lower`, so the search app needs no import of the apps it
finds and the apps below it need no import of the search app (docs/decisions/0022). Adding a
type is one line here. A model not listed takes the label of its nearest listed parent model,
and a page model with none is a plain "Page".
"""

from django.db.models import Model
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

DEFAULT_PAGE_LABEL = _("Page")

RESULT_TYPE_LABELS: dict[str, Promise | str] = {
    "wagtailcore.page": DEFAULT_PAGE_LABEL,
    "cookbook.chapterpage": _("Chapter"),
    "cookbook.recipepage": _("Recipe"),
    "blog.blogpostpage": _("Blog post"),
    "rules.legalrule": _("Legal rule"),
    "cases.casepage": _("Example"),
    "cases.caseindexpage": _("Examples bank"),
    "events.event": _("Dialogue meeting"),
    "broker.need": _("Need"),
    "broker.entrepreneurprofile": _("Entrepreneur"),
    "broker.offer": _("Offer"),
    "fund.call": _("Call"),
}


def register_result_type(label_lower: str, label: Promise | str) -> None:
    """Names a model's results, e.g. `register_result_type("cases.examplepage", _("Example"))`."""
    RESULT_TYPE_LABELS[label_lower.lower()] = label


def result_type_label(obj: Model | type[Model]) -> str:
    model = obj if isinstance(obj, type) else type(obj)
    for klass in model.__mro__:
        meta = getattr(klass, "_meta", None)
        if meta is None or getattr(meta, "abstract", False):
            continue
        label = RESULT_TYPE_LABELS.get(meta.label_lower)
        if label is not None:
            return str(label)
    return str(DEFAULT_PAGE_LABEL)
