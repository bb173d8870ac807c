"""Everything that imports Streamlit: the app's frame, who is signed in, writes, messages and pickers.

Pages import this package as `web` and call the names below; the domain never imports it.
"""

from incubator.web.database import database
from incubator.web.downloads import DownloadRefused, download, download_in, prepared_download, shared_download
from incubator.web.frame import require_actor, require_frame
from incubator.web.language import (
    SIGN_IN_LANGUAGE_KEY,
    apply_language,
    document_language,
    in_current_language,
    in_language,
    reword_streamlit_widgets,
)
from incubator.web.messages import flash, forget_widgets, show_error, show_flash
from incubator.web.pickers import choose_startup
from incubator.web.signed_in import (
    app_address,
    client_address,
    complete_sign_in,
    current_actor,
    device_token,
    leave_fragment_if_signed_out,
    read,
    sign_out,
    single_sign_on_configured,
    this_session_hash,
    write_pending_cookie,
)
from incubator.web.unsaved import guard_unsaved_changes
from incubator.web.writes import Done, act, act_passing

__all__ = [
    "SIGN_IN_LANGUAGE_KEY",
    "Done",
    "DownloadRefused",
    "act",
    "act_passing",
    "app_address",
    "apply_language",
    "choose_startup",
    "client_address",
    "complete_sign_in",
    "current_actor",
    "database",
    "device_token",
    "document_language",
    "download",
    "download_in",
    "flash",
    "forget_widgets",
    "guard_unsaved_changes",
    "in_current_language",
    "in_language",
    "leave_fragment_if_signed_out",
    "prepared_download",
    "read",
    "require_actor",
    "require_frame",
    "reword_streamlit_widgets",
    "shared_download",
    "show_error",
    "show_flash",
    "sign_out",
    "single_sign_on_configured",
    "this_session_hash",
    "write_pending_cookie",
]
