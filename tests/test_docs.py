"""The README and docs/ cannot go stale: every path, command, option and name they give exists.

Read from the Markdown: inline code (`...`), links ([...](...)), the layout block of "How it is
built" and every line of a ```bash block. A path must be a file or folder of the repository (a
pytest path with its ``::test`` too); a command's script (or package of scripts/, run with ``-m``)
must exist and take every ``--option`` that the line or its comment names (a Python script's or
package's ``--help``, a shell script's own text, or a Streamlit option for what serve.sh / test.sh
pass on); an environment variable must be read by the code; a dotted name of the project
(``core.text.format_number``) must import; a pytest marker must be registered. Paths outside the
repository (``../shared``), URLs and placeholders (``<topic>``) are not checked.
"""

from __future__ import annotations

import importlib
import re
import shlex
import subprocess
import sys
import tomllib
from functools import cache
from pathlib import Path

import pytest
from streamlit import config as streamlit_config

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXTENSIONS = "py|sh|md|txt|toml|yaml|yml|js|css|html|json|template|cfg|ipynb|png|csv|lock"
PATH = re.compile(rf"^(?:\.?[\w.+-]+/)*[\w.+-]+\.(?:{EXTENSIONS})(?:::[\w\[\]-]+)*$|^(?:\.?[\w.-]+/)+$")
OPTION = re.compile(r"(?<![\w-])(--[a-z][\w.-]*)")
ENV = re.compile(r"^([A-Z][A-Z0-9_]+)=")
# Names from outside the project that the docs write as code (NumPy, Streamlit, plotly, scikit-learn).
# Commands of other tools that the docs show: only the project's files they are given are checked.
OTHER_TOOLS = {"docker", "kubectl", "curl", "haproxy", "export", "helm"}
FOREIGN = {"np", "st", "go", "px", "plt", "sklearn", "numpy", "streamlit", "plotly", "pd", "math", "http", "os"}
# Words of the docs that look like dotted names but are not Python: file-like words and domains.
NOT_NAMES = re.compile(r"^(share\.streamlit\.io|nginx\.ingress\..*|\S+\.(?:com|io|org|ipynb|cfg)|\d.*)$")


def _markdown(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _blocks(text: str) -> list[tuple[str, str]]:
    """Every fenced code block: (language, body)."""
    return re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.S | re.M)


def _prose(text: str) -> str:
    return re.sub(r"^```\w*\n.*?^```", "", text, flags=re.S | re.M)


def _spans(text: str) -> list[str]:
    return [span.strip() for span in re.findall(r"`([^`\n]+)`", _prose(text))]


def _links(text: str) -> list[str]:
    return [link for link in re.findall(r"\]\(([^)\s]+)\)", text) if not re.match(r"^[a-z]+:|#", link)]


def _cases() -> list[tuple[str, str, str]]:
    """(doc, kind, text) for everything the docs name."""
    cases = []
    for doc in DOCS:
        text, name = _markdown(doc), doc.relative_to(ROOT).as_posix()
        for span in _spans(text):
            cases.append((name, "span", span))
        for link in _links(text):
            cases.append((name, "path", link.split("#")[0]))
        for language, body in _blocks(text):
            if language == "bash":
                lines = body.replace("\\\n", " ").splitlines()  # a line continued by a backslash is one command
                cases += [(name, "command", line) for line in lines if line.strip()]
            elif language == "":
                cases += [(name, "layout", line) for line in _layout(body)]
    return cases


def _layout(body: str) -> list[str]:
    """The files named by a layout block (``app/  main.py (entry), registry.py``), as paths."""
    if not re.match(r"^\w+/\s", body):
        return []
    paths, folder = [], ""
    for line in body.splitlines():
        if re.match(r"^[\w/]+/\s", line):
            folder, line = line.split(None, 1)[0], line.split(None, 1)[1]
        paths += [folder + word for word in re.findall(rf"\b[\w-]+\.(?:{EXTENSIONS})\b|\b\w+/(?=[\s,)]|$)", line)]
    return paths


def _is_placeholder(text: str) -> bool:
    return "<" in text or text.startswith(("../", "/", "http://", "https://", "~"))


def _check_path(text: str) -> None:
    file, *tests = text.split("::")
    path = ROOT / file
    assert path.exists(), f"{file} does not exist"
    if tests:
        source = path.read_text(encoding="utf-8")
        for name in tests:
            assert re.search(rf"\b(def|class) {re.escape(name.split('[')[0])}\b", source), f"{text}: no {name}"


