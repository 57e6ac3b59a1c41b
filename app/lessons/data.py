"""Data: features and labels. The words of the page."""

from __future__ import annotations

import numpy as np

from app.lessons.grammar import count, plural
from core import data as houses
from core import datasets
from core.datasets import Dataset
from core.text import format_number, format_shape

TITLE = "Data: features and labels"
INTRO = (
    "A datapoint is a vector **x** of **n** features with a label **y**. **X** stacks the **m** datapoints, "
    "one per row."
)
IDEAS = ["One datapoint", "X and y", "What to notice", "Predict, then check", "The NumPy code"]
EXAMPLE_LABEL = "Example: what the data are"
EXAMPLE_NAMES = {"house": "House", "text": "Text", "image": "Image", "iris": "Iris flower", "sound": "Sound"}
EXAMPLE_HELP = (
    "The slide's examples as real arrays, nothing downloaded: houses (area, rooms → price), sentences "
    "(word counts → topic), handwritten digits (pixels → digit), Iris flowers (measurements → species) "
    "and sounds (spectrum → pitch)."
)
BLOCK_LABEL = "Rows on the slider"
BLOCK_HELP = "The slider carries a block of rows at a time, so that it follows the hand; pick another block here."
TABLE_TITLE = "The whole data set: X and y"
VALUES_TITLE = "The same rows as NumPy prints them"
NOTICE_TITLE = "What to notice"
NOTATION = (  # X and y side by side on a wide screen, one above the other on a phone
    r"X = \begin{pmatrix} x^{(1)} \\ x^{(2)} \\ \vdots \\ x^{(m)} \end{pmatrix} \in \mathbb{R}^{m \times n}",
    r"y = \begin{pmatrix} y^{(1)} \\ y^{(2)} \\ \vdots \\ y^{(m)} \end{pmatrix}",
)
NOTATION_LINE = r",\qquad ".join(NOTATION)  # both on one line, for the notebook
NOTICE = (
    "- **Five different things, one shape.** A house, a sentence, a picture, a flower and a sound all "
    "become a table X with one row per datapoint and one column per feature, and a vector y with one "
    "label per row. The model never sees the picture or the sentence: only the rows of X.\n"
    "- **Features are chosen.** Pixels read row by row, word counts that forget the order of the words, "
    "the loudness of frequency bands: each is a decision about what the model may use. The slides' other "
    "examples work the same way: a genome becomes the frequency of a motif (→ the cell type), speech its "
    "frequency spectrum (→ the emotion).\n"
    "- **NumPy counts from 0.** The slides number the datapoints from 1, x⁽¹⁾ to x⁽ᵐ⁾ (a superscript in "
    "brackets, so that it is not read as a feature); in NumPy x⁽¹⁾ is `X[0]` and x⁽ᵐ⁾ is `X[m - 1]`, and the "
    "row slider and the readouts give NumPy's index. Feature j of every datapoint is a column, `X[:, j]`, "
    "also counted from 0 in NumPy.\n"
    "- **Then the other two components.** A model h maps each row x to a prediction ŷ, and a loss "
    "compares ŷ with the label y: the next pages build both."
)
CAPTIONS = {
    "image": "The picture is 8 × 8 grey levels; x is the same 64 numbers read row by row, "
    "`x = picture.reshape(64)`, and `x.reshape(8, 8)` gives the picture back.",
    "text": "x counts how often each word of the vocabulary (every word of two or more letters in the 12 "
    "sentences, in alphabetical order: scikit-learn's CountVectorizer leaves out one-letter words such as "
    "“a”) appears in the sentence: mostly zeros, and the order of the words is lost.",
    "iris": "Three sepals and three petals drawn to scale (a grid of 1 cm) from the four measurements, "
    "which x holds. Petal size alone almost tells the species.",
    "house": "The floor plan is drawn from the area (its shape is made up); x holds the area and the "
    "rooms. Colours scale each column on its own: m² and rooms have different units.",
    "sound": "The signal's first 50 ms (of 250), its spectrum by the Fourier transform, and in green "
    "the 16 features: the loudest amplitude in each band of 125 Hz.",
}
POINT_AT = " Point at a cell of x or X to read its value."


def example_name(example: str) -> str:
    """The example's name on its button."""
    return EXAMPLE_NAMES[example]


def row_label(data: Dataset, rows: range) -> str:
    """The row slider's label; it names its block when it cannot carry every row."""
    return "Datapoint (row of X)" + ("" if len(rows) == data.m else f": {block_name(rows)}")


