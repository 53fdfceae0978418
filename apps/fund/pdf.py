"""The applicant's PDF copy of a submitted application (WeasyPrint, offline: only this
app's own print stylesheet is ever fetched; see apps.printbook.pdf for the fetcher)."""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from apps.printbook.pdf import LocalStaticFetcher

from . import selectors
from .models import Application

STATIC_ROOT = (Path(__file__).resolve().parent / "static" / "fund").resolve()
PRINT_CSS = STATIC_ROOT / "receipt.css"
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


def receipt_html(*, application: Application) -> str:
    answers = {a.question_id: a.answer for a in application.eligibility_answers.all()}
    return render_to_string(
        "fund/pdf/receipt.html",
        {
            "application": application,
            "call": application.call,
            "totals": selectors.budget_totals(lines=application.budget_lines.all()),
            "questions": [
                (q, answers.get(q.pk, "")) for q in application.call.eligibility_questions.all()
            ],
            "language": translation.get_language() or "nb",
        },
    )


def receipt_pdf(*, application: Application) -> bytes:
    fetcher = LocalStaticFetcher(root=STATIC_ROOT)
    fonts = FontConfiguration()
    stylesheet = CSS(filename=str(PRINT_CSS), url_fetcher=fetcher, font_config=fonts)
    document = HTML(
        string=receipt_html(application=application),
        base_url=STATIC_ROOT.as_uri() + "/",
        url_fetcher=fetcher,
    ).render(stylesheets=[stylesheet], font_config=fonts, **PDF_OPTIONS)
    return document.write_pdf(**PDF_OPTIONS)
