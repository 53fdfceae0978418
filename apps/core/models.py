from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import ContentBlock
from .geography import DatedQuerySet


class AuditEvent(models.Model):
    """Who did what to which object, and when. Holds no personal data beyond the actor link,
    which is cleared when the person is deleted."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=100)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    data = models.JSONField(_("data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_type}:{self.object_id}"


class StandardPage(Page):
    """Plain content pages: the accessibility statement and the privacy page. Written in
    bokmål, translated into nynorsk as a page version like other content; the English text
    is kept on the same page (`*_en`), because English is an interface language and not a
    content locale, and a visitor reading in English must still be able to read what the
    site promises about accessibility and privacy (docs/decisions/0019)."""

    intro = models.TextField(_("intro"), blank=True)
    body = StreamField(ContentBlock(), blank=True, use_json_field=True)
    title_en = models.CharField(_("title in English"), max_length=255, blank=True)
    intro_en = models.TextField(_("intro in English"), blank=True)
    body_en = StreamField(
        ContentBlock(), blank=True, use_json_field=True, verbose_name=_("body in English")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("intro_en"), FieldPanel("body_en")],
            heading=_("English version"),
            help_text=_("Shown to visitors who chose English. Empty: they read this page."),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    def english(self) -> dict | None:
        """The English title, intro and body when the interface is English and the page has
        an English text, else None (the page's own text is shown)."""
        if (get_language() or "").split("-")[0] != "en" or not self.title_en:
            return None
        return {"title": self.title_en, "intro": self.intro_en, "body": self.body_en}

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


def in_language(bokmal: str, nn: str = "", en: str = "", language=None) -> tuple[str, str]:
    """(text, its language code) for the reader: the nynorsk or English text when the
    language (default: the active one; regional variants count as their base) asks for it
    and it is written, else the bokmål text and "nb", so a template can mark a fallback with
    its own `lang`. The one rule for every field kept in three languages (vocabularies,
    legal rules; docs/decisions/0019)."""
    base = (language or get_language() or "").split("-")[0].lower()
    translated = {"nn": nn, "en": en}.get(base, "")
    return (translated, base) if translated else (bokmal, "nb")


def vocabulary_name(name: str, name_nn: str = "", name_en: str = "", language=None) -> str:
    """A term's name in the language (default: the active one), else bokmål: for rows read
    with .values() (VocabularyTerm.display_name does the same for an instance)."""
    return in_language(name, name_nn, name_en, language=language)[0]


class VocabularyTerm(models.Model):
    """A term of a shared vocabulary. `name` is bokmål, the source of truth (the import format
    and the API speak it); `name_nn` and `name_en` are what the interface shows in nynorsk
    and English, falling back to bokmål when empty (docs/decisions/0019)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    name_nn = models.CharField(_("name in nynorsk"), max_length=120, blank=True)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        # Form choice labels (ModelChoiceField) and the admin read the term through str().
        return self.display_name

    def name_in(self, language: str | None) -> str:
        """The name in a language code (nb, nn, en; regional variants count as their base),
        else bokmål."""
        return vocabulary_name(self.name, self.name_nn, self.name_en, language=language or "nb")

    @property
    def display_name(self) -> str:
        """The name in the active interface language: what templates show."""
        return self.name_in(get_language())


class Sector(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class TargetGroup(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


# Geography: counties and municipalities (reference data, apps/core/municipalities.py).


class County(models.Model):
    """A county (fylke), identified by SSB's two-digit number."""

    code = models.CharField(
        _("code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^\d{2}$", _("Enter the two-digit county number."))],
    )
    name = models.CharField(_("name"), max_length=100)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    """A municipality (kommune), identified by SSB's four-digit number; its county is the
    first two digits."""

    code = models.CharField(
        _("code"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{4}$", _("Enter the four-digit municipality number."))],
    )
    name = models.CharField(_("name"), max_length=100)
    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("county"),
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name
