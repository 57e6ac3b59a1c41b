"""Every page survives any query string: bad numbers, huge values, unicode, empty. No traceback.

Each page's parameters are the ones it writes into the URL with its defaults, so a new
parameter is attacked as soon as it exists.
"""

import functools

import pytest

from app.registry import PAGES
from scripts.app_driver import open_page

NASTY = [
    "",
    "nan",
    "-inf",
    "1e999",
    "9" * 400,
    "-0",
    "abc",
    "√2 ∞ 𝔘",
    "[[[[1]]]]",
    "1;;;;",
    "<script>alert(1)</script>",
    "%00",
    "1, 2; 3",
    "0x1F",
    " " * 50,
    "[]",
]
# Values no parameter accepts: each must be named in a warning.
REFUSED_EVERYWHERE = {"nan", "abc", "[[[[1]]]]", "<script>alert(1)</script>"}


@functools.cache
def page_params(url_path: str) -> list[str]:
    return sorted(open_page(url_path).query_params)


# One test per page and value (not one per page with a loop), so that the two test processes share
# the work evenly; each page's parameters are read once per process.
@pytest.mark.parametrize("value", NASTY, ids=[repr(v)[:24] for v in NASTY])
@pytest.mark.parametrize("spec", PAGES, ids=[s.url_path or "home" for s in PAGES])
def test_page_survives_any_query_value(spec, value):
    params = page_params(spec.url_path)
    at = open_page(spec.url_path, {name: value for name in params} | {"unknown": value})
    assert not at.exception, (value, at.exception)
    if value in REFUSED_EVERYWHERE:
        warned = " ".join(w.value for w in at.warning)
        missing = [name for name in params if f"`{name}`" not in warned]
        assert not missing, f"{value!r}: no warning names {missing}"
