"""The live element's JavaScript: linted (eslint), and its patch functions equal to the Python reference.

``app/components/live.js`` exports ``applyPatch`` and ``dragPatch``, what the browser draws from a
sweep entry and a drag cell. The cases here, every form of a patch and real sweeps and drags of every
live page, are written with what ``app.patch`` gives for them to a JSON file, and a node test
(``tests/live_js/patch.test.mjs``, ``node --test``) checks that the JavaScript gives the same. The
linter and node come from ``scripts/setup.sh --test`` (``package.json``: development only, never in
the app or its image); a missing one is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from app import patch
from app.registry import PAGES, ROOT
from scripts.app_driver import live_elements, open_page

ESLINT = ROOT / "node_modules" / ".bin" / "eslint"
NODE_TEST = ROOT / "tests" / "live_js" / "patch.test.mjs"

BASE = {
    "data": [{"type": "scatter", "x": [0, 1], "y": [1, 2], "name": "a"}, {"type": "bar", "y": [3], "visible": True}],
    "layout": {"height": 300, "title": {"text": "t"}, "shapes": [{"type": "line"}]},
}
FORMS = {
    "none: unchanged": None,
    "empty: unchanged": {},
    "a whole figure": {"data": [{"y": [9]}], "layout": {"width": 10}},
    "traces replaced": {"traces": {"1": {"type": "bar", "y": [4]}}, "layout": {}},
    "layout keys replaced, others kept": {"traces": {}, "layout": {"title": {"text": "u"}, "shapes": []}},
    "attributes merged": {"merge": {"0": {"y": [5, 6]}, "1": {"visible": False}}, "layout": {}},
    "replaced, then merged": {"traces": {"0": {"y": [7]}}, "merge": {"0": {"x": [8]}}, "layout": {"height": 200}},
    "merge only, no layout": {"merge": {"0": {"name": "b"}}},
}
DRAG = {"columns": {"0": {"x": [[0, 1], [0, 2]], "y": [[0, 3], [0, 4]]}}, "during": {}}
DRAGS = {
    "columns only": (DRAG, 1),
    "during merged over the columns": (
        {**DRAG, "during": {"merge": {"0": {"y": [0, 0]}, "1": {"visible": False}}, "layout": {"xaxis": {}}}},
        0,
    ),
}


def spread(count: int, most: int = 6) -> list[int]:
    """Up to ``most`` indexes from 0 to ``count - 1``, both ends included."""
    return sorted({round(k * (count - 1) / (most - 1)) for k in range(most)}) if count > 1 else [0]


def cases() -> dict[str, list[dict]]:
    """Every form of a patch on a small figure, and real sweep entries and drag cells of every live page."""
    apply = [{"name": name, "base": BASE, "patch": p} for name, p in FORMS.items()]
    drag = [{"name": name, "drag": d, "cell": cell} for name, (d, cell) in DRAGS.items()]
    for spec in (s for s in PAGES if s.slider_key):
        for number, data in enumerate(live_elements(open_page(spec.url_path))):
            for key, sweep in data["sweeps"].items():
                for i in spread(len(sweep["patches"])):
                    for f, (base, p) in enumerate(zip(data["figures"], sweep["patches"][i])):
                        apply.append(
                            {"name": f"{spec.url_path} {number} {key}[{i}] figure {f}", "base": base, "patch": p}
                        )
            for d_number, d in enumerate(data["drags"]):
                for cell in spread(len(d["readouts"])):
                    drag.append({"name": f"{spec.url_path} drag {d_number} cell {cell}", "drag": d, "cell": cell})
    for case in apply:
        case["expected"] = patch.apply(case["base"], case["patch"])
    for case in drag:
        case["expected"] = patch.drag_patch(case["drag"], case["cell"])
    return {"apply": apply, "drag": drag}


def node() -> str:
    found = shutil.which("node")
    if not found:
        pytest.fail("node is missing: run `bash scripts/test.sh`, which installs Debian's nodejs")
    return found


def test_live_js_passes_eslint():
    node()
    if not ESLINT.exists():
        pytest.fail(f"{ESLINT} is missing: run `bash scripts/test.sh`, which runs npm ci")
    done = subprocess.run(
        [str(ESLINT), "app/components", "tests/live_js", "eslint.config.js"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_browsers_patch_functions_give_what_the_python_reference_gives(tmp_path):
    written = cases()
    assert {c["name"].split(" ")[0] for c in written["apply"]} >= {s.url_path for s in PAGES if s.slider_key}
    assert any(c["drag"].get("during") for c in written["drag"][len(DRAGS) :]), "a page's drag is among the cases"
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(written))
    done = subprocess.run(
        [node(), "--test", "--test-reporter=dot", str(NODE_TEST)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PATCH_CASES": str(path)},
        check=False,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-6000:]


def test_the_node_test_fails_on_a_wrong_result(tmp_path):
    """The node test can fail: a case whose expected figure is not what the patch makes."""
    wrong = {"apply": [{"name": "wrong", "base": BASE, "patch": FORMS["attributes merged"], "expected": BASE}]}
    wrong["drag"] = [{"name": "wrong", "drag": DRAG, "cell": 0, "expected": {"merge": {}, "layout": {}}}]
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(wrong))
    done = subprocess.run(
        [node(), "--test", str(NODE_TEST)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PATCH_CASES": str(path)},
        check=False,
    )
    assert done.returncode != 0 and "wrong" in done.stdout
