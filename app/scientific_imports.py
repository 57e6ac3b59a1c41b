"""scikit-learn's modules, imported by one session at a time.

Sessions that arrive together on a fresh server run their scripts in parallel threads, and two
threads importing scikit-learn for the first time can meet in Python's import locks: eight
sessions at once on a cold server raised ``_DeadlockError`` on ``sklearn.exceptions``. The entry
script calls :func:`import_scikit_learn` before any page runs: the first session imports the
modules the pages use while the others wait; afterwards the call costs a lock and a dict lookup.
"""

from __future__ import annotations

import importlib
import threading

MODULES = ("sklearn.exceptions", "sklearn.linear_model", "sklearn.datasets", "sklearn.feature_extraction.text")
_LOCK = threading.Lock()


def import_scikit_learn() -> None:
    with _LOCK:
        for name in MODULES:
            importlib.import_module(name)
