"""Every chart of the app and its exports, built with Altair: the only module that imports it."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd


def criterion_breakdown_chart(
    means: Mapping[str, Mapping[str, float]], names: Mapping[str, str], criteria: list[str]
) -> alt.Chart:
    """Grouped bars: each startup's mean score per criterion."""
    rows = [
        {"Startup": names.get(startup, startup), "Criterion": criterion, "Mean score": round(value, 2)}
        for startup, by_criterion in means.items()
        for criterion, value in by_criterion.items()
    ]
    frame = pd.DataFrame(rows, columns=["Startup", "Criterion", "Mean score"])
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("Criterion:N", sort=criteria, title=None),
            xOffset=alt.XOffset("Startup:N"),
            y=alt.Y("Mean score:Q", scale=alt.Scale(domain=[0, 5])),
            color=alt.Color("Startup:N", legend=alt.Legend(orient="bottom")),
            tooltip=["Startup", "Criterion", "Mean score"],
        )
        .properties(height=320)
    )
    return chart
