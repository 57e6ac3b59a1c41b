"""A teacher's link that hides what a slide does not need: ``hide=quiz,code`` (parts in ``app.registry.HIDE_PARTS``).

Read once per tab from the URL, kept in the URL (and in class links) while the tab lives. A part
that is not one of the registry's gets the usual warning naming ``hide``; the known ones are still
hidden. Hidden parts still run, only hidden by CSS, so their widgets keep their values.
"""

from __future__ import annotations

import re

import streamlit as st

from app import url_state
from app.registry import HIDE_PARTS, PageSpec

HIDE_PARAM = "hide"
HIDDEN_KEY = "_hidden_parts"
SAFE_NAME = re.compile(r"[a-z0-9_-]{1,20}")


def selectors(part: str, spec: PageSpec) -> list[str]:
    """The CSS selectors of ``part`` on the page ``spec``."""
    if part == "quiz":
        return ['[class*="st-key-quiz_"]']
    if part == "code":
        return ['[data-testid="stExpander"]:has(.st-key-numpy_code_notebook)']
    if part == "settings":  # the page's own controls, its main slider aside
        return [f".st-key-{p.name}" for p in spec.params if p.name != spec.slider_key] or ["._no_settings"]
    if part == "sidebar":
        return [
            '[data-testid="stSidebar"]',
            '[data-testid="stSidebarCollapsedControl"]',
            '[data-testid="stExpandSidebarButton"]',
        ]
    if part == "links":  # the previous / next links at the foot of a page
        return [
            '[data-testid="stMainBlockContainer"] [data-testid="stHorizontalBlock"]:has([data-testid="stPageLink"]):last-of-type'
        ]
    raise KeyError(part)


def parse_hide(text: str) -> tuple[frozenset[str], list[str]]:
    """The known parts named in ``text`` and the unknown names.

    >>> parts, unknown = parse_hide("quiz, Code,,nope")
    >>> sorted(parts), unknown
    (['code', 'quiz'], ['nope'])
    """
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    return frozenset(n for n in names if n in HIDE_PARTS), [n for n in names if n not in HIDE_PARTS]


def hidden_parts() -> frozenset[str]:
    return st.session_state.get(HIDDEN_KEY, frozenset())


def apply(spec: PageSpec) -> frozenset[str]:
    """Read ``hide`` (first run of the tab, or after Back / Forward), warn about unknown parts, hide the rest."""
    if HIDDEN_KEY not in st.session_state:
        raw = st.query_params.get_all(HIDE_PARAM)
        parts, unknown = parse_hide(raw[-1]) if raw else (frozenset(), [])
        if unknown:
            shown = ", ".join(f"`{n}`" if SAFE_NAME.fullmatch(n) else "a name that is no part" for n in unknown[:5])
            url_state.warn(
                f"URL parameter `hide`: {shown} cannot be hidden; the parts are {', '.join(HIDE_PARTS)}. "
                + (f"Hiding {', '.join(sorted(parts))}." if parts else "Nothing is hidden.")
            )
        st.session_state[HIDDEN_KEY] = parts
        url_state.own(HIDDEN_KEY)
        if raw and not parts:
            url_state.remove_param(HIDE_PARAM)
    parts = st.session_state[HIDDEN_KEY]
    if parts:
        url_state.write_param(HIDE_PARAM, ",".join(p for p in HIDE_PARTS if p in parts))
        css = ", ".join(sel for part in HIDE_PARTS if part in parts for sel in selectors(part, spec))
        st.html(f"<style>{css} {{ display: none !important; }}</style>")
    return parts
