"""Take the lesson home: every page's **Download notebook** runs on its own and prints what the page shows.

Each page runs under AppTest; the notebook is what its download button would give on a click
(the deferred callable the button registers with Streamlit's media file manager, found by the
button's ``deferred_file_id``). It runs in a fresh Python kernel (nbclient, ipykernel's
``python3``), and must raise nowhere, print the page's figures as ``label = value`` exactly as
the page shows them, and draw its picture with plotly when it has one. Also here: the points CSV
of the regression pages reads back exactly through the page's own CSV parser.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import time
import urllib.parse

import nbclient
import nbformat
import numpy as np
import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jupyter_client.kernelspec import KernelSpecManager
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from app import notebook
from app.code_panel import NOTEBOOK_BUTTON_KEY, NOTEBOOK_MIME
from app.downloads import points_csv
from app.registry import PAGES
from core.data import parse_csv
from scripts.app_driver import goto, metrics, open_page, spec_for, wait_idle
from tests.test_code_panel import missing_figures

LESSONS = [s for s in PAGES if s.url_path]
# One state per page besides the default, from the page contract; a page not listed is run in its
# default state only.
OTHER_STATES = {
    "arrays": {"shape": "2,5"},
    "broadcasting": {"a": "1;2;3", "b": "1,2"},
    "dot-product": {"a": "1,2", "b": "3,-1"},
    "outer-product": {"w": "1,2", "x": "3,4,5"},
    "matrix-multiplication": {"step": "3"},
    "linear-regression": {"w": "2", "b": "1"},
    "logistic-regression": {"w": "1", "b": "-2"},
    "iris": {"C": "0.1"},
}
CASES = [(s.url_path, {}) for s in LESSONS] + [
    (s.url_path, OTHER_STATES[s.url_path]) for s in LESSONS if s.url_path in OTHER_STATES
]
PLOTLY_MIME = "application/vnd.plotly.v1+json"
# What a notebook may import: what Colab has (scipy comes with scikit-learn), and the standard library.
IMPORTABLE = {"numpy", "sklearn", "scipy", "plotly"} | set(sys.stdlib_module_names)


@pytest.fixture(scope="session")
def kernel_name() -> str:
    """ipykernel's ``python3`` kernel of this environment (installed with requirements-test.txt)."""
    spec = KernelSpecManager().get_kernel_spec("python3")
    # jupyter_client starts "python" as the running interpreter: the venv's, with numpy and plotly.
    assert spec.argv[0] in {"python", "python3", sys.executable}, (
        f"the python3 kernel runs {spec.argv[0]}, not this environment's Python ({spec.resource_dir})"
    )
    return "python3"


@pytest.fixture
def downloads(monkeypatch) -> dict[str, dict]:
    """What each download button of a run registers: its deferred file id -> file name, mime and maker."""
    registered: dict[str, dict] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original(self, data_callable, mimetype, coordinates, file_name, **kwargs)
        registered[file_id] = {"file_name": file_name, "mime": mimetype, "data": data_callable}
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return registered


def downloaded_notebook(at, downloads) -> tuple[nbformat.NotebookNode, dict]:
    """The notebook the page's Download notebook button gives, and the button's registration."""
    buttons = [e.proto for e in at.get("download_button") if e.proto.id.endswith(f"-{NOTEBOOK_BUTTON_KEY}")]
    assert len(buttons) == 1, "one Download notebook button per page"
    assert buttons[0].deferred_file_id, "the notebook is made on a click, not on every run"
    entry = downloads[buttons[0].deferred_file_id]
    data = entry["data"]()
    return nbformat.reads(data.decode() if isinstance(data, bytes) else data, as_version=4), entry


def execute(nb: nbformat.NotebookNode, kernel_name: str, folder) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel working in ``folder``; a cell that raises fails the test."""
    nbclient.NotebookClient(
        nb, kernel_name=kernel_name, timeout=120, resources={"metadata": {"path": str(folder)}}
    ).execute()
    return nb


def printed(nb: nbformat.NotebookNode) -> str:
    """Everything the notebook's cells printed."""
    return "".join(
        out.get("text", "")
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.output_type == "stream" and out.name == "stdout"
    )


def linked_state(heading: str) -> tuple[str, dict[str, str]]:
    """The path and query parameters of the link in a notebook's heading."""
    found = re.search(r"\]\(([^)\s]+)\)", heading)
    assert found, f"no link in {heading!r}"
    link = urllib.parse.urlsplit(found.group(1))
    return link.path, dict(urllib.parse.parse_qsl(link.query, keep_blank_values=True))


