"""The site tree that tests and the demo both stand on."""

from wagtail.models import Locale, Page, Site

from apps.core.siteaddress import site_host_and_port

from .models import HomePage

HOME_SLUG = "kokeboka-home"


def ensure_home_page(*, title: str = "Kokeboka") -> HomePage:
    """Returns the home page, creating the Wagtail root, home page and default site as needed
    (transactional tests flush what the migrations created)."""
    # Transactional tests flush what the migrations created, the default locale included.
    Locale.objects.get_or_create(language_code="nb")
    Locale.objects.get_or_create(language_code="nn")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title=title, slug=HOME_SLUG))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_host_and_port()
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Kokeboka",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Kokeboka"
        site.save()
    return home
