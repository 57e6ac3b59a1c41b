"""Measure how live the app feels: prints a table per page (run with the test venv).

    .venv/bin/python scripts/benchmark.py [--moves 30] [--runs 3] [--pages arrays,iris]

For each registered page with a main slider:
- cold load: a fresh browser context opens the page until its figures and charts are drawn;
- key -> picture: the page's main slider is moved by keyboard ``--moves`` times, timing each press
  until a picture first changed (the live element draws at once; the baseline waits for a rerun);
- key -> settled: the same presses, until the rerun finished and the page stopped changing
  (metrics, words, URL), median and p95, and as a multiple of the baseline's;
- drag: the mouse drags the main slider from end to end in ``--moves`` moves 40 ms apart; how many
  moves changed the picture before the mouse was released, and pointer -> picture times;
- script run: the page's script under AppTest, rerun 20 times (median and p95);
and for the server: resident memory with 1 and with 20 open sessions. A first row measures the
baseline page (scripts/benchmark_baseline.py: a title, one slider, one small chart) the same way:
the least any page here can cost, before its lesson content. A second row measures the **bare
live element** (scripts/benchmark_live_baseline.py: one range input and one 100-point line drawn by
the app's live element, nothing else): the floor of pointer -> picture and key -> picture, which
every page's are printed as multiples of.

Timings are medians over ``--runs`` repetitions of everything (machines are noisy); nothing is
asserted. The app is started on a free port and stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: E402
from streamlit.testing.v1 import app_test  # noqa: E402

from app.registry import PAGES  # noqa: E402
from scripts.app_driver import CHROMIUM, CHROMIUM_ARGS, goto, open_page, slider_thumb  # noqa: E402
from scripts.local_server import LocalServer  # noqa: E402
from scripts.stats import percentile  # noqa: E402

BASELINE = Path(__file__).with_name("benchmark_baseline.py")
LIVE_BASELINE = Path(__file__).with_name("benchmark_live_baseline.py")


LIVE_ROW = "bare live element (1 range input + 100-point line)"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# In the page: when the last key press or pointer move came, when the page's DOM last changed
# (a rerun replacing figures, plotly redrawing a chart), and how long each input took to change
# a picture (the first mutation inside a plotly chart after it). Cheap enough not to slow what
# it measures.
WATCH_JS = """() => {
  window.__lastKey = 0; window.__lastChange = 0; window.__lastInput = 0; window.__waiting = false;
  window.__pictureLatencies = [];
  const input = () => { window.__lastInput = performance.now(); window.__waiting = true; };
  document.addEventListener('keydown', () => { window.__lastKey = performance.now(); input(); }, true);
  document.addEventListener('pointermove', e => { if (e.buttons) input(); }, true);
  // A data grid refreshes its hidden accessibility table 200 ms after it is drawn: not seen, not counted.
  const unseen = node => { const el = node.nodeType === 1 ? node : node.parentElement;
                           return el && el.closest('[data-testid="stDataFrame"] table'); };
  const inPicture = node => { const el = node.nodeType === 1 ? node : node.parentElement;
                              return el && el.closest('.js-plotly-plot'); };
  new MutationObserver(records => {
    const now = performance.now();
    if (records.some(r => !unseen(r.target))) window.__lastChange = now;
    if (window.__waiting && records.some(r => inPicture(r.target))) {
      window.__waiting = false;
      window.__pictureLatencies.push(now - window.__lastInput);
    }
  })
    .observe(document.querySelector('[data-testid="stMain"]'),
             {subtree: true, childList: true, attributes: true, characterData: true});
}"""
# Settled: the rerun finished, something changed after the key, and nothing for QUIET ms.
QUIET = 250
SETTLED_JS = f"""() => window.__lastChange > window.__lastKey
  && performance.now() - window.__lastChange > {QUIET}
  && document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]') !== null"""


