"""The building blocks of issue 19's finding 3: roles are granted, never implied by being a
superuser, and a power's view sends a password-only session to the code page. Each app's
matrix (grants, fund, events, insights, contributions) checks its own views."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from apps.accounts.middleware import StaffTwoFactorMiddleware
from apps.accounts.permissions import (
    EDITORS_GROUP,
    MODERATORS_GROUP,
    PLATFORM_STAFF_GROUP,
    has_granted_permission,
    is_editor,
    is_moderator,
    requires_two_factor,
)
from apps.accounts.second_factor import SecondFactorRequired, require_second_factor

from .factories import UserFactory
from .helpers import force_login_verified

pytestmark = pytest.mark.django_db


def _in_group(name: str):
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def test_a_superuser_is_neither_moderator_nor_editor():
    superuser = UserFactory(is_superuser=True, is_staff=True)
    assert not is_moderator(superuser)
    assert not is_editor(superuser)
    assert is_moderator(_in_group(MODERATORS_GROUP))
    assert is_editor(_in_group(EDITORS_GROUP))


def test_granted_permission_counts_for_a_group_or_person_never_for_a_superuser():
    permission = Permission.objects.get(content_type__app_label="events", codename="change_input")
    superuser = UserFactory(is_superuser=True, is_staff=True)
    assert superuser.has_perm("events.change_input")  # Django's own answer
    assert not has_granted_permission(superuser, "events.change_input")
    person = UserFactory()
    person.user_permissions.add(permission)
    assert has_granted_permission(person, "events.change_input")
    group = Group.objects.create(name="Innspill")
    group.permissions.add(permission)
    member = UserFactory()
    member.groups.add(group)
    assert has_granted_permission(member, "events.change_input")
    assert not has_granted_permission(UserFactory(), "events.change_input")
    member.is_active = False
    assert not has_granted_permission(member, "events.change_input")


def test_everyone_who_reaches_the_admin_must_give_the_code_there():
    assert requires_two_factor(_in_group(MODERATORS_GROUP))
    assert requires_two_factor(_in_group(EDITORS_GROUP))
    assert requires_two_factor(_in_group(PLATFORM_STAFF_GROUP))
    assert requires_two_factor(UserFactory(is_superuser=True))
    assert not requires_two_factor(UserFactory())


def _middleware_answer(request, user):
    request.user = user
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore

    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    middleware = StaffTwoFactorMiddleware(lambda request: HttpResponse())
    with pytest.raises(SecondFactorRequired) as raised:
        require_second_factor(request)
    return middleware.process_exception(request, raised.value)


def test_a_refused_post_without_a_referer_comes_back_to_my_page():
    request = RequestFactory().post("/fond/forvaltning/soknader/1/vedtak/")
    response = _middleware_answer(request, UserFactory())
    assert response.status_code == 302
    assert response["Location"] == "/konto/tofaktor/?next=/konto/"


def test_a_referer_from_another_site_is_not_followed():
    request = RequestFactory().post(
        "/fond/forvaltning/soknader/1/vedtak/", HTTP_REFERER="https://evil.example/x"
    )
    response = _middleware_answer(request, UserFactory())
    assert response["Location"] == "/konto/tofaktor/?next=/konto/"


def test_other_exceptions_are_left_to_django():
    middleware = StaffTwoFactorMiddleware(lambda request: HttpResponse())
    assert middleware.process_exception(RequestFactory().get("/"), ValueError()) is None


def test_a_verified_session_passes(client):
    user = UserFactory()
    force_login_verified(client, user)
    response = client.get(reverse("accounts:profile"))
    assert response.wsgi_request.user.is_verified()
    require_second_factor(response.wsgi_request)
