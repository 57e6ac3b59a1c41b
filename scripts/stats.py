"""The one percentile of the measuring scripts (``scripts/benchmark.py``, ``scripts/loadtest/``).

>>> percentile([30, 10, 20, 40], 0.5), percentile([1.0, 2.0, 3.0], 0.95), percentile([], 0.95)
(30.0, 3.0, nan)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``: one of the values (NumPy's nearest rank); NaN if none."""
    if len(values) == 0:
        return float("nan")
    return float(np.percentile(np.asarray(values, dtype=float), 100 * q, method="nearest"))
