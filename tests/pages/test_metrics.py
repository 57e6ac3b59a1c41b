"""Every registered page shows, at its defaults, exactly the figures its registry entry declares.

``PageSpec.metrics`` is the list of ``st.metric`` labels a page shows (``shared/CONTRACT.md`` names
them); outside tests and the benchmark read the figures by these labels, so a label renamed, added
or dropped on one side only fails here.
"""

import pytest

from app.registry import PAGES
from scripts.app_driver import open_page

IDS = [spec.url_path or "home" for spec in PAGES]


@pytest.mark.parametrize("spec", PAGES, ids=IDS)
def test_the_figures_shown_at_the_defaults_are_the_declared_ones(spec):
    at = open_page(spec.url_path)
    assert not at.exception, at.exception
    shown = [metric.label for metric in at.metric]
    assert shown == list(spec.metrics), f"{spec.url_path or 'home'} shows {shown}, declares {list(spec.metrics)}"
    assert all(metric.value for metric in at.metric), "each declared figure has a value"
