"""The page cache is purged when something anonymous visitors see changes, and only then:
one test per source of purges (apps/core/signals.py), so that dropping a source, or making
a private write purge again, fails here."""

from contextlib import contextmanager

import pytest
from django.apps import apps
from wagtail.models import Page, Site

from apps.blog.models import BlogPostTag
from apps.blog.tests.factories import BlogIndexPageFactory, BlogPostPageFactory
from apps.broker.models import NeedStatus, NeedVisibility, ReviewStatus
from apps.broker.tests.factories import NeedFactory, OfferFactory, ProfileFactory
from apps.cases.models import CaseOutcome
from apps.cases.tests.factories import CaseIndexPageFactory, CasePageFactory
from apps.cookbook.models import RecipeLegalRule
from apps.cookbook.tests.factories import (
    ChapterPageFactory,
    CookbookIndexPageFactory,
    RecipePageFactory,
)
from apps.core.cache import current_generation
from apps.core.models import StandardPage
from apps.core.services import geography_ensure
from apps.core.signals import PRIVATE_MODELS, PUBLIC_CONTENT_APPS, purge_rule
from apps.events.models import EventStatus
from apps.events.tests.factories import (
    AgendaItemFactory,
    EventFactory,
    InputFactory,
    RegistrationFactory,
    SpeakerFactory,
)
from apps.fund.models import ApplicationStatus
from apps.fund.tests.factories import (
    ApplicationFactory,
    BudgetLineFactory,
    CallFactory,
    CriterionFactory,
    FundFactory,
    QuestionFactory,
    RequiredAttachmentFactory,
    member_of,
)
from apps.fund.tests.test_views import form_data
from apps.grants.models import OutcomeIndicator, Report
from apps.grants.tests.factories import (
    DecisionFactory,
    PartnerFactory,
    PaymentFactory,
    ReportFactory,
)
from apps.rules.tests.factories import LegalRuleFactory

pytestmark = pytest.mark.django_db


@contextmanager
def purges():
    before = current_generation()
    yield
    assert current_generation() != before, "expected the page cache to be purged"


@contextmanager
def keeps_cache():
    before = current_generation()
    yield
    assert current_generation() == before, "a private write purged the page cache"


@pytest.fixture
def live_page(home_page):
    page = StandardPage(title="Om", slug="om", intro="Første")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def recipe(home_page):
    chapter = ChapterPageFactory(parent=CookbookIndexPageFactory(parent=home_page))
    return RecipePageFactory(parent=chapter)


# --- Wagtail pages --------------------------------------------------------------------------


def test_publishing_a_page_purges(live_page):
    live_page.intro = "Andre"
    with purges():
        live_page.save_revision().publish()


def test_unpublishing_a_page_purges(live_page):
    with purges():
        live_page.unpublish()


def test_saving_a_draft_revision_of_a_live_page_does_not_purge(live_page):
    live_page.intro = "Utkast som ingen ser ennå"
    with keeps_cache():
        live_page.save_revision()


def test_creating_a_draft_page_does_not_purge(home_page):
    with keeps_cache():
        draft = home_page.add_child(instance=StandardPage(title="Utkast", slug="u", live=False))
        draft.save_revision()


def test_deleting_a_live_page_purges(live_page):
    with purges():
        live_page.delete()


def test_moving_a_live_page_purges(live_page, home_page):
    other = home_page.add_child(instance=StandardPage(title="Annen", slug="annen"))
    with purges():
        Page.objects.get(pk=live_page.pk).move(other, pos="last-child")


def test_changing_the_site_purges(home_page):
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Kokeboka!"
    with purges():
        site.save()


# --- rules, cookbook, blog, cases -----------------------------------------------------------


def test_a_legal_rule_change_purges():
    rule = LegalRuleFactory()
    rule.title = "Ny tittel"
    with purges():
        rule.save()


def test_saving_a_draft_revision_of_a_legal_rule_does_not_purge():
    rule = LegalRuleFactory()
    with keeps_cache():
        rule.save_revision()


def test_a_live_recipes_legal_rule_link_purges(recipe):
    rule = LegalRuleFactory()
    with purges():
        RecipeLegalRule.objects.create(page=recipe, rule=rule)


def test_a_draft_recipes_legal_rule_link_does_not_purge(recipe):
    rule = LegalRuleFactory()
    Page.objects.filter(pk=recipe.pk).update(live=False)
    with keeps_cache():
        RecipeLegalRule.objects.create(page_id=recipe.pk, rule=rule)


