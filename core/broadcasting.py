"""Broadcasting: NumPy's rule for combining arrays of different shapes, axis by axis.

Shapes are compared from the right (the last axes first). Two lengths fit when they are
equal or one of them is 1; a length-1 axis (or a missing leading axis) is stretched by
copying. The result's length on each axis is the larger of the two.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from core.text import InputError, parse_array

MAX_MAGNITUDE = 1e6  # numbers a picture can show; products stay far from overflow

OPERATIONS = {
    "add": np.add,
    "subtract": np.subtract,
    "multiply": np.multiply,
    "divide": np.divide,
}
SYMBOLS = {"add": "+", "subtract": "-", "multiply": "*", "divide": "/"}


class BroadcastError(ValueError):
    """Two shapes that do not broadcast; ``axis`` is the first failing axis counted from the right (-1, -2, ...)."""

    def __init__(self, shape_a: tuple[int, ...], shape_b: tuple[int, ...], axis: int):
        self.shape_a, self.shape_b, self.axis = tuple(shape_a), tuple(shape_b), axis
        super().__init__(
            "operands could not be broadcast together with shapes "
            f"{numpy_shape_text(self.shape_a)} {numpy_shape_text(self.shape_b)}"
        )


def numpy_shape_text(shape: tuple[int, ...]) -> str:
    """A shape as NumPy's broadcasting error writes it, without spaces: ``(4,3)``, ``(4,)``, ``()``."""
    return "(" + ",".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def parse_operand(text: str) -> np.ndarray:
    """An array as typed (see :func:`core.text.parse_array`), each number at most 10⁶ in size."""
    array = parse_array(text)
    if np.abs(array).max() > MAX_MAGNITUDE:
        raise InputError("numbers here are at most 1e6 in size, so that every result stays readable")
    return array


@dataclass(frozen=True)
class AxisCheck:
    """One axis of the rule, counted from the right: ``axis`` is -1 for the last axis.

    ``len_a`` / ``len_b`` are ``None`` where that array has no such axis (it is treated as 1).
    ``status`` is ``"equal"``, ``"stretch a"``, ``"stretch b"`` or ``"mismatch"``.
    """

    axis: int
    len_a: int | None
    len_b: int | None
    status: str

    @property
    def result(self) -> int | None:
        """The result's length on this axis, ``max(len_a, len_b)`` (missing counts as 1); ``None`` on a mismatch."""
        if self.status == "mismatch":
            return None
        return max(self.len_a or 1, self.len_b or 1)


def check_axes(shape_a: tuple[int, ...], shape_b: tuple[int, ...]) -> list[AxisCheck]:
    """The rule checked axis by axis, from the left-most result axis to the last.

    Right-align the shapes; on each axis the lengths ``n_a`` and ``n_b`` (missing = 1) fit iff
    ``n_a == n_b or n_a == 1 or n_b == 1``.
    """
    ndim = max(len(shape_a), len(shape_b))
    checks = []
    for axis in range(-ndim, 0):
        len_a = shape_a[axis] if -axis <= len(shape_a) else None
        len_b = shape_b[axis] if -axis <= len(shape_b) else None
        na, nb = len_a or 1, len_b or 1
        if len_a is not None and len_b is not None and na == nb or na == nb:
            status = "equal"
        elif na == 1:
            status = "stretch a"
        elif nb == 1:
            status = "stretch b"
        else:
            status = "mismatch"
        checks.append(AxisCheck(axis, len_a, len_b, status))
    return checks


def broadcast_shape(shape_a: tuple[int, ...], shape_b: tuple[int, ...]) -> tuple[int, ...]:
    """The shape of ``a op b``: on each right-aligned axis, ``max(n_a, n_b)``.

    Raises :class:`BroadcastError` (with NumPy's own words) at the first axis, from the right,
    where ``n_a != n_b`` and neither is 1. Same as ``np.broadcast_shapes(shape_a, shape_b)``.
    """
    checks = check_axes(shape_a, shape_b)
    for check in reversed(checks):
        if check.status == "mismatch":
            raise BroadcastError(shape_a, shape_b, check.axis)
    return tuple(check.result for check in checks)


