"""The DCAT-AP-NO catalogue of Kokeboka's open data, as JSON-LD."""

from typing import Any

from apps.core.siteaddress import site_url

from .datasets import DATASETS, EU_THEME, Dataset

# Norsk lisens for offentlige data (NLOD 2.0), the licence of the printed book too.
LICENSE = "https://data.norge.no/nlod/no/2.0"
ACCESS_RIGHTS_PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
LANGUAGE_NOR = "http://publications.europa.eu/resource/authority/language/NOR"
PUBLISHER_NAME = "Kokeboka"
CONTACT_EMAIL = "post@kokeboka.no"

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:issued": {"@type": "xsd:date"},
    "dct:modified": {"@type": "xsd:dateTime"},
}


def base_url() -> str:
    return site_url()


def _lang(nb: str, en: str) -> list[dict[str, str]]:
    return [{"@language": "nb", "@value": nb}, {"@language": "en", "@value": en}]


def _id(url: str) -> dict[str, str]:
    return {"@id": url}


def publisher(root: str) -> dict[str, Any]:
    return {
        "@id": f"{root}/#publisher",
        "@type": "foaf:Agent",
        "foaf:name": PUBLISHER_NAME,
        "foaf:homepage": _id(f"{root}/"),
    }


def contact_point() -> dict[str, Any]:
    return {
        "@type": "vcard:Organization",
        "vcard:fn": PUBLISHER_NAME,
        "vcard:hasEmail": _id(f"mailto:{CONTACT_EMAIL}"),
    }


def dataset_node(dataset: Dataset, *, root: str) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": f"{root}/data/catalog#{dataset.slug}",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{root}/data/catalog#{dataset.slug}",
        "dct:title": _lang(dataset.title_nb, dataset.title_en),
        "dct:description": _lang(dataset.description_nb, dataset.description_en),
        "dct:publisher": _id(f"{root}/#publisher"),
        "dcat:theme": [_id(EU_THEME + theme) for theme in dataset.themes],
        "dcat:keyword": [{"@language": "nb", "@value": word} for word in dataset.keywords_nb]
        + [{"@language": "en", "@value": word} for word in dataset.keywords_en],
        "dct:license": _id(LICENSE),
        "dct:accessRights": _id(ACCESS_RIGHTS_PUBLIC),
        "dct:language": _id(LANGUAGE_NOR),
        "dcat:contactPoint": contact_point(),
        "dcat:landingPage": _id(f"{root}/api/v1/docs"),
        "dcat:distribution": [
            {
                "@id": f"{root}/data/catalog#{dataset.slug}-api",
                "@type": "dcat:Distribution",
                "dct:title": _lang(
                    f"{dataset.title_nb} (JSON-API)", f"{dataset.title_en} (JSON API)"
                ),
                "dcat:accessURL": _id(root + dataset.api_path),
                "dcat:mediaType": _id(MEDIA_TYPE + "application/json"),
                "dct:format": _id(FILE_TYPE + "JSON"),
                "dct:license": _id(LICENSE),
                "dct:conformsTo": _id(f"{root}/api/v1/openapi.json"),
            },
            {
                "@id": f"{root}/data/catalog#{dataset.slug}-csv",
                "@type": "dcat:Distribution",
                "dct:title": _lang(f"{dataset.title_nb} (CSV)", f"{dataset.title_en} (CSV)"),
                "dcat:accessURL": _id(root + dataset.csv_path),
                "dcat:downloadURL": _id(root + dataset.csv_path),
                "dcat:mediaType": _id(MEDIA_TYPE + "text/csv"),
                "dct:format": _id(FILE_TYPE + "CSV"),
                "dct:license": _id(LICENSE),
                "dct:description": _lang(
                    "UTF-8 med BOM. Kolonner: " + ", ".join(c.name for c in dataset.columns),
                    "UTF-8 with BOM. Columns: "
                    + "; ".join(f"{c.name}: {c.description}" for c in dataset.columns),
                ),
            },
        ],
    }
    modified = dataset.modified()
    if modified is not None:
        node["dct:modified"] = modified.isoformat()
    return node


def catalog(*, root: str | None = None) -> dict[str, Any]:
    """The whole catalogue; `root` is the site's absolute base URL without a trailing slash."""
    root = (root if root is not None else base_url()).rstrip("/")
    datasets = [dataset_node(dataset, root=root) for dataset in DATASETS]
    modified = [node["dct:modified"] for node in datasets if "dct:modified" in node]
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": f"{root}/data/catalog",
        "@type": "dcat:Catalog",
        "dct:title": _lang("Kokeboka – åpne data", "Kokeboka – open data"),
        "dct:description": _lang(
            "Åpne data fra Kokeboka: oppskrifter, regelverk, terskelverdier, eksempler, "
            "blogginnlegg, dialogmøter, behov, tilbud, sosiale entreprenører og "
            "fondstildelinger om samarbeid mellom kommuner og sosiale entreprenører.",
            "Open data from Kokeboka: recipes, legal rules, thresholds, examples, blog posts, "
            "dialogue meetings, needs, offers, social entrepreneurs and fund grants about "
            "collaboration between municipalities and social entrepreneurs.",
        ),
        "dct:publisher": publisher(root),
        "dct:license": _id(LICENSE),
        "dct:language": _id(LANGUAGE_NOR),
        "foaf:homepage": _id(f"{root}/"),
        "dcat:contactPoint": contact_point(),
        "dcat:dataset": datasets,
    }
    if modified:
        node["dct:modified"] = max(modified)
    return node
