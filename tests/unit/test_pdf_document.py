"""Every PDF opens through one function: the reader's language and translated metadata are set, text is cleaned."""

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from incubator.core.i18n import language
from incubator.pdf.document import open_pdf


@pytest.mark.parametrize(("code", "tag"), [("en", "en"), ("fr", "fr-BE"), ("nl", "nl-BE")])
def test_the_document_language_and_metadata_are_set(code, tag):
    buffer = io.BytesIO()
    with language(code):
        pdf = open_pdf(buffer, A4, title="Acme\u0000 — summary", subject="Investor summary", author="MolenGeek")
    pdf.drawString(72, 72, "x")
    pdf.showPage()
    pdf.save()
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    assert reader.trailer["/Root"]["/Lang"] == tag
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata.title == "Acme — summary"  # a control character never reaches the metadata
    assert reader.metadata.author == "MolenGeek" and reader.metadata.subject == "Investor summary"
