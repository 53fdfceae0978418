"""JSON-LD escaping and the structured data built without the demo."""

import json
import re

import pytest

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


@pytest.mark.django_db
def test_organisation_page_has_organization_jsonld(client, home_page):
    from apps.accounts.tests.factories import OrganisationFactory

    org = OrganisationFactory(name="Grønn Vekst", website="https://example.org/")
    html = client.get(f"/organisasjoner/{org.slug}/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    nodes = [json.loads(block) for block in blocks]
    organization = next(node for node in nodes if node["@type"] == "Organization")
    assert organization["name"] == "Grønn Vekst"
    assert organization["sameAs"] == ["https://example.org/"]
