"""The incubator's name, a coordinator's setting, stands on every document; the team is who joined."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy import select

from incubator.accounts.actors import Actor
from incubator.accounts.invitations import invite_person
from incubator.core.vocabulary import Role
from incubator.db.models import Startup
from incubator.reports.document_files import canvas_pdf, deck_file, onepager_pdf
from incubator.reports.investor_summary import investor_summary
from incubator.settings.naming import rename_incubator
from incubator.startups.teams import set_team_member
from tests.factories import make_startup, make_user

SYSTEM = Actor.command_line()


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages) + str(reader.metadata)


def test_every_document_carries_the_incubators_name(db):
    with db.write() as session:
        founder = make_user(session, Role.FOUNDER, password="a founder's password")
        make_startup(session, founders=[founder], slug="named", name="Named")
        rename_incubator(session, SYSTEM, "MolenGeek Incubator")
    with db.read() as session:
        documents = {
            "one-pager": _text(onepager_pdf(session, SYSTEM, "named")),
            "canvas": _text(canvas_pdf(session, SYSTEM, "named")),
            "deck": _text(deck_file(session, SYSTEM, "named", "pdf")),
        }
    assert {name: "MolenGeek Incubator" in text for name, text in documents.items()} == dict.fromkeys(documents, True)
    assert not any("by Incubator" in text for text in documents.values())


def test_the_one_pagers_team_is_who_joined_not_who_was_only_invited(db):
    with db.write() as session:
        joined = make_user(session, Role.FOUNDER, password="a founder's password", display_name="Zoé Joined")
        make_startup(session, founders=[joined], slug="team", name="Team")
        invite_person(session, SYSTEM, email="later@example.org", name="Never Came", role=Role.FOUNDER)
        set_team_member(session, SYSTEM, "team", "later@example.org", Role.FOUNDER, member=True)
    with db.read() as session:
        assert len(session.scalars(select(Startup).where(Startup.slug == "team")).one().founders) == 2
        assert investor_summary(session, SYSTEM, "team").team == ["Zoé Joined"]
