"""The "NumPy code" panel of every page runs on its own and prints the figures the page shows."""

import subprocess
import sys

import pytest

from app.registry import PAGES
from scripts.app_driver import metrics, open_page

LESSONS = [s for s in PAGES if s.url_path]


def page_code(at) -> str:
    blocks = [c.value for c in at.code if c.language == "python" and "import numpy as np" in c.value]
    assert len(blocks) == 1, "one NumPy code panel per page"
    return blocks[0]


def figure_line(label: str, value: str) -> str:
    """The line the page's code prints for a shown figure: ``label = value``, the value without its unit."""
    return f"{label} = {value.rstrip('°')}"


def missing_figures(shown: dict[str, str], printed: str) -> list[str]:
    """The ``label = value`` lines of the ``shown`` figures that the ``printed`` text lacks."""
    lines = printed.splitlines()
    return [line for line in (figure_line(label, value) for label, value in shown.items()) if line not in lines]


def run_code(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("spec", LESSONS, ids=[s.url_path for s in LESSONS])
def test_generated_code_prints_the_shown_figures(spec):
    at = open_page(spec.url_path)
    shown = metrics(at)
    assert shown, "a lesson page shows at least one figure"
    printed = run_code(page_code(at))
    missing = missing_figures(shown, printed)
    assert not missing, f"{missing} not printed by the page's code:\n{printed}"


def test_code_follows_the_current_state():
    at = open_page("arrays", {"shape": "2, 5"})
    printed = run_code(page_code(at)).splitlines()
    assert "shape = (2, 5)" in printed and "size = 10" in printed