def test_tagging_a_live_blog_post_purges(home_page):
    post = BlogPostPageFactory(parent=BlogIndexPageFactory(parent=home_page))
    with purges():
        BlogPostTag.objects.create(content_object=post, tag_id=_tag().pk)


def test_an_outcome_row_of_a_live_example_purges(home_page):
    geography_ensure()
    case = CasePageFactory(parent=CaseIndexPageFactory(parent=home_page))
    with purges():
        CaseOutcome.objects.create(page=case, name="Deltakere i arbeid", value=12)


def _tag():
    from taggit.models import Tag

    return Tag.objects.create(name="samarbeid", slug="samarbeid")


# --- meetings ---------------------------------------------------------------------------------


def test_publishing_a_meeting_purges():
    event = EventFactory(status=EventStatus.DRAFT)
    event.status = EventStatus.PUBLISHED
    with purges():
        event.save()


def test_editing_a_draft_meeting_does_not_purge():
    event = EventFactory(status=EventStatus.DRAFT)
    event.summary = "Fortsatt et utkast"
    with keeps_cache():
        event.save()
        AgendaItemFactory(event=event)


def test_a_registration_for_a_published_meeting_purges():
    event = EventFactory()
    with purges():
        RegistrationFactory(event=event)


# --- needs and offers --------------------------------------------------------------------------


def test_saving_a_draft_need_does_not_purge():
    need = NeedFactory(status=NeedStatus.DRAFT)
    need.description = "Autolagret tekst"
    with keeps_cache():
        need.save()
        NeedFactory(status=NeedStatus.DRAFT)


def test_a_members_only_need_does_not_purge():
    need = NeedFactory(visibility=NeedVisibility.MEMBERS)
    with keeps_cache():
        need.save()


def test_making_a_need_public_purges():
    need = NeedFactory(status=NeedStatus.DRAFT)
    need.status = NeedStatus.OPEN
    with purges():
        need.save()


def test_taking_a_public_need_back_to_draft_purges():
    need = NeedFactory()
    need.status = NeedStatus.DRAFT
    with purges():
        need.save()


def test_approving_an_entrepreneur_profile_purges():
    profile = ProfileFactory(review_status=ReviewStatus.PENDING)
    profile.review_status = ReviewStatus.APPROVED
    with purges():
        profile.save()


def test_an_offer_of_an_approved_profile_purges_and_of_a_pending_one_does_not():
    with purges():
        OfferFactory()
    pending = ProfileFactory(review_status=ReviewStatus.PENDING)
    with keeps_cache():
        OfferFactory(profile=pending)


# --- funds and grants --------------------------------------------------------------------------


def test_autosaving_a_draft_application_does_not_purge(client):
    draft = ApplicationFactory()
    client.force_login(member_of(draft.organisation))
    with keeps_cache():
        response = client.post(
            f"/fond/soknader/{draft.pk}/", form_data(draft), headers={"X-Autosave": "1"}
        )
    assert response.status_code == 200
    assert response.json()["ok"] is True


def test_granting_an_application_purges():
    application = ApplicationFactory(status=ApplicationStatus.IN_REVIEW)
    application.status = ApplicationStatus.GRANTED
    with purges():
        application.save()


def test_a_fund_change_purges():
    fund = FundFactory()
    fund.description = "Nytt"
    with purges():
        fund.save()


def test_publishing_a_call_purges_and_editing_an_unpublished_one_does_not():
    call = CallFactory(published=False)
    with keeps_cache():
        call.text = "Utkast"
        call.save()
        CriterionFactory(call=call)
    call.published = True
    with purges():
        call.save()


def test_budget_lines_never_purge():
    application = ApplicationFactory(status=ApplicationStatus.GRANTED)
    with keeps_cache():
        BudgetLineFactory(application=application)


def test_a_decision_purges():
    with purges():
        DecisionFactory()


def test_a_draft_report_does_not_purge_and_an_approved_final_report_does():
    application = ApplicationFactory(status=ApplicationStatus.IN_PROGRESS)
    with keeps_cache():
        report = ReportFactory(application=application)
    report.kind = Report.Kind.FINAL
    report.approved_at = report.application.created_at
    with purges():
        report.save()


def test_payments_never_purge():
    application = ApplicationFactory(status=ApplicationStatus.GRANTED)
    with keeps_cache():
        PaymentFactory(application=application)


