"""Following a topic (a sector tag on recipes) brings news of every recipe tagged with it."""

import pytest
from django.urls import reverse

from apps.accounts.tests.factories import UserFactory
from apps.contributions import services, tasks
from apps.contributions.models import Notification, TopicFollow
from apps.cookbook.services import recipe_publish_revision
from apps.cookbook.tests.factories import RecipePageFactory
from apps.core.models import Sector

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return Sector.objects.get(code="oppvekst_utdanning")


@pytest.fixture
def tagged(chapter, school):
    page = RecipePageFactory(parent=chapter, title="Skole og entreprenør", sectors=[school])
    recipe_publish_revision(recipe=page, change_note="Første versjon")
    page.refresh_from_db()
    return page


def test_toggle_follows_and_unfollows(member, school):
    assert services.topic_follow_toggle(user=member, sector=school) is True
    assert TopicFollow.objects.filter(user=member, sector=school).exists()
    assert services.topic_follow_toggle(user=member, sector=school) is False
    assert not TopicFollow.objects.exists()


def test_new_tip_and_new_version_reach_topic_followers_once(member, trusted, tagged, school):
    services.topic_follow_toggle(user=member, sector=school)
    services.follow_toggle(user=member, recipe=tagged)  # follows both ways: still one notice
    services.tip_submit(recipe=tagged, author=trusted, text="Ta kontakt med rektor tidlig.")
    assert Notification.objects.filter(user=member, kind="new_tip").count() == 1
    recipe_publish_revision(recipe=tagged, change_note="Nytt steg om avtale")
    assert Notification.objects.filter(user=member, kind="new_version").count() == 1


def test_untagged_and_other_topic_recipes_do_not_notify(member, trusted, recipe, chapter, school):
    services.topic_follow_toggle(user=member, sector=school)
    other = RecipePageFactory(
        parent=chapter, sectors=[Sector.objects.get(code="helse_omsorg")], title="Omsorg"
    )
    services.tip_submit(recipe=recipe, author=trusted, text="Generelt råd")
    services.tip_submit(recipe=other, author=trusted, text="Råd om omsorg")
    assert not Notification.objects.filter(user=member).exists()


def test_topic_follower_gets_the_digest(member, trusted, tagged, school, mailoutbox):
    services.topic_follow_toggle(user=member, sector=school)
    services.tip_submit(recipe=tagged, author=trusted, text="Råd")
    assert tasks.send_digests.enqueue(frequency="daily").return_value == 1
    assert mailoutbox[0].to == [member.email]
    assert tagged.title in mailoutbox[0].body


def test_view_requires_login_post_and_a_known_topic(client, member, school):
    url = reverse("contributions:topic-follow-toggle", args=[school.code])
    response = client.post(url)
    assert response.status_code == 302 and "/logg-inn/" in response["Location"]
    client.force_login(member)
    assert client.get(url).status_code == 405
    missing = reverse("contributions:topic-follow-toggle", args=["finnes-ikke"])
    assert client.post(missing).status_code == 404
    assert not TopicFollow.objects.exists()


def test_view_toggles_and_redirects_only_to_this_site(client, member, school, tagged):
    client.force_login(member)
    url = reverse("contributions:topic-follow-toggle", args=[school.code])
    response = client.post(url, {"next": tagged.url})
    assert response.status_code == 302 and response["Location"] == tagged.url
    assert TopicFollow.objects.filter(user=member, sector=school).exists()
    response = client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("contributions:notification-settings")
    assert not TopicFollow.objects.exists()


def test_recipe_page_and_settings_page_offer_the_topic(client, member, school, tagged):
    client.force_login(member)
    body = client.get(tagged.url).content.decode()
    assert reverse("contributions:topic-follow-toggle", args=[school.code]) in body
    # The topic in the interface language (docs/decisions/0019).
    assert f"Follow the topic {school.name_en}" in body
    services.topic_follow_toggle(user=member, sector=school)
    services.follow_toggle(user=member, recipe=tagged)
    settings_page = client.get(reverse("contributions:notification-settings")).content.decode()
    assert f"Stop following {school.name_en}" in settings_page
    assert f"Stop following {tagged.title}" in settings_page


def test_other_people_do_not_see_or_change_my_follows(client, member, school):
    services.topic_follow_toggle(user=member, sector=school)
    someone = UserFactory()
    client.force_login(someone)
    page = client.get(reverse("contributions:notification-settings")).content.decode()
    assert f"Stop following {school.name}" not in page
