from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from apps.blog import selectors as blog_selectors
from apps.cookbook import selectors as cookbook_selectors
from apps.core.content_language import content_language, localize_for_display

from .selectors import front_page


class HomePage(Page):
    intro = models.TextField(_("intro"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Every address is resolved in the bokmål tree, then served in nynorsk where a
        nynorsk version exists (apps/home/translation.py)."""
        from .translation import route_in_content_language

        return route_in_content_language(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = content_language(request)

        def chapters():
            chapters = list(cookbook_selectors.chapters_for_home())
            localize_for_display(chapters, language=language, fields=("title", "intro"))
            return chapters

        # Lazy: read only when the template draws them, so a front page whose lists come
        # from the fragment cache (apps/core/templatetags/public_fragment.py) runs none of
        # these queries.
        context["chapters"] = SimpleLazyObject(chapters)
        context["latest_posts"] = SimpleLazyObject(lambda: blog_selectors.latest_posts(limit=3))
        context["front"] = SimpleLazyObject(front_page)
        return context
