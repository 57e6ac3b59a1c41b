"""Matrix multiplication, one cell at a time and one outer product at a time.

``C = A @ B`` for ``A`` of shape ``(m, k)`` and ``B`` of shape ``(k, p)`` has shape ``(m, p)``;
cell ``C[i, j]`` is the dot product of row ``i`` of ``A`` and column ``j`` of ``B``. The same
``C`` is also the sum over ``k`` of the outer products of ``A``'s columns and ``B``'s rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.text import InputError, format_array, format_number, format_shape, parse_array

SMALL_LOW = 0  # random entries are whole numbers from SMALL_LOW to SMALL_HIGH (inclusive)
SMALL_HIGH = 5
MAX_MAGNITUDE = 1e6  # as core.broadcasting: numbers a cell can show, and sums far from overflow


class ShapeMismatch(InputError):
    """``A @ B`` is undefined: the inner sizes differ. The message names both shapes."""


@dataclass(frozen=True)
class MatmulStep:
    """One computed cell: ``C[i, j] = sum_k products[k]`` with ``products = A[i, :] * B[:, j]``."""

    i: int
    j: int
    products: np.ndarray  # shape (k,)
    value: float


def result_shape(a_shape: tuple[int, ...], b_shape: tuple[int, ...]) -> tuple[int, int]:
    """The shape rule ``(m, k) @ (k, p) -> (m, p)``; raises :class:`ShapeMismatch` if the ``k`` differ.

    Both shapes must have two axes (matrices).
    """
    (m, k_a), (k_b, p) = tuple(a_shape), tuple(b_shape)
    if k_a != k_b:
        raise ShapeMismatch(
            f"A has shape {format_shape(a_shape)} and B has shape {format_shape(b_shape)}: "
            f"the number of columns of A ({k_a}) must equal the number of rows of B ({k_b}), "
            f"because each cell of C pairs a row of A (length {k_a}) with a column of B (length {k_b})"
        )
    return (m, p)


def matmul_steps(a: np.ndarray, b: np.ndarray) -> list[MatmulStep]:
    """Every cell of ``C = A @ B`` in row-major order, with its products.

    Step ``s`` (1-based) computes cell ``(i, j) = divmod(s - 1, p)``:

    .. math:: C_{ij} = \\sum_{t=0}^{k-1} A_{it} B_{tj}

    Raises :class:`ShapeMismatch` if the inner sizes differ.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    m, p = result_shape(a.shape, b.shape)
    steps = []
    for i in range(m):
        for j in range(p):
            products = a[i, :] * b[:, j]
            steps.append(MatmulStep(i, j, products, float(products.sum())))
    return steps


def cell_of_step(step: int, p: int) -> tuple[int, int] | None:
    """The cell computed at ``step`` (1-based, row-major over ``p`` columns); ``None`` for step 0."""
    if step <= 0:
        return None
    return divmod(step - 1, p)


def partial_product(a: np.ndarray, b: np.ndarray, step: int) -> tuple[np.ndarray, np.ndarray]:
    """``C = A @ B`` and a mask of the cells computed by ``step`` (the first ``step`` in row-major order)."""
    c = np.asarray(a, dtype=float) @ np.asarray(b, dtype=float)
    done = (np.arange(c.size) < step).reshape(c.shape)
    return c, done


def outer_terms(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The ``k`` outer products whose sum is ``A @ B``: ``terms[t] = np.outer(A[:, t], B[t, :])``.

    .. math:: AB = \\sum_{t=0}^{k-1} a_{:,t}\\, b_{t,:}

    Returns an array of shape ``(k, m, p)``.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    result_shape(a.shape, b.shape)
    return np.einsum("it,tj->tij", a, b)


def dot_expression(step: MatmulStep, a_row: np.ndarray, b_col: np.ndarray, *, times: str = "*") -> str:
    """The cell's computation written out: ``C[0, 1] = 1*2 + 3*(-1) + 0*4 = -1``."""
    terms = " + ".join(f"{_factor(x)}{times}{_factor(y)}" for x, y in zip(a_row, b_col))
    return f"C[{step.i}, {step.j}] = {terms} = {format_number(step.value)}"


def random_small_matrices(m: int, k: int, p: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``A`` of shape ``(m, k)`` and ``B`` of shape ``(k, p)``: whole numbers from 0 to 5, drawn with ``seed``.

    Same seed and shapes, same numbers: ``np.random.default_rng(seed).integers(0, 6, size)``.
    """
    rng = np.random.default_rng(seed)
    a = rng.integers(SMALL_LOW, SMALL_HIGH + 1, size=(m, k)).astype(float)
    b = rng.integers(SMALL_LOW, SMALL_HIGH + 1, size=(k, p)).astype(float)
    return a, b


def parse_matrix(text: str) -> np.ndarray:
    """Read a matrix (2 axes) in the contract's syntax: ``1, 2; 3, 4`` or ``[[1, 2], [3, 4]]``.

    Each number is at most 10⁶ in size, so that every cell of C stays readable.
    """
    array = parse_array(text)
    if np.abs(array).max() > MAX_MAGNITUDE:
        raise InputError("numbers here are at most 1e6 in size, so that every cell of C stays readable")
    if array.ndim != 2:
        what = {0: "a single number", 1: "a vector"}.get(array.ndim, f"an array with {array.ndim} axes")
        raise InputError(
            f"it is {what} of shape {format_shape(array.shape)}; a matrix needs rows "
            "and columns: separate rows with ';' (e.g. 1, 2; 3, 4), or write one row "
            "as [[1, 2, 3]]"
        )
    return array


def numpy_error(a: np.ndarray, b: np.ndarray) -> str:
    """NumPy's own words for ``A @ B`` when the inner sizes differ ("" when they match)."""
    try:
        np.matmul(a, b)
    except ValueError as err:
        return str(err)
    return ""


def matrix_text(text: str) -> str:
    """Typed text -> the contract's text of the matrix it means (one spelling in the URL and messages).

    >>> matrix_text("[[1,2],[3, 4.0]]")
    '1, 2; 3, 4'
    """
    return format_array(parse_matrix(text))


def step_expressions(a: np.ndarray, b: np.ndarray, *, times: str = "·") -> list[str]:
    """The written-out sum of every step, ``""`` for step 0: ``C[0, 1] = 1·2 + 3·(-1) = -1``."""
    return [""] + [dot_expression(s, a[s.i, :], b[:, s.j], times=times) for s in matmul_steps(a, b)]


def _factor(x: float) -> str:
    text = format_number(x)
    return f"({text})" if x < 0 else text
