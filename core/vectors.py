"""Vectors: dot product, length, angle, projection and the outer product."""

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


def outer(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Outer product ``w xᵀ``: the ``n × p`` matrix with ``M[i, j] = w_i x_j`` (same as ``np.outer``).

    Row ``i`` is ``w_i`` times ``x``: every row is a multiple of ``x``, so the matrix has rank one
    (or zero, if ``w`` or ``x`` is zero). Unlike the dot product, ``n`` and ``p`` may differ.
    """
    w = np.asarray(w, dtype=float).ravel()
    x = np.asarray(x, dtype=float).ravel()
    return w[:, np.newaxis] * x[np.newaxis, :]


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
