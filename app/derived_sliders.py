"""Live sliders that stand for part of a typed value: a vector's length, its angle, one component.

On the dot-product and outer-product pages the URL and the text boxes hold the vectors; the live
sliders only show a part of them and set it when moved. So a page draws its sliders at the values
that its vectors give, remembers them, and on the next run asks which sliders the hand moved since,
to write the new vectors into their text boxes before the boxes are drawn.
"""

from __future__ import annotations

import streamlit as st


def moved(element_key: str, name: str) -> dict[str, float]:
    """The sliders of live element ``element_key`` moved since the last run (key -> new value).

    A slider moved when its value differs from the one the page drew (a drag, a key step, or
    AppTest setting ``st.session_state[key]``), or when the element reports a new move of it,
    which catches a slider released where it started (back onto the drawn position).
    """
    drawn = st.session_state.get(f"_drawn_{name}", {})
    event = (st.session_state.get(element_key) or {}).get("moved") or {}
    fresh = event.get("key") if event.get("n") != st.session_state.get(f"_event_{name}") else None
    st.session_state[f"_event_{name}"] = event.get("n")
    return {
        key: st.session_state[key]
        for key, value in drawn.items()
        if key in st.session_state and (st.session_state[key] != value or key == fresh)
    }


def draw_at(name: str, values: dict[str, float]) -> None:
    """Put the sliders at ``values`` for this run and remember them, to tell a move on the next run."""
    st.session_state.update(values)
    st.session_state[f"_drawn_{name}"] = dict(values)