def key_presses(tab, key: str, moves: int) -> tuple[list[float], list[float]]:
    """For each of ``moves`` key presses on slider ``key``: seconds to the first change of a picture,
    and seconds to the last change on screen before the page settled (metrics, text, URL included).

    Measured inside the page, from the keydown event to the first mutation inside a chart and to
    the last DOM mutation before the page went quiet for QUIET ms with no script running.
    """
    tab.evaluate(WATCH_JS)
    thumb = slider_thumb(tab, key)
    thumb.focus()
    direction = "ArrowRight"
    live, settled = [], []
    for _ in range(moves):
        value, low, high = thumb.input_value(), thumb.get_attribute("min"), thumb.get_attribute("max")
        if float(value) >= float(high):
            direction = "ArrowLeft"
        elif float(value) <= float(low):
            direction = "ArrowRight"
        seen = tab.evaluate("() => window.__pictureLatencies.length")
        tab.keyboard.press(direction)
        try:
            tab.wait_for_function(SETTLED_JS, timeout=15_000, polling=20)
        except PlaywrightTimeout:  # a press that changed nothing on screen: reported, not timed
            print(f"  no change on screen after {direction} at {value} of slider {key}", file=sys.stderr)
            continue
        settled.append(tab.evaluate("() => (window.__lastChange - window.__lastKey) / 1000"))
        latencies = tab.evaluate(f"() => window.__pictureLatencies.slice({seen})")
        live.append(latencies[0] / 1000 if latencies else settled[-1])
    return live, settled


def drag(tab, key: str, moves: int = 30, pause_ms: int = 40) -> tuple[int, list[float]]:
    """Drag slider ``key`` from its lowest to its highest end in ``moves`` pointer moves ``pause_ms`` apart.

    Returns how many moves were followed by a changed picture before the next move (the mouse
    still down), and each such move's pointer -> picture time in seconds.
    """
    thumb = slider_thumb(tab, key)
    thumb.focus()
    tab.keyboard.press("Home")
    tab.wait_for_timeout(600)
    tab.wait_for_function(SETTLED_JS.replace("window.__lastChange > window.__lastKey", "true"), timeout=15_000)
    tab.evaluate(WATCH_JS)
    track = tab.locator(f".st-key-{key}").bounding_box()
    handle = thumb.bounding_box()
    y = handle["y"] + handle["height"] / 2
    start = handle["x"] + min(handle["width"] / 2, 2)
    end = track["x"] + track["width"] - 2
    tab.mouse.move(start, y)
    tab.mouse.down()
    changed = 0
    for i in range(1, moves + 1):
        seen = tab.evaluate("() => window.__pictureLatencies.length")
        tab.mouse.move(start + (end - start) * i / moves, y)
        tab.wait_for_timeout(pause_ms)
        changed += tab.evaluate("() => window.__pictureLatencies.length") > seen
    latencies = tab.evaluate("() => window.__pictureLatencies.map(v => v / 1000)")
    tab.mouse.up()
    tab.wait_for_function(SETTLED_JS.replace("window.__lastChange > window.__lastKey", "true"), timeout=15_000)
    return changed, latencies


