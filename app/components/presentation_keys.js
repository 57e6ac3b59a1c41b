// Keys of the presentation view (app/presentation.py), installed once per page.
// A presenter's clicker sends PageDown / PageUp. In the view they always move through the
// lesson: they scroll an idea taller than the screen first, then go to the next or previous
// idea, and they never change a focused slider or text box. Esc in a text box leaves the box,
// not the view. Listening on window in the capture phase runs before Streamlit's own shortcuts.

function scroller() {
  for (const id of ["stMain", "stAppViewContainer"]) {
    const box = document.querySelector(`[data-testid="${id}"]`);
    if (box && box.scrollHeight > box.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(box).overflowY)) return box;
  }
  return document.scrollingElement;
}

function onKey(event) {
  if (!document.querySelector(".st-key-presentation_bar")) return;  // not in the view
  const target = event.target;
  const editable = target && (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable);
  if (event.key === "Escape" && editable && target.type !== "range") {
    event.stopImmediatePropagation();
    target.blur();
    return;
  }
  if (event.key !== "PageDown" && event.key !== "PageUp") return;
  event.preventDefault();
  event.stopImmediatePropagation();
  if (editable) target.blur();
  const box = scroller();
  const down = event.key === "PageDown";
  const room = down ? box.scrollHeight - box.clientHeight - box.scrollTop : box.scrollTop;
  if (room > 4) {
    box.scrollBy({ top: (down ? 1 : -1) * Math.round(box.clientHeight * 0.85) });
    return;
  }
  const button = document.querySelector(down ? ".st-key-idea_next button" : ".st-key-idea_previous button");
  if (button && !button.disabled) {
    button.click();
    box.scrollTo({ top: 0 });
  }
}

export default function () {
  if (window.__explainerPresentationKeys) return;
  window.__explainerPresentationKeys = true;
  window.addEventListener("keydown", onKey, true);
}
