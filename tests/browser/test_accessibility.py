"""Accessibility: colours with enough contrast in both themes, and pages that fit a phone and a projector."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import plotly.io as pio
import pytest
from streamlit import config as streamlit_config

from app import figure_base, palette, projector
from app.registry import PAGES, ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
STRONG = ["a", "b", "result", "neutral", "error", "class0", "class1", "class2"]
FILLS = ["a_fill", "b_fill", "result_fill", "highlight", "neutral_fill", "ghost_fill"]
TEXT = "#1F2430"  # the figures' text colour (app/figure_base.py)
LIGHT_BACKGROUND = "#FFFFFF"
DARK_BACKGROUND = "#171614"  # Streamlit's dark theme (1.67; checked below against its config)


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(colour: str, background: str, opacity: float) -> str:
    """``colour`` drawn at ``opacity`` over ``background``, as the browser composes it."""
    mixed = [
        round(opacity * int(colour[i : i + 2], 16) + (1 - opacity) * int(background[i : i + 2], 16)) for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def streamlit_default(option: str) -> dict[str, str]:
    """The pinned Streamlit's default of theme colour ``option`` in each theme, as its config documents it."""
    words = " ".join(streamlit_config.get_config_options()[f"theme.{option}"].description.split())
    found = re.search(r"Defaults to (#[0-9a-fA-F]{6}) for the light theme and (#[0-9a-fA-F]{6}) for the dark", words)
    assert found, f"Streamlit no longer documents the default of theme.{option}: {words}"
    return {"light": found[1], "dark": found[2]}


def streamlit_backgrounds(theme: str) -> list[str]:
    """Every background Streamlit puts text on by default: the page, widgets, and the sidebar's two."""
    page, widgets = streamlit_default("backgroundColor")[theme], streamlit_default("secondaryBackgroundColor")[theme]
    sidebars = []
    for option in ("backgroundColor", "secondaryBackgroundColor"):
        words = " ".join(streamlit_config.get_config_options()[f"theme.{option}"].description.split())
        sidebars.append(re.search(r"the sidebar uses (#[0-9a-fA-F]{6}) \(light\) or (#[0-9a-fA-F]{6}) \(dark\)", words))
    assert all(sidebars)
    return [page, widgets, *(found[1 if theme == "light" else 2] for found in sidebars)]


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_the_apps_figures_start_from_the_explainer_template():
    """Imported as the entry script imports them (streamlit first, whose plotly element sets its own
    default template on import), the app's default template is the explainer's. In a fresh interpreter:
    the test run's own imports may come in another order."""
    script = "import streamlit, plotly.io as pio; from app import figure_base, ui; print(pio.templates.default)"
    shown = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == figure_base.TEMPLATE


@pytest.mark.parametrize("role", STRONG)
def test_every_strong_colour_reads_on_the_figures_white_background(role):
    """Lines, markers and labels in a role colour reach 4.5:1 on the figures' white (light theme)."""
    layout = pio.templates[figure_base.TEMPLATE].layout
    assert layout.paper_bgcolor.upper() == layout.plot_bgcolor.upper() == LIGHT_BACKGROUND
    assert contrast(palette.PALETTE[role], LIGHT_BACKGROUND) >= 4.5


@pytest.mark.parametrize("fill", FILLS)
def test_dark_text_reads_on_every_fill(fill):
    assert contrast(TEXT, palette.PALETTE[fill]) >= 4.5


@pytest.mark.parametrize("role", STRONG)
def test_every_strong_colour_reads_on_the_dark_theme(role):
    """In the dark theme figures are drawn on the page's dark background, in the lightened roles."""
    assert palette.dark_counterpart(palette.PALETTE["neutral_fill"]) == "rgba(0,0,0,0)"  # transparent paper
    assert contrast(palette.dark_counterpart(palette.PALETTE[role]), DARK_BACKGROUND) >= 4.5


@pytest.mark.parametrize("fill", [f for f in FILLS if f != "neutral_fill"])
def test_light_text_reads_on_every_dark_fill(fill):
    ink = palette.dark_counterpart(TEXT)
    assert contrast(ink, palette.dark_counterpart(palette.PALETTE[fill])) >= 4.5
    assert contrast(ink, DARK_BACKGROUND) >= 4.5


def test_a_figure_in_the_dark_theme_has_no_colour_of_the_light_one():
    figure = '{"layout": {"paper_bgcolor": "#FFFFFF", "font": {"color": "#1f2430"}}, "data": [{"line": "#007E5C"}]}'
    dark = palette.themed(figure, dark=True)
    assert not {c.upper() for c in ("#FFFFFF", "#1F2430", "#007E5C")} & set(dark.upper().split('"'))
    assert palette.themed(figure, dark=False) == figure


@pytest.mark.parametrize("name, background", [("light", LIGHT_BACKGROUND), ("dark", DARK_BACKGROUND)])
def test_the_accent_colour_reads_in_both_themes(name, background):
    assert contrast(CONFIG["theme"][name]["primaryColor"], background) >= 4.5


def test_the_backgrounds_are_the_pinned_streamlits():
    assert streamlit_default("backgroundColor") == {"light": LIGHT_BACKGROUND.lower(), "dark": DARK_BACKGROUND.lower()}


