"""The command line: every subcommand, its exit status, and its one-line errors."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from incubator.accounts.passwords import verify_password
from incubator.cli import EXIT_BAD_INPUT, EXIT_OK, build_parser, main
from incubator.core.vocabulary import Role
from incubator.db.models import User

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT.parent / "shared" / "formats" / "example-bundle.json"


def _run(capsys, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    import sys

    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        status = main(list(argv))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return status, out, err


def test_db_upgrade_creates_the_schema(capsys, tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    status, out, _err = _run(capsys, "--db", url, "db", "upgrade")
    assert status == EXIT_OK and "up to date" in out


def test_user_add_reads_the_password_from_standard_input(capsys, db, db_url):
    status, _out, err = _run(
        capsys,
        "--db",
        db_url,
        "user",
        "add",
        "--email",
        "Boss@Example.org",
        "--name",
        "Boss",
        "--role",
        "coordinator",
        stdin="a good password\n",
    )
    assert status == EXIT_OK, err
    with db.read() as session:
        user = session.scalar(select(User).where(User.email == "boss@example.org"))
    assert user.role is Role.COORDINATOR and verify_password(user.password_hash, "a good password")


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (
            ["user", "add", "--email", "bad", "--name", "X", "--role", "mentor"],
            "a good password\n",
            "not a valid email",
        ),
        (["user", "add", "--email", "a@b.org", "--name", "X", "--role", "mentor"], "short\n", "at least 8"),
        (["user", "add", "--email", "a@b.org", "--name", "X", "--role", "king"], "", "invalid choice"),
        (["import", "/no/such/file.json"], "", "Cannot read"),
        (["frobnicate"], "", "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line_on_stderr(capsys, db_url, argv, stdin, message):
    status, _out, err = _run(capsys, "--db", db_url, *argv, stdin=stdin)
    assert status == EXIT_BAD_INPUT
    assert message in err and len(err.strip().splitlines()) == 1


def test_import_then_export_round_trips_and_a_bad_bundle_names_its_path(capsys, db_url, tmp_path):
    status, out, _err = _run(capsys, "--db", db_url, "import", str(EXAMPLE))
    assert status == EXIT_OK and "startups: 1 new" in out
    out_file = tmp_path / "out.json"
    status, _out, _err = _run(capsys, "--db", db_url, "export", "--out", str(out_file))
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    assert status == EXIT_OK and [s["slug"] for s in exported["startups"]] == ["repair-cafe-online"]

    bad = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    bad["startups"][0]["stage"] = "unicorn"
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(bad), encoding="utf-8")
    status, _out, err = _run(capsys, "--db", db_url, "import", str(bad_file))
    assert status == EXIT_BAD_INPUT and err.startswith("error: $.startups[0].stage:")


def test_export_writes_to_standard_output_without_out(capsys, db_url):
    _run(capsys, "--db", db_url, "demo")
    status, out, _err = _run(capsys, "--db", db_url, "export")
    assert status == EXIT_OK and json.loads(out)["format"] == "incubator-bundle"


def test_demo_loads_six_startups_and_loading_again_duplicates_nothing(capsys, db_url):
    status, out, _err = _run(capsys, "demo", "--db", db_url)
    assert status == EXIT_OK and "startups: 6 new" in out
    status, out, _err = _run(capsys, "demo", "--db", db_url)
    assert "startups: 0 new, 0 updated, 6 unchanged" in out
    from incubator.db.database import Database
    from incubator.db.models import CanvasVersion

    with Database.from_url(db_url).read() as session:  # the demo reads like founders' work, not an import
        assert set(session.scalars(select(CanvasVersion.note))) == {"First version, after the idea workshop"}


def test_database_url_environment_variable_is_used_without_db(capsys, monkeypatch, sqlite_url):
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    status, _out, _err = _run(capsys, "demo")
    assert status == EXIT_OK
    status, out, _err = _run(capsys, "export")
    assert len(json.loads(out)["startups"]) == 6


def _subcommands(parser) -> set[str]:
    found: set[str] = set()
    for action in parser._subparsers._group_actions:
        for name, subparser in action.choices.items():
            nested = _subcommands(subparser) if subparser._subparsers else set()
            found |= {f"{name} {sub}" for sub in nested} if nested else {name}
    return found


def test_every_subcommand_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"python -m incubator (?:--db \S+ )?([a-z]+(?:-[a-z]+)?(?: [a-z]+)?)", readme))
    missing = {command for command in _subcommands(build_parser()) if command not in documented}
    assert missing == set()


def test_canvas_writes_the_newest_canvas_as_a_one_page_pdf(capsys, db_url, tmp_path):
    from pypdf import PdfReader

    _run(capsys, "--db", db_url, "import", str(EXAMPLE))
    out_file = tmp_path / "canvas.pdf"
    status, out, _err = _run(capsys, "--db", db_url, "canvas", "repair-cafe-online", "--out", str(out_file))
    assert status == EXIT_OK and "version 1" in out
    reader = PdfReader(out_file)
    assert len(reader.pages) == 1
    assert "Doctolib for repair cafés." in reader.pages[0].extract_text()
    status, _out, err = _run(capsys, "--db", db_url, "canvas", "no-such-startup", "--out", str(out_file))
    assert status == EXIT_BAD_INPUT and "no-such-startup" in err


def test_leaderboard_prints_csv_and_table_with_the_contract_columns(capsys, db_url, tmp_path):
    _run(capsys, "--db", db_url, "import", str(EXAMPLE))
    status, out, _err = _run(
        capsys, "--db", db_url, "leaderboard", "demo-day-spring-2027", "--method", "raw", "--format", "csv"
    )
    assert status == EXIT_OK
    assert out.splitlines() == [
        "rank,startup,name,judges,raw,normalized",
        "1,repair-cafe-online,Repair Café Online,1,3.5000,0.0000",
    ]
    status, out, _err = _run(capsys, "--db", db_url, "leaderboard", "demo-day-spring-2027")
    assert status == EXIT_OK and out.splitlines()[0].split() == [
        "rank",
        "startup",
        "name",
        "judges",
        "raw",
        "normalized",
    ]
    status, _out, err = _run(capsys, "--db", db_url, "leaderboard", "no-such-event")
    assert status == EXIT_BAD_INPUT and "no-such-event" in err
    status, _out, err = _run(capsys, "--db", db_url, "leaderboard", "demo-day-spring-2027", "--method", "median")
    assert status == EXIT_BAD_INPUT and "invalid choice" in err


def test_backup_then_restore_through_the_command_line(capsys, db_url, tmp_path, sqlite_url):
    _run(capsys, "--db", db_url, "demo")
    backup = tmp_path / "nightly.bak"
    status, out, _err = _run(capsys, "--db", db_url, "backup", "--out", str(backup))
    assert status == EXIT_OK and "Backed up" in out
    status, out, _err = _run(capsys, "--db", sqlite_url, "restore", str(backup))
    assert status == EXIT_OK and "12 accounts, 6 startups" in out
    junk = tmp_path / "junk.bak"
    junk.write_text("hello", encoding="utf-8")
    status, _out, err = _run(capsys, "--db", sqlite_url, "restore", str(junk))
    assert status == EXIT_BAD_INPUT and "not a backup of this app" in err


def test_onepager_and_booklet_commands_write_pdfs(capsys, db_url, tmp_path):
    from pypdf import PdfReader

    _run(capsys, "--db", db_url, "demo")
    onepager = tmp_path / "souk.pdf"
    status, _out, err = _run(capsys, "--db", db_url, "onepager", "souk-direct", "--out", str(onepager), "--with-scores")
    assert status == EXIT_OK, err
    assert len(PdfReader(onepager).pages) == 1
    booklet = tmp_path / "booklet.pdf"
    status, out, _err = _run(capsys, "--db", db_url, "booklet", "demo-day-autumn-2026", "--out", str(booklet))
    assert status == EXIT_OK and "6 pitches" in out
    assert len(PdfReader(booklet).pages) == 8


def test_deck_command_writes_pptx_and_pdf(capsys, db_url, tmp_path):
    from pptx import Presentation
    from pypdf import PdfReader

    _run(capsys, "--db", db_url, "import", str(EXAMPLE))
    pptx_file, pdf_file = tmp_path / "deck.pptx", tmp_path / "deck.pdf"
    status, out, _err = _run(
        capsys, "--db", db_url, "deck", "repair-cafe-online", "--format", "pptx", "--out", str(pptx_file)
    )
    assert status == EXIT_OK and "version 1" in out
    assert len(Presentation(str(pptx_file)).slides) == 6
    status, _out, _err = _run(
        capsys, "--db", db_url, "deck", "repair-cafe-online", "--format", "pdf", "--out", str(pdf_file)
    )
    assert status == EXIT_OK and len(PdfReader(pdf_file).pages) == 6
    status, _out, err = _run(
        capsys, "--db", db_url, "deck", "repair-cafe-online", "--format", "key", "--out", str(pdf_file)
    )
    assert status == EXIT_BAD_INPUT and "invalid choice" in err


def test_exports_take_a_language_for_their_own_labels_and_keep_the_founders_text(capsys, db_url, tmp_path):
    from pptx import Presentation
    from pypdf import PdfReader

    _run(capsys, "--db", db_url, "demo")
    canvas, onepager, booklet = tmp_path / "canvas.pdf", tmp_path / "onepager.pdf", tmp_path / "booklet.pdf"
    status, out, _err = _run(capsys, "--db", db_url, "canvas", "souk-direct", "--out", str(canvas), "--lang", "nl")
    assert status == EXIT_OK and "Versie 1 van het canvas" in out
    canvas_text = PdfReader(canvas).pages[0].extract_text()
    assert "Klantsegmenten" in canvas_text and "Customer segments" not in canvas_text
    assert "Vendor ordering app" in canvas_text  # the founders' words, as they wrote them
    status, _out, _err = _run(capsys, "--db", db_url, "onepager", "souk-direct", "--out", str(onepager), "--lang", "fr")
    onepager_text = PdfReader(onepager).pages[0].extract_text().replace("\u202f", " ").replace("\xa0", " ")
    assert status == EXIT_OK and "LA DEMANDE DE FINANCEMENT" in onepager_text and "120 000 €" in onepager_text
    assert "THE ASK" not in onepager_text and "Market prices and freshness" in onepager_text
    status, _out, _err = _run(
        capsys, "--db", db_url, "booklet", "demo-day-autumn-2026", "--out", str(booklet), "--lang", "nl"
    )
    assert status == EXIT_OK and "Pitches, in volgorde" in PdfReader(booklet).pages[1].extract_text()
    deck = tmp_path / "deck.pptx"
    status, out, _err = _run(
        capsys, "--db", db_url, "deck", "taalbrug", "--format", "pptx", "--out", str(deck), "--lang", "fr"
    )
    assert status == EXIT_OK and "un premier brouillon" in out
    titles = [slide.shapes.title.text for slide in Presentation(str(deck)).slides]
    assert titles[1:3] == ["Problème", "Solution"]
    status, _out, err = _run(capsys, "--db", db_url, "canvas", "souk-direct", "--out", str(canvas), "--lang", "de")
    assert status == EXIT_BAD_INPUT and "invalid choice" in err


HOSTILE_BUNDLES = {
    "a repeated key": lambda text: text.replace('"founders": [', '"founders": [], "founders": [', 1),
    "an overflowing number": lambda text: text.replace('"startups": [', '"x": 1e400, "startups": [', 1),
    "deep nesting": lambda text: "[" * 200_000 + "]" * 200_000,
    "a lone surrogate": lambda text: text.replace('"name": "', '"name": "\\ud800', 1),
    "a trailing newline in a slug": lambda text: re.sub(r'"slug": "([a-z0-9-]+)"', r'"slug": "\1\\n"', text, count=1),
    "a javascript website": lambda text: re.sub(
        r'"website": "[^"]*"', '"website": "javascript:alert(1)"', text, count=1
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE_BUNDLES))
def test_a_hostile_bundle_exits_2_with_one_short_line_and_changes_nothing(capsys, tmp_path, case):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    _run(capsys, "--db", url, "db", "upgrade")
    bundle = tmp_path / "bundle.json"
    bundle.write_text(HOSTILE_BUNDLES[case](EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    original = bundle.read_bytes()
    status, _out, _err = _run(capsys, "--db", url, "export", "--out", str(tmp_path / "before.json"))
    status, out, err = _run(capsys, "--db", url, "import", str(bundle))
    assert status == EXIT_BAD_INPUT, (case, out, err)
    assert len(err.strip().splitlines()) == 1 and len(err.strip()) < 300, err
    assert bundle.read_bytes() == original
    _run(capsys, "--db", url, "export", "--out", str(tmp_path / "after.json"))
    before = json.loads((tmp_path / "before.json").read_text())
    after = json.loads((tmp_path / "after.json").read_text())
    before.pop("exported_at"), after.pop("exported_at")
    assert before == after


def test_invite_prints_a_one_time_link_that_puts_the_founder_in_the_team(capsys, db_url):
    from incubator.accounts.invitations import accept_invitation
    from incubator.db.database import Database
    from incubator.db.models import Startup

    _run(capsys, "--db", db_url, "import", str(EXAMPLE))
    status, out, _err = _run(
        capsys, "--db", db_url, "invite", "--email", "Nour@Example.org", "--name", "Nour Haddad", "--role", "founder",
        "--startup", "repair-cafe-online",
    )  # fmt: skip
    assert status == EXIT_OK
    link = out.strip()
    assert link.startswith("http://localhost:8501/?invitation=")
    database = Database.from_url(db_url)
    with database.write() as session:
        accept_invitation(session, link.split("=", 1)[1], "a fine long password", "en")
        startup = session.query(Startup).filter_by(slug="repair-cafe-online").one()
        assert "nour@example.org" in {founder.email for founder in startup.founders}


def test_invite_refuses_a_coordinator_in_a_team_and_an_unknown_startup_without_a_trace(capsys, db_url):
    _run(capsys, "--db", db_url, "import", str(EXAMPLE))
    for role, startup in (("coordinator", "repair-cafe-online"), ("founder", "no-such-startup")):
        status, out, err = _run(
            capsys, "--db", db_url, "invite", "--email", "x@example.org", "--name", "X", "--role", role,
            "--startup", startup,
        )  # fmt: skip
        assert status == EXIT_BAD_INPUT and out == "" and err.count("\n") == 1
    status, out, _err = _run(
        capsys, "--db", db_url, "invite", "--email", "x@example.org", "--name", "X", "--role", "founder"
    )
    assert status == EXIT_OK  # the refused tries left no account behind


def _progress(capsys, db_url: str, *options: str) -> list[list[str]]:
    import csv

    status, out, err = _run(capsys, "--db", db_url, "progress", "--format", "csv", *options)
    assert status == EXIT_OK, err
    return list(csv.reader(io.StringIO(out)))


def test_progress_says_the_same_states_in_every_language_and_what_is_missing_in_the_readers(capsys, db, db_url):
    from incubator.exchange.demo import load_demo

    with db.write() as session:
        load_demo(session)
    tables = {language: _progress(capsys, db_url, "--lang", language) for language in ("en", "fr", "nl")}
    header, *rows = tables["en"]
    assert header == ["startup", "step", "state", "missing"]
    assert len(rows) == 6 * 4 and {row[1] for row in rows} == {"idea", "canvas", "deck", "one-pager"}
    assert {row[2] for row in rows} <= {"not_started", "in_progress", "done"}
    assert all([row[:3] for row in table[1:]] == [row[:3] for row in rows] for table in tables.values())
    for table in tables.values():
        assert all(bool(row[3]) == (row[2] != "done") for row in table[1:])  # what is missing, until done
    missing = {language: next(row[3] for row in table[1:] if row[3]) for language, table in tables.items()}
    assert len(set(missing.values())) == 3  # said in each reader's own words


def test_progress_of_one_cohort_and_of_one_that_does_not_exist(capsys, db, db_url):
    from incubator.exchange.demo import load_demo

    with db.write() as session:
        load_demo(session)
    assert len(_progress(capsys, db_url, "--cohort", "autumn-2026")) == 1 + 6 * 4
    status, _out, err = _run(capsys, "--db", db_url, "progress", "--cohort", "nope")
    assert status == EXIT_BAD_INPUT and err.count("\n") == 1 and "nope" in err


def test_share_prints_only_the_links_address_and_share_views_prints_a_row_per_link_and_slide(
    capsys, db, db_url, monkeypatch
):
    import datetime as dt

    from incubator.exchange.demo import load_demo
    from incubator.sharing.links import open_shared
    from incubator.sharing.views import first_shown, show_slide, start_view

    monkeypatch.setenv("INCUBATOR_URL", "https://incubator.example.org")
    with db.write() as session:
        load_demo(session)
    status, out, err = _run(capsys, "--db", db_url, "share", "souk-direct", "--to", "Ann Investor", "--expires",
                            "2099-12-31", "--no-download")  # fmt: skip
    assert status == EXIT_OK and err == "" and re.fullmatch(r"https://incubator\.example\.org/\?share=[\w-]{43}\n", out)
    shared = open_shared(db, out.strip().split("share=")[1], "192.0.2.1")
    assert (shared.slug, shared.allow_download, shared.opens) == ("souk-direct", False, "deck")
    start = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
    view = start_view(db, shared, now=start)
    first_shown(db, shared, view, now=start)
    view = show_slide(db, shared, view, 2, now=start + dt.timedelta(seconds=12.5))
    show_slide(db, shared, view, 3, now=start + dt.timedelta(seconds=20))
    status, out, _err = _run(capsys, "--db", db_url, "share-views", "souk-direct", "--format", "csv")
    assert status == EXIT_OK
    assert out == "link,slide,seconds,opens,downloaded\nAnn Investor,1,12.5,1,no\nAnn Investor,2,7.5,1,no\n"
    for wrong in (["--expires", "31/12/2099"], ["--expires", "2099-02-30"], ["--expires", "2000-01-01"],
                  ["--what", "booklet"]):  # fmt: skip
        status, out, err = _run(capsys, "--db", db_url, "share", "souk-direct", "--to", "Ann", *wrong)
        assert status == 2 and out == "" and len(err.strip().splitlines()) == 1, wrong
    status, _out, err = _run(capsys, "--db", db_url, "share", "nope", "--to", "Ann")
    assert status == 2 and "nope" in err


def test_simulate_pairwise_prints_one_line_per_method_and_refuses_numbers_out_of_range(capsys):
    status, out, _err = _run(capsys, "simulate-pairwise", "--pitches", "8", "--judges", "3", "--votes", "4",
                             "--events", "5")  # fmt: skip
    lines = out.splitlines()
    assert status == EXIT_OK and [line.split()[0] for line in lines[2:]] == ["crowd-bt", "random", "rubric"]
    assert all(-1 <= float(line.split()[1]) <= 1 and line.endswith("%") for line in lines[2:])
    for wrong in (["--pitches", "2"], ["--events", "0"], ["--judges", "1000"], ["--votes", "x"]):
        status, out, err = _run(capsys, "simulate-pairwise", *wrong)
        assert status == 2 and out == "" and len(err.strip().splitlines()) == 1, wrong
