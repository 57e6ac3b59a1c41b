"""The layers stay apart: core is pure NumPy, figure builders and lesson words import no streamlit."""

import subprocess
import sys

import pytest

from app.registry import ROOT

CORE = sorted(p.stem for p in (ROOT / "core").glob("*.py") if p.stem != "__init__")
PURE_APP = ["palette", "figure_base", "sweeps", "notebook"] + [
    f"{folder}.{p.stem}" for folder in ("figures", "lessons") for p in sorted((ROOT / "app" / folder).glob("*.py"))
]


def imported_after(module: str) -> set[str]:
    """The top-level packages that importing ``module`` loads, in a fresh interpreter."""
    code = f"import sys, {module}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("name", CORE)
def test_core_imports_neither_streamlit_nor_plotly(name):
    assert not {"streamlit", "plotly"} & imported_after(f"core.{name}")


@pytest.mark.parametrize("name", [n for n in PURE_APP if not n.endswith("__init__")])
def test_figure_builders_and_words_import_no_streamlit(name):
    assert "streamlit" not in imported_after(f"app.{name}")
