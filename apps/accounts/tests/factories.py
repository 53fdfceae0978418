import factory
from django.utils import timezone

from apps.accounts.models import (
    Membership,
    MembershipRole,
    Organisation,
    OrganisationType,
    User,
    VerificationSource,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.no")
    first_name = factory.Faker("first_name", locale="no_NO")
    last_name = factory.Faker("last_name", locale="no_NO")
    email_verified_at = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class EditorFactory(UserFactory):
    """An editor as the demo has one: in the group "Redaktører" (what the site's own views
    ask for) and a superuser for the Wagtail admin (which gives nothing in the site's views)."""

    is_staff = True
    is_superuser = True

    @factory.post_generation
    def editors_group(self, create, extracted, **kwargs):
        if create:
            from django.contrib.auth.models import Group

            from apps.accounts.permissions import EDITORS_GROUP

            self.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A verified organisation (as staff would leave it); `OrganisationFactory(unverified=True)`
    for one that was only registered, e.g. a pending claim of a municipality."""

    class Meta:
        model = Organisation

    class Params:
        unverified = factory.Trait(verified_at=None, verified_via="")

    name = factory.Sequence(lambda n: f"Sosial entreprenør {n}")
    slug = factory.Sequence(lambda n: f"sosial-entreprenor-{n}")
    type = OrganisationType.SOSIAL_ENTREPRENOR
    legal_form = Organisation.LegalForm.AS
    verified_at = factory.LazyFunction(timezone.now)
    verified_via = VerificationSource.STAFF


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.MEMBER
