"""A class's fit by eye: every student's (w, b) scored on the same points, and the loss around them.

``kind`` is ``"line"`` (ŷ = w·x + b, the mean squared error) or ``"logistic"``
(p = σ(w·x + b), the mean logistic loss −y ln p − (1 − y) ln(1 − p)).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core import regression as reg

KINDS = ("line", "logistic")


def losses(kind: str, x, y, ws, bs) -> np.ndarray:
    """The loss of each guess ``(ws[k], bs[k])`` on the points, shape ``(len(ws),)``."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    ws, bs = np.asarray(ws, dtype=float).reshape(-1), np.asarray(bs, dtype=float).reshape(-1)
    if kind == "line":
        return reg.mse_of_lines(y, reg.predict_lines(x, ws, bs))
    if kind == "logistic":
        h = ws[:, None] * x + bs[:, None]
        # -ln σ(h) = ln(1 + e^-h) and -ln(1 - σ(h)) = ln(1 + e^h), without overflow
        return np.mean(y * np.logaddexp(0.0, -h) + (1 - y) * np.logaddexp(0.0, h), axis=1)
    raise ValueError(f"kind is one of {KINDS}, not {kind!r}")


@dataclass(frozen=True)
class ClassFit:
    """The class's guesses scored: their losses, the median, the best guess (its index)."""

    ws: np.ndarray
    bs: np.ndarray
    losses: np.ndarray
    median: float | None
    best: int | None


def score(kind: str, x, y, ws, bs) -> ClassFit:
    ws, bs = np.asarray(ws, dtype=float).reshape(-1), np.asarray(bs, dtype=float).reshape(-1)
    if ws.size == 0:
        return ClassFit(ws, bs, np.zeros(0), None, None)
    values = losses(kind, x, y, ws, bs)
    return ClassFit(ws, bs, values, float(np.median(values)), int(np.argmin(values)))


def loss_grid(kind: str, x, y, w_range, b_range, size: int = 41) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The loss of every (w, b) of a ``size`` x ``size`` mesh: ``ws``, ``bs`` and ``grid[j, i]`` at (ws[i], bs[j])."""
    ws = np.linspace(*w_range, size)
    bs = np.linspace(*b_range, size)
    w_mesh, b_mesh = np.meshgrid(ws, bs)
    return ws, bs, losses(kind, x, y, w_mesh.ravel(), b_mesh.ravel()).reshape(size, size)
