"""The one ask as a form: amount, currency, instrument and use of funds, on the profile and on the deck's Ask slide.

Both places write the same record through `save_ask`, so the ask is typed once and reads the same in
the deck, the one-pager and the profile.
"""

from __future__ import annotations

import streamlit as st

from incubator.core.amounts import format_amount
from incubator.core.i18n import _
from incubator.startups.ask_text import AskText
from incubator.startups.asks import save_typed_ask
from incubator.web.messages import flash
from incubator.web.writes import act


def ask_form(slug: str, ask: AskText, *, key: str) -> None:
    """Draw the ask's form (its widgets keyed by `key`); saving stores the one ask and reruns the page."""
    with st.form(key):
        amount_column, currency_column, instrument_column = st.columns([2, 1, 2])
        # Typed as text, so it reads as the reader writes numbers (40 000,50), never as 40000.00.
        amount_typed = amount_column.text_input(
            _("Amount"), value=format_amount(ask.amount), max_chars=24, key=f"{key}_amount",
            placeholder=format_amount(40000),
        )  # fmt: skip
        currency = currency_column.text_input(_("Currency"), value=ask.currency, max_chars=3, key=f"{key}_currency")
        instrument = instrument_column.text_input(
            _("Instrument"), value=ask.instrument, max_chars=200, key=f"{key}_instrument",
            placeholder=_("Grant, loan, equity, convertible note…"),
        )  # fmt: skip
        use_of_funds = st.text_area(_("Use of funds"), value=ask.use_of_funds, key=f"{key}_use")
        saved = st.form_submit_button(_("Save the ask")) and act(
            save_typed_ask, slug, amount_typed, AskText(None, currency, instrument, use_of_funds)
        )
        if saved:
            flash(_("The ask is saved: the deck, the one-pager and the profile say it alike."))
            st.rerun()