def test_blending_matches_what_the_browser_draws():
    """Streamlit's caption, its body text at 60 %, is the #828180 measured on white in Chromium."""
    assert blend(streamlit_default("textColor")["light"], "#FFFFFF", 0.6) == "#828180"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_captions_reach_4_5_to_1_in_both_themes(theme):
    """st.caption is the body text at an opacity: Streamlit's 60 % is too faint on white; the app's CSS raises it."""
    text = streamlit_default("textColor")[theme]
    for background in streamlit_backgrounds(theme):
        assert contrast(blend(text, background, projector.CAPTION_OPACITY), background) >= 4.5, background
    assert f"opacity: {projector.CAPTION_OPACITY}" in projector.READABLE_CSS
    if theme == "light":  # why the CSS is there
        assert contrast(blend(text, "#FFFFFF", 0.6), "#FFFFFF") < 4.5


MARKDOWN_COLOUR = re.compile(r":(red|orange|yellow|green|blue|violet|gray|grey)\[")


def test_every_markdown_text_colour_the_lessons_use_reads_in_both_themes():
    """``:green[...]`` and its kin in the lessons are Streamlit's text colours, on every background it uses."""
    used = {m[1] for path in [*(ROOT / "app").rglob("*.py"), *(ROOT / "pages").glob("*.py")]
            for m in MARKDOWN_COLOUR.finditer(path.read_text())}  # fmt: skip
    assert {"green", "red", "orange", "violet"} <= used
    for name in used:
        colours = streamlit_default(f"{name.replace('grey', 'gray')}TextColor")
        for theme in ("light", "dark"):
            for background in streamlit_backgrounds(theme):
                assert contrast(colours[theme], background) >= 4.5, (name, theme, background)


# Every shown display formula (st.latex is KaTeX) whose content is wider than its own box. KaTeX ends
# each stacked piece (a sub- or superscript, a fraction, a matrix) with an empty cell 2 px wide
# (.vlist-s, its work-around for a Chrome bug), which may reach past the box with nothing drawn in
# it; with the rounding of the two widths to whole pixels, up to 3 px is that cell.
CLIPPED_FORMULAS_JS = """() => [...document.querySelectorAll('[data-testid="stMain"] .katex-display')]
  .filter(e => e.getBoundingClientRect().width > 0 && e.scrollWidth > e.clientWidth + 3)
  .map(e => `${e.scrollWidth} px in ${e.clientWidth} px: ${(e.querySelector('annotation') || e).textContent.slice(0, 80)}`)"""
SIZES = ("phone", "projector")  # views of scripts.app_driver.VIEWS


@pytest.mark.browser
@pytest.mark.parametrize("view", SIZES)
@pytest.mark.parametrize("spec", PAGES, ids=[s.url_path or "home" for s in PAGES])
def test_page_fits_the_width_of_a_phone_and_a_projector(page_in_view, spec, view, tmp_path):
    """No horizontal scrolling of the page itself; a screenshot is kept for a look."""
    tab = page_in_view(spec, view)
    # Wide content is fine inside a box that scrolls or clips it (tables, code, a row of tags);
    # what must not happen is content reaching past the screen's edge with nothing containing it.
    overflow = tab.evaluate("""() => {
        const page = document.documentElement, edge = page.clientWidth + 1;
        const block = document.querySelector('[data-testid="stMainBlockContainer"]');
        const main = document.querySelector('[data-testid="stMain"]');
        const contained = e => {  // by a box of the page's content, not by the app's own scroller
          for (let up = e.parentElement; up && up !== block; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible' && up.getBoundingClientRect().right <= edge) return true;
          }
          return false;
        };
        const wide = [...document.querySelectorAll('[data-testid="stMain"] *')]
          .filter(e => { const box = e.getBoundingClientRect(), style = getComputedStyle(e);
              return box.right > edge && box.width > 2 && box.height > 2 && style.position !== 'fixed'
                     && style.visibility !== 'hidden' && style.opacity !== '0'; })
          .filter(e => !e.matches('input[type=range]') && !contained(e))  // a slider's native input is invisible
          .map(e => (e.getAttribute('data-testid') || e.tagName) + ' in '
                    + ((e.closest('[class*=st-key-]') || {}).className || '').toString().match(/st-key-\\S+/)
                    + ' reaches ' + Math.round(e.getBoundingClientRect().right));
        return {scroll: Math.max(page.scrollWidth - page.clientWidth, main.scrollWidth - main.clientWidth),
                wide: wide.slice(0, 5)};
    }""")
    tab.screenshot(path=str(tmp_path / f"{spec.url_path or 'home'}-{view}.png"), full_page=False)
    assert overflow["scroll"] <= 1, overflow
    assert not overflow["wide"], overflow
    # A display formula wider than its column scrolls inside it: on a wall nobody scrolls a
    # formula, so its end is simply cut off (and a keyboard cannot reach it either).
    assert tab.evaluate(CLIPPED_FORMULAS_JS) == []
    assert tab.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_code_token_reads_on_every_background_of_its_theme(theme):
    """Streamlit's own token colours reach 2.6:1 (numbers #29b09d); the app's replace every role of them."""
    colours = projector.CODE_DARK if theme == "dark" else projector.CODE_LIGHT
    assert set(colours) == set(projector.CODE_TOKENS)
    for role, colour in colours.items():
        for background in streamlit_backgrounds(theme):
            assert contrast(colour, background) >= 4.5, (role, colour, background)
    css = projector.code_token_css(dark=theme == "dark")
    assert all(colour in css for colour in colours.values()) and ".token.number" in css
