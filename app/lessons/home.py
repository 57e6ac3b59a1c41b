"""Home: the words of the page."""

from __future__ import annotations

from app.lessons.grammar import count

TITLE = "Arrays, models and losses"
INTRO = (
    "The first support session of the deep-learning course, as pictures that move with their "
    "sliders. Every state has its own link, and every page shows the NumPy code behind it."
)
LOOP_TITLE = "Training: one block, repeated many times"
LOOP_CAPTION = (
    "The slides' training loop: feed the features x to the model, which predicts ŷ; the loss compares "
    "ŷ with the label y; the optimiser adjusts the parameters w to lower the loss, and the block repeats "
    "many times. Data, model and loss are the three components of machine learning; the optimiser is how "
    "the model learns from them."
)
LOOP_DESCRIPTION = (
    "A diagram of the training loop: data (features x) go into the model, which makes a prediction ŷ; the "
    "loss compares ŷ with the data's labels y; the optimiser uses the loss to adjust the model's parameters, "
    "and the block repeats many times."
)
# Each part of the loop, what it is, and the pages that show it (by URL path, in lesson order).
PARTS = [
    ("Data", "features x, labels y, as arrays", ["arrays", "broadcasting", "data"]),
    (
        "Model",
        "ŷ from x and the parameters w",
        ["dot-product", "outer-product", "matrix-multiplication", "models", "linear-regression", "logistic-regression"]
        + ["neural-network", "iris"],
    ),
    (
        "Loss",
        "how far ŷ is from the label y; without labels, a loss is less straightforward",
        ["models", "linear-regression", "logistic-regression", "iris"],
    ),
    ("Optimiser", "gradient descent adjusts w", ["linear-regression", "logistic-regression", "neural-network"]),
]
NESTED_TITLE = "Where deep learning sits"
NESTED = (
    "- **Artificial intelligence**: programs that do what we would call intelligent, such as playing chess, "
    "translating or recognising a face.\n"
    "- **Machine learning**: AI whose rules are learned from data instead of written by hand, "
    "with a model, a loss and an optimiser.\n"
    "- **Deep learning**: machine learning whose model is a neural network of many layers, "
    "trained on large amounts of data."
)
NESTED_DESCRIPTION = "Three nested areas: deep learning inside machine learning, inside artificial intelligence."
PATH_TITLE = "The lesson path"
CODE_TITLE = "Where the code runs"
WHERE_CODE_RUNS = {
    "Jupyter": (
        "Open a page's **NumPy code** panel, copy the code into a cell of a Jupyter notebook and run it "
        "with Shift+Enter. Or click **Download notebook** and open the `.ipynb` file with `jupyter lab`. "
        "Install what it imports once: `pip install numpy scikit-learn plotly jupyterlab`."
    ),
    "Colab": (
        "At colab.research.google.com choose *File → Upload notebook* and pick the downloaded `.ipynb`, "
        "or paste the code into a new cell. NumPy, scikit-learn and plotly are already there."
    ),
    "Terminal": (
        "Save the code as `example.py` and run `python example.py`: it prints the page's figures as "
        "`label = value`, the same numbers the page shows. Or type `python` and paste it."
    ),
}
HOW_TO_USE = (
    "**How to use it.** Alone: follow the path in order and predict each picture before you move "
    "a slider. In class: switch on *Projector mode* in the sidebar (or add `projector=1` to a link) "
    "and prepare one link per slide."
)


def resume(title: str, *, started: bool) -> str:
    """The label of the link that takes a student back into the lesson."""
    return f"Continue where you left off: {title}" if started else f"Start the lesson: {title}"


def progress_line(opened: int, pages: int, right: int, questions: int) -> str:
    """How far the student is, in this tab."""
    return (
        f"In this tab you have opened {opened} of the {count(pages, 'page')} and answered {right} of "
        f"{count(questions, 'question')} right. Progress is kept while the tab stays open."
    )


def status(summary: str, *, opened: bool, right: bool, has_question: bool) -> str:
    """One page's line on the path: its summary, then whether it was opened and its question answered right."""
    done = ["opened" if opened else "not opened yet"]
    if has_question:
        done.append("question answered right" if right else "question not answered right yet")
    return f"{summary} *({', '.join(done)})*"
