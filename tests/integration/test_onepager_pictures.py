"""The one-pager of an empty new startup, a typical one and the fullest, kept as pictures and checked.

Pictures go to artifacts/screenshots (rendered by PDFium, as the app renders slide previews).
"""

from __future__ import annotations

import io

import pypdfium2
from pypdf import PdfReader

from incubator.accounts.actors import Actor
from incubator.exchange.bundle_import import import_bundle
from incubator.exchange.demo import load_demo
from incubator.reports.charts import with_traction_chart
from incubator.reports.investor_summary import investor_summary
from incubator.reports.onepager_pdf import build_onepager
from tests.e2e.conftest import SCREENSHOTS

EMPTY = {"format": "incubator-bundle", "version": 1, "startups": [{"slug": "brand-new", "name": "Brand New"}]}


def test_three_one_pagers_are_one_page_each_and_kept_as_pictures(db):
    with db.write() as session:
        load_demo(session)
        import_bundle(session, Actor.command_line(), EMPTY)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    texts = {}
    for slug in ("brand-new", "souk-direct", "greencourier"):
        with db.read() as session:
            pdf = build_onepager(with_traction_chart(investor_summary(session, Actor.command_line(), slug)))
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) == 1
        texts[slug] = reader.pages[0].extract_text()
        document = pypdfium2.PdfDocument(pdf)
        document[0].render(scale=1.5).to_pil().save(SCREENSHOTS / f"onepager-{slug}-{db.engine.dialect.name}.png")
        document.close()
    assert "No milestone yet." in texts["brand-new"] and "Done" not in texts["brand-new"].splitlines()
    assert "Order from your local market stalls" in texts["souk-direct"]  # the tagline is the subtitle
    assert "shortened" not in texts["greencourier"]
