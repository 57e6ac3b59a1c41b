"""Property-based fuzzing of every page: no input breaks a page, every refusal says what it refused.

Hypothesis throws arbitrary text, numbers, arrays and query strings at each registered page,
through its URL parameters (the keys the page writes into the URL with its defaults, as
tests/test_query_strings.py finds them) and through its text inputs, under AppTest. For
every case:

- no exception (``at.exception`` empty: no exception element on the page);
- every warning names what it refused (a parameter, in backticks for one-letter names);
- nothing is refused silently: a parameter or text input whose value the page did not take
  is named by a ``st.warning`` (URL) or a ``st.error`` (typed text, by the input's label);
  "taken" means the URL the page writes back holds the same value (same numbers, same
  shape, same word).

Runs: the default profile ``quick`` is a few derandomised examples per page (seconds, for CI).
The long run, at least 1,000 cases per page and test, is one command::

    FUZZ_PROFILE=long .venv/bin/python -m pytest -q tests/test_fuzz.py

(add ``-k <url path>`` for one page; ``FUZZ_EXAMPLES=N`` sets any other count).
"""

from __future__ import annotations

import functools
import math
import os
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.registry import PAGES
from app.url_state import parse_flag
from core.text import InputError, parse_array, parse_shape
from scripts.app_driver import open_page, spec_for

settings.register_profile(
    "quick",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 3)),
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 1000)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
PROFILE = os.environ.get("FUZZ_PROFILE", "quick")
FUZZ = settings.get_profile(PROFILE)

# Parameters a page leaves out of the URL while unused (the registry says which).
OPTIONAL_PARAMS = {spec.url_path: [p.name for p in spec.params if p.optional] for spec in PAGES}
IDS = [spec.url_path or "home" for spec in PAGES]


