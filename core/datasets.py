"""Data as a model sees it: a table ``X`` of m datapoints by n features, and ``y``, one label each.

Five examples, each a different kind of thing turned into numbers; none is downloaded:

- ``house``: houses (area, rooms) -> price, generated as in :func:`core.data.house_prices`;
- ``text``: a dozen short sentences -> their topic, the features being word counts
  (scikit-learn's ``CountVectorizer``, "bag of words");
- ``image``: 8 × 8 pictures of handwritten digits -> the digit (``sklearn.datasets.load_digits``),
  the features being the 64 pixels read row by row;
- ``iris``: four measurements of a flower -> its species (:func:`core.iris.load`);
- ``sound``: short generated chords -> ``low`` or ``high``, the features being how loud each
  frequency band is (the magnitude spectrum by ``np.fft.rfft``).

``load(example)`` returns a :class:`Dataset`; it is cached, and its arrays are read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from core.text import InputError, format_shape

EXAMPLES = ("house", "text", "image", "iris", "sound")
DEFAULT_EXAMPLE = "iris"

HOUSE_COUNT = 40
HOUSE_NOISE = 0.3  # in 100 000 €, as core.data.house_prices takes it
HOUSE_SEED = 0
M2_PER_ROOM = 30.0

SENTENCES = (
    ("the cat sleeps on the sofa", "pets"),
    ("the sun is hot today", "weather"),
    ("my dog loves a long walk", "pets"),
    ("rain falls all day", "weather"),
    ("the puppy chews my shoe", "pets"),
    ("a cold wind blows today", "weather"),
    ("our cat chases the dog", "pets"),
    ("the sky is grey and it may rain", "weather"),
    ("feed the fish and the cat", "pets"),
    ("snow and wind in the night", "weather"),
    ("the dog barks at the cat", "pets"),
    ("the sun comes out after the rain", "weather"),
)
TOPICS = ("pets", "weather")

SOUND_COUNT = 40
SOUND_RATE = 4000  # samples per second: frequencies up to 2000 Hz can be heard in the samples
SOUND_SAMPLES = 1000  # 0.25 s
SOUND_BANDS = 16  # of 125 Hz each, from 0 to 2000 Hz
SOUND_NOISE = 0.3
SOUND_SEED = 0
PITCHES = ("low", "high")
CHORD = (1.0, 2 ** (4 / 12), 2 ** (7 / 12))  # a major chord: root, major third, fifth
ROOTS = {"low": (110.0, 220.0), "high": (440.0, 880.0)}  # Hz: A2 to A3, A4 to A5


@dataclass(frozen=True, eq=False)  # arrays inside: compared and hashed by identity
class Dataset:
    """One example: ``X`` (m, n), ``y`` (m,) and what the numbers mean.

    ``y`` holds class indices into ``label_names`` (``y[i] = 2`` is ``label_names[2]``), or,
    when ``label_names`` is empty, a number (the price of a house).
    """

    name: str
    X: np.ndarray  # (m, n) float
    y: np.ndarray  # (m,) int class indices, or float numbers
    feature_names: tuple[str, ...]  # (n,)
    target_name: str  # what a label is: "price (€)", "topic", "digit", "species", "pitch"
    label_names: tuple[str, ...]  # the classes; () when y is a number
    description: str
    raws: tuple | np.ndarray  # what each datapoint is, see raw()

    @property
    def m(self) -> int:
        """The number of datapoints (rows of ``X``)."""
        return self.X.shape[0]

    @property
    def n(self) -> int:
        """The number of features (columns of ``X``)."""
        return self.X.shape[1]

    def label_text(self, i: int) -> str:
        """The label of datapoint ``i`` as text: the class name, or the price in euros."""
        _check_row(i, self.m)
        if self.label_names:
            return self.label_names[int(self.y[i])]
        return f"{self.y[i]:,.0f} €".replace(",", " ")

    def raw(self, i: int):
        """What datapoint ``i`` is, before it became a row of numbers.

        ``house``: a dict of area (m²) and rooms; ``text``: the sentence; ``image``: the 8 × 8
        array of grey levels 0 to 16; ``iris``: a dict of the four measurements (cm);
        ``sound``: the 1000 samples of the signal (``SOUND_RATE`` per second).
        """
        _check_row(i, self.m)
        return self.raws[i]


def parse_example(text: str) -> str:
    """Read an example's name, ``house``, ``text``, ``image``, ``iris`` or ``sound`` (any case).

    >>> parse_example(" Iris ")
    'iris'
    """
    name = str(text).strip().lower()
    if name not in EXAMPLES:
        shown = name if len(name) <= 30 else name[:30] + "…"
        raise InputError(f"{shown!r} is not an example; choose one of {', '.join(EXAMPLES)}")
    return name


def size(example: str) -> int:
    """The number of datapoints m of ``example``: rows run from 0 to m - 1.

    >>> size("iris"), size("sound")
    (150, 40)
    """
    return load(example).m


def figures(example: str, row: int) -> dict[str, str]:
    """The page's figures for ``example`` and datapoint ``row``: ``X shape``, ``y shape``,
    ``features`` (n) and ``label`` (the row's label as text).

    >>> figures("iris", 0)
    {'X shape': '(150, 4)', 'y shape': '(150,)', 'features': '4', 'label': 'setosa'}
    """
    data = load(example)
    return {
        "X shape": format_shape(data.X.shape),
        "y shape": format_shape(data.y.shape),
        "features": str(data.n),
        "label": data.label_text(row),
    }


@cache
def load(example: str) -> Dataset:
    """The :class:`Dataset` of ``example`` (one of ``EXAMPLES``), built once and then cached."""
    builders = {"house": house, "text": text, "image": image, "iris": iris, "sound": sound}
    if example not in builders:
        raise ValueError(f"example is one of {', '.join(EXAMPLES)}, not {example!r}")
    data = builders[example]()
    for array in (data.X, data.y, data.raws):
        if isinstance(array, np.ndarray):
            array.setflags(write=False)
    return data


def house() -> Dataset:
    """40 houses: area (m²) and rooms -> price (€).

    Area and price come from :func:`core.data.house_prices` (``price = 3 000 €/m² · area +
    50 000 € + noise``); the rooms follow the area, ``round(area / 30 m² + ε)`` with
    ``ε ~ Normal(0, 0.7²)``, at least 1, drawn from a second generator of the same seed.
    """
    from core.data import house_prices

    area, price = house_prices(HOUSE_COUNT, HOUSE_NOISE, HOUSE_SEED)  # 100 m², 100 000 €
    area = np.round(100.0 * area)
    rng = np.random.default_rng([HOUSE_SEED, 1])
    rooms = np.maximum(np.round(area / M2_PER_ROOM + rng.normal(0.0, 0.7, HOUSE_COUNT)), 1.0)
    price = np.round(100_000.0 * price, -3)
    X = np.column_stack([area, rooms])
    return Dataset(
        "house",
        X,
        price,
        ("area (m²)", "rooms"),
        "price (€)",
        (),
        "40 made-up houses. Each row is a house: its area in m² and its number of rooms. "
        "The label is a number, the price in euros (about 3 000 € per m² plus 50 000 €, "
        "give or take 30 000 €): predicting it is regression.",
        tuple({"area (m²)": float(a), "rooms": int(r)} for a, r in X),
    )


def text() -> Dataset:
    """12 sentences -> topic ``pets`` or ``weather``; the features are word counts.

    ``CountVectorizer`` lowercases, splits on words of two or more letters and counts each
    word of the vocabulary (all words of all sentences, in alphabetical order) in each sentence.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    sentences = [s for s, _ in SENTENCES]
    vectorizer = CountVectorizer()
    X = vectorizer.fit_transform(sentences).toarray().astype(float)
    y = np.array([TOPICS.index(topic) for _, topic in SENTENCES])
    return Dataset(
        "text",
        X,
        y,
        tuple(vectorizer.get_feature_names_out().tolist()),
        "topic",
        TOPICS,
        f"12 short sentences. Each row counts how often each of the {X.shape[1]} words of the "
        "vocabulary appears in one sentence (a \"bag of words\": the order of the words is lost). "
        "The label is the sentence's topic, pets or weather.",
        tuple(sentences),
    )


def image() -> Dataset:
    """1797 handwritten digits, 8 × 8 pixels of grey levels 0 to 16 -> the digit 0 to 9."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    return Dataset(
        "image",
        digits.data.astype(float),
        digits.target.astype(int),
        tuple(digits.feature_names),
        "digit",
        tuple(str(d) for d in range(10)),
        "1797 handwritten digits, scanned as 8 × 8 pictures. Each row is one picture's 64 pixels "
        "read row by row (pixel_r_c is row r, column c), from 0 (white) to 16 (black). "
        "The label is the digit.",
        digits.images.astype(float),
    )


def iris() -> Dataset:
    """150 Iris flowers: sepal and petal length and width (cm) -> species."""
    from core import iris as flowers

    X, y = flowers.load()
    names = tuple(f"{name} (cm)" for name in flowers.FEATURES)
    return Dataset(
        "iris",
        X.astype(float),
        y.astype(int),
        names,
        "species",
        flowers.SPECIES,
        "150 Iris flowers measured in 1935. Each row is one flower's sepal length, sepal width, "
        "petal length and petal width in cm. The label is its species: setosa, versicolor or virginica.",
        tuple(dict(zip(names, map(float, row))) for row in X),
    )


def chord(root: float, volume: float, rng: np.random.Generator) -> np.ndarray:
    """``SOUND_SAMPLES`` samples of a major chord on ``root`` (Hz) with noise.

    ``s(t) = volume · Σ_k sin(2π f_k t + φ_k) / 3 + ε`` at ``t = 0, 1/4000, 2/4000, ...`` s, with
    ``f_k = root · (1, 2^{4/12}, 2^{7/12})``, random phases ``φ_k`` and ``ε ~ Normal(0, 0.3²)``.
    """
    t = np.arange(SOUND_SAMPLES) / SOUND_RATE
    phases = rng.uniform(0.0, 2 * np.pi, len(CHORD))
    tones = np.sin(2 * np.pi * root * np.outer(CHORD, t) + phases[:, None])
    return volume * tones.sum(axis=0) / len(CHORD) + rng.normal(0.0, SOUND_NOISE, SOUND_SAMPLES)


def spectrum(signal) -> tuple[np.ndarray, np.ndarray]:
    """The magnitude spectrum: frequencies ``f`` (Hz) and the amplitude of each, ``2 |rfft(s)| / N``.

    A sine of amplitude a at one of the frequencies ``k · SOUND_RATE / N`` shows as a at that
    frequency (half as much at 0 Hz and at ``SOUND_RATE / 2``).

    >>> t = np.arange(1000) / SOUND_RATE
    >>> f, a = spectrum(0.5 * np.sin(2 * np.pi * 200 * t))
    >>> float(f[np.argmax(a)]), round(float(a.max()), 6)
    (200.0, 0.5)
    """
    signal = np.asarray(signal, dtype=float)
    return np.fft.rfftfreq(signal.size, 1 / SOUND_RATE), 2 * np.abs(np.fft.rfft(signal)) / signal.size


def band_edges() -> np.ndarray:
    """The ``SOUND_BANDS + 1`` edges of the frequency bands, ``0, 125, ..., 2000`` Hz."""
    return np.linspace(0.0, SOUND_RATE / 2, SOUND_BANDS + 1)


def band_features(signal) -> np.ndarray:
    """How loud each band is: the largest amplitude of :func:`spectrum` in ``[lo, hi)`` Hz
    (the last band includes 2000 Hz). Shape (``SOUND_BANDS``,)."""
    f, a = spectrum(signal)
    band = np.minimum(np.searchsorted(band_edges(), f, side="right") - 1, SOUND_BANDS - 1)
    features = np.zeros(SOUND_BANDS)
    np.maximum.at(features, band, a)
    return features


def sound() -> Dataset:
    """40 quarter-second chords with noise -> ``low`` (root 110 to 220 Hz) or ``high`` (440 to 880 Hz).

    Drawn from ``np.random.default_rng(0)``: for each chord its pitch (alternating low, high),
    its root, uniform in the pitch's range, its volume, uniform in 0.5 to 1, then the phases and
    the noise of :func:`chord`. The features are :func:`band_features`.
    """
    rng = np.random.default_rng(SOUND_SEED)
    y = np.arange(SOUND_COUNT) % 2
    signals = np.empty((SOUND_COUNT, SOUND_SAMPLES))
    for i, label in enumerate(y):
        root = rng.uniform(*ROOTS[PITCHES[label]])
        signals[i] = chord(root, rng.uniform(0.5, 1.0), rng)
    edges = band_edges()
    names = tuple(f"{lo:.0f}–{hi:.0f} Hz" for lo, hi in zip(edges[:-1], edges[1:]))
    return Dataset(
        "sound",
        np.array([band_features(s) for s in signals]),
        y,
        names,
        "pitch",
        PITCHES,
        "40 made-up sounds, a quarter of a second each: a chord of three notes with noise. Each row "
        f"says how loud the sound is in each of {SOUND_BANDS} frequency bands of 125 Hz (its spectrum, "
        "by the Fourier transform). The label is the pitch: low (the chord's lowest note at 110 to "
        "220 Hz) or high (440 to 880 Hz).",
        signals,
    )


def _check_row(i: int, m: int) -> None:
    if not 0 <= i < m:
        raise IndexError(f"row {i} does not exist; rows run from 0 to {m - 1}")


# How precisely each example's features are written: whole m² and rooms, counts and grey levels;
# Iris to the millimetre, as it was measured; a sound's band amplitudes to three decimals.
DECIMALS = {"house": 0, "text": 0, "image": 0, "iris": 1, "sound": 3}


def row_block(m: int, row: int, size: int) -> range:
    """The ``size`` consecutive rows that hold ``row``, aligned on multiples of ``size`` (fewer at the end).

    A live slider that cannot carry every row of a large table at once covers one block.

    >>> row_block(1797, 1700, 150), row_block(150, 77, 150)
    (range(1650, 1797), range(0, 150))
    """
    _check_row(row, m)
    start = row // size * size
    return range(start, min(start + size, m))


def window(rows: range, row: int, count: int) -> range:
    """``count`` consecutive rows of ``rows`` with ``row`` as near the middle as the ends allow.

    >>> window(range(0, 150), 77, 12), window(range(0, 150), 2, 12), window(range(0, 12), 5, 20)
    (range(71, 83), range(0, 12), range(0, 12))
    """
    _check_row(row - rows.start, len(rows))
    start = min(max(row - count // 2, rows.start), max(rows.stop - count, rows.start))
    return range(start, min(start + count, rows.stop))


def spectra(signals) -> tuple[np.ndarray, np.ndarray]:
    """:func:`spectrum` of every signal at once (one per row): ``f`` (Hz) and amplitudes of shape (k, N/2 + 1).

    >>> signals = load("sound").raws[:3]
    >>> bool(np.allclose(spectra(signals)[1][2], spectrum(signals[2])[1]))
    True
    """
    signals = np.atleast_2d(np.asarray(signals, dtype=float))
    size = signals.shape[-1]
    return np.fft.rfftfreq(size, 1 / SOUND_RATE), 2 * np.abs(np.fft.rfft(signals, axis=-1)) / size
