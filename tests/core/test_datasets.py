"""core.datasets: each example against the package it comes from, and the spectrum against a plain DFT."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.datasets import load_digits, load_iris
from sklearn.feature_extraction.text import CountVectorizer

from core import datasets as ds
from core.data import house_prices
from core.text import InputError


@st.composite
def example_and_row(draw):
    example = draw(st.sampled_from(ds.EXAMPLES))
    return example, draw(st.integers(0, ds.size(example) - 1))


@pytest.mark.parametrize("example", ds.EXAMPLES)
def test_every_example_is_a_table_with_one_label_per_row(example):
    data = ds.load(example)
    assert data.name == example
    assert data.X.ndim == 2 and data.X.dtype == float and np.all(np.isfinite(data.X))
    assert data.y.shape == (data.m,) and len(data.feature_names) == data.n == data.X.shape[1]
    assert len(set(data.feature_names)) == data.n
    assert len(data.raws) == data.m and data.description and data.target_name
    if data.label_names:
        assert data.y.dtype.kind == "i" and set(data.y.tolist()) == set(range(len(data.label_names)))
    assert ds.load(example) is data  # cached
    assert not data.X.flags.writeable and not data.y.flags.writeable
    with pytest.raises(ValueError):
        data.X[0, 0] = 1.0


@given(example_and_row())
def test_figures_are_the_shapes_the_feature_count_and_the_rows_label(case):
    example, row = case
    data = ds.load(example)
    shown = ds.figures(example, row)
    assert shown["X shape"] == str(data.X.shape) and shown["y shape"] == str(data.y.shape)
    assert shown["features"] == str(data.n) and shown["label"] == data.label_text(row)
    if data.label_names:
        assert shown["label"] == data.label_names[data.y[row]]
    else:
        assert shown["label"] == f"{data.y[row]:,.0f} €".replace(",", " ")


@pytest.mark.parametrize(
    "example, m, n", [("house", 40, 2), ("text", 12, 41), ("image", 1797, 64), ("iris", 150, 4), ("sound", 40, 16)]
)
def test_sizes(example, m, n):
    assert ds.size(example) == m and ds.load(example).n == n


@pytest.mark.parametrize("example", ds.EXAMPLES)
def test_rows_outside_the_table_are_refused(example):
    data = ds.load(example)
    for row in (-1, data.m):
        with pytest.raises(IndexError, match=f"0 to {data.m - 1}"):
            data.label_text(row)
        with pytest.raises(IndexError):
            data.raw(row)


@pytest.mark.parametrize("text", ["iris", " IRIS ", "Sound", "house\n"])
def test_example_names_are_read(text):
    assert ds.parse_example(text) in ds.EXAMPLES


@pytest.mark.parametrize("text", ["", "irises", "0", "x" * 100, "images"])
def test_unknown_examples_are_refused_with_the_choices(text):
    with pytest.raises(InputError, match="house, text, image, iris, sound"):
        ds.parse_example(text)
    with pytest.raises(ValueError):
        ds.load(text)


def test_default_example_is_iris():
    assert ds.DEFAULT_EXAMPLE == "iris" and ds.EXAMPLES == ("house", "text", "image", "iris", "sound")


def test_houses_are_core_datas_houses_with_rooms():
    data = ds.load("house")
    area, price = house_prices(ds.HOUSE_COUNT, ds.HOUSE_NOISE, ds.HOUSE_SEED)
    np.testing.assert_array_equal(data.X[:, 0], np.round(100 * area))
    np.testing.assert_array_equal(data.y, np.round(100_000 * price, -3))
    rooms = data.X[:, 1]
    assert np.all(rooms >= 1) and np.all(rooms == np.round(rooms))
    assert np.corrcoef(data.X[:, 0], rooms)[0, 1] > 0.8  # bigger houses have more rooms
    assert data.raw(3) == {"area (m²)": data.X[3, 0], "rooms": int(rooms[3])}
    assert data.label_text(0) == f"{int(data.y[0]):,} €".replace(",", " ") and data.label_names == ()


def test_text_is_scikit_learns_bag_of_words():
    data = ds.load("text")
    sentences = [s for s, _ in ds.SENTENCES]
    vectorizer = CountVectorizer()
    np.testing.assert_array_equal(data.X, vectorizer.fit_transform(sentences).toarray())
    assert data.feature_names == tuple(vectorizer.get_feature_names_out())
    for i, sentence in enumerate(sentences):
        assert data.raw(i) == sentence
        words = [w for w in sentence.split() if len(w) > 1]  # one-letter words are not counted
        assert data.X[i].sum() == len(words)
        for word in set(words):
            assert data.X[i, data.feature_names.index(word)] == words.count(word)
    assert data.X[0, data.feature_names.index("the")] == 2
    assert [data.label_text(i) for i in range(12)].count("pets") == 6


def test_images_are_scikit_learns_digits():
    data = ds.load("image")
    digits = load_digits()
    np.testing.assert_array_equal(data.X, digits.data)
    np.testing.assert_array_equal(data.y, digits.target)
    assert data.label_names == tuple("0123456789") and data.feature_names[:2] == ("pixel_0_0", "pixel_0_1")
    for i in (0, 5, 1796):
        assert data.raw(i).shape == (8, 8)
        np.testing.assert_array_equal(data.raw(i).ravel(), data.X[i])  # the pixels read row by row
        assert data.label_text(i) == str(digits.target[i])


def test_iris_is_scikit_learns_iris():
    data = ds.load("iris")
    reference = load_iris()
    np.testing.assert_array_equal(data.X, reference.data)
    np.testing.assert_array_equal(data.y, reference.target)
    assert data.feature_names == tuple(reference.feature_names) and data.label_names == tuple(reference.target_names)
    assert list(data.raw(0).values()) == data.X[0].tolist() and tuple(data.raw(0)) == data.feature_names
    assert data.label_text(0) == "setosa" and data.label_text(149) == "virginica"


def plain_dft_amplitudes(signal):
    """``2 |Σ_n s_n e^{-2πi k n / N}| / N`` for k = 0 .. N/2, written out without the FFT."""
    N = signal.size
    k = np.arange(N // 2 + 1)[:, None]
    return 2 * np.abs(np.exp(-2j * np.pi * k * np.arange(N) / N) @ signal) / N


def test_spectrum_is_the_discrete_fourier_transform():
    signal = ds.load("sound").raw(3)
    f, a = ds.spectrum(signal)
    np.testing.assert_allclose(a, plain_dft_amplitudes(signal), atol=1e-10)
    assert f[0] == 0 and f[-1] == ds.SOUND_RATE / 2 and f[1] == ds.SOUND_RATE / ds.SOUND_SAMPLES


@given(st.integers(1, 499), st.floats(0.1, 2.0))
def test_a_pure_tone_is_loudest_in_its_band_at_its_amplitude(k, amplitude):
    frequency = k * ds.SOUND_RATE / ds.SOUND_SAMPLES  # on the frequency grid: no leakage
    t = np.arange(ds.SOUND_SAMPLES) / ds.SOUND_RATE
    features = ds.band_features(amplitude * np.sin(2 * np.pi * frequency * t + 0.3))
    band = int(frequency // (ds.SOUND_RATE / 2 / ds.SOUND_BANDS))
    assert features.shape == (ds.SOUND_BANDS,)
    assert features[band] == pytest.approx(amplitude, rel=1e-9)
    assert np.delete(features, band).max() < 1e-9


def test_band_features_are_the_largest_amplitude_in_each_band():
    signal = ds.load("sound").raw(0)
    f, a = ds.spectrum(signal)
    edges = ds.band_edges()
    assert edges[0] == 0 and edges[-1] == 2000 and len(edges) == ds.SOUND_BANDS + 1
    expected = [a[(f >= lo) & ((f < hi) | (hi == edges[-1]))].max() for lo, hi in zip(edges[:-1], edges[1:])]
    np.testing.assert_array_equal(ds.band_features(signal), expected)


def test_sounds_are_low_and_high_chords_and_their_features_tell_which():
    data = ds.load("sound")
    assert data.X.shape == (40, 16) and data.label_names == ("low", "high")
    assert np.bincount(data.y).tolist() == [20, 20]
    for i in range(data.m):
        assert data.raw(i).shape == (ds.SOUND_SAMPLES,)
        np.testing.assert_array_equal(data.X[i], ds.band_features(data.raw(i)))
    loudest = data.X.argmax(axis=1)  # the band of the loudest note: below 375 Hz only for low chords
    np.testing.assert_array_equal(loudest >= 3, data.y == 1)
    assert data.feature_names[0] == "0–125 Hz" and data.feature_names[-1] == "1875–2000 Hz"


def test_sounds_are_reproducible():
    rng = np.random.default_rng(ds.SOUND_SEED)
    root, volume = rng.uniform(*ds.ROOTS["low"]), rng.uniform(0.5, 1.0)
    np.testing.assert_array_equal(ds.chord(root, volume, rng), ds.load("sound").raw(0))
