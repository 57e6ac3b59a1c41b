"""Every page, every live slider: what the browser draws from a sweep is what the page builds there.

For a slider at position j, the element's sweep for that slider says what each figure becomes at
every position i; the browser draws ``app.patch.apply(figure, sweep.patches[i][f])`` while the hand
moves. Moving the slider to i under AppTest (as the element's callback does) reruns the page, whose
figures must be exactly that. Pages come from the registry, so a new page is covered once registered.

Positions taken per slider: both ends, the neighbours of where it starts and its middle (the
prediction is read from the data sent just before each move, so every move checks the sweep of the
state the page is really in; a slider that another one removes is left). Numbers are compared at
4 decimals: a sweep built from vectorised ``core`` results sends them rounded so (the data page's
and the figures' own tests check their sweeps exactly). A slider may land on another index with the
same value (the dot product's angle: -180° is 180°), so only the figures are compared.
"""

from __future__ import annotations

import math

import pytest

from app import patch
from app.registry import PAGES
from scripts.app_driver import live_elements, open_page

LIVE = [spec for spec in PAGES if spec.slider_key]
SHOWN = 5.01e-5  # sweeps built from core's arrays send numbers rounded to 4 decimals, as drawn


def same(a, b, where: str = "") -> str | None:
    """Where ``a`` and ``b`` first differ (numbers at 4 decimals), or None. Hidden traces' data is not drawn."""
    if (
        isinstance(a, float | int)
        and isinstance(b, float | int)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
    ):
        return None if math.isclose(a, b, rel_tol=1e-9, abs_tol=SHOWN) else f"{where}: {a!r} != {b!r}"
    if isinstance(a, dict) and isinstance(b, dict):
        if a.get("visible") is False and b.get("visible") is False:
            return None
        if set(a) != set(b):
            return f"{where}: keys {sorted(set(a) ^ set(b))} differ"
        return next((d for k in a if (d := same(a[k], b[k], f"{where}.{k}"))), None)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)}"
        return next((d for i, (x, y) in enumerate(zip(a, b)) if (d := same(x, y, f"{where}[{i}]"))), None)
    return None if a == b else f"{where}: {a!r} != {b!r}"


def positions(data: dict) -> list[int]:
    last, start = len(data["values"]) - 1, data["index"]
    wanted = [start + 1, last, last // 2, 0, start - 1, start]
    return list(dict.fromkeys(i for i in wanted if 0 <= i <= last))


def test_same_finds_a_difference():
    base = {"data": [{"y": [1.0, 2.0]}], "layout": {"height": 300}}
    assert same(base, patch.apply(base, {"merge": {"0": {"y": [1.0, 2.0 + 4e-5]}}})) is None
    assert "y[1]" in same(base, patch.apply(base, {"merge": {"0": {"y": [1.0, 2.1]}}}))
    assert "height" in same(base, patch.apply(base, {"layout": {"height": 301}}))
    assert same(base, {"data": [], "layout": base["layout"]})


@pytest.mark.parametrize("spec", LIVE, ids=[s.url_path for s in LIVE])
def test_every_sweep_entry_is_the_figures_the_page_builds_there(spec):
    at = open_page(spec.url_path)
    elements = live_elements(at)
    assert elements, f"{spec.url_path} has a main slider but no live element"
    checked = 0
    for number, first in enumerate(elements):
        for slider in first["sliders"]:
            key = slider["key"]
            for i in positions(slider):
                now = live_elements(at)[number]
                before = next((s for s in now["sliders"] if s["key"] == key), None)
                if before is None:  # sliders come and go with others (the arrays page's shape)
                    continue
                drawn = patch.apply_all(now["figures"], now["sweeps"][key]["patches"][i])
                at.session_state[key] = before["values"][i]
                at.run()
                assert not at.exception, at.exception
                built = live_elements(at)[number]
                where = f"{spec.url_path}: {key} from {before['index']} to {i}"
                assert len(built["figures"]) == len(drawn), where
                for f, (shown, page) in enumerate(zip(drawn, built["figures"])):
                    difference = same(shown, page, f"figure {f}")
                    assert difference is None, f"{where}: {difference}"
                checked += 1
    assert checked >= 2
