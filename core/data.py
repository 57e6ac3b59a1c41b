"""Data for the model pages: generated examples, and points a person pastes or uploads.

Points are pairs ``(x, y)``: one feature and its label. They are written
``x1, y1; x2, y2; ...`` in the URL and the text boxes (a new line also ends a
point), and read from a CSV file of two numeric columns with an optional header.
Nothing is evaluated: every number goes through :func:`core.text.parse_number`,
and every refusal raises :class:`core.text.InputError` with a sentence for a person.
"""

from __future__ import annotations

import re

import numpy as np

from core.text import InputError, _shorten, parse_number

MAX_POINTS = 10_000
MAX_BYTES = 1_000_000
MIN_POINTS = 2
# Larger numbers are refused: the MSE squares them and sums thousands of squares, and 1e300
# squared is no longer a float (inf). 1e100 squared, times 10,000 points, still is.
MAX_ABS = 1e100

# House areas in units of 100 m² and prices in units of 100 000 €: the optimum sits
# near w = 3 (300 000 € per 100 m², 3 000 €/m²) and b = 0.5, well inside the sliders.
HOUSE_SLOPE = 3.0
HOUSE_INTERCEPT = 0.5
HOUSE_AREA_RANGE = (0.4, 2.0)


def house_prices(n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A generated "house area -> price" data set of ``n`` points.

    ``x ~ Uniform(0.4, 2.0)`` (area in 100 m²), ``y = 3 x + 0.5 + ε`` with
    ``ε ~ Normal(0, noise²)`` (price in 100 000 €), drawn in that order from
    ``np.random.default_rng(seed)``, so the same three numbers always give the same points.

    Returns
    -------
    x, y : arrays of shape (n,)
    """
    noise = float(noise) + 0.0  # -0.0 (a valid reading of "-0") becomes 0.0, which NumPy accepts
    if noise < 0:
        raise ValueError(f"noise is a standard deviation and cannot be negative, not {noise}")
    rng = np.random.default_rng(seed)
    x = rng.uniform(*HOUSE_AREA_RANGE, size=n)
    y = HOUSE_SLOPE * x + HOUSE_INTERCEPT + rng.normal(0.0, noise, size=n)
    return x, y


def split_mask(n: int, test_fraction: float, seed: int) -> np.ndarray:
    """A boolean mask of shape (n,), true for the held-out test points.

    ``round(test_fraction · n)`` points (at least one, and at least two left for
    training), chosen by ``np.random.default_rng(seed).permutation(n)``; n must be at least 3.
    """
    if n < 3:
        raise ValueError(f"a split needs at least 3 points, not {n}")
    n_test = min(max(1, round(test_fraction * n)), n - 2)
    mask = np.zeros(n, dtype=bool)
    mask[np.random.default_rng(seed).permutation(n)[:n_test]] = True
    return mask


def parse_points(
    text: str, *, max_points: int = MAX_POINTS, min_points: int = MIN_POINTS
) -> tuple[np.ndarray, np.ndarray]:
    """Read points written ``x1, y1; x2, y2; ...`` (a new line also ends a point).

    Inside a point the two numbers are separated by a comma, spaces or a tab.

    Returns
    -------
    x, y : float arrays of shape (n,)

    Raises
    ------
    InputError
        Empty text, a point that does not hold exactly two numbers, text or
        ``nan``/``inf`` in a number, fewer than ``min_points`` or more than ``max_points`` points.

    >>> parse_points("1, 2; 3, 4")
    (array([1., 3.]), array([2., 4.]))
    """
    source = str(text).strip()
    if not source:
        raise InputError("it is empty; type points as x, y pairs separated by ';', e.g. 1, 2; 3, 4")
    if len(source) > MAX_BYTES:
        raise InputError(f"it is longer than {MAX_BYTES:,} characters; at most {max_points:,} points are read")
    rows = [r.strip() for r in re.split(r"[;\n]", source)]
    rows = [r for r in rows if r]
    if len(rows) > max_points:
        raise InputError(f"it holds {len(rows):,} points; at most {max_points:,} are read")
    values = np.empty((len(rows), 2))
    for i, row in enumerate(rows):
        values[i] = _pair(row, f"point {i + 1}")
    return _checked(values, min_points)


def parse_csv(
    content: bytes | str, *, max_points: int = MAX_POINTS, max_bytes: int = MAX_BYTES, min_points: int = MIN_POINTS
) -> tuple[np.ndarray, np.ndarray]:
    """Read a CSV file of two numeric columns, x then y; the first line may be a header.

    The delimiter is a comma, a semicolon, a tab or spaces (taken from the first data line).

    Returns
    -------
    x, y : float arrays of shape (n,)

    Raises
    ------
    InputError
        More than ``max_bytes`` bytes, not text, no data, a row without exactly two
        numbers (the message names the line), more than ``max_points`` rows.
    """
    if isinstance(content, bytes):
        if len(content) > max_bytes:
            raise InputError(f"the file has {len(content):,} bytes; at most {max_bytes:,} (1 MB) are read")
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("the file is not text (UTF-8); save it as CSV with two columns x, y") from None
    elif len(content.encode()) > max_bytes:
        raise InputError(f"the file is larger than {max_bytes:,} bytes (1 MB)")
    if "\x00" in content:
        raise InputError("the file is not text; save it as CSV with two columns x, y")
    lines = [(number, line.strip()) for number, line in enumerate(content.splitlines(), start=1)]
    lines = [(number, line) for number, line in lines if line]
    if not lines:
        raise InputError("the file is empty; it needs two columns of numbers, x and y")
    delimiter = _delimiter(lines[-1][1])
    first_number, first = lines[0]
    if _is_header(first, delimiter):
        lines = lines[1:]  # a header such as "area,price"
        if not lines:
            raise InputError(f"the file has only a header ({_shorten(first)!r}) and no numbers")
    if len(lines) > max_points:
        raise InputError(f"the file has {len(lines):,} rows; at most {max_points:,} are read")
    values = np.empty((len(lines), 2))
    for i, (number, line) in enumerate(lines):
        values[i] = _pair(line, f"line {number}", delimiter)
    return _checked(values, min_points)


def format_points(x: np.ndarray, y: np.ndarray) -> str:
    """Write points as ``x1, y1; x2, y2; ...``, the text :func:`parse_points` reads back exactly.

    Each number in its shortest exact form, so a link or a text box holds the very points shown.

    >>> format_points(np.array([1.0, 2.5]), np.array([3.0, -1.0])), format_points([0.1], [1e-7])
    ('1, 3; 2.5, -1', '0.1, 1e-07')
    """
    return "; ".join(f"{_exact(a)}, {_exact(b)}" for a, b in zip(x, y))


def _exact(value: float) -> str:
    text = repr(float(value) + 0.0)  # + 0.0: no "-0"
    return text[:-2] if text.endswith(".0") else text


def _pair(row: str, where: str, delimiter: str | None = None) -> tuple[float, float]:
    if delimiter is None:
        parts = [p for p in re.split(r"[,\s]+", row) if p]
    else:
        parts = [p.strip().strip('"').strip("'") for p in (row.split(delimiter) if delimiter != " " else row.split())]
        if parts and parts[-1] == "":
            parts = parts[:-1]  # a trailing delimiter
    if len(parts) != 2:
        raise InputError(
            f"{where} ({_shorten(row)!r}) has {len(parts)} "
            f"{'value' if len(parts) == 1 else 'values'}; each point needs two numbers, x and y"
        )
    try:
        pair = parse_number(parts[0]), parse_number(parts[1])
    except InputError as err:
        raise InputError(f"{where} ({_shorten(row)!r}): {err}") from None
    if max(abs(pair[0]), abs(pair[1])) > MAX_ABS:
        raise InputError(
            f"{where} ({_shorten(row)!r}) is too large; numbers up to 1e100 in size are read, "
            "so that their squares stay finite"
        )
    return pair


def _checked(values: np.ndarray, min_points: int) -> tuple[np.ndarray, np.ndarray]:
    if len(values) < min_points:
        raise InputError(
            f"it holds {len(values)} point{'s' if len(values) != 1 else ''}; at least {min_points} are needed"
        )
    if np.ptp(values[:, 0]) == 0:
        raise InputError("every point has the same x; a line needs at least two different x values")
    return values[:, 0].copy(), values[:, 1].copy()


def _delimiter(line: str) -> str:
    for candidate in (",", ";", "\t"):
        if candidate in line:
            return candidate
    return " "


def _is_header(line: str, delimiter: str) -> bool:
    """A first line none of whose fields is a number (``area, price``) is a header."""
    fields = [f.strip().strip('"').strip("'") for f in (line.split(delimiter) if delimiter != " " else line.split())]
    for field in fields:
        try:
            parse_number(field)
        except InputError:
            continue
        return False
    return True