def row_help(big_step: int) -> str:
    """How the keyboard moves the row slider."""
    return (
        f"Arrow keys step one datapoint, PageUp and PageDown {big_step} at a time, "
        "Home and End go to the first and the last."
    )


def block_name(rows: range) -> str:
    """A block of rows as its option reads: ``rows 150 to 299``."""
    return f"rows {rows.start} to {rows.stop - 1}"


def block_note(data: Dataset, rows: range) -> str:
    """What the slider covers, when it cannot carry every row at once; empty when it does."""
    if len(rows) == data.m:
        return ""
    return (
        f"The slider covers {block_name(rows)} of the {data.m}: sending every row's picture at once "
        f"would be too much for a smooth drag. Choose other rows in *{BLOCK_LABEL}*."
    )


def readout(data: Dataset, row: int) -> str:
    """The live readout for datapoint ``row``: where it is, its label, and x itself when it is short."""
    # X[row] (code, so 0-based) rather than "row 5, the 6th of 150": the sweep holds one readout a row.
    end = ", the first row" if row == 0 else ", the last row" if row == data.m - 1 else ""
    shown = f"X[{row}]{end} · y[{row}] = {data.label_text(row)}"
    if data.n <= 4:
        shown += " · x = [" + ", ".join(format_number(v, datasets.DECIMALS[data.name]) for v in data.X[row]) + "]"
    return shown


def datapoint_description(data: Dataset, row: int) -> str:
    """The datapoint picture in words (its text alternative)."""
    label, x = data.label_text(row), data.X[row]
    cm = [format_number(v, 1) for v in x]
    if data.name == "image":
        words = f"an 8 × 8 picture of a handwritten {label}, grey levels 0 to 16"
    elif data.name == "text":
        words = f"the sentence “{data.raw(row)}”, topic {label}"
    elif data.name == "iris":
        words = (
            f"an Iris {label}: sepals {cm[0]} cm long and {cm[1]} cm wide, petals {cm[2]} cm long and {cm[3]} cm wide"
        )
    elif data.name == "house":
        rooms = int(x[1])
        words = f"a house of {format_number(x[0], 0)} m² with {count(rooms, 'room')}, price {label}"
    else:
        words = f"a quarter-second chord, pitch {label}, its first 50 ms and its spectrum"
    return f"Row {row}: {words}."


def table_description(data: Dataset, row: int) -> str:
    """The table picture in words."""
    return (
        f"x = X[{row}], shape {format_shape((data.n,))}, drawn as a row of cells above a window of X, "
        f"shape {format_shape(data.X.shape)}, with row {row} outlined; beside X the labels y, shape "
        f"{format_shape(data.y.shape)}: y[{row}] = {data.label_text(row)}."
    )


def caption(data: Dataset) -> str:
    """What the two pictures show, for this example."""
    return CAPTIONS[data.name] + POINT_AT


def shapes_sentence(data: Dataset, row: int) -> str:
    """m, n and the shapes with the current numbers, in the slides' notation."""
    m, n = data.m, data.n
    return (
        f"Here **m = {m}** datapoints and **n = {n}** {plural('feature', n)}: X has shape "
        f"{format_shape(data.X.shape)} and holds {m * n} numbers, one row per datapoint and one column per "
        f"feature; y has shape {format_shape(data.y.shape)}, one label per row. The datapoint you picked is "
        f"x = X[{row}], shape {format_shape((n,))}, and its label is y[{row}] = {data.label_text(row)}."
    )


def label_kind(data: Dataset) -> str:
    """What kind of label the example has, and so which task predicting it is."""
    if not data.label_names:
        return (
            f"The label is a number, the {data.target_name}: predicting a number is **regression**, "
            "the task of the linear-regression page."
        )
    classes = len(data.label_names)
    names = ", ".join(data.label_names)
    if classes == 2:
        return (
            f"The label is one of 2 classes ({names}): predicting it is **classification**, the task of the "
            "logistic-regression page. In y each class is a number, 0 or 1."
        )
    return (
        f"The label is one of {classes} classes ({names}): predicting it is **classification** with "
        f"{classes} classes, as on the Iris page. In y each class is a number, 0 to {classes - 1}."
    )


def rows_printed(data: Dataset, rows: range) -> str:
    """``X[a:b]`` and ``y[a:b]`` as NumPy prints them."""
    with np.printoptions(linewidth=100, suppress=True, threshold=2000):
        return (
            f"X[{rows.start}:{rows.stop}] =\n{data.X[rows.start : rows.stop]!r}\n\n"
            f"y[{rows.start}:{rows.stop}] =\n{data.y[rows.start : rows.stop]!r}"
        )


