"""Files handed out on a click: one idiom, `download`, that makes the file for whoever is signed in at the click.

A `download_button` whose data is a callable runs it when clicked, on a worker thread and without a
rerun of the page, so an actor captured when the page was drawn may have signed out, been
deactivated or changed their password since. `download` keeps only this browser's sign-in token
and the language; at the click it looks the token up again, in the file's own read transaction,
and builds the file as that actor, or refuses: the browser gets no file and one short message
under the button, and the server log one refusal line (see `_answer_refusals_in_one_line`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec

from sqlalchemy.orm import Session
from streamlit.proto.ForwardMsg_pb2 import BackendOperationResponse, DeferredFileResponsePayload

from incubator.accounts.actors import Actor
from incubator.accounts.authentication import actor_for_token
from incubator.core.errors import IncubatorError, SignedOut
from incubator.core.i18n import _, current_language
from incubator.core.i18n import language as i18n_language
from incubator.sharing.links import Shared, open_shared
from incubator.web.database import database
from incubator.web.signed_in import session_token

P = ParamSpec("P")
LOG = logging.getLogger("incubator.downloads")


class DownloadRefused(IncubatorError):
    """A file asked for by a click was not made: nobody is signed in there any more, or they may not have it."""


def download(
    build: Callable[Concatenate[Session, Actor, P], bytes], *args: P.args, **kwargs: P.kwargs
) -> Callable[[], bytes]:
    """Return a download's deferred data: `build(session, actor, ...)` as whoever is signed in at the click."""
    return download_in(current_language(), build, *args, **kwargs)


def download_in(
    language: str, build: Callable[Concatenate[Session, Actor, P], bytes], *args: P.args, **kwargs: P.kwargs
) -> Callable[[], bytes]:
    """Like `download`, with the file written in `language` (a document's language picked on the page)."""
    token = session_token()  # only the token: who it stands for is asked again at the click
    reader_language = current_language()

    def made_at_the_click() -> bytes:
        with i18n_language(language):
            try:
                with database().read() as session:
                    actor = actor_for_token(session, token)
                    if actor is None:
                        raise SignedOut("signed out")
                    return build(session, actor, *args, **kwargs)
            except SignedOut as error:
                with i18n_language(reader_language):
                    raise DownloadRefused(_("You are signed out: sign in again to download this.")) from error
            except IncubatorError as error:
                raise DownloadRefused(str(error)) from error

    return made_at_the_click


def prepared_download(data: bytes) -> Callable[[], bytes]:
    """Return deferred data handing out a file already made on this page, if its maker is still signed in."""

    def the_same_file(session: Session, actor: Actor) -> bytes:
        return data

    return download(the_same_file)


def shared_download(
    token: str, client: str, passcode: str | None, build: Callable[[Session, Shared], bytes]
) -> Callable[[], bytes]:
    """Return the deferred data of a share link's download: the link is opened again at the click.

    A link revoked or expired since the page was drawn, or one that gives no file, gets no file.
    """
    reader_language = current_language()

    def made_at_the_click() -> bytes:
        with i18n_language(reader_language):
            try:
                shared = open_shared(database(), token, client, passcode)
            except IncubatorError as error:
                raise DownloadRefused(str(error)) from error
            if not shared.allow_download:
                raise DownloadRefused(_("This link shows the document but gives no file."))
            with database().read() as session:
                return build(session, shared)

    return made_at_the_click


def _refusal_in(error: BaseException) -> DownloadRefused | None:
    """Return the refusal behind a failed deferred file, if that is why it failed."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, DownloadRefused):
            return cause
        cause = cause.__cause__
    return None


def _answer_refusals_in_one_line() -> None:
    """Have Streamlit answer a refused deferred file with our message, and log one line instead of a traceback.

    Streamlit (1.67) answers any failure of a download's callable with the fixed English "Failed to
    generate file for download" and logs the whole traceback. Its handler is replaced by one that
    does the same for every other failure (the version is pinned in requirements.txt, and
    tests/ui/test_downloads.py holds this replacement to Streamlit's behaviour).
    """
    from streamlit.runtime import backend_operation_handler as handlers

    if getattr(handlers.DeferredFileHandler.handle, "answers_refusals", False):
        return

    async def handle(self: Any, request: Any, session_id: str) -> Any:
        file_id = request.deferred_file.file_id
        try:
            url = await asyncio.to_thread(self._get_media_file_mgr().execute_deferred, file_id)
        except Exception as error:
            refusal = _refusal_in(error)
            if refusal is None:  # what Streamlit's own handler does
                handlers._LOGGER.exception("Error executing deferred callable for file_id %s", file_id)
                message = "Failed to generate file for download"
            else:
                LOG.warning("download refused: %s", type(refusal.__cause__ or refusal).__name__)
                message = str(refusal)
            return BackendOperationResponse(request_id=request.request_id, error_msg=message)
        return BackendOperationResponse(
            request_id=request.request_id, deferred_file=DeferredFileResponsePayload(url=url)
        )

    handle.answers_refusals = True  # type: ignore[attr-defined]
    handlers.DeferredFileHandler.handle = handle  # type: ignore[method-assign]


_answer_refusals_in_one_line()
