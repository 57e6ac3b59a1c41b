"""Data: one datapoint's features and label, and the whole data set as X of shape (m, n) and y of shape (m,)."""

import streamlit as st

from app import live, state, ui, url_state
from app.code_panel import show_numpy_code
from app.figure_base import Style
from app.figures import data as figures
from app.lessons import data as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core import datasets

SPEC = page("data")


@st.cache_resource(max_entries=32, show_spinner=False)
def live_block(example: str, start: int, style: Style) -> tuple[list[dict], live.Sweep]:
    """The figures at the first row of the block from ``start``, and the sweep over its rows.

    Built once and shared read-only, not copied per run as ``st.cache_data`` would (~20 ms for the digits).
    """
    data = datasets.load(example)
    rows = datasets.row_block(data.m, start, figures.LIVE_ROWS)
    readouts = [text.readout(data, r) for r in rows]
    return figures.live_figures(data, rows, start, style), figures.row_sweep(data, rows, readouts, style)


def start_over() -> None:
    state.put(SPEC, "row", 0)  # another example: its first datapoint


def block_chosen(block: str) -> None:
    state.put(SPEC, "row", state.widget_value(block))  # the block's first row


ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)

# --- State: the example, then the row (read after it: its range is the example's m).
parts = [ideas.idea(i) for i in range(len(text.IDEAS))]
with parts[0]:  # the picture first; the example's choice under it
    # The four figures on one line of the wall (1280 px with the sidebar), "versicolor" included.
    metric_row = st.container(horizontal=True, gap="medium")
    picture, settings = st.container(), st.container()
with settings:
    example = url_state.choice(
        text.EXAMPLE_LABEL,
        "example",
        datasets.EXAMPLES,
        SPEC.default("example"),
        widget="segmented",
        required=True,
        format_func=text.example_name,
        help=text.EXAMPLE_HELP,
        on_change=start_over,
    )


@live.fragment
def follow_row(example: str) -> None:
    """Everything the row changes: a step of the row slider reruns only this."""
    data = datasets.load(example)
    row = int(state.bind(SPEC, ("row",), limits={"row": (0, data.m - 1)})["row"])
    rows = datasets.row_block(data.m, row, figures.LIVE_ROWS)  # all rows, but the digits' by blocks
    big_step = 10 if len(rows) >= 100 else 5 if len(rows) >= 30 else 2
    ROW = live.Slider(
        "row", text.row_label(data, rows), tuple(rows), 0, big_step=big_step, help=text.row_help(big_step)
    )

    # --- Figures and layout: the shapes, then the datapoint and the table moving with the row.
    style = current_style()
    for label, value in datasets.figures(example, row).items():
        ui.figure(label, value, container=metric_row)
    base, sweep = live_block(example, rows.start, style)
    with picture:
        live.element(
            "data_live",
            [ROW],
            {"row": row},
            figures.at_position(base, sweep, row - rows.start),
            {"row": sweep},
            readout=text.readout(data, row),
            descriptions=[text.datapoint_description(data, row), text.table_description(data, row)],
            controls="top",
        )
        st.caption(text.caption(data))
    with settings:
        if len(rows) < data.m:
            block = "row_block"
            state.set_widget(block, rows.start)  # the selectbox shows the row's block
            st.selectbox(
                text.BLOCK_LABEL,
                range(0, data.m, figures.LIVE_ROWS),
                format_func=lambda start: text.block_name(datasets.row_block(data.m, start, figures.LIVE_ROWS)),
                key=block,
                on_change=block_chosen,
                args=(block,),
                help=text.BLOCK_HELP,
            )
            st.caption(text.block_note(data, rows))

    with parts[1]:
        st.subheader(text.TABLE_TITLE)
        for column, formula in zip(st.columns(2), text.NOTATION):
            column.latex(formula)
        st.markdown(text.shapes_sentence(data, row))
        st.markdown(text.label_kind(data))
        st.markdown(data.description)
        st.caption(text.VALUES_TITLE)
        st.code(text.rows_printed(data, datasets.window(rows, row, figures.window_rows(style))), language="python")

    with parts[4]:
        show_numpy_code(
            text.code(example, row),
            expanded=ideas.presenting,
            notes=[f"$${text.NOTATION_LINE}$$", text.shapes_sentence(data, row), text.label_kind(data)],
        )


follow_row(example)
with parts[2]:
    st.subheader(text.NOTICE_TITLE)
    st.markdown(text.NOTICE)
with parts[3]:
    predict_then_check("data_shape")
