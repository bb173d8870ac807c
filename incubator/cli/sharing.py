"""The command line's sharing commands: make a link for an investor, and read what each link was read."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from incubator.accounts.actors import Actor
from incubator.cli.support import EXIT_OK, open_database
from incubator.core.csv_files import csv_text


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add `share` and `share-views` to the command line's subcommands."""
    share = commands.add_parser(
        "share", help="make a link that opens a startup's deck or one-pager to one investor; prints its address",
        parents=[common],
    )  # fmt: skip
    share.add_argument("slug", metavar="SLUG", help="the startup's slug")
    share.add_argument("--to", required=True, metavar="NAME", help="whom the link is for (shown on downloads)")
    share.add_argument("--email", default="", metavar="E", help="their email, kept with the link")
    share.add_argument("--expires", metavar="YYYY-MM-DD", help="the last day the link opens (default: no end)")
    share.add_argument("--no-download", action="store_true", help="the link shows the document but gives no file")
    share.add_argument("--what", choices=["deck", "onepager"], default="deck", help="what it opens (default: deck)")
    share_views = commands.add_parser(
        "share-views", help="what each link of a startup was read: one row per link and slide", parents=[common]
    )
    share_views.add_argument("slug", metavar="SLUG", help="the startup's slug")
    share_views.add_argument("--format", choices=["csv"], default="csv")


def share(args: argparse.Namespace) -> int:
    from incubator.sharing.links import ShareRequest, create_share_link, read_expiry, share_address

    expires = read_expiry(args.expires) if args.expires is not None else None
    request = ShareRequest(args.to, email=args.email, opens=args.what, allow_download=not args.no_download,
                           expires_on=expires)  # fmt: skip
    database = open_database(args)
    with database.write() as session:
        issued = create_share_link(session, Actor.command_line(), args.slug, request)
    print(share_address(issued.token))
    return EXIT_OK


def share_views(args: argparse.Namespace) -> int:
    from incubator.sharing.views import share_reports

    database = open_database(args)
    with database.read() as session:
        reports = share_reports(session, Actor.command_line(), args.slug)
    rows = [
        [report.viewer_name, slide, f"{seconds:.1f}", report.views, "yes" if report.downloaded else "no"]
        for report in reports
        for slide, seconds in (report.seconds_by_slide.items() or [(0, 0.0)])
    ]
    header = ["link", "slide", "seconds", "opens", "downloaded"]
    sys.stdout.write(csv_text(header, rows, line_end="\n"))
    return EXIT_OK
