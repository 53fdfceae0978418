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

EVENT = {
    "title": "Dialogmøte om arbeidsinkludering",
    "slug": "dialogmote-arbeidsinkludering",
    "url": "https://kokeboka.no/dialogmoter/dialogmote-arbeidsinkludering/",
    "start": "2025-05-20T09:00:00+02:00",
    "end": "2025-05-20T12:00:00+02:00",
    "place": {"name": "Rådhuset", "address": "Storgata 1, 3015 Drammen"},
    "online": True,
    "capacity": 60,
    "seats_left": 12,
    "registration_open": True,
}

CASE = {
    "title": "Effektkontrakt for unge i Lier",
    "slug": "lier",
    "url": "/eksempler/lier/",
    "municipality": {
        "code": "3312",
        "name": "Lier",
        "county": {"code": "33", "name": "Buskerud"},
    },
    "entrepreneur": {
        "name": "Trygg av natur",
        "website": "https://example.org/",
        "organisation": "trygg-av-natur",
    },
    "sectors": ["folkehelse"],
    "target_groups": ["ungdom"],
    "form": "effektkontrakt",
    "start_year": 2016,
    "end_year": None,
    "summary": "Den første effektkontrakten i en norsk kommune.",
}

EXAMPLES: dict[str, dict[str, Any]] = {
    "RuleOut": RULE,
    "ThresholdOut": THRESHOLD,
    "RecipeListItem": RECIPE,
    "PostOut": POST,
    "EventOut": EVENT,
    "CaseListItem": CASE,
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
