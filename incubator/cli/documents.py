"""The commands that write a startup's documents: canvas, deck, one-pager and booklet.

Imported only when one of them runs: they alone need reportlab, python-pptx and the chart renderer.
"""

from __future__ import annotations

import argparse

from incubator.accounts.actors import Actor
from incubator.cli.support import EXIT_OK, open_database, write_file
from incubator.core.i18n import _, ngettext


def canvas(args: argparse.Namespace) -> int:
    # Imported here: only the document commands need reportlab and python-pptx.
    from incubator.canvas.export import canvas_print
    from incubator.reports.document_files import canvas_pdf

    database = open_database(args)
    with database.read() as session:
        actor = Actor.command_line()
        version = canvas_print(session, actor, args.slug, args.version).version
        pdf = canvas_pdf(session, actor, args.slug, args.version)
    write_file(args.out, pdf)
    print(_("Wrote version {version} of the canvas of {slug} to {file}.").format(
        version=version, slug=args.slug, file=args.out
    ))  # fmt: skip
    return EXIT_OK


def onepager(args: argparse.Namespace) -> int:
    from incubator.reports.document_files import onepager_pdf

    database = open_database(args)
    with database.read() as session:
        pdf = onepager_pdf(session, Actor.command_line(), args.slug, include_scores=args.with_scores)
    write_file(args.out, pdf)
    print(_("Wrote the investor summary of {slug} to {file}.").format(slug=args.slug, file=args.out))
    return EXIT_OK


def deck(args: argparse.Namespace) -> int:
    from incubator.deck.versions import deck_for_export
    from incubator.reports.document_files import deck_file

    database = open_database(args)
    with database.read() as session:
        actor = Actor.command_line()
        number = deck_for_export(session, actor, args.slug).version
        data = deck_file(session, actor, args.slug, "pptx" if args.format == "pptx" else "pdf")
    write_file(args.out, data)
    state = _("version {number}").format(number=number) if number else _("a first draft")
    print(_("Wrote {state} of the deck of {slug} to {file}.").format(state=state, slug=args.slug, file=args.out))
    return EXIT_OK


def booklet(args: argparse.Namespace) -> int:
    from incubator.reports.investor_summary import event_booklet
    from incubator.reports.onepager_pdf import build_booklet

    database = open_database(args)
    with database.read() as session:
        booklet = event_booklet(session, Actor.command_line(), args.event)
    write_file(args.out, build_booklet(booklet))
    print(ngettext("Wrote the booklet of {event} ({count} pitch) to {file}.",
                   "Wrote the booklet of {event} ({count} pitches) to {file}.", len(booklet.pages)).format(
        event=args.event, count=len(booklet.pages), file=args.out
    ))  # fmt: skip
    return EXIT_OK
