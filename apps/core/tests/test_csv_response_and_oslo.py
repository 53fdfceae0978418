"""The one CSV download (apps.core.csvsafe.csv_response) and the one Norwegian time zone."""

import datetime

from apps.core.csvsafe import csv_response
from apps.core.oslo import OSLO, oslo


def test_a_streamed_csv_has_the_bom_header_safe_cells_and_a_file_name():
    response = csv_response(
        iter([["=1+1", 3], ["Bodø", None]]),
        header=["Navn", "Antall"],
        filename="eksport.csv",
        delimiter=";",
    )
    assert response.streaming is True
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body == "\ufeffNavn;Antall\r\n'=1+1;3\r\nBodø;\r\n"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="eksport.csv"'


def test_a_small_csv_is_rendered_at_once_when_asked():
    response = csv_response([["a", "b"]], filename="liten.csv", stream=False)
    assert response.streaming is False
    assert response.content.decode("utf-8") == "\ufeffa,b\r\n"


def test_norwegian_time_follows_summer_time_and_agrees_with_the_scheduler():
    from apps.operations.schedule import OSLO as SCHEDULER_ZONE

    assert str(OSLO) == str(SCHEDULER_ZONE) == "Europe/Oslo"
    summer = datetime.datetime(2027, 7, 1, 22, 30, tzinfo=datetime.UTC)
    winter = datetime.datetime(2027, 1, 1, 23, 30, tzinfo=datetime.UTC)
    assert (oslo(summer).date(), oslo(summer).hour) == (datetime.date(2027, 7, 2), 0)
    assert (oslo(winter).date(), oslo(winter).hour) == (datetime.date(2027, 1, 2), 0)