def figure_cells(nb: nbformat.NotebookNode) -> list:
    """The cells that draw the page's picture (after the notebook's figure heading)."""
    return [
        cell
        for before, cell in zip(nb.cells, nb.cells[1:])
        if before.cell_type == "markdown" and before.source == notebook.FIGURE_INTRO
    ]


def imported_modules(nb: nbformat.NotebookNode) -> set[str]:
    names = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                names.add((node.module or "").split(".")[0])
    return names


@pytest.mark.parametrize(
    ("url_path", "query"),
    CASES,
    ids=[f"{p}-{'&'.join(f'{k}={v}' for k, v in q.items()) or 'default'}" for p, q in CASES],
)
def test_the_downloaded_notebook_prints_what_the_page_shows(url_path, query, downloads, kernel_name, tmp_path):
    at = open_page(url_path, query)
    assert not at.exception, at.exception
    shown = metrics(at)
    assert shown, "a lesson page shows at least one figure"
    nb, button = downloaded_notebook(at, downloads)
    spec = spec_for(url_path)
    assert button["file_name"] == f"{url_path}.ipynb" and button["mime"] == NOTEBOOK_MIME
    nbformat.validate(nb)
    heading = nb.cells[0].source
    assert heading.startswith(f"# {spec.title}\n")
    # The link opens the same state: the same figures.
    path, link_query = linked_state(heading)
    assert path == f"/{url_path}" and set(query) <= set(link_query), heading
    assert metrics(open_page(url_path, link_query)) == shown, heading
    assert imported_modules(nb) <= IMPORTABLE, imported_modules(nb) - IMPORTABLE
    # The slide's formula and what to notice come along, as Markdown (LaTeX between $$).
    notes = [cell.source for cell in nb.cells[1:] if cell.cell_type == "markdown"]
    assert any(note.startswith("$$") and note.endswith("$$") for note in notes), notes
    assert any(len(note) > 80 and not note.startswith("$$") for note in notes), notes

    execute(nb, kernel_name, tmp_path)

    text = printed(nb)
    missing = missing_figures(shown, text)
    assert not missing, f"{missing} not printed by the notebook:\n{text}"
    for cell in figure_cells(nb):
        assert any(PLOTLY_MIME in out.get("data", {}) for out in cell.outputs), "the picture is drawn with plotly"


def test_a_notebook_with_the_persons_own_points_holds_them_exactly(downloads, kernel_name, tmp_path):
    at = open_page("linear-regression", {"data": "1,2;2,3.5;3,7.25"})
    assert not at.exception, at.exception
    nb, _ = downloaded_notebook(at, downloads)
    nb.cells.append(nbformat.v4.new_code_cell("print('points =', [float(v) for v in x], [float(v) for v in y])"))
    execute(nb, kernel_name, tmp_path)
    text = printed(nb)
    assert "points = [1.0, 2.0, 3.0] [2.0, 3.5, 7.25]" in text.splitlines(), text
    assert not missing_figures(metrics(at), text)


def test_a_notebook_draws_its_figure_and_writes_its_data(kernel_name, tmp_path):
    """Every part a page can pass: notes, data files, code, a plotly figure (numbers kept, template dropped)."""
    x = np.array([0.5, 1.25, 3.0])
    fig = go.Figure(
        [go.Scatter(x=x, y=x**2, mode="markers", name="points"), go.Heatmap(z=np.arange(6.0).reshape(2, 3))],
        layout={"template": "plotly_white", "title": {"text": "squares"}},
    )
    csv = "x,y\n1,2\n2,3.5\n"
    nb = notebook.build_notebook(
        title="A page",
        link="http://localhost:8501/a-page?w=2",
        markdown_parts=["$$\\hat y = w x + b$$", "What to notice: **the line**."],
        code="""
            import numpy as np
            points = np.loadtxt("points.csv", delimiter=",", skiprows=1)
            print("n =", len(points))
        """,
        figure=fig,
        data_files={"points.csv": csv},
    )
    assert "template" not in figure_cells(nb)[0].source
    assert nb.cells[1].source == "$$\\hat y = w x + b$$"
    execute(nb, kernel_name, tmp_path)
    assert "n = 2" in printed(nb).splitlines()
    assert (tmp_path / "points.csv").read_text() == csv
    drawn = [out.data[PLOTLY_MIME] for out in figure_cells(nb)[0].outputs if PLOTLY_MIME in out.get("data", {})]
    assert len(drawn) == 1
    traces = drawn[0]["data"]
    assert traces[0]["x"] == [0.5, 1.25, 3.0] and traces[0]["y"] == [0.25, 1.5625, 9.0]
    assert traces[1]["z"] == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    assert drawn[0]["layout"]["title"]["text"] == "squares"


