"""Security: input is parsed, never executed; HTML is never built from user text; XSRF stays on."""

from __future__ import annotations

import ast
import tomllib
import urllib.error
import urllib.request

import pytest

from app.registry import ROOT
from core import data
from core.text import InputError

SOURCES = sorted(p for folder in ("app", "core", "pages", "scripts") for p in (ROOT / folder).rglob("*.py"))
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
BUILTINS_THAT_RUN_CODE = {"eval", "exec", "compile", "__import__"}
MODULES_THAT_RUN_CODE = {"pickle", "marshal", "shelve", "dill", "yaml", "code", "codeop"}


def calls(path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            yield name, node


def compiles_the_slide_line(path, node) -> bool:
    """The one compile() allowed: Home shows CPython's bytecode of the slide's constant line (core/bytecode.py)."""
    first = node.args[0] if node.args else None
    return (
        path == ROOT / "core" / "bytecode.py"
        and node.func.id == "compile"
        and isinstance(first, ast.Name)
        and first.id == "SLIDE_SOURCE"
    )


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(ROOT)) for p in SOURCES])
def test_no_code_or_pickle_is_run_from_input(path):
    """No eval/exec/compile, no pickle or marshal: every input goes through a parser of ours."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = [
        f"{name}() on line {node.lineno}"
        for name, node in calls(path)
        if name in BUILTINS_THAT_RUN_CODE
        and isinstance(node.func, ast.Name)
        and not compiles_the_slide_line(path, node)
    ]
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found += [f"import {n} on line {node.lineno}" for n in names if n.split(".")[0] in MODULES_THAT_RUN_CODE]
    assert not found, f"{path.name}: {found}"


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(ROOT)) for p in SOURCES])
def test_html_is_only_injected_from_constants_of_the_app(path):
    """No ``unsafe_allow_html`` anywhere; ``st.html`` only in ``app/``, with the app's own CSS."""
    for name, node in calls(path):
        assert not any(k.arg == "unsafe_allow_html" for k in node.keywords), (
            f"{path.name} line {node.lineno}: unsafe_allow_html"
        )
        if name == "html":
            assert path.parent.name == "app", f"{path.name} line {node.lineno}: st.html outside app/"


def test_xsrf_protection_is_on_and_uploads_are_capped_at_what_the_csv_needs():
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["server"].get("enableCORS", True) is True
    # server.maxUploadSize is in MB: the CSV parser's own limit, and no more.
    assert CONFIG["server"]["maxUploadSize"] * 1_000_000 >= data.MAX_BYTES
    assert CONFIG["server"]["maxUploadSize"] <= 1


@pytest.mark.browser
def test_an_upload_without_the_xsrf_token_is_refused(app_url):
    """A cross-site form cannot post a file into a student's session."""
    request = urllib.request.Request(
        f"{app_url}/_stcore/upload_file/some-session/some-file",
        method="PUT",
        data=b"x,y\n1,2\n",
        headers={"Content-Type": "text/csv"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code in (400, 403)


@pytest.mark.parametrize(
    "content",
    [
        b"x,y\n=cmd|' /C calc'!A0,1\n",  # spreadsheet formula injection
        b"x,y\n__import__('os').system('id'),1\n",  # Python in a cell
        b"\x80\x04\x95" + b"\x00" * 40,  # a pickle header
        b"x,y\n" + b"1,2\n" * 10_001,  # too many rows
        b"1" * (data.MAX_BYTES + 1),  # too many bytes
    ],
)
def test_uploads_are_parsed_as_numbers_only(content):
    with pytest.raises(InputError):
        data.parse_csv(content)
