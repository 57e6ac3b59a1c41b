"""Accessibility: colours with enough contrast in both themes, and pages that fit a phone and a projector."""

from __future__ import annotations

import tomllib

import plotly.io as pio
import pytest

from app import figure_base, palette
from app.registry import PAGES, ROOT
from scripts.app_driver import goto

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
STRONG = ["a", "b", "result", "neutral", "error", "class0", "class1", "class2"]
FILLS = ["a_fill", "b_fill", "result_fill", "highlight", "neutral_fill", "ghost_fill"]
TEXT = "#1F2430"  # the figures' text colour (app/figure_base.py)
LIGHT_BACKGROUND = "#FFFFFF"
DARK_BACKGROUND = "#0E1117"  # Streamlit's dark theme


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("role", STRONG)
def test_every_strong_colour_reads_on_the_figures_white_background(role):
    """Lines, markers and labels in a role colour reach 4.5:1 on the figures' white (light theme)."""
    assert pio.templates.default == figure_base.TEMPLATE
    layout = pio.templates[pio.templates.default].layout
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


SIZES = {"phone": (390, 844), "projector": (1280, 720)}


@pytest.mark.browser
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("spec", PAGES, ids=[s.url_path or "home" for s in PAGES])
def test_page_fits_the_width_of_a_phone_and_a_projector(browser, app_url, spec, size, tmp_path):
    """No horizontal scrolling of the page itself; a screenshot is kept for a look."""
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    try:
        query = "?projector=1" if size == "projector" else ""
        goto(tab, f"{app_url}/{spec.url_path}{query}")
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
        tab.screenshot(path=str(tmp_path / f"{spec.url_path or 'home'}-{size}.png"), full_page=False)
        assert overflow["scroll"] <= 1, overflow
        assert not overflow["wide"], overflow
        assert tab.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()
