"""Every file handed out on a click is made for whoever is signed in at the click, through one door.

The door (`web.download`) keeps the browser's sign-in token, not the actor the page was drawn for;
Streamlit's deferred-file handler, as replaced by the door, answers a refusal with the door's
message and logs one line. A static check finds any download button whose data goes around it.
"""

from __future__ import annotations

import ast
import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select, update
from streamlit.proto.BackMsg_pb2 import BackendOperationRequest
from streamlit.runtime.backend_operation_handler import DeferredFileHandler
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from incubator.accounts.actors import Actor
from incubator.accounts.authentication import sign_in_with_password
from incubator.accounts.users import change_own_password, revoke_all_sign_in_sessions
from incubator.db.models import User
from incubator.exchange.demo import DEMO_PASSWORD
from incubator.web import downloads
from tests.ui.conftest import COORDINATOR, ROOT

LOGGERS = ("incubator", "streamlit.runtime.backend_operation_handler")
DOORS = {"download", "download_in", "prepared_download", "shared_download"}


def _signed_in(database, monkeypatch, email: str = COORDINATOR) -> str:
    _actor, token = sign_in_with_password(database, email, DEMO_PASSWORD)
    monkeypatch.setattr(downloads, "session_token", lambda: token)
    return token


def _who_asks(session, actor: Actor) -> bytes:
    return actor.email.encode()


