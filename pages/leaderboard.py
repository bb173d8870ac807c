"""Coordinator's leaderboard: raw or normalised ranking, judges per startup, criteria, and how each judge scores."""

from typing import Literal

import streamlit as st

from incubator import web
from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role, ScoringState
from incubator.judging.events import list_events
from incubator.judging.leaderboard import standings_download
from incubator.judging.results import event_leaderboard
from incubator.judging.room import board_choices, choose_board_event
from incubator.judging.rubrics import get_rubric
from incubator.reports.charts import criterion_breakdown_chart

actor = web.require_actor(Role.COORDINATOR)
st.title(_("Leaderboard"))

with web.database().read() as session:
    events = {event.slug: event for event in list_events(session, actor)}
    opening = choose_board_event(board_choices(session, actor))  # one with scores to show, the live one first
if not events:
    st.info(_("There is no pitch event yet."))
    st.stop()
if st.query_params.get("event") in events:  # "Open the leaderboard" on an event's page opens that event's board
    opening = st.query_params["event"]
slug = str(
    st.selectbox(
        _("Event"), list(events), format_func=lambda key: events[key].name, key="board_event",
        index=list(events).index(opening) if opening in events else 0,
    )
)  # fmt: skip
method_labels = {"normalized": _("Normalised (fair to harsh and lenient judges)"), "raw": _("Raw average")}
chosen_method = st.radio(
    _("Ranking"), list(method_labels), format_func=lambda key: method_labels[key], horizontal=True, key="board_method"
)
method: Literal["raw", "normalized"] = "raw" if chosen_method == "raw" else "normalized"
st.caption(
    _(
        "Raw: each judge's weighted mean of the criteria, averaged over the judges. Normalised: each judge's "
        "scores turned into z-scores (how far above or below that judge's own average), averaged per startup."
    )
)


@st.fragment(run_every=5 if events[slug].scoring is ScoringState.OPEN else None)
def live_board() -> None:
    with web.database().read() as session:
        board = event_leaderboard(session, actor, slug, method)
    if events[slug].scoring is ScoringState.OPEN:
        st.caption(_("Scoring is open: this board refreshes every 5 seconds."))
    if not board.standings:
        st.info(_("No score yet."))
        return
    st.dataframe(
        [
            {
                _("Rank"): standing.rank,
                _("Startup"): standing.name,
                _("Judges"): standing.judges,
                _("Raw"): round(standing.raw, 2),
                _("Normalised"): round(standing.normalized, 2),
            }
            for standing in board.standings
        ],
        hide_index=True,
        width="stretch",
    )
    if board.unscored:
        st.caption(_("Not scored yet: {names}").format(names=escape_markdown(", ".join(board.unscored))))
    st.download_button(
        _("Download as CSV"), web.prepared_download(standings_download(board.standings)),
        file_name=f"{slug}-leaderboard-{method}.csv",
        mime="text/csv", icon=":material/download:", key="board_csv", on_click="ignore",
)  # fmt: skip
    names = {standing.startup: standing.name for standing in board.standings}
    rubric = get_rubric(events[slug].rubric)
    st.header(_("Scores per criterion"))
    means = rubric.relabel(board.criterion_means)
    st.altair_chart(criterion_breakdown_chart(means, names, list(rubric.labels.values())), width="stretch")
    # The same means as text: the chart tells startups apart by colour alone.
    st.dataframe(
        [{_("Startup"): names.get(startup, startup), **by_criterion} for startup, by_criterion in means.items()],
        hide_index=True, width="stretch", column_config={label: st.column_config.NumberColumn(format="%.2f")
                                                         for label in rubric.labels.values()},
    )  # fmt: skip
    st.header(_("How each judge scores"))
    st.dataframe(
        [
            {_("Judge"): board.judge_names.get(judge.judge, judge.judge), _("Startups scored"): judge.count,
             _("Mean"): round(judge.mean, 2),
             _("Spread"): round(judge.spread, 2)}
            for judge in board.judges
        ],
        hide_index=True,
        width="stretch",
    )  # fmt: skip


live_board()
