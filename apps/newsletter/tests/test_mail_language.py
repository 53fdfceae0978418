"""The newsletter's confirmation goes out from the task worker, after the sign-up's request
is over: it is written in the language stored with the subscriber (issue 18), whatever
language is active when the worker sends it."""

import pytest
from django.utils import translation

from apps.newsletter import tasks

pytestmark = pytest.mark.django_db


def _subscribe(email: str, language: str) -> None:
    tasks.subscribe(email=email, topics=[], language=language, ip="", user_agent="")


@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        (
            "nn",
            "Stadfest abonnementet på nyheitsbrevet frå Kokeboka",
            "Stadfest abonnementet her:",
        ),
        ("en", "Confirm your subscription to Kokeboka's newsletter", "Confirm the subscription"),
    ],
)
def test_the_confirmation_arrives_in_the_subscribers_language_over_smtp(
    smtp_server, django_capture_on_commit_callbacks, language, subject, body
):
    # The worker runs with bokmål active, the site's default.
    with translation.override("nb"), django_capture_on_commit_callbacks(execute=True):
        _subscribe("lesar@example.no", language)
    (received,) = smtp_server.wait_for(1)
    assert str(received.message["Subject"]).strip() == subject
    assert body in received.part("text/plain")
    assert f'lang="{language}"' in received.part("text/html")