def script_runs(url_path: str, runs: int = 20) -> list[float]:
    """The script's own run time under AppTest (``_script_seconds``), page bytecode compiled once.

    AppTest compiles the page anew on every run (a fresh ``ScriptCache``), which the server does
    only once; one shared cache makes the measure match what a rerun costs on the server.
    """
    shared = ScriptCache()
    with mock.patch.object(app_test, "ScriptCache", lambda: shared):
        at = open_page(url_path)
        times = []
        for _ in range(runs):
            at.run()
            times.append(at.session_state["_script_seconds"])
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", default="", help="comma-separated URL paths (default: all with a slider)")
    args = parser.parse_args()
    chosen = set(filter(None, args.pages.split(",")))
    specs = [s for s in PAGES if s.slider_key and (not chosen or s.url_path in chosen)]

    from playwright.sync_api import sync_playwright

    app = LocalServer().start()
    baseline = live_baseline = None  # started inside the try, so that the app's server is stopped if it fails
    url = app.url
    try:
        baseline = LocalServer(BASELINE).start()
        live_baseline = LocalServer(LIVE_BASELINE).start()
        # The baseline pages first, then the app's pages: (row name, page URL, main slider, AppTest path).
        targets = [
            ("baseline (slider + 1 chart)", baseline.url, "slope", None),
            (LIVE_ROW, live_baseline.url, "slope", None),
        ]
        targets += [(s.url_path, f"{url}/{s.url_path}", s.slider_key, s.url_path) for s in specs]
        rows = {
            name: {"cold": [], "live": [], "key": [], "script": [], "drawn": [], "drag": []} for name, *_ in targets
        }
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                for name, page_url, slider_key, url_path in targets:
                    print(f"run {_ + 1}: {name}", file=sys.stderr, flush=True)
                    context = browser.new_context(viewport={"width": 1280, "height": 720})
                    tab = context.new_page()
                    start = time.perf_counter()
                    goto(tab, page_url)
                    rows[name]["cold"].append(time.perf_counter() - start)
                    live, settled = key_presses(tab, slider_key, args.moves)
                    rows[name]["live"] += live
                    rows[name]["key"] += settled
                    drawn, latencies = drag(tab, slider_key, args.moves)
                    rows[name]["drawn"].append(drawn)
                    rows[name]["drag"] += latencies
                    context.close()
                    if url_path is not None:
                        rows[name]["script"] += script_runs(url_path)
            # Memory: one session, then twenty, each on the first lesson page.
            contexts = []
            for count in (1, 20):
                while len(contexts) < count:
                    context = browser.new_context()
                    tab = context.new_page()
                    goto(tab, f"{url}/{specs[0].url_path}")
                    contexts.append(context)
                time.sleep(2)
                rows.setdefault("_memory", {})[count] = rss_mb(app.pid)
            for context in contexts:
                context.close()
            browser.close()
    finally:
        app.stop()
        for server in (baseline, live_baseline):
            if server is not None:
                server.stop()

    def ms(values: list[float], q: float | None = None) -> str:
        if not values:
            return "-"
        return f"{1000 * (statistics.median(values) if q is None else percentile(values, q)):.0f}"

    base, floor = rows[targets[0][0]], rows[LIVE_ROW]
    print(
        f"{args.runs} runs, {args.moves} key presses and a {args.moves}-move drag per page and run, "
        f"{os.cpu_count()} cores; ratios are to the baseline of the same run (drag and key -> picture: "
        "to the bare live element's)\n"
    )
    print(
        f"| page | cold load | drag: moves drawn (of {args.moves}) | drag: pointer -> picture median / p95 "
        "| key -> picture median / p95 | key -> settled median / p95 (x baseline) | script run median / p95 |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, *_ in targets:
        r = rows[name]
        ratio = lambda k, r=r, to=base: (
            f"{statistics.median(r[k]) / statistics.median(to[k]):.1f}x" if r[k] and to[k] else "-"
        )
        script = (
            f"{1000 * statistics.median(r['script']):.1f} / {1000 * percentile(r['script'], 0.95):.1f} ms"
            if r["script"]
            else "-"
        )
        print(
            f"| {name} | {ms(r['cold'])} ms ({ratio('cold')}) | {statistics.median(r['drawn']):.0f} "
            f"| {ms(r['drag'])} / {ms(r['drag'], 0.95)} ms ({ratio('drag', to=floor)}) "
            f"| {ms(r['live'])} / {ms(r['live'], 0.95)} ms ({ratio('live', to=floor)}) "
            f"| {ms(r['key'])} / {ms(r['key'], 0.95)} ms ({ratio('key')}) | {script} |"
        )
    memory = rows["_memory"]
    print(
        f"\nserver memory: {memory[1]:.0f} MB with 1 session, {memory[20]:.0f} MB with 20 sessions "
        f"({(memory[20] - memory[1]) / 19:.1f} MB per extra session)"
    )


if __name__ == "__main__":
    main()