# --- the table itself ---------------------------------------------------------------------------


def test_every_model_of_a_public_app_has_a_rule_unless_listed_private():
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in PUBLIC_CONTENT_APPS - {"wagtailcore"}:
            rule = purge_rule(model)
            assert (rule is None) == (label in PRIVATE_MODELS), label


def test_private_models_are_not_connected_so_bulk_deletes_stay_fast():
    from django.db.models.signals import post_delete, pre_delete

    budget_line = apps.get_model("fund", "BudgetLine")
    assert not post_delete.has_listeners(budget_line)
    assert not pre_delete.has_listeners(budget_line)


# --- one public row per source, saved again -----------------------------------------------------


def _approved_final_report():
    application = ApplicationFactory(status=ApplicationStatus.COMPLETED)
    return ReportFactory(
        application=application, kind=Report.Kind.FINAL, approved_at=application.created_at
    )


def _live_blog_post(home_page):
    return BlogPostPageFactory(parent=BlogIndexPageFactory(parent=home_page))


def _live_example(home_page):
    geography_ensure()
    return CasePageFactory(parent=CaseIndexPageFactory(parent=home_page))


# label -> a builder of one row anonymous pages show. Written out by hand, not read from
# apps/core/signals.py, so that dropping an app or a model from the purge lists there fails.
PUBLIC_ROW_BUILDERS = {
    "rules.legalrule": lambda home_page: LegalRuleFactory(),
    "cookbook.recipepage": lambda home_page: RecipePageFactory(
        parent=ChapterPageFactory(parent=CookbookIndexPageFactory(parent=home_page))
    ),
    "blog.blogpostpage": _live_blog_post,
    "cases.casepage": _live_example,
    "cases.caseoutcome": lambda home_page: CaseOutcome.objects.create(
        page=_live_example(home_page), name="Deltakere i arbeid", value=12
    ),
    "events.event": lambda home_page: EventFactory(status=EventStatus.PUBLISHED),
    "events.agendaitem": lambda home_page: AgendaItemFactory(event=EventFactory()),
    "events.speaker": lambda home_page: SpeakerFactory(event=EventFactory()),
    "events.registration": lambda home_page: RegistrationFactory(event=EventFactory()),
    "events.input": lambda home_page: InputFactory(event=EventFactory()),
    "broker.need": lambda home_page: NeedFactory(
        status=NeedStatus.OPEN, visibility=NeedVisibility.PUBLIC
    ),
    "broker.entrepreneurprofile": lambda home_page: ProfileFactory(
        review_status=ReviewStatus.APPROVED
    ),
    "broker.offer": lambda home_page: OfferFactory(),
    "fund.fund": lambda home_page: FundFactory(),
    "fund.call": lambda home_page: CallFactory(published=True),
    "fund.criterion": lambda home_page: CriterionFactory(call=CallFactory(published=True)),
    "fund.eligibilityquestion": lambda home_page: QuestionFactory(call=CallFactory(published=True)),
    "fund.requiredattachment": lambda home_page: RequiredAttachmentFactory(
        call=CallFactory(published=True)
    ),
    "fund.application": lambda home_page: ApplicationFactory(status=ApplicationStatus.GRANTED),
    "fund.applicationpartner": lambda home_page: PartnerFactory(
        application=ApplicationFactory(status=ApplicationStatus.GRANTED)
    ),
    "grants.decision": lambda home_page: DecisionFactory(),
    "grants.report": lambda home_page: _approved_final_report(),
    "grants.outcomeindicator": lambda home_page: OutcomeIndicator.objects.create(
        report=_approved_final_report(), name="Deltakere i arbeid", target=10, value=12
    ),
    "wagtailcore.site": lambda home_page: Site.objects.get(is_default_site=True),
}


@pytest.mark.parametrize("label", sorted(PUBLIC_ROW_BUILDERS))
def test_saving_a_public_row_purges(label, home_page):
    row = PUBLIC_ROW_BUILDERS[label](home_page)
    assert row._meta.label_lower == label
    with purges():
        row.save()


def test_every_purge_source_has_a_public_row_case():
    """A new app or public model in apps/core/signals.py gets a case above."""
    from apps.core.signals import PUBLIC_ROWS

    assert set(PUBLIC_ROWS) <= set(PUBLIC_ROW_BUILDERS)
    assert {label.split(".")[0] for label in PUBLIC_ROW_BUILDERS} == PUBLIC_CONTENT_APPS
