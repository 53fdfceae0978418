# ruff: noqa: E501 - example texts read better unwrapped
"""Examples shown in the OpenAPI schema, one per listed kind of row. They are realistic
values of the published schema; tests check each one validates against its schema."""

from typing import Any

RULE = {
    "code": "foa-5-3",
    "citation": "FOA § 5-3",
    "title": "Nasjonal terskelverdi",
    "summary": "Kjøp under den nasjonale terskelverdien er unntatt fra forskriftens "
    "prosedyreregler, men de grunnleggende prinsippene gjelder.",
    "law": "Forskrift om offentlige anskaffelser",
    "source_url": "https://lovdata.no/forskrift/2016-08-12-974/§5-3",
    "valid_from": "2024-01-01",
    "valid_to": None,
    "verified": True,
    "pending": False,
}

THRESHOLD = {
    "key": "national",
    "label": "National threshold (Part II, Doffin notice)",
    "amount": 1300000,
    "valid_from": "2024-01-01",
    "valid_to": None,
    "citation": "FOA § 5-3",
    "source_url": "https://lovdata.no/forskrift/2016-08-12-974/§5-3",
    "verified": True,
    "pending": False,
}

RECIPE = {
    "title": "Start med behovet – ikke med løsningen",
    "slug": "start-med-behovet",
    "url": "/kokeboka/forsta-og-mote/start-med-behovet/",
    "summary": "Beskriv hva innbyggerne trenger før dere snakker om hvem som skal levere.",
    "phase": "behov",
    "audience": "kommune",
    "sectors": ["oppvekst_utdanning", "folkehelse"],
    "chapter": {"title": "Forstå og møt hverandre", "slug": "forsta-og-mote"},
    "legal_rules": [
        {
            "code": "markedsdialog",
            "citation": "FOA § 8-1",
            "verified": True,
            "pending": False,
            "note": "",
        }
    ],
    "last_published_at": "2025-03-14T09:30:00+01:00",
}

POST = {
    "title": "Hva vi lærte av det første dialogmøtet",
    "slug": "hva-vi-laerte",
    "url": "/kokebokloggen/hva-vi-laerte/",
    "date": "2025-02-03",
    "author": "Redaksjonen",
    "intro": "Tre ting kommunene tok med seg hjem.",
    "tags": [{"name": "Dialog", "slug": "dialog"}],
    "has_video": False,
}

# The demo's invented coming meeting (docs/decisions/0021-honest-demo-content.md).
EVENT = {
    "title": "Dialogmøte 2027 (eksempel): Fra vellykket pilot til fast drift",
    "slug": "dialogmote-fra-pilot-til-drift-2027",
    "url": "https://kokeboka.no/dialogmoter/dialogmote-fra-pilot-til-drift-2027/",
    "start": "2027-09-14T09:00:00+02:00",
    "end": "2027-09-14T15:00:00+02:00",
    "place": {"name": "Møtesenter i Oslo sentrum", "address": "Oslo"},
    "online": False,
    "capacity": 40,
    "seats_left": 33,
    "registration_open": True,
}

# The demo's real, sourced example (content/demo/cases/eksempler/).
CASE = {
    "title": "Lier kommune og Trygg av natur: den første effektkontrakten på det sosiale feltet",
    "slug": "lier-trygg-av-natur-effektkontrakt",
    "url": "/eksempler/lier-trygg-av-natur-effektkontrakt/",
    "municipality": {
        "code": "3312",
        "name": "Lier",
        "county": {"code": "33", "name": "Buskerud"},
    },
    "entrepreneur": {
        "name": "Trygg av natur",
        "website": "",
        "organisation": "trygg-av-natur",
    },
    "sectors": ["oppvekst_utdanning", "folkehelse"],
    "target_groups": ["ungdom"],
    "form": "effektkontrakt",
    "start_year": None,
    "end_year": None,
    "summary": "Ferd Sosiale Entreprenører finansierte Trygg av naturs forebyggende arbeid i "
    "Lier til avtalte mål var nådd. Deretter tar kommunen over og betaler tilbake en del.",
}

