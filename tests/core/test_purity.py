"""The layers stay apart: core is pure NumPy, figure builders and lesson words import no streamlit."""

import json
import subprocess
import sys

import pytest

from app.registry import ROOT

CORE = sorted(p.stem for p in (ROOT / "core").glob("*.py") if p.stem != "__init__")
PURE_APP = ["palette", "figure_base", "sweeps", "notebook"] + [
    f"{folder}.{p.stem}" for folder in ("figures", "lessons") for p in sorted((ROOT / "app" / folder).glob("*.py"))
]


# One fresh interpreter per group forks a child per module: each child imports its module and
# reports every package then loaded, as a fresh interpreter of its own would, except that the
# parent has already imported ``preload``: packages the check allows, so the children share them
# instead of each importing them again. Nothing that is checked for is ever preloaded.
FORKED = """
import json, os, sys
for name in json.loads(sys.argv[1]):
    __import__(name)
results = {}
for module in sys.argv[2:]:
    read, write = os.pipe()
    if os.fork() == 0:
        os.close(read)
        __import__(module)
        os.write(write, json.dumps(sorted({m.split(".")[0] for m in sys.modules})).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        results[module] = json.loads(pipe.read() or "null")
    os.wait()
print(json.dumps(results))
"""
CORE_PRELOAD = ["numpy", "scipy.special", "sklearn.linear_model", "sklearn.metrics"]  # neither streamlit nor plotly
APP_PRELOAD = [*CORE_PRELOAD, "plotly.graph_objects", "orjson"]  # no streamlit
CONTROL = "app.live"  # imports streamlit: shows that the children see what their module loads


def imported_after(modules: list[str], preload: list[str]) -> dict[str, set[str]]:
    """For each of ``modules``: the top-level packages loaded once it is imported (after ``preload``)."""
    out = subprocess.run(
        [sys.executable, "-c", FORKED, json.dumps(preload), *modules],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    results = json.loads(out.stdout)
    failed = [m for m in modules if results[m] is None]
    assert not failed, f"{failed} failed to import: {out.stderr[-3000:]}"
    return {module: set(found) for module, found in results.items()}


@pytest.fixture(scope="module")
def imports() -> dict[str, set[str]]:
    app = [f"app.{name}" for name in PURE_APP if not name.endswith("__init__")]
    return imported_after([f"core.{name}" for name in CORE], CORE_PRELOAD) | imported_after(
        [*app, CONTROL], APP_PRELOAD
    )


def test_a_child_reports_what_its_import_loaded(imports):
    assert "streamlit" in imports[CONTROL]
    assert "plotly" in imports["app.figure_base"] and "plotly" not in imports["core.text"]


@pytest.mark.parametrize("name", CORE)
def test_core_imports_neither_streamlit_nor_plotly(name, imports):
    assert not {"streamlit", "plotly"} & imports[f"core.{name}"]


@pytest.mark.parametrize("name", [n for n in PURE_APP if not n.endswith("__init__")])
def test_figure_builders_and_words_import_no_streamlit(name, imports):
    assert "streamlit" not in imports[f"app.{name}"]
