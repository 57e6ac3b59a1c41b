"""axe-core, the accessibility engine of browsers' audits, on every page: WCAG 2.0 and 2.1, A and AA.

axe-core is an npm devDependency (package.json) that ``scripts/setup.sh --test`` installs into
node_modules/; it is injected into the page by the test only and never served by the app.
"""

from __future__ import annotations

import json

import pytest

from app.registry import PAGES, ROOT
from scripts.app_driver import goto

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1440, "height": 900}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Rules whose violations come from Streamlit's own markup, which the app cannot change. Each entry
# says why. Every other rule of the four tags must pass on every page.
STREAMLIT_MARKUP: dict[str, str] = {}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `bash scripts/setup.sh --test` (npm ci)")
    return AXE.read_text()


def violations(tab, axe_source: str) -> list[dict]:
    """Run axe-core on the whole page; each violation with its rule, impact and first few elements."""
    tab.add_script_tag(content=axe_source)
    result = tab.evaluate(
        """async (tags) => {
            const found = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return found.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.length, where: v.nodes.slice(0, 3).map(n => [n.target.join(' '), n.failureSummary])}));
        }""",
        TAGS,
    )
    return result


@pytest.mark.parametrize("view", ["", "projector=1"], ids=["desktop", "projector"])
@pytest.mark.parametrize("spec", PAGES, ids=[s.url_path or "home" for s in PAGES])
def test_axe_finds_no_wcag_21_aa_violation(browser, app_url, axe_source, spec, view):
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    try:
        goto(tab, f"{app_url}/{spec.url_path}?{view}")
        found = [v for v in violations(tab, axe_source) if v["id"] not in STREAMLIT_MARKUP]
        assert not found, json.dumps(found, indent=1)
    finally:
        context.close()