# ---------------------------------------------------------------- the NumPy code
LOADERS = {
    "iris": """
        from sklearn.datasets import load_iris

        iris = load_iris()
        X, y = iris.data, iris.target  # one row per flower: 4 measurements in cm
        names = iris.target_names
    """,
    "image": """
        from sklearn.datasets import load_digits

        digits = load_digits()
        X, y = digits.data, digits.target  # one row per picture: its 8 x 8 pixels read row by row
        names = np.array([str(d) for d in range(10)])
    """,
}


def _text_loader() -> str:
    sentences = ",\n            ".join(repr(s) for s, _ in datasets.SENTENCES)
    topics = [datasets.TOPICS.index(t) for _, t in datasets.SENTENCES]
    return f"""
        from sklearn.feature_extraction.text import CountVectorizer

        sentences = [
            {sentences},
        ]
        vectorizer = CountVectorizer()  # a "bag of words": how often each word appears
        X = vectorizer.fit_transform(sentences).toarray()
        y = np.array({topics})
        names = np.array({list(datasets.TOPICS)})
        print("vocabulary:", vectorizer.get_feature_names_out())
    """


def _house_loader() -> str:
    low, high = houses.HOUSE_AREA_RANGE
    return f"""
        rng = np.random.default_rng({datasets.HOUSE_SEED})
        area = rng.uniform({low}, {high}, size={datasets.HOUSE_COUNT})  # in 100 m2
        price = {houses.HOUSE_SLOPE} * area + {houses.HOUSE_INTERCEPT} + rng.normal(0, {datasets.HOUSE_NOISE}, size={datasets.HOUSE_COUNT})  # in 100 000 EUR
        area = np.round(100 * area)
        noise = np.random.default_rng([{datasets.HOUSE_SEED}, 1]).normal(0, 0.7, {datasets.HOUSE_COUNT})
        rooms = np.maximum(np.round(area / {datasets.M2_PER_ROOM} + noise), 1)
        X = np.column_stack([area, rooms])  # one row per house: m2 and rooms
        y = np.round(100_000 * price, -3)  # the label is a number: the price in EUR
    """


def _sound_loader() -> str:
    return f"""
        rate, samples, bands = {datasets.SOUND_RATE}, {datasets.SOUND_SAMPLES}, {datasets.SOUND_BANDS}
        t = np.arange(samples) / rate
        chord = np.array([1, 2 ** (4 / 12), 2 ** (7 / 12)])  # a major chord: root, third, fifth
        roots = [{datasets.ROOTS["low"]}, {datasets.ROOTS["high"]}]  # Hz, low and high
        names = np.array({list(datasets.PITCHES)})
        rng = np.random.default_rng({datasets.SOUND_SEED})
        y = np.arange({datasets.SOUND_COUNT}) % 2
        signals = []
        for label in y:
            root, volume = rng.uniform(*roots[label]), rng.uniform(0.5, 1.0)
            phases = rng.uniform(0, 2 * np.pi, 3)
            tones = np.sin(2 * np.pi * root * np.outer(chord, t) + phases[:, None])
            signals.append(volume * tones.sum(axis=0) / 3 + rng.normal(0, {datasets.SOUND_NOISE}, samples))
        spectra = 2 * np.abs(np.fft.rfft(signals, axis=1)) / samples  # how loud each frequency is
        f = np.fft.rfftfreq(samples, 1 / rate)
        band = np.minimum(np.searchsorted(np.linspace(0, rate / 2, bands + 1), f, side="right") - 1, bands - 1)
        X = np.column_stack([spectra[:, band == k].max(axis=1) for k in range(bands)])  # the loudest in each band
    """


def code(example: str, row: int) -> str:
    """The NumPy code that builds X and y of ``example`` and prints the page's figures for ``row``."""
    loader = {"text": _text_loader, "house": _house_loader, "sound": _sound_loader}.get(example)
    body = loader() if loader else LOADERS[example]
    label = (
        'f"{y[row]:,.0f} €".replace(",", " ")'  # a price, written as the page writes it
        if example == "house"
        else "names[y[row]]"
    )
    return (
        "\n        import numpy as np\n"
        + body
        + f"""
        row = {row}
        x = X[row]  # one datapoint: a row of X
        print("X shape =", X.shape)
        print("y shape =", y.shape)
        print("features =", X.shape[1])
        print("label =", {label})
        print("x =", x)
    """
    )
