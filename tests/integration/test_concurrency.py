"""Many people at once: no "database is locked", no lost write, no failed write stored later."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from incubator.accounts.authentication import sign_in_with_password
from incubator.core.errors import SignInFailed
from incubator.db.database import Database
from incubator.db.models import Cohort, SignInFailure
from tests.factories import make_cohort, make_user

THREADS = 16
WRITES_EACH = 25


def _run_in_threads(work, threads: int = THREADS) -> list[BaseException]:
    errors: list[BaseException] = []
    barrier = threading.Barrier(threads)

    def runner(number: int) -> None:
        barrier.wait()
        try:
            work(number)
        except BaseException as error:  # collected and asserted on below
            errors.append(error)

    workers = [threading.Thread(target=runner, args=(number,)) for number in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return errors


def test_read_then_write_transactions_never_see_database_is_locked(db):
    with db.write() as session:
        cohort_id = make_cohort(session, name="counter 0").id

    def work(_number: int) -> None:
        for _ in range(WRITES_EACH):
            with db.write() as session:
                # read first, then write: the pattern that fails under deferred transactions on SQLite
                name = session.scalar(select(Cohort.name).where(Cohort.id == cohort_id))
                count = int(name.split()[-1])
                session.execute(update(Cohort).where(Cohort.id == cohort_id).values(name=f"counter {count + 1}"))

    errors = _run_in_threads(work)
    assert errors == []
    with db.read() as session:
        final = session.scalar(select(Cohort.name).where(Cohort.id == cohort_id))
    if db.is_sqlite:
        # BEGIN IMMEDIATE serialises writers, so even this read-modify-write loses nothing on SQLite.
        assert final == f"counter {THREADS * WRITES_EACH}"


def test_failed_sign_ins_at_the_same_time_are_all_counted(db):
    with db.write() as session:
        email = make_user(session, password="right password").email

    def work(number: int) -> None:
        with pytest.raises(SignInFailed):
            sign_in_with_password(db, email, "wrong password", client=f"client-{number}")

    assert _run_in_threads(work, threads=4) == []
    with db.read() as session:
        assert len(session.scalars(select(SignInFailure).where(SignInFailure.email == email)).all()) == 4


def test_a_write_that_fails_is_not_stored_by_the_next_request(db):
    with db.write() as session:
        make_cohort(session, slug="taken")
    with pytest.raises(Exception), db.write() as session:  # noqa: B017 - the unique violation differs per driver
        session.add(Cohort(slug="ghost", name="Ghost"))
        session.flush()
        session.add(Cohort(slug="taken", name="Duplicate"))
        session.flush()
    for _ in range(3):  # the next requests reuse the pooled connection
        with db.write() as session:
            make_cohort(session)
    with db.read() as session:
        assert session.scalar(select(Cohort).where(Cohort.slug == "ghost")) is None


def test_a_sqlite_writer_waits_for_another_instead_of_failing(sqlite_url):
    db = Database.from_url(sqlite_url)
    started, release = threading.Event(), threading.Event()

    def slow_writer() -> None:
        with db.write() as session:
            make_cohort(session, slug="first")
            started.set()
            release.wait(timeout=5)

    thread = threading.Thread(target=slow_writer)
    thread.start()
    started.wait(timeout=5)
    threading.Timer(0.3, release.set).start()
    try:
        with db.write() as session:
            make_cohort(session, slug="second")
    except OperationalError as error:  # pragma: no cover - the failure this test guards against
        pytest.fail(f"second writer failed instead of waiting: {error}")
    thread.join()
    with db.read() as session:
        assert set(session.scalars(select(Cohort.slug))) == {"first", "second"}
