"""One person, one account: emails are matched in one normalised form, and the database itself refuses look-alikes."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from incubator.accounts.actors import Actor
from incubator.accounts.users import create_user, find_user_by_email
from incubator.core.errors import ValidationFailed
from incubator.core.vocabulary import Role
from incubator.startups.cohorts import create_cohort

ZOE = "zoé.martin@example.org"


@pytest.mark.parametrize(
    "look_alike",
    [ZOE.upper(), unicodedata.normalize("NFD", ZOE), f"  {ZOE}\t", unicodedata.normalize("NFD", ZOE.title())],
)
def test_an_email_in_another_case_or_normal_form_is_the_same_account(db, look_alike):
    with db.write() as session:
        create_user(session, Actor.command_line(), email=ZOE, name="Zoé Martin", role=Role.MENTOR)
    with db.write() as session:
        assert find_user_by_email(session, look_alike).email == ZOE
        with pytest.raises(ValidationFailed, match="already exists"):
            create_user(session, Actor.command_line(), email=look_alike, name="Zoé again", role=Role.MENTOR)


def test_the_database_refuses_a_second_account_differing_only_in_case(db):
    with db.write() as session:
        create_user(session, Actor.command_line(), email="pieter@example.org", name="Pieter", role=Role.MENTOR)
    with pytest.raises(IntegrityError), db.write() as session:  # a path that forgot to normalise still cannot
        session.execute(
            text("INSERT INTO users (email, display_name, role, is_active, language, failed_sign_ins, created_at) "
                 "VALUES ('Pieter@Example.org', 'Twin', 'mentor', true, 'en', 0, CURRENT_TIMESTAMP)")
        )  # fmt: skip


@pytest.mark.parametrize("slug", ["acme\nco", "Acme", "acme--co", "-acme", "acme\u00a0co", "ac\u0301me", "acme_co"])
def test_a_slug_with_any_odd_character_is_refused(db, slug):
    with pytest.raises(ValidationFailed, match="not a valid short name"), db.write() as session:
        create_cohort(session, Actor.command_line(), name="Acme", slug=slug)


def test_a_slug_typed_with_a_trailing_newline_is_the_same_slug_not_a_second_one(db):
    with db.write() as session:
        create_cohort(session, Actor.command_line(), name="Acme", slug="acme")
    with pytest.raises(ValidationFailed), db.write() as session:
        create_cohort(session, Actor.command_line(), name="Acme again", slug="acme\n")
