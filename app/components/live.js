// The live element (app/live.py): range inputs and the figures that follow them during a drag.
// Everything shown comes from `data` (JSON made by Python) and goes on screen as text or as
// plotly data: never as HTML.

const STATE = new WeakMap();
const CONFIG = { displayModeBar: false, responsive: true, displaylogo: false };
const PLOTLY_WAIT_MS = 2500;  // how long to wait for Streamlit's own plotly.js before loading ours

// window.__explainerLive records when inputs arrive and pictures are drawn (read by the benchmark).
// forgetHeld() empties the tab's held sweeps, as a lost message would (the tests use it).
const TRACE = (window.__explainerLive = window.__explainerLive || { inputs: [], draws: [] });
TRACE.asked = TRACE.asked || 0;
TRACE.forgetHeld = () => HELD.clear();

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__explainerPlotly) {
    window.__explainerPlotly = new Promise((resolve, reject) => {
      const started = performance.now();
      const loadOurs = () => {
        const script = document.createElement("script");
        script.src = new URL("app/static/plotly.min.js", document.baseURI).href;
        script.onload = () => resolve(window.Plotly);
        script.onerror = reject;
        document.head.appendChild(script);
      };
      // One copy of plotly.js per page: a st.plotly_chart on the page brings Streamlit's own.
      const poll = () => {
        if (window.Plotly) return resolve(window.Plotly);
        const streamlitChart = document.querySelector('[data-testid="stPlotlyChart"], .stPlotlyChart');
        if (!streamlitChart || performance.now() - started > PLOTLY_WAIT_MS) return loadOurs();
        setTimeout(poll, 25);
      };
      setTimeout(poll, 0);
    });
  }
  return window.__explainerPlotly;
}

// Sweeps and drags by content id, for the whole tab (app/live.py sends each body once): the same
// last HELD_MAX ids as Python's record, used last at the end, so that both forget the same ones.
const HELD = new Map();
const HELD_MAX = 48;

function resolveHeld(s) {
  const missing = [];
  const take = (ref) => {
    const body = ref.body !== undefined ? ref.body : HELD.get(ref.id);
    HELD.delete(ref.id);
    if (body === undefined) {
      missing.push(ref.id);
      return null;
    }
    HELD.set(ref.id, body);
    while (HELD.size > HELD_MAX) HELD.delete(HELD.keys().next().value);
    return body;
  };
  const sweeps = {};
  for (const [key, ref] of Object.entries(s.data.sweeps)) {
    const body = take(ref);
    if (body) sweeps[key] = body;
  }
  s.data.sweeps = sweeps;
  s.data.drags = s.data.drags.map(take).filter(Boolean);
  if (missing.length) {
    TRACE.asked += 1;
    setTimeout(() => s.setStateValue("missing", { ids: missing, n: TRACE.asked }));
  }
  return missing.length > 0;
}

function el(tag, className, parent) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (parent) parent.appendChild(node);
  return node;
}