def stretch(array: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """``array`` copied along its length-1 (and missing leading) axes to ``shape``; ``np.broadcast_to``.

    Returns a new, writable array (NumPy's own result is a read-only view that copies nothing).
    """
    array = np.asarray(array)
    pad = (1,) * (len(shape) - array.ndim) + array.shape
    reshaped = array.reshape(pad)
    reps = tuple(n if m == 1 else 1 for n, m in zip(shape, pad))
    if any(m not in (1, n) for n, m in zip(shape, pad)):
        raise BroadcastError(array.shape, shape, -1)
    return np.tile(reshaped, reps)


def copied_cells(original_shape: tuple[int, ...], shape: tuple[int, ...]) -> np.ndarray:
    """Boolean mask of ``shape``: True for the cells that stretching made as copies.

    A cell is an original iff its index is 0 on every stretched axis (length 1 or missing in
    ``original_shape``, longer in ``shape``).
    """
    pad = (1,) * (len(shape) - len(original_shape)) + tuple(original_shape)
    mask = np.zeros(shape, dtype=bool)
    for axis, (n, m) in enumerate(zip(shape, pad)):
        if m == 1 and n > 1:
            index = np.arange(n).reshape((-1,) + (1,) * (len(shape) - axis - 1))
            mask |= index > 0
    return mask


def source_index(index: tuple[int, ...], original_shape: tuple[int, ...]) -> tuple[int, ...]:
    """Where result cell ``index`` reads from an operand of ``original_shape``.

    Drop the leading axes the operand lacks, and read index 0 on its length-1 axes:
    ``result[i, j]`` of ``(4, 1) + (1, 3)`` uses ``a[i, 0]`` and ``b[0, j]``.
    """
    tail = index[len(index) - len(original_shape) :] if original_shape else ()
    return tuple(0 if m == 1 else i for i, m in zip(tail, original_shape))


def combine(a: np.ndarray, b: np.ndarray, op: str) -> np.ndarray:
    """``a op b`` element by element after broadcasting: ``result[idx] = a[src_a(idx)] op b[src_b(idx)]``."""
    shape = broadcast_shape(np.shape(a), np.shape(b))
    return OPERATIONS[op](stretch(a, shape), stretch(b, shape))


def combine_as_numpy(a: np.ndarray, b: np.ndarray, op: str) -> tuple[np.ndarray, list[str]]:
    """``a op b`` as NumPy computes it, with the warnings NumPy gives (``x / 0`` is ``inf``, ``0 / 0`` ``nan``).

    Returns the result and each distinct ``RuntimeWarning`` as NumPy words it, e.g.
    ``"RuntimeWarning: divide by zero encountered in divide"``; none for ordinary numbers.

    >>> combine_as_numpy(np.array([1.0, 0.0]), np.array(0.0), "divide")
    (array([inf, nan]), ['RuntimeWarning: divide by zero encountered in divide', \
'RuntimeWarning: invalid value encountered in divide'])
    """
    shape = broadcast_shape(np.shape(a), np.shape(b))
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn"):
        warnings.simplefilter("always")
        result = OPERATIONS[op](stretch(a, shape), stretch(b, shape))
    said = [f"{w.category.__name__}: {w.message}" for w in caught if issubclass(w.category, RuntimeWarning)]
    return result, list(dict.fromkeys(said))


def source_cells(original_shape: tuple[int, ...], shape: tuple[int, ...]) -> np.ndarray:
    """For every cell of the result (``shape``, in reading order), the flat index of the cell it reads
    in an operand of ``original_shape``: all of :func:`source_index` at once.

    >>> source_cells((4, 1), (4, 3)).tolist(), source_cells((3,), (4, 3)).tolist()[:4]
    ([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3], [0, 1, 2, 0])
    """
    size = int(np.prod(original_shape))
    return np.broadcast_to(np.arange(size).reshape(original_shape), shape).ravel()


def fixes(shape_a: tuple[int, ...], shape_b: tuple[int, ...]) -> list[tuple[str, str, tuple[int, ...]]]:
    """Reshapes to try when the shapes do not broadcast: ``(operand, expression, new shape)``.

    Candidates, in order: put a 1-D operand along an earlier axis with ``np.newaxis``
    (``b[:, np.newaxis]`` makes ``(4,)`` a column ``(4, 1)``), transpose a 2-D operand,
    or add a trailing axis. Only those that then broadcast are returned, those that leave the
    other operand's shape as the result's first.
    """
    found = []
    for name, mine, other in (("b", shape_b, shape_a), ("a", shape_a, shape_b)):
        candidates = []
        if len(mine) == 1:
            for extra in (1, 2):
                new = mine + (1,) * extra
                candidates.append((f"{name}[:{', np.newaxis' * extra}]", new))
        if len(mine) == 2:
            candidates.append((f"{name}.T", mine[::-1]))
        if 1 < len(mine) < 3:
            candidates.append((f"{name}[..., np.newaxis]", mine + (1,)))
        for expression, new in candidates:
            if len(new) > 3:
                continue
            try:
                broadcast_shape(new, other)
            except BroadcastError:
                continue
            found.append((name, expression, new))
    # The likeliest intent first: the other operand keeps its shape, then the smallest result.
    return sorted(
        found,
        key=lambda f: (
            broadcast_shape(f[2], shape_a if f[0] == "b" else shape_b) != (shape_a if f[0] == "b" else shape_b),
            int(np.prod(broadcast_shape(f[2], shape_a if f[0] == "b" else shape_b))),
        ),
    )
