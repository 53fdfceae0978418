from io import StringIO

from django.core.management import call_command

from apps.matching.models import MatchEmbedding, MatchTerm


def test_reindex_rebuilds_a_lost_index(dropout_need, offers):
    count = MatchTerm.objects.count()
    MatchTerm.objects.all().delete()
    out = StringIO()
    call_command("matching_reindex", stdout=out)
    assert "Indexed 1 needs and 3 offers" in out.getvalue()
    assert MatchTerm.objects.count() == count


def test_bench_runs_small_and_leaves_nothing_behind(db):
    from apps.broker.models import Need, Offer

    out = StringIO()
    call_command("matching_bench", offers=40, needs=40, runs=3, stdout=out)
    text = out.getvalue()
    for case in ("need → offers", "offer → needs"):
        assert f"{case} (with semantics): median" in text
        assert f"{case} (without semantics): median" in text
    assert not Offer.objects.exists() and not Need.objects.exists()
    assert not MatchTerm.objects.exists() and not MatchEmbedding.objects.exists()


def test_demo_indexes_and_is_idempotent(dropout_need, offers):
    from apps.matching import demo

    MatchTerm.objects.all().delete()
    demo.load()
    demo.load()
    assert MatchTerm.objects.filter(kind="need", object_id=dropout_need.pk).exists()
