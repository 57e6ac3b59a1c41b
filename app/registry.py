"""Every page of the app, in the order of the lesson (the slides' order).

The entry script builds the navigation from this list, and the tests iterate it, so a
page added here is covered by the shared tests without anyone remembering.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageSpec:
    """One page: its file under ``pages/``, its URL path (from ``shared/CONTRACT.md``) and title."""

    file: str
    url_path: str
    title: str
    icon: str
    section: str
    slider_key: str | None = None  # the main slider, moved by the browser tests and the benchmark

    @property
    def path(self) -> Path:
        return ROOT / "pages" / self.file


HOME = PageSpec("home.py", "", "Home: data, model, loss", ":material/home:", "Start")

PAGES: list[PageSpec] = [
    HOME,
    PageSpec("arrays.py", "arrays", "Arrays and shapes", ":material/grid_on:", "NumPy", "axis_0"),
    PageSpec("broadcasting.py", "broadcasting", "Broadcasting", ":material/open_in_full:", "NumPy", "cell"),
    PageSpec(
        "dot_product.py",
        "dot-product",
        "Dot product and angle",
        ":material/north_east:",
        "Vectors and matrices",
        "b_angle",
    ),
    PageSpec(
        "outer_product.py", "outer-product", "Outer product", ":material/grid_4x4:", "Vectors and matrices", "w_len"
    ),
    PageSpec(
        "matrix_multiplication.py",
        "matrix-multiplication",
        "Matrix multiplication",
        ":material/apps:",
        "Vectors and matrices",
        "step",
    ),
    PageSpec(
        "linear_regression.py",
        "linear-regression",
        "Linear regression: MSE and training",
        ":material/trending_down:",
        "Machine learning",
        "w",
    ),
    PageSpec(
        "logistic_regression.py",
        "logistic-regression",
        "Logistic regression: sigmoid and loss",
        ":material/show_chart:",
        "Machine learning",
        "w",
    ),
    PageSpec(
        "iris.py", "iris", "Iris: the hello world of ML", ":material/local_florist:", "Machine learning", "C_exponent"
    ),
]


def lesson_pages() -> list[PageSpec]:
    """The pages after Home, in teaching order."""
    return [p for p in PAGES if p is not HOME]
