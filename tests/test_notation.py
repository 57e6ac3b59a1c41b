"""One notation on every page, as the slides write it: x⁽ⁱ⁾, y⁽ⁱ⁾, p⁽ⁱ⁾ for the i-th datapoint
(a superscript in brackets, i = 1 … m in formulas), subscripts only for features and components.
The README's table names the symbols."""

import importlib
import inspect
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
MODULES = [
    importlib.import_module(f"app.lessons.{p.stem}")
    for p in sorted((ROOT / "app" / "lessons").glob("*.py"))
    if not p.stem.startswith("_")
]
# A datapoint written with a subscript: y_i, \hat y_i, p_i, x_i beside y (ŷᵢ in plain text), or
# 0-based datapoint superscripts in a formula, x^{(0)} … x^{(m-1)}.
DATAPOINT_SUBSCRIPT = re.compile(r"\\hat y_i|\by_i\b|\bp_i\b|\by_\{i|ŷᵢ|yᵢ|p_\{i,|x\^\{\(0\)\}|\^\{\(m-1\)\}")


def texts():
    """Every string constant of the lesson modules, and the formulas their functions write."""
    for module in MODULES:
        for name, value in vars(module).items():
            values = value if isinstance(value, (list, tuple)) else [value]
            for v in values:
                if isinstance(v, str):
                    yield f"{module.__name__}.{name}", v
    from app.lessons import network

    for hidden in (0, 3):
        yield "network.formula", network.formula(hidden, "tanh")


@pytest.mark.parametrize("where, text", list(texts()), ids=lambda v: v if isinstance(v, str) and len(v) < 60 else "")
def test_no_datapoint_is_written_with_a_subscript(where, text):
    assert not DATAPOINT_SUBSCRIPT.search(text), f"{where}: {DATAPOINT_SUBSCRIPT.search(text).group()!r}"


def test_the_loss_formulas_sum_over_i_1_to_m_with_superscripts():
    from app.lessons import iris, logistic, network, regression

    for formula in (regression.FORMULAS[1], logistic.LOSS_FORMULA, network.LOSS_FORMULA, iris.LOSS):
        assert r"\sum_{i=1}^{m}" in formula and "^{(i)}" in formula
    assert regression.FORMULAS[0] == r"\hat y^{(i)} = w\,x^{(i)} + b"


def test_the_datapoints_of_X_are_numbered_from_1_as_the_slides_do():
    from app.lessons import data

    assert "x^{(1)}" in data.NOTATION[0] and "x^{(m)}" in data.NOTATION[0] and "y^{(m)}" in data.NOTATION[1]
    assert "x⁽¹⁾ is `X[0]`" in data.NOTICE


def test_the_readme_has_the_table_of_symbols():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Notation", 1)[1].split("\n## ", 1)[0]
    for symbol in ("m", "n", "x⁽ⁱ⁾, y⁽ⁱ⁾", "ŷ, h(x)", "w, b", "L", "η", "σ"):
        assert f"| {symbol} |" in section, symbol


def test_every_lesson_module_is_read():
    assert len(MODULES) >= 12 and all(inspect.ismodule(m) for m in MODULES)