def _on_another_thread(job):
    """Run a deferred job as Streamlit does: on a worker thread with no script context."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = job()
        except Exception as error:  # the test inspects what the job raised
            result["error"] = error

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    return result


def test_a_live_sign_in_gets_the_file_made_for_it(demo_db, monkeypatch):
    _signed_in(demo_db, monkeypatch)
    assert _on_another_thread(downloads.download(_who_asks)) == {"value": COORDINATOR.encode()}


def _sign_out(database, email):
    with database.write() as session:
        revoke_all_sign_in_sessions(session, session.scalar(select(User.id).where(User.email == email)))


def _deactivate(database, email):
    with database.write() as session:
        session.execute(update(User).where(User.email == email).values(is_active=False))


def _change_password(database, email):
    with database.write() as session:
        user = session.scalars(select(User).where(User.email == email)).one()
        change_own_password(session, Actor.of(user), DEMO_PASSWORD, "a new long password")


@pytest.mark.parametrize("ends", [_sign_out, _deactivate, _change_password])
def test_a_click_after_the_sign_in_ended_gets_no_file(demo_db, monkeypatch, ends):
    _signed_in(demo_db, monkeypatch)
    job = downloads.download(_who_asks)
    ends(demo_db, COORDINATOR)
    result = _on_another_thread(job)
    assert "value" not in result
    assert isinstance(result["error"], downloads.DownloadRefused)
    assert str(result["error"]) == "You are signed out: sign in again to download this."


def test_a_file_the_actor_may_not_have_is_refused_with_the_services_message(demo_db, monkeypatch):
    from incubator.exchange.bundle_export import bundle_file

    _signed_in(demo_db, monkeypatch, "yasmine@demo.incubator.example")
    result = _on_another_thread(downloads.download(bundle_file))
    assert isinstance(result["error"], downloads.DownloadRefused)
    assert str(result["error"]) == "Your account does not give access to this."


def test_the_refusal_is_said_in_the_readers_language_and_the_file_in_the_documents(demo_db, monkeypatch):
    from incubator.core.i18n import _, language

    def translated(session, actor):
        return _("Startups").encode()

    _signed_in(demo_db, monkeypatch)
    with language("fr"):
        job = downloads.download_in("nl", translated)
    assert _on_another_thread(job)["value"] == b"Startups"  # the same word in Dutch
    _sign_out(demo_db, COORDINATOR)
    assert str(_on_another_thread(job)["error"]).startswith("Votre session est terminée")


def _handled(job) -> tuple[object, MediaFileManager]:
    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    file_id = manager.add_deferred(job, "text/csv", "file.csv", "coordinates")
    request = BackendOperationRequest(request_id="r1")
    request.deferred_file.file_id = file_id
    handler = DeferredFileHandler(lambda: manager)
    # On a thread of its own, as Streamlit's server does: a test before may have left this thread a running loop.
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, handler.handle(request, "session")).result(), manager


def test_streamlit_answers_a_refusal_with_its_message_and_one_log_line(demo_db, monkeypatch, caplog):
    _signed_in(demo_db, monkeypatch)
    job = downloads.download(_who_asks)
    _sign_out(demo_db, COORDINATOR)
    with caplog.at_level(logging.DEBUG):
        response, _manager = _handled(job)
    assert response.error_msg == "You are signed out: sign in again to download this."
    assert not response.deferred_file.url
    logged = [record for record in caplog.records if record.name.startswith(LOGGERS)]
    assert [(record.levelname, record.getMessage(), record.exc_info) for record in logged] == [
        ("WARNING", "download refused: SignedOut", None)
    ]


def test_streamlit_still_hands_out_a_file_and_answers_other_failures_its_own_way(demo_db, monkeypatch, caplog):
    _signed_in(demo_db, monkeypatch)
    response, _manager = _handled(downloads.download(_who_asks))
    assert response.deferred_file.url.startswith("/media/") and not response.error_msg

    def broken() -> bytes:
        raise RuntimeError("a bug")

    with caplog.at_level(logging.ERROR):
        response, _manager = _handled(broken)
    assert response.error_msg == "Failed to generate file for download"
    logged = [record for record in caplog.records if record.name.startswith(LOGGERS)]
    assert len(logged) == 1 and logged[0].exc_info is not None  # a bug keeps its traceback


def _download_buttons(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "download_button"
    ]


def _goes_through_the_door(button: ast.Call) -> bool:
    data = next((keyword.value for keyword in button.keywords if keyword.arg == "data"), None)
    if data is None and len(button.args) > 1:
        data = button.args[1]
    return (
        isinstance(data, ast.Call)
        and isinstance(data.func, ast.Attribute)
        and data.func.attr in DOORS
        and isinstance(data.func.value, ast.Name)
        and data.func.value.id == "web"
    )


def test_every_download_button_hands_out_its_file_through_the_door():
    files = sorted((ROOT / "pages").glob("*.py")) + sorted((ROOT / "incubator" / "web").glob("*.py"))
    buttons = {(path.name, button.lineno): _goes_through_the_door(button) for path in files
               for button in _download_buttons(path)}  # fmt: skip
    assert len(buttons) >= 11, buttons  # the check sees every download the app has (the exports loop is one)
    assert [where for where, through in buttons.items() if not through] == []


def test_the_check_finds_a_download_that_goes_around_the_door(tmp_path):
    page = tmp_path / "page.py"
    page.write_text('st.download_button("Get", data=lambda: b"x")\nst.download_button("Get", b"x")\n')
    assert [_goes_through_the_door(button) for button in _download_buttons(page)] == [False, False]


def test_a_share_links_file_is_made_only_while_the_link_is_open_and_gives_files(demo_db):
    from incubator.sharing.links import ShareRequest, closed_message, create_share_link, revoke_share_link

    system = Actor.command_line()
    with demo_db.write() as session:
        giving = create_share_link(session, system, "repair-cafe-online", ShareRequest("Ann"))
        showing = create_share_link(session, system, "repair-cafe-online", ShareRequest("Bo", allow_download=False))

    def build(session, shared) -> bytes:
        return shared.viewer_name.encode()

    assert _on_another_thread(downloads.shared_download(giving.token, "192.0.2.5", None, build)) == {"value": b"Ann"}
    # Asked for directly, a link that gives no file still gives none.
    refused = _on_another_thread(downloads.shared_download(showing.token, "192.0.2.5", None, build))["error"]
    assert str(refused) == "This link shows the document but gives no file."
    job = downloads.shared_download(giving.token, "192.0.2.5", None, build)  # drawn while open, clicked after
    with demo_db.write() as session:
        revoke_share_link(session, system, giving.link_id)
    assert str(_on_another_thread(job)["error"]) == closed_message()
