"""Numbers, shapes and arrays as text: safe readers for what a person types or a URL holds,
and the writers that turn results back into text.

Nothing here evaluates its input: numbers go through ``float``, nested lists
through a small hand-written reader. Every refusal raises :class:`InputError`
with a sentence meant for a student, not a traceback.
"""

from __future__ import annotations

import math
import re

import numpy as np

MAX_NUMBERS = 64
MAX_AXIS = 8
MAX_NDIM = 3


class InputError(ValueError):
    """Input that cannot be read; the message explains why, for a person."""


_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def parse_number(text: str, *, integer: bool = False) -> float | int:
    """Read one finite number, e.g. ``"-1.5e3"``; ``integer=True`` also refuses fractions.

    >>> parse_number(" 2.50 ")
    2.5
    >>> parse_number("3", integer=True)
    3
    """
    token = str(text).strip()
    if not token:
        raise InputError("it is empty; type a number such as 2 or -0.5")
    if not _NUMBER.fullmatch(token):
        low = token.lower().lstrip("+-")
        if low in {"nan", "inf", "infinity"}:
            raise InputError(f"{token!r} is not a finite number; use an ordinary number such as 2 or -0.5")
        raise InputError(f"{_shorten(token)!r} is not a number; type digits such as 2, -0.5 or 1e-3")
    value = float(token)
    if not math.isfinite(value):
        raise InputError(f"{_shorten(token)!r} is too large to be a finite number")
    if integer:
        if value != int(value):
            raise InputError(f"{token!r} is not a whole number")
        return int(value)
    return value


def parse_array(
    text: str, *, max_numbers: int = MAX_NUMBERS, max_axis: int = MAX_AXIS, max_ndim: int = MAX_NDIM
) -> np.ndarray:
    """Read an array written as a person would type it.

    Short form: numbers separated by commas or spaces, rows separated by ``;``.
    ``"2"`` is a scalar, shape ``()``; ``"1, 2, 3"`` has shape ``(3,)``;
    ``"1 2 3; 4 5 6"`` has shape ``(2, 3)``; ``"1; 2; 3"`` is a column, ``(3, 1)``.

    Nested-list form, as NumPy prints it with commas: ``"[[1, 2, 3]]"`` has shape
    ``(1, 3)``; at most ``max_ndim`` levels.

    Refuses (with :class:`InputError`) empty input, words, ``nan``/``inf``, ragged
    rows, more than ``max_numbers`` numbers or more than ``max_axis`` along an axis.
    """
    source = str(text).strip()
    if not source:
        raise InputError("the box is empty; type numbers such as 1, 2, 3 (rows separated by ;)")
    if len(source) > 4000:
        raise InputError(f"that is far too long; an array here holds at most {max_numbers} numbers")
    if source.startswith("["):
        array = _from_nested(_NestedReader(source).read())
    else:
        array = _from_short_form(source)
    if array.ndim > max_ndim:
        raise InputError(f"it has {array.ndim} axes; at most {max_ndim} are drawn here")
    for axis, length in enumerate(array.shape):
        if length == 0:
            raise InputError(f"axis {axis} is empty; every row needs at least one number")
        if length > max_axis:
            raise InputError(f"axis {axis} has {length} entries; at most {max_axis} fit in a readable picture")
    if array.size > max_numbers:
        raise InputError(f"it holds {array.size} numbers; at most {max_numbers} fit in a readable picture")
    return array


def parse_shape(
    text: str, *, min_ndim: int = 1, max_ndim: int = 3, min_len: int = 1, max_len: int = 6
) -> tuple[int, ...]:
    """Read a shape such as ``"4, 3, 2"`` or ``"(4, 3)"``; each length a whole number in range."""
    source = str(text).strip()
    if source[:1] + source[-1:] in {"()", "[]"}:  # one pair of brackets, as NumPy prints a shape
        source = source[1:-1]
    parts = [p for p in re.split(r"[,\s]+", source) if p]
    if not parts:
        raise InputError("it is empty; write axis lengths such as 4, 3, 2")
    if not min_ndim <= len(parts) <= max_ndim:
        raise InputError(f"it has {len(parts)} axes; use {min_ndim} to {max_ndim}")
    shape = tuple(parse_number(p, integer=True) for p in parts)
    for axis, length in enumerate(shape):
        if not min_len <= length <= max_len:
            raise InputError(f"axis {axis} has length {length}; use {min_len} to {max_len}")
    return shape


def format_array(array: np.ndarray) -> str:
    """Write ``array`` as text that :func:`parse_array` reads back to the same shape.

    The short form where it is unambiguous (``"1, 2, 3"``, ``"1, 2; 3, 4"``, a scalar as one
    number); the nested-list form for 3-D arrays, 1-D arrays of one number (``"[5]"``) and
    2-D arrays of one row (``"[[1, 2, 3]]"``), which the short form would read as fewer axes.
    """
    array = np.asarray(array)
    if array.ndim == 0:
        return format_number(array.item())
    if array.ndim == 3 or array.shape[0] == 1:
        return format_nested(array)
    if array.ndim == 1:
        return ", ".join(format_number(v) for v in array)
    return "; ".join(", ".join(format_number(v) for v in row) for row in array)


