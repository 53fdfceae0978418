"""The editors' "Translate" action for pages (wagtail.contrib.simple_translation), made to
work from any page of the bokmål tree; My page's sections for the accounts app."""

from django.db import transaction
from django.urls import path
from wagtail import hooks
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView

from apps.accounts.hooks import MY_PAGE_SECTIONS_HOOK

from .my_page import my_page_sections


class SubmitPageTranslationWithParentsView(SubmitPageTranslationView):
    """Wagtail's view copies a page under its parent's version in the chosen language and
    fails (a server error) when the parent has none, as when an editor translates a recipe
    before its chapter. Here the missing parents are first made aliases in that language,
    as Wagtail does for a whole subtree, so the recipe can be translated on its own; an
    alias is no version of a page (apps.core.content_language.versions), so readers still
    get the bokmål chapter until it is translated."""

    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid():
            parent = self.object.get_parent().specific
            with transaction.atomic():
                for locale in form.cleaned_data["locales"]:
                    if not parent.is_root() and parent.get_translation_or_none(locale) is None:
                        parent.copy_for_translation(locale, copy_parents=True, alias=True)
                return super().post(request, **kwargs)
        return super().post(request, **kwargs)


@hooks.register("register_admin_urls")
def register_admin_urls():
    # Registered before simple_translation's own (apps.home comes first in INSTALLED_APPS),
    # so this view answers the "Translate" button's address.
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            SubmitPageTranslationWithParentsView.as_view(),
            name="home_submit_page_translation",
        )
    ]


@hooks.register(MY_PAGE_SECTIONS_HOOK)
def my_page(*, user):
    """My page's sections (apps/home/my_page.py), shown by apps.accounts.views."""
    return my_page_sections(user=user)
