import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from apps.rules import demo
from apps.rules.models import Threshold
from apps.rules.selectors import today_oslo

from .factories import LegalRuleFactory, ThresholdFactory

URL = "/regelverk/"
NBSP = "\u00a0"


def _nok(amount: int) -> str:
    return f"{amount:,}".replace(",", NBSP)


def _unverified_marker() -> str:
    with translation.override("nb"):
        return gettext("Not verified – to be checked")


@pytest.fixture
def demo_rules(home_page):
    demo.load()


def test_page_shows_todays_thresholds_and_rules(client, demo_rules):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert _nok(2_300_000) in html
    assert _nok(57_800_000) in html
    for code in ("loa-2", "foa-8-8", "foa-kap-30", "prop-147-l"):
        assert f'id="{code}"' in html
    assert "https://lovdata.no/dokument/NL/lov/2016-06-17-73" in html
    assert '<th scope="col">' in html and "<caption>" in html


def test_unverified_rows_are_marked(client, demo_rules):
    html = client.get(URL).content.decode()
    article = re.search(r'<article[^>]*id="markedsdialog".*?</article>', html, re.S).group(0)
    assert _unverified_marker() in article
    verified = re.search(r'<article[^>]*id="foa-8-8".*?</article>', html, re.S).group(0)
    assert _unverified_marker() not in verified
    health = re.search(r'<tr id="terskel-eea_health_social">.*?</tr>', html, re.S).group(0)
    assert _nok(7_800_000) in health and _unverified_marker() in health


def test_pending_rules_are_in_their_own_section(client, demo_rules):
    LegalRuleFactory(code="forslag-test", proposed=True)
    html = client.get(URL).content.decode()
    in_force, _sep, proposed = html.partition('id="foreslatte-regler"')
    assert 'id="forslag-test"' in proposed
    assert 'id="forslag-test"' not in in_force
    assert 'id="loa-2"' in in_force


def test_a_past_date_shows_the_value_then(client, demo_rules):
    html = client.get(URL, {"dato": "2018-01-01"}).content.decode()
    national = re.search(r'<tr id="terskel-national">.*?</tr>', html, re.S).group(0)
    assert _nok(1_100_000) in national
    assert _nok(1_300_000) not in national
    state = re.search(r'<tr id="terskel-eea_goods_services_state">.*?</tr>', html, re.S).group(0)
    assert _nok(1_100_000) in state
    with translation.override("nb"):
        assert gettext("Not verified – to be checked") in state
    assert 'value="2018-01-01"' in html


def test_a_bad_date_gets_a_message_and_todays_values(client, demo_rules):
    response = client.get(URL, {"dato": "2018-13-45"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "2018-13-45" in html
    assert 'aria-invalid="true"' in html
    national = re.search(r'<tr id="terskel-national">.*?</tr>', html, re.S).group(0)
    assert _nok(1_300_000) in national


def test_a_bad_date_is_named_at_its_control_in_the_shared_filter_form(client, demo_rules, settings):
    """Issue 17: the date form is components/filter_form.html; the unreadable date is linked
    from the summary (an alert) to its control, which keeps what was typed."""
    settings.LANGUAGE_CODE = "nb"
    html = client.get(URL, {"dato": "2018-13-45"}).content.decode()
    assert (
        '<a class="ds-link" href="#threshold-dato">Vis terskelverdiene som gjaldt: '
        "«2018-13-45» er ikke en dato vi kan lese." in html
    )
    assert '<div class="ds-error-summary" tabindex="-1" role="alert"' in html
    assert "Tabellen viser verdiene som gjelder i dag i stedet." in html
    control = re.search(r'<input type="date" name="dato"[^>]*>', html).group(0)
    assert 'value="2018-13-45"' in control and 'aria-invalid="true"' in control
    assert 'aria-describedby="threshold-dato_help threshold-dato_error"' in control


def test_the_date_form_returns_to_the_thresholds_and_offers_today_only_for_another_day(
    client, demo_rules, settings
):
    settings.LANGUAGE_CODE = "nb"
    past = client.get(URL, {"dato": "2018-01-01"}).content.decode()
    assert '<form method="get" action="#terskelverdier" class="filters">' in past
    assert '<a class="ds-link" href="?#terskelverdier">Vis i dag</a>' in past
    assert "ds-error-summary" not in past
    today = today_oslo().isoformat()
    for query in ({}, {"dato": today}):
        html = client.get(URL, query).content.decode()
        assert "Vis i dag" not in html
        assert f'value="{today}"' in html


def test_a_gap_before_the_data_is_said_plainly(client, home_page):
    ThresholdFactory(key=Threshold.Key.NATIONAL, valid_from=datetime.date(2017, 1, 1))
    html = client.get(URL, {"dato": "2010-06-01"}).content.decode()
    with translation.override("nb"):
        assert html.count(gettext("No value recorded for this date.")) == len(Threshold.Key)


def test_history_lists_every_row_of_a_key(client, demo_rules):
    html = client.get(URL).content.decode()
    history = re.search(r'<details[^>]*id="historikk-national".*?</details>', html, re.S).group(0)
    assert _nok(1_100_000) in history and _nok(1_300_000) in history
    lower = re.search(r'<details[^>]*id="historikk-lower_limit".*?</details>', html, re.S).group(0)
    assert _nok(500_000) in lower and _nok(300_000) not in lower


def test_each_row_shows_when_it_was_checked_and_old_open_rows_may_be_out_of_date(
    client, demo_rules
):
    html = client.get(URL, {"dato": "2025-06-01"}).content.decode()
    with translation.override("nb"):
        outdated = gettext("May be out of date")
        checked = gettext("Checked against the source %(day)s") % {"day": "04.12.2026"}
    national = re.search(r'<tr id="terskel-national">.*?</tr>', html, re.S).group(0)
    assert outdated in national  # open since 6 April 2018
    assert checked in national
    lower = re.search(r'<tr id="terskel-lower_limit">.*?</tr>', html, re.S).group(0)
    assert outdated not in lower  # ends 30 June 2026
    rule = re.search(r'<article[^>]*id="loa-2".*?</article>', html, re.S).group(0)
    assert checked in rule


def _count_queries(client, query: dict) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, query)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_rules(client, home_page):
    LegalRuleFactory.create_batch(5)
    LegalRuleFactory.create_batch(5, proposed=True)
    ThresholdFactory()
    few = _count_queries(client, {"dato": "2024-01-01"})
    LegalRuleFactory.create_batch(25)
    LegalRuleFactory.create_batch(20, proposed=True)
    LegalRuleFactory.create_batch(5, valid_to=datetime.date(2019, 1, 1))
    ThresholdFactory(key=Threshold.Key.EEA_WORKS, valid_from=datetime.date(2022, 1, 1))
    many = _count_queries(client, {"dato": "2024-01-01"})
    assert many == few