def format_nested(array: np.ndarray) -> str:
    """An array of 1 or more axes as nested lists, as NumPy's ``tolist`` prints it: ``[[1, 2], [3, 4]]``."""
    if array.ndim == 1:
        return "[" + ", ".join(format_number(v) for v in array) + "]"
    return "[" + ", ".join(format_nested(sub) for sub in array) + "]"


def format_number(value: float, decimals: int | None = None) -> str:
    """The one way a number is written: in figures, messages, the code panel and the URL.

    Without ``decimals``, the shortest readable text (6 significant digits, whole numbers as
    integers); with ``decimals``, exactly that many (``-0.0000`` is never written), and
    scientific notation from a billion on, where fixed decimals stop being readable.

    >>> format_number(2.0), format_number(0.25), format_number(1 / 3)
    ('2', '0.25', '0.333333')
    >>> format_number(-0.00001, 4), format_number(90, 4)
    ('0.0000', '90.0000')
    >>> format_number(37282374288101.07, 4), format_number(float("nan"), 4)
    ('3.7282e+13', 'nan')
    """
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    if decimals is None:
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.6g}"
    if abs(value) >= 1e9:
        return f"{value:.{decimals}e}"
    return f"{round(value, decimals) + 0.0:.{decimals}f}"


def format_figure(value: float) -> str:
    """A shown figure: whole numbers as integers (``150``), others with 4 decimals (``0.9733``).

    >>> format_figure(150.0), format_figure(0.97333)
    ('150', '0.9733')
    """
    value = float(value)
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format_number(value, 4)


def numpy_literal(array) -> str:
    """NumPy source for ``array``, numbers written as shown on the page.

    >>> numpy_literal(2.0), numpy_literal([[1, 2], [3, 4.5]])
    ('2', 'np.array([[1, 2], [3, 4.5]])')
    """
    array = np.asarray(array)
    if array.ndim == 0:
        return format_number(array.item())
    return f"np.array({format_nested(array)})"


def format_shape(shape: tuple[int, ...]) -> str:
    """A shape as NumPy prints it: ``(4, 3)``, ``(3,)``, ``()``."""
    return str(tuple(int(n) for n in shape))


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _numbers(row: str) -> list[float]:
    return [parse_number(tok) for tok in re.split(r"[,\s]+", row.strip()) if tok]


def _from_short_form(source: str) -> np.ndarray:
    if any(ch in source for ch in "[]"):
        raise InputError("brackets must open the input, as in [[1, 2], [3, 4]]")
    if ";" not in source:
        numbers = _numbers(source)
        return np.array(numbers[0] if len(numbers) == 1 else numbers, dtype=float)
    rows = [r for r in source.split(";")]
    if any(not r.strip() for r in rows):
        raise InputError("there is an empty row between two ';'; every row needs numbers")
    values = [_numbers(r) for r in rows]
    lengths = sorted({len(v) for v in values})
    if len(lengths) > 1:
        raise InputError(
            f"the rows have different lengths ({', '.join(map(str, [len(v) for v in values]))}); "
            "every row needs the same number of entries"
        )
    return np.array(values, dtype=float)


def _from_nested(nested: list) -> np.ndarray:
    shape = _nested_shape(nested)
    return np.array(nested, dtype=float).reshape(shape)


def _nested_shape(node, depth: int = 0) -> tuple[int, ...]:
    if not isinstance(node, list):
        return ()
    if not node:
        raise InputError("there is an empty pair of brackets []; every list needs numbers")
    shapes = {_nested_shape(child, depth + 1) for child in node}
    if len(shapes) > 1:
        raise InputError("the lists are ragged (different lengths or depths); every row needs the same shape")
    return (len(node),) + shapes.pop()


class _NestedReader:
    """Recursive-descent reader for ``[[1, 2], [3, 4]]``; refuses anything else."""

    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.depth = 0

    def read(self):
        value = self._value()
        self._skip()
        if self.pos != len(self.text):
            raise InputError(f"unexpected {self.text[self.pos : self.pos + 10]!r} after the closing bracket")
        return value

    def _skip(self):
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def _value(self):
        self._skip()
        if self.pos < len(self.text) and self.text[self.pos] == "[":
            return self._list()
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in ",[] \t\n;":
            self.pos += 1
        token = self.text[start : self.pos]
        if not token:
            raise InputError("a number is missing (two commas in a row, or a comma before ']')")
        return parse_number(token)

    def _list(self):
        self.depth += 1
        if self.depth > MAX_NDIM:
            raise InputError(f"it nests deeper than {MAX_NDIM} levels of brackets")
        self.pos += 1
        items = []
        self._skip()
        if self.pos < len(self.text) and self.text[self.pos] == "]":
            raise InputError("there is an empty pair of brackets []; every list needs numbers")
        while True:
            items.append(self._value())
            self._skip()
            if self.pos >= len(self.text):
                raise InputError("a ']' is missing at the end")
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                self.depth -= 1
                return items
            if ch != ",":
                raise InputError(f"expected ',' or ']' but found {ch!r}; separate numbers with commas inside brackets")
