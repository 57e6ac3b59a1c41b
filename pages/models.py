"""Models: four kinds of function (linear, polynomial, logistic, network), their parameters, and X w + b."""

import streamlit as st

from app import live, state, ui, url_state
from app.code_panel import show_numpy_code
from app.figures import models as figures
from app.lessons import models as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core import models
from core.text import format_array

SPEC = page("models")  # its state: n (features), d (degree) and h (hidden), declared in the registry
DEGREE = state.slider(SPEC, "degree", text.DEGREE_LABEL, big_step=2, help=text.SLIDER_HELP)
HIDDEN = state.slider(SPEC, "hidden", text.HIDDEN_LABEL, big_step=2, help=text.SLIDER_HELP)
SLIDERS = [DEGREE, HIDDEN]  # what the picture follows; n changes the counts only (one feature is drawn)

ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
parts = [ideas.idea(i) for i in range(len(text.IDEAS))]
data = figures.shared()[0]
style = current_style()
with parts[0]:
    picture, figure_row, settings, cards = st.container(), ui.figure_row(), st.container(), st.container()
with settings:
    lo, hi = models.FEATURES
    n = int(url_state.slider(text.FEATURES_LABEL, "features", lo, hi, 1, 1, help=text.FEATURES_HELP))


@live.fragment
def follow_models(n: int) -> None:
    """Everything the degree and hidden sliders change: a step reruns only this."""
    values = state.bind(SPEC, ("degree", "hidden"))
    d, h = int(values["degree"]), int(values["hidden"])
    states = {"degree": [(n, int(v), h) for v in DEGREE.values], "hidden": [(n, d, int(v)) for v in HIDDEN.values]}
    with picture:
        base, sweeps = live.sweeps(figures.panels, (n, d, h), states, style, text.readout)
        live.element(
            "models_live",
            SLIDERS,
            values,
            base,
            sweeps,
            readout=text.readout((n, d, h)),
            descriptions=text.descriptions(d, h),
            min_figure_width=170,
            controls="top",
        )
        st.caption(text.caption(d, h, models.fitted_mse(data, figures.fits(d, h))))
    for label, value in models.parameter_counts(n, d, h).items():
        ui.figure(label, value, container=figure_row)
    with cards:
        st.subheader(text.CARDS_TITLE)
        per_row = 2 if style.projector else 4  # a projector's large formulas need half the width
        for row in range(0, len(models.KINDS), per_row):
            for column, kind in zip(st.columns(per_row), models.KINDS[row : row + per_row]):
                name, formulas, domain, bounds = text.CARDS[kind]
                with column.container(border=True):
                    st.markdown(f"**{name}**")
                    for formula in formulas:
                        st.latex(formula)
                    st.markdown(f"{domain}  \n{bounds}  \n{text.card_count(kind, n, d, h)}")
    with parts[5]:
        show_numpy_code(text.code(n, d, h), expanded=ideas.presenting, notes=text.notes(n, d, h))


follow_models(n)
with parts[1]:
    st.subheader(text.HOUSE_TITLE)
    st.markdown(text.HOUSE_INTRO)
    X, w, b = models.HOUSES_X, models.HOUSE_W, models.HOUSE_B
    y_hat = models.predict_all(X, w, b)
    st.latex(text.house_formula(w, b))
    st.latex(text.house_shapes(X, w, y_hat))
    st.table(text.house_table(X, w, b, y_hat))
    st.markdown(text.house_words(X, y_hat))
    st.page_link(
        page("matrix-multiplication").path.as_posix(),
        label=text.HOUSE_LINK,
        icon=":material/open_in_new:",
        query_params={"a": format_array(X), "b": format_array(w.reshape(-1, 1))},
    )

with parts[2]:
    st.subheader(text.GOAL_TITLE)
    st.markdown(text.GOAL)
    loss, metric = st.columns(2)
    loss.markdown(f"**{text.LOSS_TITLE}**\n\n{text.LOSS}")
    metric.markdown(f"**{text.METRIC_TITLE}**\n\n{text.METRIC}")

with parts[3]:
    st.subheader(text.ASSUMPTIONS_TITLE)
    st.markdown(text.LINEAR_ASSUMPTION)
    x, y = models.curved_data()
    curved = models.curved_fit(x, y)
    ui.chart(figures.curved_line(x, y, curved, style), key="models_curved")
    st.caption(text.curved_words(curved))
    st.markdown(text.LOGISTIC_ASSUMPTION)
    st.markdown(text.middle_class_words(*models.logistic_accuracy(*models.middle_class_data())))

with parts[4]:
    predict_then_check("model_params")
