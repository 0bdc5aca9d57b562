"""An independent LP attacker (oracle) for dashboard.disclosure, and hypothesis strategies for
random tables. Shared by tests/test_disclosure*.py and the channels page tests."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
from hypothesis import strategies as st
from scipy.optimize import linprog

from dashboard.disclosure import (
    TOTAL,
    protect_cube,
)

# --------------------------------------------------------------------------- attacker (oracle)
# Written independently of the production code: it only sees the published long frame, rebuilds
# the additive relations from the TOTAL labels and asks scipy's LP for the range of every hidden
# value. The attacker knows hidden values are whole numbers >= 1, because zeros are always shown
# (this is stronger than assuming >= 0, so passing it implies passing the >= 0 attacker).


def published_lines(published: pd.DataFrame, dims: list[str]) -> list[tuple[tuple, list[tuple]]]:
    """Every 1-D line of the published cube: (margin key, member keys)."""
    keys = list(published[dims].itertuples(index=False, name=None))
    lines = []
    for pos in range(len(dims)):
        groups: dict[tuple, list[tuple]] = {}
        for key in keys:
            groups.setdefault(key[:pos] + key[pos + 1 :], []).append(key)
        for members in groups.values():
            margin = [k for k in members if k[pos] == TOTAL]
            assert len(margin) == 1
            lines.append((margin[0], [k for k in members if k[pos] != TOTAL]))
    return lines


def attacker_ranges(
    published: pd.DataFrame, dims: list[str], count: str = "count", lower: float = 1.0
) -> dict[tuple, tuple[float, float]]:
    """Min and max an LP attacker can prove for every suppressed value."""
    value = {
        tuple(key): v
        for key, v in zip(
            published[dims].itertuples(index=False, name=None), published[count], strict=True
        )
    }
    hidden = [k for k, v in value.items() if pd.isna(v)]
    column = {k: i for i, k in enumerate(hidden)}
    rows, rhs = [], []
    for margin, members in published_lines(published, dims):
        coef, const = np.zeros(len(hidden)), 0.0
        for key, sign in [(margin, -1.0)] + [(m, 1.0) for m in members]:
            if key in column:
                coef[column[key]] += sign
            else:
                const += sign * float(value[key])
        if coef.any():
            rows.append(coef)
            rhs.append(-const)
        else:
            assert abs(const) < 1e-9, "published values do not add up"
    ranges = {}
    for key in hidden:
        if not rows:
            ranges[key] = (lower, math.inf)
            continue
        objective = np.zeros(len(hidden))
        objective[column[key]] = 1.0
        ends = []
        for sign in (1.0, -1.0):
            res = linprog(
                sign * objective,
                A_eq=np.array(rows),
                b_eq=np.array(rhs),
                bounds=(lower, None),
                method="highs",
            )
            assert res.status in (0, 3), res.message
            ends.append(sign * res.fun if res.status == 0 else math.inf)  # 3: unbounded max
        ranges[key] = (ends[0], ends[1])
    return ranges


def whole_numbers_in(lo: float, hi: float) -> float:
    if math.isinf(hi):
        return math.inf
    return math.floor(hi + 1e-6) - math.ceil(lo - 1e-6) + 1


def true_cube(frame: pd.DataFrame, dims: list[str], categories: dict) -> dict[tuple, int]:
    """Every cell and margin of the input, computed by brute force."""
    values = [list(categories[d]) + [TOTAL] for d in dims]
    truth = {}
    for key in itertools.product(*values):
        keep = np.ones(len(frame), dtype=bool)
        for dim, v in zip(dims, key, strict=True):
            if v != TOTAL:
                keep &= (frame[dim] == v).to_numpy()
        truth[key] = int(frame.loc[keep, "count"].sum())
    return truth


def check_protected(frame: pd.DataFrame, dims: list[str], categories: dict, threshold: int):
    published = protect_cube(frame, dims, threshold=threshold, categories=categories)
    truth = true_cube(frame, dims, categories)
    assert list(published.columns) == [*dims, "count", "suppressed"]
    assert str(published["count"].dtype) == "Int64"
    assert len(published) == len(truth)
    shown = {}
    for row in published.itertuples(index=False, name=None):
        key, value, suppressed = row[: len(dims)], row[len(dims)], row[len(dims) + 1]
        assert suppressed == pd.isna(value)
        if suppressed:
            assert truth[key] >= 1, "a zero was suppressed"
        else:
            assert value == truth[key], "published value (cell or margin) differs from the truth"
            assert not 1 <= value < threshold, "a small count is visible"
        shown[key] = value
    # Direct differencing along every 1-D line (e.g. area=All minus the visible areas): a line
    # whose only hidden value is a member gives it as margin minus the visible members, a line
    # whose only hidden value is the margin gives it as the sum of the members.
    for margin, members in published_lines(published, dims):
        hidden = [k for k in [margin, *members] if pd.isna(shown[k])]
        if len(hidden) == 1:
            visible = sum(int(shown[k]) for k in members if not pd.isna(shown[k]))
            recovered = visible if hidden[0] == margin else int(shown[margin]) - visible
            assert recovered == truth[hidden[0]]
            raise AssertionError(f"{hidden[0]} = {recovered} recovered by differencing")
    ranges = attacker_ranges(published, dims)
    recovered = {k: r for k, r in ranges.items() if whole_numbers_in(*r) < 2}
    assert not recovered, f"attacker recovers {recovered}"
    for key, (lo, hi) in ranges.items():
        assert lo - 1e-6 <= truth[key] <= hi + 1e-6
    again = protect_cube(frame.iloc[::-1], dims, threshold=threshold, categories=categories)
    pd.testing.assert_frame_equal(published, again)  # deterministic, row order irrelevant
    return published


small_or_large = st.one_of(
    st.integers(0, 6),
    st.integers(0, 6),
    st.integers(0, 6),
    st.integers(7, 40),
    st.integers(41, 900),
)


@st.composite
def tables(draw, sizes: list[tuple[int, int]]):
    shape = [draw(st.integers(lo, hi)) for lo, hi in sizes]
    dims = ["area", "month", "strand"][: len(shape)]
    categories = {d: [f"{d}{i}" for i in range(n)] for d, n in zip(dims, shape, strict=True)}
    values = draw(st.lists(small_or_large, min_size=math.prod(shape), max_size=math.prod(shape)))
    keys = list(itertools.product(*categories.values()))
    frame = pd.DataFrame(keys, columns=dims)
    frame["count"] = values
    if draw(st.booleans()):  # missing rows are zeros
        frame = frame[frame["count"] > 0]
    threshold = draw(st.sampled_from([5, 5, 5, 3, 10]))
    return frame, dims, categories, threshold