@functools.cache
def page_inputs(url_path: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The page's URL parameters (declared in the registry, optional ones aside) and its text inputs (label, key)."""
    at = open_page(url_path)
    assert not at.exception, at.exception
    spec = spec_for(url_path)
    declared = tuple(sorted(p.name for p in spec.params if not p.optional))
    return declared, tuple((t.label, t.key) for t in at.text_input)


# --- what to throw ------------------------------------------------------------------------

NUMBER_WORDS = [
    "nan",
    "NaN",
    "-inf",
    "inf",
    "Infinity",
    "1e999",
    "-1e999",
    "1e-400",
    "-0",
    "0x1F",
    "1_000",
    "١٢٣",
    "½",
    "1e",
    ".",
    "-",
    "+",
    "e5",
    "9" * 400,
    "0" * 300 + "1",
    "1" + "0" * 308,
]
TEXT_WORDS = [
    "",
    " ",
    "  \t\n ",
    "abc",
    "√2 ∞ 𝔘",
    "<script>alert(1)</script>",
    "%00",
    "\x00",
    "'; DROP TABLE",
    "__import__('os').system('id')",
    "[[[[1]]]]",
    "[]",
    "[[]]",
    "[1, [2]]",
    "[[1, 2], [3]]",
    "1;;;;",
    "1, 2; 3",
    ";",
    ",",
    "[1, 2",
    "1, 2]",
    "((4, 3))",
    "{1: 2}",
    "True",
    "None",
    "${a}",
    "{{a}}",
    "add",
    "subtract",
    "multiply",
    "divide",
    "polar",
    "components",
    "medium",
    "fast",
    "slow",
    "petal_length",
    "sepal_width",
    "0, 1",
    "0,1,2,3,4",
    "petal_length,petal_length",
    "on",
    "off",
    "1",
    "0",
    "2",
    "-1",
    "0.5",
    "1e6",
    "-1e6",
    "1, 2, 3",
    "1 2 3; 4 5 6",
    "[[1, 2, 3]]",
]


def number_texts():
    floats = st.floats(allow_nan=True, allow_infinity=True, width=64)
    return st.one_of(
        floats.map(repr),
        floats.map(lambda x: f"{x:.3g}" if math.isfinite(x) else str(x)),
        st.integers(-(10**30), 10**30).map(str),
        st.integers(-20, 20).map(str),
        st.decimals(-1000, 1000, allow_nan=False, places=3).map(str),
        st.sampled_from(NUMBER_WORDS),
    )


def array_texts():
    """Arrays as a person types them, well- and ill-formed: rows of numbers, brackets, separators."""
    number = st.one_of(st.integers(-99, 99).map(str), number_texts())
    sep = st.sampled_from([", ", ",", " ", "  ", ",,", " , ", "\t"])
    row = st.builds(lambda ns, s: s.join(ns), st.lists(number, min_size=0, max_size=10), sep)
    rows = st.builds(
        lambda rs, s: s.join(rs), st.lists(row, min_size=1, max_size=10), st.sampled_from(["; ", ";", " ; ", ";;"])
    )
    nested = st.recursive(
        number,
        lambda inner: st.lists(inner, min_size=0, max_size=5).map(lambda items: "[" + ", ".join(items) + "]"),
        max_leaves=40,
    )
    return st.one_of(row, rows, nested)


def any_text():
    return st.one_of(
        st.text(max_size=60),
        st.text(alphabet="0123456789.,;[]-+eE ", max_size=60),
        number_texts(),
        array_texts(),
        st.sampled_from(TEXT_WORDS),
    )


# --- what a refusal must look like --------------------------------------------------------


def named(name: str, text: str) -> bool:
    """Whether ``text`` names parameter or label ``name`` (backticks or bold for short names)."""
    if f"`{name}`" in text or f"**{name}**" in text:
        return True
    return len(name) > 2 and re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", text) is not None


def same_value(given: str, shown: str | None) -> bool:
    """Whether the value the page wrote back (``shown``) is the value it was given."""
    if shown is None:
        return False
    a, b = given.strip(), shown.strip()
    if a == b or re.sub(r"\s+", "", a).lower() == re.sub(r"\s+", "", b).lower():
        return True
    for read in (parse_array, parse_shape, parse_flag):
        try:
            x, y = read(a), read(b)
        except (InputError, ValueError):
            continue
        if isinstance(x, np.ndarray):
            # A vector box reads one number as a vector of one: `0` comes back as `[0]`.
            same_shape = x.shape == y.shape or (x.ndim == 0 and y.shape == (1,))
            return same_shape and bool(np.allclose(x.ravel(), y.ravel(), rtol=1e-5, atol=1e-9))
        return x == y
    return False


def check_page(
    at, given: dict[str, str], params: tuple[str, ...], labels: dict[str, str], earlier: tuple[str, ...] = ()
) -> None:
    """The page ran; its warnings name something; nothing given was dropped without a message.

    ``labels`` maps the key of each text input typed into to its label ({} for URL fuzzing);
    ``earlier`` holds the warnings of the page's first run (a URL value is read, and warned about, once).
    """
    assert not at.exception, [e.value for e in at.exception]
    warnings = [w.value for w in at.warning] + list(earlier)
    errors = [e.value for e in at.error]
    known = set(params) | set(given) | set(OPTIONAL_PARAMS.get("", []))
    for text in warnings:
        assert any(named(p, text) for p in known), f"a warning names no parameter: {text!r}"
    for key, value in given.items():
        if key == "unknown":
            continue
        if key in labels:  # typed into a text box: a refusal is an st.error naming its label
            refused = any(named(labels[key], e) for e in errors)
            what = f"text input {labels[key]!r}"
        else:
            refused = any(named(key, w) for w in warnings)
            what = f"URL parameter {key!r}"
        if refused:
            continue
        shown = at.query_params.get(key)
        if shown is None and key not in params:
            continue  # an optional parameter the page leaves out of the URL when unused
        assert same_value(value, shown), (
            f"{what} = {value!r} was not taken (the URL now says {shown!r}) and no message names it; "
            f"warnings: {warnings}; errors: {errors}"
        )


# --- the properties -----------------------------------------------------------------------


@pytest.mark.parametrize("spec", PAGES, ids=IDS)
@settings(FUZZ)
@given(data=st.data())
def test_any_query_string_is_survived_and_explained(spec, data):
    params, _ = page_inputs(spec.url_path)
    names = list(params) + OPTIONAL_PARAMS.get(spec.url_path, []) + ["unknown"]
    query = data.draw(
        st.dictionaries(st.sampled_from(names), any_text(), min_size=1, max_size=len(names)), label="query"
    )
    at = open_page(spec.url_path, query)
    first_warnings = tuple(w.value for w in at.warning)
    # A page's first run leaves the URL as it came (it reproduces the page); the next run writes
    # the whole state, which shows what the page made of each value.
    at.run()
    check_page(at, query, params + tuple(OPTIONAL_PARAMS.get(spec.url_path, [])), {}, first_warnings)


TEXT_PAGES = [s for s in PAGES if page_inputs(s.url_path)[1]]


@pytest.mark.parametrize("spec", TEXT_PAGES, ids=[s.url_path for s in TEXT_PAGES])
@settings(FUZZ)
@given(data=st.data())
def test_any_typed_text_is_survived_and_explained(spec, data):
    params, inputs = page_inputs(spec.url_path)
    labels = {key: label for label, key in inputs}
    typed = data.draw(st.dictionaries(st.sampled_from(sorted(labels)), any_text(), min_size=1), label="typed")
    at = open_page(spec.url_path)
    for key, value in typed.items():
        at.text_input(key=key).input(value)
    at.run()
    check_page(at, typed, params, labels)


def test_profiles_match_the_documented_budgets():
    """The quick profile stays small for CI; the long one gives at least 1,000 cases per page."""
    assert settings.get_profile("quick").max_examples <= 10 or "FUZZ_EXAMPLES" in os.environ
    assert settings.get_profile("long").max_examples >= 1000 or "FUZZ_EXAMPLES" in os.environ
