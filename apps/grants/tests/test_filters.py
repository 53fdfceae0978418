"""Issue 17, item 3: the grants lists' filters are Django forms drawn by
components/filter_form.html. A value that cannot be used is named next to its control and
ignored (the list falls back to every fund or status), never an error page."""

from django.urls import reverse

from apps.fund.models import ApplicationStatus as S

from .factories import ApplicationFactory, DecisionFactory


def _other_grant(world):
    other = ApplicationFactory(
        call__fund=world.other_fund, status=S.GRANTED, title="Prosjekt i det andre fondet"
    )
    DecisionFactory(application=other, amount=50_000)
    return other


def test_granted_list_filters_by_fund(client, world):
    other = _other_grant(world)
    body = client.get(reverse("grants:granted"), {"fond": world.other_fund.slug}).content.decode()
    assert other.title in body
    assert world.granted.title not in body
    assert f'<option value="{world.other_fund.slug}" selected>' in body
    assert 'href="?">Fjern filtrene</a>' in body


def test_unknown_fund_is_reported_in_norwegian_and_every_fund_shown(client, world, settings):
    settings.LANGUAGE_CODE = "nb"
    other = _other_grant(world)
    for name in ("grants:granted", "grants:statistics"):
        response = client.get(reverse(name), {"fond": "finnes-ikke"})
        assert response.status_code == 200
        body = response.content.decode()
        assert 'href="#id_fond">Fond: Velg et fond fra listen.</a>' in body
        assert 'aria-invalid="true" id="id_fond"' in body
        assert "Verdien ble oversett; alle fond vises." in body
    granted = client.get(reverse("grants:granted"), {"fond": "finnes-ikke"}).content.decode()
    assert other.title in granted
    assert world.granted.title in granted


def test_unfiltered_or_paged_list_offers_no_clear_link(client, world):
    _other_grant(world)
    body = client.get(reverse("grants:granted"), {"page": "1"}).content.decode()
    assert '<select name="fond" class="ds-input" id="id_fond">' in body
    assert "Fjern filtrene" not in body
    assert "ds-error-summary" not in body


def test_manager_list_bad_status_is_reported_and_ignored(as_user, world):
    client = as_user(world.people["manager"])
    response = client.get(reverse("grants:manage"), {"status": "tull"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="#id_status">Status: Choose a status from the list.</a>' in body
    assert world.application.title in body  # every status, as before


def test_manager_list_still_filters_by_a_status_it_does_not_offer(as_user, world):
    """Withdrawn is not offered, but the address ?status=withdrawn filtered before and still
    does (to nothing: withdrawn applications are hidden from managers)."""
    client = as_user(world.people["manager"])
    body = client.get(reverse("grants:manage"), {"status": "withdrawn"}).content.decode()
    assert '<option value="withdrawn"' not in body
    assert "ds-error-summary" not in body
    assert world.application.title not in body
    assert "No applications match." in body


def test_manager_fund_choice_offers_only_own_funds(as_user, world):
    client = as_user(world.people["manager"])
    response = client.get(reverse("grants:manage"), {"fond": world.other_fund.slug})
    body = response.content.decode()
    assert response.status_code == 200
    assert f'<option value="{world.other_fund.slug}"' not in body
    assert 'href="#id_fond">Fund: Choose a fund from the list.</a>' in body
