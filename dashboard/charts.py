"""Altair chart specs for the dashboard, built from the frames `dashboard.queries` returns.

Figures over time draw each claim's interval from `low` to `high` at its article date. A bound
that is open (at least / more than N: no high; up to N: no low) is drawn dashed to the chart's
edge and ends in an arrow head, so "at least 100" never looks like "exactly 100".
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

#: Labels of the `bounds` field that says which side of an interval is open.
CLOSED, OPEN_ABOVE, OPEN_BELOW, OPEN_BOTH = "closed", "open above", "open below", "open both"


def _edges(frame: pd.DataFrame, log: bool) -> tuple[float, float]:
    """Bottom and top of the value axis: a margin beyond every finite bound and value."""
    finite = pd.concat([frame[c] for c in ("low", "high", "value")]).dropna()
    if log:
        finite = finite[finite > 0]
    if finite.empty:
        return (1.0, 10.0) if log else (0.0, 1.0)
    lo, hi = float(finite.min()), float(finite.max())
    if log:
        return 10 ** math.floor(math.log10(lo) - 0.3), 10 ** math.ceil(math.log10(hi) + 0.3)
    return min(0.0, lo), hi * 1.15 if hi > 0 else 1.0


def interval_frame(frame: pd.DataFrame, log: bool = False) -> tuple[pd.DataFrame, tuple[float, float]]:
    """Add `y`/`y2` (interval ends, open sides moved to the axis edge) and `bounds` to `frame`.

    Returns the frame and the axis domain. With a log axis, values at or below zero are moved
    to the bottom edge too (they cannot be drawn on a log scale).
    """
    bottom, top = _edges(frame, log)
    out = frame.copy()
    low = out["low"].where(out["low"] > 0) if log else out["low"]
    high = out["high"].where(out["high"] > 0) if log else out["high"]
    open_low, open_high = low.isna(), high.isna()
    out["y"] = low.fillna(bottom).clip(bottom, top)
    out["y2"] = high.fillna(top).clip(bottom, top)
    out["bounds"] = CLOSED
    out.loc[open_high & ~open_low, "bounds"] = OPEN_ABOVE
    out.loc[open_low & ~open_high, "bounds"] = OPEN_BELOW
    out.loc[open_low & open_high, "bounds"] = OPEN_BOTH
    return out, (bottom, top)


def timeline_chart(
    frame: pd.DataFrame, *, colour_title: str, log: bool = False, aggregated: bool = False
) -> alt.LayerChart:
    """Figures over time: one interval per claim (or per time bucket and colour when aggregated)."""
    data, domain = interval_frame(frame, log)
    scale = alt.Scale(type="log" if log else "linear", domain=list(domain), clamp=True)
    x = alt.X("published:T", title="article date", scale=alt.Scale(padding=12))
    colour = alt.Color("colour:N", title=colour_title)
    if aggregated:
        tooltip = [
            alt.Tooltip("published:T", title="period from"),
            alt.Tooltip("colour:N", title=colour_title),
            alt.Tooltip("claims:Q", title="claims", format=","),
            alt.Tooltip("low:Q", title="lowest low", format=",.4~g"),
            alt.Tooltip("high:Q", title="highest high", format=",.4~g"),
            alt.Tooltip("value:Q", title="median value", format=",.4~g"),
        ]
    else:
        tooltip = [
            alt.Tooltip("mention:N", title="mention"),
            alt.Tooltip("speaker:N", title="speaker"),
            alt.Tooltip("outlet:N", title="outlet"),
            alt.Tooltip("published:T", title="date"),
            alt.Tooltip("qualifier:N", title="qualifier"),
            alt.Tooltip("bounds:N", title="interval"),
        ]
    base = alt.Chart(data).encode(x=x, color=colour, tooltip=tooltip)
    rules = base.mark_rule(strokeWidth=2, opacity=0.7).encode(
        y=alt.Y("y:Q", scale=scale, title="claimed figure (interval)"),
        y2="y2:Q",
        strokeDash=alt.condition(
            alt.datum.bounds == CLOSED, alt.value([1, 0]), alt.value([5, 3])
        ),
    )
    value_size = (
        alt.Size("claims:Q", title="claims", scale=alt.Scale(range=[20, 400]))
        if aggregated
        else alt.value(40)
    )
    points = base.mark_point(filled=True).encode(
        y=alt.Y("value:Q", scale=scale), size=value_size
    ).transform_filter("isValid(datum.value)")
    up = base.mark_point(shape="triangle-up", filled=True, size=120).encode(
        y=alt.Y("y2:Q", scale=scale)
    ).transform_filter(alt.FieldOneOfPredicate(field="bounds", oneOf=[OPEN_ABOVE, OPEN_BOTH]))
    down = base.mark_point(shape="triangle-down", filled=True, size=120).encode(
        y=alt.Y("y:Q", scale=scale)
    ).transform_filter(alt.FieldOneOfPredicate(field="bounds", oneOf=[OPEN_BELOW, OPEN_BOTH]))
    return alt.layer(rules, points, up, down).properties(height=360).interactive(bind_y=False)


def counts_chart(frame: pd.DataFrame, *, by_title: str) -> alt.Chart:
    """Who claims what: horizontal bars of claims per speaker or outlet, split by category."""
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("who:N", title=by_title, sort="-x", axis=alt.Axis(labelLimit=220)),
            x=alt.X("sum(claims):Q", title="claims"),
            color=alt.Color("category:N", title="category", scale=alt.Scale(scheme="tableau20")),
            tooltip=[
                alt.Tooltip("who:N", title=by_title),
                alt.Tooltip("category:N", title="category"),
                alt.Tooltip("claims:Q", title="claims", format=","),
            ],
        )
        .properties(height=alt.Step(22))
    )
