"""JSON-LD escaping and the structured data built without the demo."""

import json

from apps.opendata.structured import json_for_script, structured_data


def test_script_breakout_is_impossible():
    data = {"name": "</script><script>alert(1)</script> & <!--"}
    text = json_for_script(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


def test_unknown_objects_have_no_structured_data():
    assert structured_data(page=None) is None
    assert structured_data(page=object()) is None


def test_organisation(rf):
    class Org:
        name = "Grønn Vekst AS"
        website = "https://example.org/"
        description = "Arbeidsinkludering i Drammen."
        org_number = "912345678"
        municipality = None

    node = structured_data(organisation=Org(), request=rf.get("/organisasjoner/gronn-vekst/"))
    assert node["@type"] == "Organization"
    assert node["url"] == "http://testserver/organisasjoner/gronn-vekst/"
    assert node["identifier"]["value"] == "912345678"
    assert node["sameAs"] == ["https://example.org/"]
