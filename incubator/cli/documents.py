"""The commands that write a startup's documents: canvas, deck, one-pager and booklet.

Imported only when one of them runs: they alone need reportlab, python-pptx and the chart renderer.
"""

from __future__ import annotations

import argparse

from incubator.accounts.actors import Actor
from incubator.cli.support import EXIT_OK, open_database, write_file
from incubator.core.i18n import _


def canvas(args: argparse.Namespace) -> int:
    # Imported here: only this command needs reportlab.
    from incubator.canvas.export import canvas_print
    from incubator.canvas.pdf import build_canvas_pdf

    database = open_database(args)
    with database.read() as session:
        document = canvas_print(session, Actor.command_line(), args.slug, args.version)
    write_file(args.out, build_canvas_pdf(document))
    print(_("Wrote version {version} of the canvas of {slug} to {file}.").format(
        version=document.version, slug=args.slug, file=args.out
    ))  # fmt: skip
    return EXIT_OK


def onepager(args: argparse.Namespace) -> int:
    from incubator.reports.charts import with_traction_chart
    from incubator.reports.investor_summary import investor_summary
    from incubator.reports.onepager_pdf import build_onepager

    database = open_database(args)
    with database.read() as session:
        page = investor_summary(session, Actor.command_line(), args.slug, include_scores=args.with_scores)
    write_file(args.out, build_onepager(with_traction_chart(page)))
    print(_("Wrote the investor summary of {slug} to {file}.").format(slug=args.slug, file=args.out))
    return EXIT_OK


def deck(args: argparse.Namespace) -> int:
    from incubator.deck.files import build_deck_pdf, build_pptx
    from incubator.deck.printout import DeckPrint
    from incubator.deck.versions import deck_for_export
    from incubator.reports.charts import with_traction_chart
    from incubator.reports.investor_summary import investor_summary

    database = open_database(args)
    with database.read() as session:
        actor = Actor.command_line()
        deck = deck_for_export(session, actor, args.slug)
        summary = with_traction_chart(investor_summary(session, actor, args.slug))
    document = DeckPrint(summary.name, deck.slides, summary.chart_png)
    write_file(args.out, build_pptx(document) if args.format == "pptx" else build_deck_pdf(document))
    state = _("version {number}").format(number=deck.version) if deck.version else _("a first draft")
    print(_("Wrote {state} of the deck of {slug} to {file}.").format(state=state, slug=args.slug, file=args.out))
    return EXIT_OK


def booklet(args: argparse.Namespace) -> int:
    from incubator.reports.investor_summary import event_booklet
    from incubator.reports.onepager_pdf import build_booklet

    database = open_database(args)
    with database.read() as session:
        booklet = event_booklet(session, Actor.command_line(), args.event)
    write_file(args.out, build_booklet(booklet))
    print(_("Wrote the booklet of {event} ({count} pitches) to {file}.").format(
        event=args.event, count=len(booklet.pages), file=args.out
    ))  # fmt: skip
    return EXIT_OK
