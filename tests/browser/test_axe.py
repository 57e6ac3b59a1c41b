"""axe-core, the accessibility engine of browsers' audits, on every page: WCAG 2.0 and 2.1, A and AA.

axe-core is an npm devDependency (package.json, package-lock.json) that ``scripts/setup.sh --test``
installs into node_modules/; the test injects it into the page, and the app never serves it.
"""

from __future__ import annotations

import json
import re

import pytest

from app.registry import PAGES, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The page as a student sees it, on a wall, and in the dark theme (the browser's setting):
# views of scripts.app_driver.VIEWS.
VIEWS = {"desktop": "light", "projector": "light", "dark": "dark"}

# Rules whose violations come from Streamlit's own markup, which the app cannot change, each with why.
# None today. Streamlit's sidebar page list broke "list" and "listitem" (its sections put the links'
# <li>s inside <div>s inside the <ul>); the app lists its pages with st.page_link instead
# (app/ui.page_list), which is plain links.
STREAMLIT_MARKUP: dict[str, str] = {}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `bash scripts/setup.sh --test` (npm ci)")
    return AXE.read_text()


def violations(tab, axe_source: str) -> list[dict]:
    """axe-core on the whole page: each violated rule with its impact and its first few elements."""
    tab.add_script_tag(content=axe_source)
    return tab.evaluate(
        """async (tags) => {
            const found = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return found.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
                where: v.nodes.slice(0, 3).map(n => [n.target.join(' '), n.failureSummary])}));
        }""",
        TAGS,
    )


@pytest.mark.browser
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("spec", PAGES, ids=[s.url_path or "home" for s in PAGES])
def test_axe_finds_no_wcag_21_aa_violation(page_in_view, axe_source, spec, view):
    scheme, tab = VIEWS[view], page_in_view(spec, view)
    background = tab.evaluate("getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor")
    channels = [int(c) for c in re.findall(r"\d+", background)[:3]]
    assert (max(channels) < 64) == (scheme == "dark"), f"the {scheme} theme's background is {background}"
    found = [v for v in violations(tab, axe_source) if v["id"] not in STREAMLIT_MARKUP]
    assert not found, json.dumps(found, indent=1)


def test_axe_core_is_a_pinned_test_tool_kept_out_of_the_app():
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert "dependencies" not in package  # nothing the app would need at run time
    version = package["devDependencies"]["axe-core"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), "an exact version, as requirements pin Python packages"
    assert lock["packages"]["node_modules/axe-core"]["version"] == version
    assert lock["packages"][""]["devDependencies"] == package["devDependencies"]
    assert "npm ci" in (ROOT / "scripts" / "setup.sh").read_text()
    assert "node_modules/" in (ROOT / ".gitignore").read_text().split()
    assert "node_modules/" in (ROOT / ".dockerignore").read_text().split()
    copied = [line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("COPY")]
    assert copied and not any("node_modules" in line or "package" in line for line in copied)
