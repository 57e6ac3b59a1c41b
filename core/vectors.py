"""Vectors: dot product, length, angle, projection and the outer product.

The scalar functions take one pair of vectors; :func:`measures` and :func:`slider_vectors` work on
many at once (a leading axis), for the pictures that follow a slider through all its positions.
"""

from __future__ import annotations

import math

import numpy as np

from core.text import InputError, parse_array

MAX_MAGNITUDE = 1e6  # components a picture can show


class LengthMismatch(ValueError):
    """Two vectors of different lengths where the same length is needed (the dot product)."""


def dot_terms(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The terms of the dot product, ``a_i * b_i`` for each ``i``; their sum is ``a · b``."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.ndim != 1 or b.ndim != 1:
        raise LengthMismatch(f"the dot product here takes two vectors, not shapes {a.shape} and {b.shape}")
    if a.shape != b.shape:
        raise LengthMismatch(
            f"shapes {a.shape} and {b.shape} not aligned: {a.shape[0]} (dim 0) != {b.shape[0]} (dim 0)"
        )
    return a * b


def length_mismatch(a: np.ndarray, b: np.ndarray) -> LengthMismatch | None:
    """The error that pairing ``a`` with ``b`` term by term raises, in NumPy's words; ``None`` if they fit."""
    try:
        dot_terms(a, b)
    except LengthMismatch as err:
        return err
    return None


def dot(a: np.ndarray, b: np.ndarray) -> float:
    """Dot product ``a · b = a_1 b_1 + a_2 b_2 + ... + a_n b_n`` (same as ``np.dot`` for vectors).

    Raises :class:`LengthMismatch` for vectors of different lengths, in NumPy's words.
    """
    return float(math.fsum(dot_terms(a, b)))


def norm(a: np.ndarray) -> float:
    """Length ``‖a‖ = sqrt(a · a)`` (same as ``np.linalg.norm``), computed without overflow."""
    return float(math.hypot(*np.asarray(a, dtype=float).ravel()))


def cos_angle(a: np.ndarray, b: np.ndarray) -> float | None:
    """``cos θ = a · b / (‖a‖ ‖b‖)``, clipped to ``[-1, 1]``; ``None`` if either vector has length 0.

    The angle between a vector and the zero vector is undefined: there is no direction.
    """
    na, nb = norm(a), norm(b)
    if na == 0 or nb == 0:
        return None
    if na * nb > 1e-300:
        cos = dot(a, b) / (na * nb)
    else:  # tiny lengths: divide first, so that the product does not underflow to 0
        cos = dot(np.asarray(a, dtype=float) / na, np.asarray(b, dtype=float) / nb)
    return float(np.clip(cos, -1.0, 1.0))


def angle_degrees(a: np.ndarray, b: np.ndarray) -> float | None:
    """The angle ``θ = arccos(cos θ)`` between ``a`` and ``b`` in degrees, 0 to 180; ``None`` for a zero vector."""
    cos = cos_angle(a, b)
    return None if cos is None else math.degrees(math.acos(cos))


def projection(b: np.ndarray, a: np.ndarray) -> np.ndarray | None:
    """The projection of ``b`` onto the line of ``a``: ``(a · b / a · a) a``; ``None`` if ``a`` is zero.

    Its signed length along ``a`` is ``a · b / ‖a‖ = ‖b‖ cos θ``.
    """
    na = norm(a)
    if na == 0:
        return None
    a = np.asarray(a, dtype=float)
    unit = a / na
    return dot(unit, b) * unit


def from_polar(length: float, degrees: float) -> np.ndarray:
    """The 2-D vector of this length at this angle from the x axis: ``length (cos φ, sin φ)``."""
    phi = math.radians(degrees)
    return np.array([length * math.cos(phi), length * math.sin(phi)])


def to_polar(v: np.ndarray) -> tuple[float, float]:
    """Length and angle in degrees (-180 to 180, from the x axis) of a 2-D vector; ``atan2(y, x)``."""
    x, y = (float(c) for c in v[:2])
    return math.hypot(x, y), math.degrees(math.atan2(y, x))


def measures(a: np.ndarray, b: np.ndarray) -> dict[str, np.ndarray]:
    """Dot product, lengths, cos θ, angle (degrees) and projection of b onto a, for many pairs at once.

    ``a`` and ``b`` are arrays of vectors along their last axis, of one length; the results have their
    leading shape (``projection`` keeps the last axis). Where a vector is zero, ``cos``, ``angle``
    and (if ``a`` is zero) ``projection`` are NaN: undefined, as :func:`cos_angle` says with ``None``.

    >>> m = measures(np.array([[1.0, 0.0], [0.0, 0.0]]), np.array([[0.0, 2.0], [1.0, 1.0]]))
    >>> m["dot"].tolist(), m["angle"].tolist()
    ([0.0, 0.0], [90.0, nan])
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    a, b = np.broadcast_arrays(a, b)
    dots = np.einsum("...i,...i->...", a, b)
    na, nb = np.hypot.reduce(a, axis=-1), np.hypot.reduce(b, axis=-1)
    defined = (na > 0) & (nb > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        # As cos_angle: divide the product of the lengths, or each vector first where it would underflow.
        direct = dots / (na * nb)
        scaled = np.einsum("...i,...i->...", a / na[..., None], b / nb[..., None])
        cos = np.where(defined, np.clip(np.where(na * nb > 1e-300, direct, scaled), -1.0, 1.0), np.nan)
        unit = a / na[..., None]
        projection = np.einsum("...i,...i->...", unit, b)[..., None] * unit
    projection = np.where((na > 0)[..., None], projection, np.nan)
    return {
        "dot": dots,
        "norm_a": na,
        "norm_b": nb,
        "cos": cos,
        "angle": np.degrees(np.arccos(cos)),
        "projection": projection,
    }


SLIDER_DECIMALS = 4  # a vector set by a slider is kept to 4 decimals, as its text box writes it


def slider_value(v: np.ndarray, part: str) -> float:
    """What a slider of ``part`` (``"len"``, ``"angle"`` or a component index) reads for the vector ``v``.

    >>> slider_value(np.array([0.0, 2.0]), "angle"), slider_value(np.array([3.0, 4.0]), "len"), slider_value(np.array([3.0, 4.0]), "1")
    (90.0, 5.0, 4.0)
    """
    if part == "len":
        return to_polar(v)[0]
    if part == "angle":
        return to_polar(v)[1]
    return float(np.asarray(v, dtype=float)[int(part)])


def slider_vectors(v: np.ndarray, part: str, values) -> np.ndarray:
    """The vectors that a slider makes of ``v`` at each of ``values``, one per row.

    ``part`` is ``"len"`` (the length, the direction kept), ``"angle"`` (the direction in degrees
    from the x axis, the length kept; 2-D only) or a component index ``"0"``, ``"1"``, ``"2"``.
    Rounded to :data:`SLIDER_DECIMALS`, as the page writes the vector back into its text box.

    >>> slider_vectors(np.array([2.0, 0.0]), "angle", [90.0]).tolist(), slider_vectors(np.array([1.0, 2.0]), "1", [5]).tolist()
    ([[0.0, 2.0]], [[1.0, 5.0]])
    """
    return vectors_with_parts(v, {part: np.asarray(values, dtype=float)})


def vectors_with_parts(v: np.ndarray, parts: dict[str, np.ndarray]) -> np.ndarray:
    """``v`` with some of its parts set, for each row of values: one or two sliders moved at once.

    ``parts`` maps ``"len"``, ``"angle"`` or a component index to equally long arrays of values;
    the parts not given keep those of ``v``. A head dragged in the plane sets two at once: length
    and angle, or the components ``"0"`` and ``"1"``. Rounded to :data:`SLIDER_DECIMALS`.

    >>> vectors_with_parts(np.array([1.0, 0.0]), {"len": np.array([2.0]), "angle": np.array([90.0])}).tolist()
    [[0.0, 2.0]]
    """
    v = np.asarray(v, dtype=float)
    count = len(next(iter(parts.values())))
    if "len" in parts or "angle" in parts:
        length, degrees = to_polar(v)
        lengths = np.asarray(parts.get("len", np.full(count, length)), dtype=float)
        phi = np.radians(np.asarray(parts.get("angle", np.full(count, degrees)), dtype=float))
        out = np.stack([lengths * np.cos(phi), lengths * np.sin(phi)], axis=-1)
    else:
        out = np.repeat(v[np.newaxis, :], count, axis=0)
    for part, values in parts.items():
        if part.isdigit():
            out[:, int(part)] = values
    return np.round(out, SLIDER_DECIMALS) + 0.0


def outer(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Outer product ``w xᵀ``: the ``n × p`` matrix with ``M[i, j] = w_i x_j`` (same as ``np.outer``).

    Row ``i`` is ``w_i`` times ``x``: every row is a multiple of ``x``, so the matrix has rank one
    (or zero, if ``w`` or ``x`` is zero). Unlike the dot product, ``n`` and ``p`` may differ.
    """
    w = np.asarray(w, dtype=float).ravel()
    x = np.asarray(x, dtype=float).ravel()
    return w[:, np.newaxis] * x[np.newaxis, :]


def resized(v: np.ndarray, n: int) -> np.ndarray:
    """``v`` cut to its first ``n`` numbers, or extended to ``n`` with the whole numbers k + 1 at index k.

    >>> resized(np.array([1.0, 2.0, 3.0]), 2).tolist(), resized(np.array([5.0]), 3).tolist()
    ([1.0, 2.0], [5.0, 2.0, 3.0])
    """
    v = np.asarray(v, dtype=float).ravel()
    return np.concatenate([v[:n], np.arange(v.size, n, dtype=float) + 1])


def rank_of_outer(w: np.ndarray, x: np.ndarray) -> int:
    """The rank of ``w xᵀ``: 1, or 0 when ``w`` or ``x`` is all zeros (every row is a multiple of x)."""
    return int(bool(np.any(np.asarray(w) != 0) and np.any(np.asarray(x) != 0)))


def parse_vector(text: str, *, min_len: int = 1, max_len: int = 8) -> np.ndarray:
    """A vector typed as ``1, 2, 3`` (or ``[1, 2, 3]``): one row of ``min_len`` to ``max_len`` numbers.

    Refuses (with :class:`core.text.InputError`) grids, columns, other lengths, and numbers
    larger than 10⁶ in size.
    """
    array = parse_array(text)
    if array.ndim == 0:
        array = array.reshape(1)
    if array.ndim != 1:
        raise InputError(f"it has shape {tuple(array.shape)}; a vector is one row of numbers, such as 1, 2, 3")
    if not min_len <= array.size <= max_len:
        wanted = f"{min_len}" if min_len == max_len else f"{min_len} to {max_len}"
        raise InputError(f"it has {array.size} number{'s' * (array.size != 1)}; use {wanted}")
    if np.abs(array).max() > MAX_MAGNITUDE:
        raise InputError("components here are at most 1e6 in size")
    return array
