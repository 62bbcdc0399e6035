"""Chart specs: intervals drawn from low to high, open bounds run to the edge, tooltips, scales."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pandas as pd
import pytest

from dashboard.charts import (
    CLOSED, OPEN_ABOVE, OPEN_BELOW, OPEN_BOTH, counts_chart, interval_frame, timeline_chart,
)


def frame(*claims: tuple[float | None, float | None, float | None]) -> pd.DataFrame:
    """Rows of (low, high, value) with the other columns the time chart reads."""
    return pd.DataFrame(
        {
            "published": [dt.date(2024, 12, 19)] * len(claims),
            "mention": [f"m{i}" for i in range(len(claims))],
            "low": [c[0] for c in claims],
            "high": [c[1] for c in claims],
            "value": [c[2] for c in claims],
            "qualifier": ["exact"] * len(claims),
            "outlet": ["Daily Planet"] * len(claims),
            "category": ["killed"] * len(claims),
            "speaker": ["Lee"] * len(claims),
            "colour": ["Lee"] * len(claims),
        }
    )


class Interval(NamedTuple):
    claim: tuple[float | None, float | None, float | None]  # low, high, value
    log: bool
    y: str  # "low", "bottom" (axis edge) ...
    y2: str
    bounds: str


# Against a reference claim 10..1000, so the axis runs 0..1150 (linear) or 1..10000 (log).
INTERVALS = [
    # a point and a closed range keep their own ends
    Interval((100, 100, 100), False, "low", "high", CLOSED),
    Interval((20, 30, 25), False, "low", "high", CLOSED),
    # at least / more than: open above, drawn to the top edge
    Interval((100, None, 100), False, "low", "top", OPEN_ABOVE),
    Interval((100, None, 100), True, "low", "top", OPEN_ABOVE),
    # up to / less than: open below, drawn to the bottom edge
    Interval((None, 50, 50), False, "bottom", "high", OPEN_BELOW),
    # nothing known about either side
    Interval((None, None, None), False, "bottom", "top", OPEN_BOTH),
    # on a log axis, zero cannot be drawn: "up to 50" from [0, 50] starts at the bottom edge
    Interval((0, 50, 50), True, "bottom", "high", OPEN_BELOW),
    Interval((0, 50, 50), False, "low", "high", CLOSED),
]


@pytest.mark.parametrize("example", INTERVALS)
def test_interval_ends_and_open_sides(example: Interval) -> None:
    data, (bottom, top) = interval_frame(frame((10, 1000, 100), example.claim), example.log)
    row = data.iloc[1]
    ends = {"low": example.claim[0], "high": example.claim[1], "bottom": bottom, "top": top}
    assert (row["y"], row["y2"], row["bounds"]) == (ends[example.y], ends[example.y2], example.bounds)
    assert bottom <= row["y"] <= row["y2"] <= top


def test_axis_leaves_room_above_the_highest_figure() -> None:
    assert interval_frame(frame((10, 1000, 100)), False)[1] == (0.0, 1150.0)
    assert interval_frame(frame((10, 1000, 100)), True)[1] == (1.0, 10000.0)


def _layers(chart) -> list[dict]:
    return chart.to_dict()["layer"]


def test_time_chart_layers_rules_points_and_arrow_heads() -> None:
    spec = timeline_chart(frame((100, None, 100), (1, 5, 3)), colour_title="speaker")
    layers = _layers(spec)
    marks = [layer["mark"]["type"] for layer in layers]
    assert marks == ["rule", "point", "point", "point"]
    assert [layer["mark"].get("shape") for layer in layers[2:]] == ["triangle-up", "triangle-down"]
    rule = layers[0]["encoding"]
    assert rule["y"]["field"] == "y" and rule["y2"]["field"] == "y2"
    assert "strokeDash" in rule and rule["color"]["field"] == "colour"
    tooltip = {t["title"] for t in rule["tooltip"]}
    assert {"mention", "speaker", "outlet", "date"} <= tooltip


@pytest.mark.parametrize(("log", "scale"), [(False, "linear"), (True, "log")])
def test_log_scale_option(log: bool, scale: str) -> None:
    rule = _layers(timeline_chart(frame((1, 10, 5)), colour_title="category", log=log))[0]
    assert rule["encoding"]["y"]["scale"]["type"] == scale


def test_aggregated_chart_sizes_dots_by_claims_and_says_so_in_tooltip() -> None:
    data = frame((1, 10, 5)).assign(claims=[40])
    layers = _layers(timeline_chart(data, colour_title="speaker", aggregated=True))
    assert layers[1]["encoding"]["size"]["field"] == "claims"
    assert "claims" in {t["title"] for t in layers[0]["encoding"]["tooltip"]}


def test_who_claims_what_bars() -> None:
    data = pd.DataFrame({"who": ["Lee", "NIS"], "category": ["killed", "wounded"], "claims": [3, 1]})
    spec = counts_chart(data, by_title="speaker").to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["y"]["field"] == "who" and spec["encoding"]["y"]["sort"] == "-x"
    assert spec["encoding"]["color"]["field"] == "category"