# Taken from the demo content through the API itself.
NEED = {
    "id": 17,
    "key": "demo-bjorkvik-psykisk",
    "title": "Unge voksne med psykiske plager står utenfor arbeid",
    "url": "/behov/17/",
    "organisation": {"name": "Bjørkvik kommune (fiktiv)", "slug": "bjorkvik-kommune-fiktiv"},
    "municipality": {
        "code": "9903",
        "name": "Bjørkvik (fiktiv)",
        "county": {"code": "99", "name": "Eksempelfylket (fiktivt)"},
    },
    "description": "Unge voksne med angst eller depresjon blir gående lenge uten arbeid eller utdanning.",
    "affected": "Unge voksne 18–30 år, NAV og psykisk helsetjeneste.",
    "tried": "Individuell jobbstøtte for noen få.",
    "outcome": "At flere kommer i jobb med støtte rundt seg.",
    "sectors": ["psykisk_helse_rus", "arbeid_inkludering"],
    "target_groups": ["unge_voksne"],
    "cross_sector": True,
    "no_clear_owner": False,
    "budget_min": None,
    "budget_max": None,
    "timeframe": "",
    "status": "in_dialogue",
    "expires_at": "2027-05-22",
    "updated_at": "2026-11-23T10:54:56.012Z",
}

OFFER = {
    "id": 28,
    "key": "demo-turvenn-avlastning",
    "title": "Aktivitet som gir pårørende pause",
    "url": "/entreprenorer/tilbud/28/",
    "organisation": {"name": "Turvenn Eldre SA (fiktiv)", "slug": "turvenn-eldre-sa-fiktiv"},
    "description": "Mens den eldre er ute på tur, får pårørende noen timer fri.",
    "sectors": ["helse_omsorg"],
    "target_groups": ["eldre", "parorende"],
    "maturity": "startup",
    "area_national": False,
    "areas": ["4601", "3201"],
    "updated_at": "2026-11-23T10:54:54.741Z",
}

ENTREPRENEUR = {
    "name": "Aball1",
    "slug": "aball1",
    "url": "/entreprenorer/aball1/",
    "key": "demo:se:Aball1",
    "org_number": "",
    "legal_form": "",
    "work_integration": False,
    "summary": "Aktivitetsbasert læring med tall- og bokstavballer i skole og barnehage.",
    "evidence": "",
    "area_national": False,
    "areas": [],
    "offers": [
        {
            "id": 22,
            "key": "demo-se18-baller",
            "title": "Læring i bevegelse med tall- og bokstavballer",
            "maturity": "established",
        }
    ],
    "renewal_due": "2027-11-23",
}

GRANT = {
    "id": 3,
    "title": "Tilbake til skolen med motor og verksted",
    "organisation": "Fjordvik kommune (fiktiv)",
    "fund": {
        "name": "Innovasjonsfondet i Fjordvik kommune (fiktivt)",
        "slug": "fjordvik-innovasjonsfond",
        "organisation": "Fjordvik kommune (fiktiv)",
    },
    "call": {
        "title": "Samarbeid med sosiale entreprenører, høsten 2026",
        "slug": "sosiale-entreprenorer-host-2026",
    },
    "amount": 400000,
    "decided_at": "2026-11-23T10:55:00.165Z",
    "status": "granted",
    "sector": "oppvekst_utdanning",
    "partners": [{"name": "Motor og mestring (fiktiv)", "kind": "social_entrepreneur"}],
    "results_summary": "",
}

EXAMPLES: dict[str, dict[str, Any]] = {
    "RuleOut": RULE,
    "ThresholdOut": THRESHOLD,
    "RecipeListItem": RECIPE,
    "PostOut": POST,
    "EventOut": EVENT,
    "CaseListItem": CASE,
    "NeedOut": NEED,
    "OfferOut": OFFER,
    "EntrepreneurOut": ENTREPRENEUR,
    "GrantOut": GRANT,
}


def add_examples(schema: dict[str, Any]) -> dict[str, Any]:
    """Adds an example to each listed schema and to its paginated wrapper (Paged<Name>)."""
    components = schema.get("components", {}).get("schemas", {})
    for name, example in EXAMPLES.items():
        if name in components:
            components[name]["examples"] = [example]
        paged = f"Paged{name}"
        if paged in components:
            components[paged]["examples"] = [{"items": [example], "count": 1}]
    return schema
