"""Builds the Norwegian demo content from the files in content/demo/ (checked first). Safe to run
again: it only adds what is missing."""

import secrets

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from apps.accounts import demo as accounts_demo
from apps.accounts.models import User
from apps.accounts.permissions import EDITORS_GROUP
from apps.blog import demo as blog_demo
from apps.broker import demo as broker_demo
from apps.cases import demo as cases_demo
from apps.collaborations import demo as collaborations_demo
from apps.contributions import demo as contributions_demo
from apps.cookbook import demo as cookbook_demo
from apps.core import demo as core_demo
from apps.core.content_files import ContentFileError
from apps.events import demo as events_demo
from apps.fund import demo as fund_demo
from apps.grants import demo as grants_demo
from apps.home.demo_files import check_demo_content, front_page
from apps.home.models import HomePage
from apps.home.testing import ensure_home_page
from apps.insights import demo as insights_demo
from apps.matching import demo as matching_demo
from apps.rules import demo as rules_demo

DEMO_EDITOR_EMAIL = "redaktor@kokeboka.no"


def ensure_nynorsk_home(home: HomePage) -> Locale:
    """The home page's nynorsk version (published once; later runs leave it alone), and the
    nynorsk locale the cookbook's translations go into."""
    locale, _created = Locale.objects.get_or_create(language_code="nn")
    if home.get_translation_or_none(locale) is None:
        translated = home.copy_for_translation(locale).specific
        front = front_page("nn")
        translated.title = front.title
        translated.intro = front.intro
        translated.save_revision().publish()
    return locale


class Command(BaseCommand):
    help = "Load the demo content (idempotent) and create a demo editor with a one-time password."

    def handle(self, *args, **options) -> None:
        try:
            check_demo_content()  # a wrong file stops here, before anything is written
        except ContentFileError as exc:
            raise CommandError(str(exc)) from exc
        front = front_page("nb")
        with transaction.atomic():
            home = ensure_home_page(title=front.title)
            if not home.intro:
                home.intro = front.intro
                home.save_revision().publish()
            core_demo.load(home=home)
            accounts_demo.load()
            rules_demo.load()
            cookbook_demo.load(home=home)
            cookbook_demo.load_nynorsk(locale=ensure_nynorsk_home(home))
            core_demo.load_nynorsk(home=home, locale=ensure_nynorsk_home(home))
            blog_demo.load(home=home)
            cases_demo.load(home=home)
            events_demo.load()
            contributions_demo.load()
            broker_demo.load()
            matching_demo.load()
            collaborations_demo.load()
            fund_demo.load()
            grants_demo.load()
            insights_demo.load()
        call_command("update_index", verbosity=0)
        self._ensure_editor()
        accounts_demo.give_power_holders_devices()
        self._report_people()
        self._report_codes()

    def _report_people(self) -> None:
        people = accounts_demo.created_people()
        if not people:
            return
        bar = "=" * 64
        lines = "\n".join(f"  {email}" for email in people)
        password = accounts_demo.demo_password()
        self.stdout.write(
            f"\n{bar}\nDemo people created (password shown once: {password}):\n{lines}\n{bar}\n"
        )

    def _report_codes(self) -> None:
        people = accounts_demo.devices_created()
        if not people:
            return
        bar = "=" * 64
        secret = accounts_demo.demo_totp_secret()
        lines = "\n".join(f"  {email}" for email in people)
        self.stdout.write(
            f"\n{bar}\nThese demo people use powers over others' data, money or decisions and\n"
            f"give a code after the password (shown once; the same for each of them):\n"
            f"  TOTP secret: {secret}\n"
            f"  a code now:  oathtool --totp -b {secret}\n"
            f"  (or type the secret into an authenticator app)\n{lines}\n{bar}\n"
        )

    def _ensure_editor(self) -> None:
        """The demo editor: an explicit editor (group "Redaktører") for the site's own
        editorial work, and a superuser for the Wagtail admin, which gives nothing in the
        site's own views. The admin and the editorial pages ask for the second factor."""
        editor = User.objects.filter(email=DEMO_EDITOR_EMAIL).first()
        if editor is not None:
            self._make_editor(editor)
            self.stdout.write(
                f"Demo editor {DEMO_EDITOR_EMAIL} exists. Forgotten the password? "
                f"python manage.py changepassword {DEMO_EDITOR_EMAIL}"
            )
            return
        password = secrets.token_urlsafe(12)
        editor = User.objects.create_superuser(
            email=DEMO_EDITOR_EMAIL, password=password, first_name="Demo", last_name="Redaktør"
        )
        self._make_editor(editor)
        bar = "=" * 64
        self.stdout.write(
            f"\n{bar}\nDemo editor created (shown once, not stored anywhere):\n"
            f"  http://127.0.0.1:8000/admin/\n  email:    {DEMO_EDITOR_EMAIL}\n"
            f"  password: {password}\n{bar}\n"
        )

    def _make_editor(self, editor: User) -> None:
        editor.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
        accounts_demo.ensure_demo_device(editor)
