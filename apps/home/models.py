from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from apps.blog import selectors as blog_selectors
from apps.cookbook import selectors as cookbook_selectors

from .selectors import front_page


class HomePage(Page):
    intro = models.TextField(_("intro"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = cookbook_selectors.chapters_for_home()
        context["latest_posts"] = blog_selectors.latest_posts(limit=3)
        context["front"] = front_page()
        return context
