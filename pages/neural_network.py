"""A neural network: one neuron is logistic regression; a hidden layer bends the boundary.

The network is trained once to the last step (cached); the live steps slider replays that
training from a table of every sampled step, computed by ``core.network``.
"""

import streamlit as st

from app import live, state, ui, url_state
from app.cached import network_best_line_loss as best_line_loss
from app.cached import network_experiment as experiment
from app.cached import network_step_figures as step_figures
from app.cached import network_step_sweep as step_sweep
from app.code_panel import show_numpy_code
from app.lessons import network as text
from app.presentation import Ideas
from app.projector import current_style
from app.quiz import predict_then_check
from app.registry import page
from core import network as nw
from core.text import format_number

SPEC = page("neural-network")
DEFAULT = SPEC.default
LEARNING_RATES = ("0.01", "0.03", "0.1", "0.3", "1", "3", "10", "30", "100")
PLAY_MS = 400  # one sampled step every 0.4 s: the whole training in about 15 s


def steps_slider(step: int | None = None) -> live.Slider:
    """The live steps slider: the sampled steps, and ``step`` among them if the URL asked for another."""
    return live.Slider(
        "steps", text.STEPS_LABEL, nw.step_positions(step), SPEC.value("steps"), big_step=5, help=text.STEPS_HELP
    )


def reset() -> None:
    state.put(SPEC, "steps", 0)


ui.page_header(text.TITLE, text.INTRO)
ideas = Ideas(text.IDEAS)
style = current_style()

parts = [ideas.idea(i) for i in range(len(text.IDEAS))]
with parts[0]:
    figure_row, picture = ui.figure_row(), st.container()
    model, data = st.columns(2, gap="large")
with model:
    hidden = int(
        url_state.slider(
            text.HIDDEN_LABEL, "hidden", 0, nw.MAX_HIDDEN, int(DEFAULT("hidden")), 1, help=text.HIDDEN_HELP
        )
    )
    activation = url_state.choice(
        text.ACTIVATION_LABEL,
        "activation",
        nw.ACTIVATIONS,
        DEFAULT("activation"),
        widget="segmented",
        required=True,
        help=text.ACTIVATION_HELP,
    )
    lr = float(url_state.choice(text.LR_LABEL, "lr", LEARNING_RATES, DEFAULT("lr"), widget="select", help=text.LR_HELP))
with data:
    dataset = url_state.choice(
        text.DATASET_LABEL,
        "dataset",
        nw.DATASETS,
        DEFAULT("dataset"),
        widget="segmented",
        required=True,
        help=text.DATASET_HELP,
    )
    noise = float(
        url_state.slider(text.NOISE_LABEL, "noise", 0.0, 0.5, float(DEFAULT("noise")), 0.05, help=text.NOISE_HELP)
    )
    seed = int(url_state.number(text.SEED_LABEL, "seed", 0, 9999, int(DEFAULT("seed")), step=1, help=text.SEED_HELP))


@live.fragment
def follow_steps(dataset: str, noise: float, seed: int, hidden: int, activation: str, lr: float) -> None:
    """Everything the steps slider changes: a step (or Play) reruns only this."""
    step = int(state.bind(SPEC, ("steps",))["steps"])
    STEPS = steps_slider(step)
    X, y, run = experiment(dataset, noise, seed, hidden, activation, lr)
    best_line = best_line_loss(X, y)
    taken = min(step, run.steps)  # a step past divergence shows the last weights
    params = run.params_at(taken)
    loss, accuracy = float(run.losses[taken]), nw.accuracy(params, X, y, activation)

    ui.figure("mean logistic loss", format_number(loss, 4), container=figure_row, help=text.LOSS_HELP)
    ui.figure("accuracy", format_number(accuracy, 4), container=figure_row, help=text.ACCURACY_HELP)
    ui.figure("hidden units", hidden, container=figure_row, help=text.HIDDEN_HELP)

    base = step_figures(X, y, run, activation, step, best_line, style)
    with picture:
        live.element(
            "network_live",
            [STEPS],
            {"steps": step},
            base,
            {"steps": step_sweep(X, y, run, activation, STEPS.values, best_line, text.readout, style)},
            readout=text.readout(step, loss, accuracy, run.steps),
            descriptions=text.descriptions(hidden, activation, step, loss, accuracy),
            controls="side" if style.projector else "top",  # on the wall, the picture right under the figures
            min_figure_width=300,
            play={"key": "steps", "interval_ms": PLAY_MS},
        )
        st.button(text.RESET, on_click=reset, icon=":material/restart_alt:", help=text.RESET_HELP, key="reset_steps")
        if run.diverged:
            st.error(text.diverged(lr, run.steps), icon="💥")

    with parts[1]:
        st.subheader(text.COMPUTES_TITLE)
        st.latex(text.formula(hidden, activation))
        st.markdown(text.shapes_sentence(hidden, activation) + " " + text.parameter_count(hidden))
        st.latex(text.LOSS_FORMULA)
        st.markdown(text.BACKPROP)
        with st.expander(text.TABLE_TITLE):
            st.table(text.weights_table(params))

    with parts[2]:
        st.subheader(text.NOTICE_TITLE)
        notes = [
            text.structure_notice(hidden, activation, dataset, best_line),
            text.training_notice(step, run.steps, lr, loss, float(run.losses[0]), best_line, hidden),
            text.ACCURACY_NOTICE,
        ]
        st.markdown("\n".join(f"- {note}" for note in notes))

    with parts[4]:
        show_numpy_code(
            text.code(dataset, noise, seed, hidden, activation, lr, taken),
            expanded=ideas.presenting,
            notes=[f"$${text.formula(hidden, activation)}$$", f"$${text.LOSS_FORMULA}$$", *notes],
            figure=base[0],
        )


follow_steps(dataset, noise, seed, hidden, activation, lr)
with parts[3]:
    predict_then_check("network_params")