@cache
def _help(script: str) -> str:
    """What ``python scripts/<script> --help`` (or ``python -m scripts.<module> --help``) prints: the
    options the script takes."""
    command = [sys.executable, script] if script.endswith(".py") else [sys.executable, "-m", script]
    done = subprocess.run(command + ["--help"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"{script} --help failed: {done.stderr[-2000:]}"
    return done.stdout


def _module_file(module: str) -> Path | None:
    """The file ``python -m <module>`` runs (a package's ``__main__.py``, or the module), if any."""
    path = ROOT.joinpath(*module.split("."))
    found = [p for p in (path / "__main__.py", path.with_suffix(".py")) if p.is_file()]
    return found[0] if found else None


def _commands() -> list[str]:
    """Every command of scripts/: its shell scripts and its Python scripts with a command line (a
    ``__main__`` block) by path, its runnable packages by module name."""
    found = sorted((ROOT / "scripts").glob("*.[ps][yh]"))
    commands = [s for s in found if s.suffix == ".sh" or '__name__ == "__main__"' in s.read_text(encoding="utf-8")]
    scripts = [s.relative_to(ROOT).as_posix() for s in commands]
    packages = [f"scripts.{main.parent.name}" for main in sorted((ROOT / "scripts").glob("*/__main__.py"))]
    return scripts + packages


@cache
def _streamlit_options() -> set[str]:
    return set(streamlit_config._config_options_template)


@cache
def _markers() -> set[str]:
    markers = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["markers"]
    return {marker.split(":")[0] for marker in markers}


@cache
def _code_text() -> str:
    files = [
        *ROOT.glob("*.py"),
        *(p for d in ("app", "core", "pages", "scripts", "tests") for p in (ROOT / d).rglob("*")),
    ]
    files = [p for p in files if p.suffix in {".py", ".sh"} and p.is_file() and p.name != Path(__file__).name]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def _takes_option(script: str | None, option: str) -> bool:
    """Whether ``option`` is one the command takes: its script's, else a Streamlit option passed on."""
    name = option.split("=")[0]
    if name.removeprefix("--") in _streamlit_options():
        return True
    if script is None:  # a bare option in prose: one of some script's
        return any(_takes_option(command, name) for command in _commands())
    if script.endswith(".py") or "/" not in script:  # a Python script, or a module run with -m
        return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", _help(script)) is not None
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", (ROOT / script).read_text()) is not None


def _check_command(line: str) -> None:
    command, _, comment = line.partition("#")
    words = shlex.split(command)
    while words and ENV.match(words[0]):
        variable = ENV.match(words.pop(0)).group(1)
        assert re.search(rf"\b{variable}\b", _code_text()), f"{variable} is read by no code"
    if words[:1] in (["bash"], ["python"], [".venv/bin/python"], ["sh"]):
        words = words[1:]
    if words[:2] == ["-m", "pytest"]:
        _check_pytest(words[2:])
        for option in OPTION.findall(comment):
            assert option in _pytest_help(), f"pytest has no {option}"
        return
    if words[:2] == ["-m", "streamlit"]:
        return
    if words[:1] == ["-m"] and len(words) > 1 and words[1].startswith("scripts."):  # a package of scripts/
        module = words[1]
        assert _module_file(module) is not None, f"python -m {module}: no such module"
        for option in OPTION.findall(" ".join(words[2:]) + " " + comment):
            assert _takes_option(module, option), f"python -m {module} takes no {option}"
        return
    if words and words[0] in OTHER_TOOLS:  # docker, kubectl, ...: the files they are given exist
        for word in words[1:]:
            if "/" in word and not re.match(r"^-|.*[$=:]", word) and not _is_placeholder(word):
                _check_path(word)
        return
    script = words[0] if words else ""
    assert script.startswith("scripts/") or script == ".ci/run", f"{line!r}: not a project command"
    assert (ROOT / script).is_file(), f"{script} does not exist"
    for option in OPTION.findall(" ".join(words[1:]) + " " + comment):
        if script == "scripts/test.sh":  # its arguments go to pytest
            assert option in _pytest_help(), f"pytest has no {option}"
        else:
            assert _takes_option(script, option), f"{script} takes no {option}"
    if script == "scripts/test.sh":
        _check_pytest(words[1:])


@cache
def _pytest_help() -> str:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    ).stdout


def _check_pytest(arguments: list[str]) -> None:
    """Paths given to pytest exist (with their ``::test``), markers given to ``-m`` are registered."""
    for before, word in zip(["", *arguments], arguments):
        if before == "-m":
            for marker in re.findall(r"\w+", word):
                assert marker in _markers() | {"not", "and", "or"}, f"-m {word}: {marker} is not a marker"
        elif not word.startswith("-") and before not in ("-k", "-n", "--dist", "-p"):
            _check_path(word)


def _check_name(text: str) -> None:
    """``a.b.c`` of the project imports (a module, then attributes); a Streamlit option exists."""
    if text in _streamlit_options():
        return
    parts = text.split(".")
    modules = {
        p.stem for d in ("app", "app/figures", "app/lessons", "core", "scripts") for p in (ROOT / d).glob("*.py")
    }
    if parts[0] in {"app", "core", "scripts", "pages"}:
        prefixes = [parts[0]]
    else:
        assert parts[0] in modules, f"{text}: {parts[0]} is no module of the project"
        prefixes = [f"{package}.{parts[0]}" for package in ("app", "app.figures", "core", "scripts")]
    found = None
    for prefix in prefixes:
        try:
            found = importlib.import_module(prefix)
            break
        except ModuleNotFoundError:
            continue
    assert found is not None, f"{text}: no module {parts[0]}"
    rest = parts[1:]
    while rest:
        name = rest.pop(0)
        try:
            found = getattr(found, name)
        except AttributeError:
            try:
                found = importlib.import_module(f"{found.__name__}.{name}")
            except (ModuleNotFoundError, AttributeError):
                raise AssertionError(f"{text}: {name} is not in {found.__name__}") from None


def _check_span(span: str) -> None:
    words = span.split()
    if words[0] in ("bash", ".venv/bin/python", "python") and len(words) > 1:
        return _check_command(span)
    if words[0].startswith("--"):
        for option in OPTION.findall(span):
            assert _takes_option(None, option), f"no script takes {option}"
        return None
    if len(words) != 1 or _is_placeholder(span):
        return None
    if PATH.match(span) and ("/" in span or (ROOT / span).exists() or "::" in span):
        return _check_path(span)
    if PATH.match(span):  # a bare file name: some file of the repository has it
        assert list(ROOT.glob(f"[!.]*/**/{span}")) or (ROOT / span).exists(), f"{span}: no such file"
        return None
    name = re.match(r"^([a-z_][\w]*(?:\.[A-Za-z_]\w*)+)(?:\(.*\))?$", span)
    if name and name.group(1).split(".")[0] not in FOREIGN and not NOT_NAMES.match(name.group(1)):
        return _check_name(name.group(1))
    return None


CASES = _cases()


@pytest.mark.parametrize("doc, kind, text", CASES, ids=[f"{d}:{t[:60]}" for d, _, t in CASES])
def test_what_the_docs_name_exists(doc, kind, text):
    if kind == "command":
        _check_command(text)
    elif kind == "span":
        _check_span(text)
    elif not _is_placeholder(text):
        _check_path(text)


def test_the_docs_are_read():
    """The reader above finds what it should: a path, a command with options, a layout entry, a name."""
    texts = {text for _, _, text in CASES}
    assert "docs/deployment.md" in texts and "app/registry.py" in texts and "scripts/app_driver.py" in texts
    assert any(text.startswith("bash scripts/test.sh") for text in texts)
    assert any("--runs" in text for text in texts)
    assert any(text.startswith(".venv/bin/python -m scripts.loadtest --balancer") for text in texts)
    assert "core.text.format_number" in texts


@pytest.mark.parametrize(
    "kind, text",
    [
        ("span", "tests/test_no_such_file.py"),
        ("command", "FUZZ_PROFILE=long .venv/bin/python -m pytest -q tests/test_no_such_fuzz.py"),
        ("command", ".venv/bin/python scripts/benchmark.py --no-such-option"),
        ("command", "bash scripts/serve.sh --no-such-option 1"),
        ("command", ".venv/bin/python -m scripts.loadtest --no-such-option"),
        ("command", ".venv/bin/python -m scripts.loadtest --scenario class --no-such-option"),
        ("command", ".venv/bin/python -m scripts.no_such_module"),
        ("span", ".venv/bin/python -m scripts.loadtest --no-such-option"),
        ("span", "--no-such-option-of-any-script"),
        ("command", "NO_SUCH_VARIABLE_EVER=1 bash scripts/test.sh"),
        ("command", ".venv/bin/python -m pytest -m no_such_marker"),
        ("span", "core.text.no_such_function"),
        ("span", "theme.new_figure"),
        ("layout", "app/no_such_module.py"),
        ("command", "docker compose -f deploy/no-such-compose.yaml up"),
        ("span", "tests/pages/test_every_page.py::test_no_such_test"),
    ],
)
def test_a_stale_name_is_caught(kind, text):
    with pytest.raises(AssertionError):
        test_what_the_docs_name_exists("README.md", kind, text)
