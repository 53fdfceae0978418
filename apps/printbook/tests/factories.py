import datetime

import factory

from apps.printbook.models import Edition, EditionStatus


class EditionFactory(factory.django.DjangoModelFactory):
    number = factory.Sequence(lambda n: n + 1)
    edition_date = datetime.date(2026, 1, 15)
    status = EditionStatus.READY
    page_count = 12
    render_seconds = 1.5
    file = factory.django.FileField(filename="kokeboka.pdf", data=b"%PDF-1.7 test edition")

    class Meta:
        model = Edition
