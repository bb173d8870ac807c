"""The command line, `python -m incubator`: a thin skin over the services.

Exit status: 0 on success, 2 on bad input (with one line on standard error naming what
is wrong; for a bundle, the JSON path of the first fault), 1 when the database fails.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from incubator.accounts.actors import Actor
from incubator.accounts.invitations import invite_person
from incubator.accounts.users import create_user
from incubator.cli import documents, pairwise, sharing
from incubator.cli.support import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, open_database
from incubator.core.config import demo_language
from incubator.core.csv_files import csv_text
from incubator.core.errors import IncubatorError, ValidationFailed
from incubator.core.fields import one_line
from incubator.core.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, _, language
from incubator.core.vocabulary import Role
from incubator.exchange.bundle_export import bundle_to_json, export_bundle
from incubator.exchange.bundle_import import import_bundle_file
from incubator.exchange.demo import load_demo
from incubator.startups.teams import set_team_member


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse prints the whole usage; one line naming the fault is easier to act on.
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """Describe every subcommand; a test checks that each one is in the README."""
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL (overrides DATABASE_URL)")
    parser = _Parser(prog="python -m incubator", description="Incubation toolkit command line.", parents=[common])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    db = commands.add_parser("db", help="database schema", parents=[common])
    db_commands = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    db_commands.add_parser("upgrade", help="create or upgrade the schema, keeping every row", parents=[common])

    user = commands.add_parser("user", help="accounts", parents=[common])
    user_commands = user.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    add = user_commands.add_parser(
        "add", help="create an account (password asked for, or read from standard input)", parents=[common]
    )
    add.add_argument("--email", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=[role.value for role in Role])

    invite = commands.add_parser(
        "invite", help="invite someone: prints the one-time link with which they choose a password", parents=[common]
    )
    invite.add_argument("--email", required=True)
    invite.add_argument("--name", required=True)
    invite.add_argument("--role", required=True, choices=[role.value for role in Role])
    invite.add_argument("--startup", metavar="SLUG", help="put them in this startup's team (founders and mentors)")
    demo = commands.add_parser("demo", help="load the demo cohort", parents=[common])
    demo.add_argument(
        "--lang", choices=SUPPORTED_LANGUAGES,
        help="the language of the demo's texts (default: INCUBATOR_DEMO_LANGUAGE, else en)",
    )  # fmt: skip

    import_command = commands.add_parser("import", help="import a bundle file (all or nothing)", parents=[common])
    import_command.add_argument("file", metavar="FILE")

    export = commands.add_parser("export", help="export everything as a bundle", parents=[common])
    export.add_argument("--out", metavar="FILE", help="write here instead of standard output")

    canvas = commands.add_parser("canvas", help="a startup's lean canvas as a landscape A4 PDF", parents=[common])
    canvas.add_argument("slug", metavar="SLUG")
    _add_language_option(canvas)
    canvas.add_argument("--out", metavar="FILE", required=True, help="the PDF file to write")
    canvas.add_argument("--version", type=int, metavar="N", help="an older version (default: the newest)")

    deck = commands.add_parser("deck", help="a startup's pitch deck as PowerPoint or PDF", parents=[common])
    deck.add_argument("slug", metavar="SLUG")
    deck.add_argument("--format", choices=["pptx", "pdf"], required=True)
    _add_language_option(deck)
    deck.add_argument("--out", metavar="FILE", required=True)

    onepager = commands.add_parser("onepager", help="a startup's one-page investor summary (PDF)", parents=[common])
    onepager.add_argument("slug", metavar="SLUG")
    _add_language_option(onepager)
    onepager.add_argument("--out", metavar="FILE", required=True)
    onepager.add_argument("--with-scores", action="store_true", help="add the mentors' average scores")
    booklet = commands.add_parser("booklet", help="a pitch event's demo-day booklet (PDF)", parents=[common])
    booklet.add_argument("event", metavar="EVENT")
    _add_language_option(booklet)
    booklet.add_argument("--out", metavar="FILE", required=True)

    backup = commands.add_parser("backup", help="copy the whole database while the app runs", parents=[common])
    backup.add_argument("--out", metavar="FILE", required=True, help="the backup file to write")
    restore = commands.add_parser("restore", help="replace everything with a backup of this app", parents=[common])
    restore.add_argument("file", metavar="FILE")

    progress = commands.add_parser(
        "progress", help="each startup's path, one row per startup and step (the same states in every language)",
        parents=[common],
    )  # fmt: skip
    progress.add_argument("--cohort", metavar="SLUG", help="only this cohort's startups")
    progress.add_argument(
        "--lang", choices=SUPPORTED_LANGUAGES, default=DEFAULT_LANGUAGE,
        help="the language of the 'missing' column only (default: en)",
    )  # fmt: skip
    progress.add_argument("--format", choices=["csv"], default="csv")

    outbox = commands.add_parser("outbox", help="the e-mail outbox: send what is due, or list it", parents=[common])
    outbox_commands = outbox.add_subparsers(dest="outbox_command", required=True, parser_class=_Parser)
    run = outbox_commands.add_parser(
        "run", help="send what is due, as the one sender across replicas (until stopped)", parents=[common]
    )
    run.add_argument("--once", action="store_true", help="send what is due now and exit (for cron)")
    run.add_argument(
        "--lease", type=float, default=30.0, metavar="SECONDS",
        help="how long the sender's lease lasts unless renewed: another sender takes over after it (default: 30)",
    )  # fmt: skip
    outbox_commands.add_parser("list", help="each message's recipient, subject, state and tries", parents=[common])

    sharing.add_commands(commands, common)
    pairwise.add_commands(commands, common)

    leaderboard = commands.add_parser("leaderboard", help="rank a pitch event's startups", parents=[common])
    leaderboard.add_argument("event", metavar="EVENT", help="the event's slug")
    leaderboard.add_argument("--method", choices=["raw", "normalized"], default="normalized")
    leaderboard.add_argument("--format", choices=["csv", "table"], default="table")
    return parser


def _add_language_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--lang", choices=SUPPORTED_LANGUAGES, default=DEFAULT_LANGUAGE,
        help="the language of the export's own labels; founders' text stays as written (default: en)",
    )  # fmt: skip


def _read_new_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(_("Password: "))
    if getpass.getpass(_("Password again: ")) != first:
        raise ValidationFailed(_("The two passwords differ."), field="password")
    return first


def _user_add(args: argparse.Namespace) -> int:
    password = _read_new_password()
    database = open_database(args)
    with database.write() as session:
        user = create_user(
            session, Actor.command_line(), email=args.email, name=args.name, role=args.role, password=password
        )
        print(_("Created {role} account {email}.").format(role=user.role.value, email=user.email))
    return EXIT_OK


def _invite(args: argparse.Namespace) -> int:
    if args.startup and args.role == Role.COORDINATOR.value:
        raise ValidationFailed(_("A coordinator is not on a startup's team: leave out --startup."), field="startup")
    database = open_database(args)
    actor = Actor.command_line()
    with database.write() as session:
        issued = invite_person(session, actor, email=args.email, name=args.name, role=args.role)
        if args.startup:
            set_team_member(session, actor, args.startup, issued.email, issued.role, member=True)
    print(issued.link)
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    try:
        texts_language = args.lang or demo_language() or DEFAULT_LANGUAGE
    except ValueError as error:
        raise ValidationFailed(str(error), field="INCUBATOR_DEMO_LANGUAGE") from None
    database = open_database(args)
    with database.write() as session:
        report = load_demo(session, texts_language)
    print(_("Demo data loaded: {summary}").format(summary=report.summary()))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ValidationFailed(
            _("Cannot read {file}: {reason}").format(file=args.file, reason=error.strerror)
        ) from None
    database = open_database(args)
    with database.write() as session:
        report = import_bundle_file(session, Actor.command_line(), raw)
    print(_("Imported {file}: {summary}").format(file=args.file, summary=report.summary()))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    database = open_database(args)
    with database.read() as session:
        text = bundle_to_json(export_bundle(session, Actor.command_line()))
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _leaderboard(args: argparse.Namespace) -> int:
    from incubator.judging.leaderboard import standings_csv, standings_table
    from incubator.judging.results import event_leaderboard

    database = open_database(args)
    with database.read() as session:
        board = event_leaderboard(session, Actor.command_line(), args.event, args.method)
    sys.stdout.write(standings_csv(board.standings) if args.format == "csv" else standings_table(board.standings))
    return EXIT_OK


def _backup(args: argparse.Namespace) -> int:
    from incubator.exchange.backups import backup_database

    database = open_database(args)
    kind = backup_database(database, Path(args.out))
    print(_("Backed up the whole database to {file} ({kind}).").format(file=args.out, kind=kind))
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from incubator.exchange.backup_reading import read_backup
    from incubator.exchange.backups import restore_database

    rows = read_backup(Path(args.file))
    database = open_database(args)
    counts = restore_database(database, rows)
    print(_("Restored {file}: {users} accounts, {startups} startups.").format(
        file=args.file, users=counts.get("users", 0), startups=counts.get("startups", 0)
    ))  # fmt: skip
    return EXIT_OK


def _progress(args: argparse.Namespace) -> int:
    from incubator.reports.journey import cohort_paths, progress_rows

    database = open_database(args)
    with database.read() as session:
        paths = cohort_paths(session, Actor.command_line(), args.cohort)
    sys.stdout.write(csv_text(["startup", "step", "state", "missing"], progress_rows(paths), line_end="\n"))
    return EXIT_OK


def _outbox(args: argparse.Namespace) -> int:
    from incubator.cli.mail import list_outbox_lines, run_sender

    database = open_database(args)
    if args.outbox_command == "list":
        sys.stdout.write(list_outbox_lines(database))
        return EXIT_OK
    return run_sender(database, once=args.once, lease_seconds=args.lease)


def _db_upgrade(args: argparse.Namespace) -> int:
    open_database(args)
    print(_("The database schema is up to date."))
    return EXIT_OK


_HANDLERS = {
    "demo": _demo,
    "invite": _invite,
    "import": _import,
    "export": _export,
    "canvas": documents.canvas,
    "leaderboard": _leaderboard,
    "deck": documents.deck,
    "onepager": documents.onepager,
    "booklet": documents.booklet,
    "backup": _backup,
    "restore": _restore,
    "outbox": _outbox,
    "progress": _progress,
    "share": sharing.share,
    "share-views": sharing.share_views,
    "simulate-pairwise": pairwise.simulate_pairwise,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit status."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already reported on one line
        return int(stop.code or 0)
    if args.command == "db":
        handler = _db_upgrade
    elif args.command == "user":
        handler = _user_add
    else:
        handler = _HANDLERS[args.command]
    try:
        with language(getattr(args, "lang", DEFAULT_LANGUAGE)):
            return handler(args)
    except IncubatorError as error:
        print(f"error: {one_line(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SQLAlchemyError as error:
        print(one_line(f"error: the database failed: {error.__class__.__name__}: {error}"), file=sys.stderr)
        return EXIT_FAILED