def test_plotting_code_can_stand_for_the_figure():
    nb = notebook.build_notebook(
        title="T",
        link="/t",
        code="print('a =', 1)",
        figure_code="    import plotly.express as px\n    px.line(y=[1, 2])",
    )
    assert figure_cells(nb)[0].source == "import plotly.express as px\npx.line(y=[1, 2])"
    with pytest.raises(ValueError, match="not both"):
        notebook.build_notebook(title="T", link="/t", code="", figure={}, figure_code="x")


def test_a_figure_is_written_as_plain_numbers():
    fig = go.Figure(
        [go.Scatter(y=np.array([1, 2, 300]), x=np.array([0.1, np.nan, 2.0]))], layout={"template": "plotly_dark"}
    )
    spec = notebook.figure_dict(fig)
    assert spec["data"][0]["y"] == [1, 2, 300] and spec["data"][0]["x"] == [0.1, None, 2.0]
    assert "template" not in spec["layout"]
    assert ast.literal_eval(repr(spec)) == spec
    # Frames (animations) and a figure given as a dict.
    as_dict = {"data": [{"type": "bar", "y": np.float32([0.5])}], "frames": [{"data": [{"y": [1]}]}]}
    assert notebook.figure_dict(as_dict)["frames"] == [{"data": [{"y": [1]}]}]
    assert "frames=[" in notebook.figure_source(as_dict)
    with pytest.raises(ValueError, match="plain file name"):
        notebook.data_files_source({"../points.csv": "x"})


def test_the_notebook_is_quick_to_make():
    """Made on a click: a page's notebook with a figure of a few hundred points takes milliseconds."""
    x = np.linspace(0, 1, 200)
    fig = go.Figure([go.Scatter(x=x, y=3 * x + 0.5), go.Scatter(x=x, y=2 * x)])
    arguments = {"title": "T", "link": "/t", "code": "print('a =', 1)\n" * 30, "figure": fig}
    notebook.notebook_bytes(**arguments)  # the first call loads nbformat's schema
    started = time.process_time()  # this process's CPU time: a busy machine does not count
    data = notebook.notebook_bytes(**arguments)
    assert time.process_time() - started < 0.1
    assert json.loads(data)["nbformat"] == 4


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
            st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
        ),
        min_size=2,
        max_size=40,
        unique_by=lambda point: point[0],  # the parser asks for two different x at least
    )
)
def test_points_csv_reads_back_exactly(points):
    x, y = np.array(points).T
    text = points_csv(x, y, header=("area", "price"))
    assert text.splitlines()[0] == "area,price"
    back_x, back_y = parse_csv(text)
    np.testing.assert_array_equal(back_x, x)
    np.testing.assert_array_equal(back_y, y)
    assert parse_csv(text.encode()) is not None


def test_points_csv_refuses_what_a_csv_cannot_hold():
    with pytest.raises(ValueError):
        points_csv([1, 2], [1])
    with pytest.raises(ValueError):
        points_csv([1, np.inf], [1, 2])
    with pytest.raises(ValueError):
        points_csv([1, 2], [1, 2], header=("x,1", "y"))


@pytest.mark.browser
def test_the_button_downloads_the_notebook_from_the_server(page, app_url):
    """On a real server the notebook is made on the click, and links back to the state in the address bar."""
    goto(page, f"{app_url}/dot-product?a=1,2&b=3,-1")
    page.get_by_text("NumPy code: reproduce these numbers").first.click()
    button = page.locator(f".st-key-{NOTEBOOK_BUTTON_KEY}").get_by_role("button")
    button.wait_for(state="visible")
    wait_idle(page)
    with page.expect_download(timeout=30_000) as download:
        button.click()
    assert download.value.suggested_filename == "dot-product.ipynb"
    nb = nbformat.reads(download.value.path().read_text(), as_version=4)
    heading = nb.cells[0].source
    assert heading.startswith("# Dot product and angle\n")
    assert f"[{app_url}/dot-product?a=1,+2&b=3,+-1" in heading, heading
    assert "a = np.array([1, 2])" in "\n".join(cell.source for cell in nb.cells)


def test_the_points_button_gives_the_csv(downloads):
    def page():
        from app.downloads import points_csv_button

        points_csv_button([1, 2, 3], [2, 3.5, 7.25], header=("area", "price"), key="points_csv", file_name="points.csv")

    at = AppTest.from_function(page).run()
    assert not at.exception, at.exception
    (button,) = at.get("download_button")
    entry = downloads[button.proto.deferred_file_id]
    assert entry["file_name"] == "points.csv" and entry["mime"] == "text/csv"
    x, y = parse_csv(entry["data"]())
    assert x.tolist() == [1, 2, 3] and y.tolist() == [2, 3.5, 7.25]
