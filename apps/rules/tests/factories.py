import datetime

import factory

from apps.rules.models import LegalRule, Threshold


class LegalRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalRule

    code = factory.Sequence(lambda n: f"regel-{n}")
    citation = factory.Sequence(lambda n: f"FOA § {n + 1}-1")
    title = factory.Sequence(lambda n: f"Regel nummer {n}")
    summary = "Et kort sammendrag i klarspråk av hva regelen betyr i praksis."
    law = "Anskaffelsesforskriften"
    source_url = "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974"
    valid_from = datetime.date(2017, 1, 1)
    valid_to = None
    verified = True
    pending = False
    verification_note = ""

    class Params:
        proposed = factory.Trait(pending=True, valid_from=None, verified=False)


class ThresholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Threshold

    key = Threshold.Key.NATIONAL
    amount = 1_300_000
    citation = "FOA § 5-1"
    source_url = "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974"
    valid_from = datetime.date(2018, 4, 6)
    valid_to = None
    verified = True
    pending = False
    verification_note = ""

    class Params:
        proposed = factory.Trait(pending=True, valid_from=None, verified=False)