function buildControls(s, root) {
  const box = root.querySelector(".live-controls");
  box.replaceChildren();
  clearTimeout(s.playTimer);
  s.playing = null;
  s.inputs = {};
  for (const spec of s.data.sliders) {
    const wrap = el("div", `live-slider st-key-${spec.key}`, box);
    const id = `${s.id}-${spec.key}`;
    const label = el("label", "", wrap);
    label.htmlFor = id;
    el("span", "", label).textContent = spec.label;
    const shown = el("output", "", label);
    shown.htmlFor = id;
    const input = el("input", "", wrap);
    Object.assign(input, { type: "range", id, min: 0, max: spec.texts.length - 1, step: 1 });
    if (spec.help) {
      const help = el("span", "live-help", wrap);
      help.id = `${id}-help`;
      help.textContent = spec.help;
      input.setAttribute("aria-describedby", help.id);
      input.title = spec.help;
    }
    s.inputs[spec.key] = { input, shown };
    const send = () => sendMoved(s, { key: spec.key, index: +input.value });
    input.addEventListener("pointerdown", () => { s.dragging = spec.key; });
    input.addEventListener("input", () => {
      TRACE.inputs.push(performance.now());
      s.pending = [spec.key, +input.value];
      showValue(s, spec.key, +input.value);
      if (!s.frame) s.frame = requestAnimationFrame(() => drawPending(s));
    });
    input.addEventListener("change", () => { s.dragging = null; send(); });
    if (s.data.play && s.data.play.key === spec.key) buildPlay(s, wrap, input);
    input.addEventListener("keydown", (event) => {
      if (event.key !== "PageUp" && event.key !== "PageDown") return;
      // (In the presentation view app/components/presentation_keys.js takes them first: they
      // move between ideas and never reach a slider.)
      event.preventDefault();
      const move = (event.key === "PageUp" ? 1 : -1) * spec.big;
      const next = Math.min(Math.max(+input.value + move, 0), +input.max);
      if (next === +input.value) return;
      input.value = next;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }
}

// Opt-in Play (data.play = {key, intervalMs}): a button that steps the slider through its
// positions by the same path as a key step, so the picture moves at once and Python hears each
// step (metrics, words and URL follow). Touching the slider or pressing the button again pauses.
function buildPlay(s, wrap, input) {
  const button = el("button", "live-play", wrap);
  button.type = "button";
  const show = () => {
    button.textContent = s.playing ? "❚❚ Pause" : "▶ Play";
    button.setAttribute("aria-pressed", s.playing ? "true" : "false");
  };
  const step = (index) => {
    input.value = index;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  };
  const stop = (settle = true) => {
    clearTimeout(s.playTimer);
    if (s.playing && settle) startSettling(s, s.data.play.key, +input.value);
    s.playing = null;
    show();
  };
  const tick = () => {
    const next = +input.value + 1;
    if (next > +input.max) return stop();
    step(next);
    if (next >= +input.max) return stop();
    s.playTimer = setTimeout(tick, s.data.play.intervalMs);
  };
  button.addEventListener("click", () => {
    if (s.playing) return stop();
    s.playing = input;
    show();
    if (+input.value >= +input.max) step(0);  // from the start again
    s.playTimer = setTimeout(tick, s.data.play.intervalMs);
  });
  const takeOver = () => { stop(false); endSettling(s); };  // the hand moves the slider itself
  input.addEventListener("pointerdown", takeOver);
  input.addEventListener("keydown", takeOver);
  show();
}

// Every value for Python goes out here, numbered; data-waiting marks the element until a rerun's
// data answers that number (tests and the benchmark wait on it, not on a guess of time).
function sendMoved(s, moved) {
  s.sent += 1;
  s.root.dataset.waiting = "1";
  s.setStateValue("moved", { ...moved, n: s.sent });
}

// Rapid reruns can lose Play's last step (Python stayed one step behind, and an older run's data
// pulled the thumb back): after Play stops, older data is not applied, and the stop position is
// sent again until Python's data shows it (at most 5 times).
function startSettling(s, key, index) {
  endSettling(s);
  s.settling = { key, index, tries: 0 };
  const again = () => {
    if (!s.settling || s.settling.tries >= 5) return endSettling(s);
    s.settling.tries += 1;
    sendMoved(s, { key, index });
    s.settling.timer = setTimeout(again, 1500);
  };
  s.settling.timer = setTimeout(again, 1500);
}

function endSettling(s) {
  if (s.settling) clearTimeout(s.settling.timer);
  s.settling = null;
}

function settled(s) {
  if (!s.settling) return true;
  const spec = s.data.sliders.find((x) => x.key === s.settling.key);
  if (!spec || spec.index === s.settling.index) endSettling(s);
  return !s.settling;
}

function showValue(s, key, index) {
  const spec = s.data.sliders.find((x) => x.key === key);
  const { input, shown } = s.inputs[key];
  shown.textContent = spec.texts[index];
  input.setAttribute("aria-valuetext", spec.texts[index]);
}

function buildFigures(s, root) {
  const box = root.querySelector(".live-figures");
  box.replaceChildren();
  box.style.setProperty("--live-min-width", `${s.data.minWidth}px`);
  s.plots = s.data.figures.map((_, i) => {
    const plot = el("div", "live-figure", box);
    plot.setAttribute("role", "img");
    plot.setAttribute("aria-label", s.data.descriptions[i] || "");
    plot.addEventListener("pointerdown", (event) => grab(s, i, event), true);
    plot.addEventListener("pointermove", (event) => showGrab(s, i, event));
    return plot;
  });
}

// Opt-in dragging of points in a picture (data.drags, app/sweeps.py Drag): where the hand takes a
// point sets two sliders (x and y, or length and angle), and the figure is drawn from the cell
// Python computed for that pair of positions, at most once a frame; on release both go to Python.
const GRAB_PX = 22;

function axesOf(plot, trace) {
  const name = (id) => id.replace(/^([xy])(\d*)$/, (_, axis, n) => `${axis}axis${n}`);
  const t = plot.data[trace];
  return [plot._fullLayout[name(t.xaxis || "x")], plot._fullLayout[name(t.yaxis || "y")]];
}

function pointerIn(plot, event) {
  const box = plot.getBoundingClientRect();
  return [event.clientX - box.left, event.clientY - box.top];
}

function dragNear(s, index, event) {
  const plot = s.plots[index];
  if (!plot._fullLayout || !plot.data) return null;
  const [px, py] = pointerIn(plot, event);
  let best = null;
  for (const d of s.data.drags || []) {
    const t = d.figure === index ? plot.data[d.trace] : null;
    if (!t || t.visible === false) continue;
    const [xa, ya] = axesOf(plot, d.trace);
    const far = Math.hypot(px - xa._offset - xa.l2p(t.x[d.point]), py - ya._offset - ya.l2p(t.y[d.point]));
    if (far <= GRAB_PX && (!best || far < best.far)) best = { d, far };
  }
  return best && best.d;
}

function setCursor(plot, cursor) {
  for (const layer of plot.querySelectorAll(".nsewdrag")) layer.style.cursor = cursor;
}

function showGrab(s, index, event) {
  if (!s.grabbed && (s.data.drags || []).length) setCursor(s.plots[index], dragNear(s, index, event) ? "grab" : "");
}

function nearest(values, positions, target) {
  let best = 0;
  positions.forEach((p, i) => {
    if (Math.abs(values[p] - target) < Math.abs(values[positions[best]] - target)) best = i;
  });
  return best;
}

function grab(s, index, event) {
  if (event.button !== 0 || !(s.data.drags || []).length) return;
  const d = dragNear(s, index, event);
  if (!d) return;
  event.preventDefault();
  event.stopPropagation();
  const plot = s.plots[index];
  plot.setPointerCapture(event.pointerId);
  setCursor(plot, "grabbing");
  s.dragging = "picture";
  s.grabbed = { d, cell: null, drawn: null, indexes: null };
  const move = (e) => dragTo(s, index, e);
  const up = () => {
    plot.removeEventListener("pointermove", move);
    plot.removeEventListener("pointerup", up);
    plot.removeEventListener("pointercancel", up);
    setCursor(plot, "");
    release(s);
  };
  plot.addEventListener("pointermove", move);
  plot.addEventListener("pointerup", up);
  plot.addEventListener("pointercancel", up);
}

function dragTo(s, index, event) {
  const { d } = s.grabbed;
  const plot = s.plots[index];
  const [px, py] = pointerIn(plot, event);
  const [xa, ya] = axesOf(plot, d.trace);
  const x = xa.p2l(px - xa._offset), y = ya.p2l(py - ya._offset);
  const wanted = d.polar ? [Math.hypot(x, y), (Math.atan2(y, x) * 180) / Math.PI] : [x, y];
  const specs = d.keys.map((k) => s.data.sliders.find((spec) => spec.key === k));
  const r = nearest(specs[0].values, d.rows, wanted[0]);
  const c = nearest(specs[1].values, d.cols, wanted[1]);
  if (r * d.cols.length + c === s.grabbed.cell) return;
  TRACE.inputs.push(performance.now());
  s.grabbed.cell = r * d.cols.length + c;
  s.grabbed.indexes = [d.rows[r], d.cols[c]];
  d.keys.forEach((k, i) => {
    s.inputs[k].input.value = s.grabbed.indexes[i];
    showValue(s, k, s.grabbed.indexes[i]);
  });
  if (!s.frame) s.frame = requestAnimationFrame(() => drawPending(s));
}

function drawCell(s) {
  const { d, cell } = s.grabbed;
  s.grabbed.drawn = cell;
  const patch = dragPatch(d, cell);
  draw(s, s.data.figures.map((base, i) => (i === d.figure ? applyPatch(base, patch) : base)));
  s.readout.textContent = d.readouts[cell];
}

function release(s) {
  const grabbed = s.grabbed;
  s.grabbed = null;
  s.dragging = null;
  if (!grabbed || grabbed.indexes === null) return;
  const [first, second] = grabbed.d.keys;
  const [i, j] = grabbed.indexes;
  sendMoved(s, { key: first, index: i, also: [{ key: second, index: j }] });
}

// The patch format and its reference are app/patch.py (apply, drag_patch); tests/test_live_js.py
// runs these two against it on the same cases.
export function dragPatch(d, cell) {
  const merge = {};
  for (const [trace, attributes] of Object.entries(d.columns)) {
    merge[trace] = {};
    for (const [name, column] of Object.entries(attributes)) merge[trace][name] = column[cell];
  }
  const during = d.during || {};
  for (const [trace, part] of Object.entries(during.merge || {})) merge[trace] = { ...merge[trace], ...part };
  return { merge, layout: during.layout || {} };
}

export function applyPatch(base, patch) {
  if (!patch) return base;
  if (patch.data) return patch;
  const data = base.data.slice();
  for (const [index, trace] of Object.entries(patch.traces || {})) data[+index] = trace;
  // "merge": only some attributes of a trace change (patches built from core results, not whole figures).
  for (const [index, part] of Object.entries(patch.merge || {})) data[+index] = { ...data[+index], ...part };
  return { data, layout: { ...base.layout, ...patch.layout } };
}

function draw(s, figures) {
  if (!s.ready) return;
  figures.forEach((fig, i) => {
    window.Plotly.react(s.plots[i], fig.data, { ...fig.layout, datarevision: ++s.revision }, CONFIG);
  });
  TRACE.draws.push(performance.now());
}

function drawPending(s) {
  s.frame = 0;
  if (s.grabbed && s.grabbed.cell !== null && s.grabbed.cell !== s.grabbed.drawn) drawCell(s);
  if (!s.pending) return;
  const [key, index] = s.pending;
  s.pending = null;
  const sweep = s.data.sweeps[key];
  if (!sweep) return;
  draw(s, s.data.figures.map((base, i) => applyPatch(base, sweep.patches[index][i])));
  s.sweepDrawn = indexes(s);  // the state on screen, which the rerun's figures will repeat
  const readout = sweep.readouts[index];
  if (readout !== undefined) s.readout.textContent = readout;
}

function indexes(s) {
  return JSON.stringify(s.data.sliders.map((x) => +s.inputs[x.key].input.value));
}

export default function ({ data, parentElement, setStateValue, key }) {
  const root = parentElement.querySelector(".explainer-live");
  let s = STATE.get(root);
  if (!s) {
    s = { id: `live-${key}`, sent: 0, revision: 0, frame: 0, pending: null, dragging: null, ready: false,
          sliderSignature: "", figureCount: -1, drawnBase: "" };
    s.root = root;
    STATE.set(root, s);
    s.readout = root.querySelector(".live-readout");
    window.addEventListener("pointerup", () => { s.dragging = null; });
  }
  // A rerun calls this again with new data: keep the element, swap the data (Streamlit 1.67
  // calls it again without the previous cleanup).
  s.data = typeof data === "string" ? JSON.parse(data) : data;
  s.setStateValue = setStateValue;
  // Busy (data-waiting) until Python has answered the last value sent and the tab holds every body.
  const asking = resolveHeld(s);
  if (asking) root.dataset.waiting = "1";
  else if ((s.data.answered || 0) >= s.sent) delete root.dataset.waiting;
  const signature = JSON.stringify(s.data.sliders.map((x) => [x.key, x.label, x.texts.length]));
  if (signature !== s.sliderSignature) {
    // Sliders came or went (outer product's row slider follows w's length): rebuilt, and the one
    // the keyboard was on keeps the focus, so that the next arrow key still moves it.
    const focused = Object.entries(s.inputs || {}).find(([, x]) => x.input === document.activeElement);
    buildControls(s, root);
    s.sliderSignature = signature;
    if (focused && s.inputs[focused[0]]) s.inputs[focused[0]].input.focus();
  }
  if (s.data.figures.length !== s.figureCount) {
    buildFigures(s, root);
    s.figureCount = s.data.figures.length;
    s.drawnBase = "";
  }
  root.classList.toggle("controls-top", s.data.controls === "top");
  s.data.descriptions.forEach((text, i) => s.plots[i] && s.plots[i].setAttribute("aria-label", text));
  for (const spec of s.data.sliders) {
    if (s.dragging === spec.key) continue;  // never pull a thumb from under the hand
    if (s.playing === s.inputs[spec.key].input) continue;  // nor back to a step Play has left
    if (!settled(s) && s.settling.key === spec.key) continue;
    s.inputs[spec.key].input.value = spec.index;
    showValue(s, spec.key, spec.index);
  }
  if (!s.dragging && !s.playing && !s.settling) s.readout.textContent = s.data.readout;
  const base = JSON.stringify(s.data.figures);
  const wanted = JSON.stringify(s.data.sliders.map((x) => x.index));
  if (s.sweepDrawn && s.sweepDrawn === wanted) s.drawnBase = base;  // already on screen from the sweep
  s.sweepDrawn = null;
  loadPlotly().then(() => {
    s.ready = true;
    if (s.dragging || s.playing || s.settling || base === s.drawnBase) return;
    s.drawnBase = base;
    draw(s, s.data.figures);
    root.dataset.ready = "1";
  });
}
