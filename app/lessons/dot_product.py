"""Dot product and angle: the words of the page."""

from __future__ import annotations

import math

import numpy as np

from app.lessons.grammar import agree, count, subject
from core.text import format_array, format_number

TITLE = "Dot product and angle"
INTRO = (
    "The dot product multiplies two vectors component by component and adds up: "
    "**a · b = a₁b₁ + a₂b₂ + … + aₙbₙ**. Divided by both lengths it is the **cosine of the angle** θ "
    "between them."
)
IDEAS = ["The vectors and the angle", "Term by term", "What to notice", "Predict the sign", "Predict the angle"]
IDEAS += ["The NumPy code"]
PRESETS_LABEL = "**Examples from the slides:**"
PRESETS = [  # label, a, b
    ("cos θ = 1: same direction", "2, 1", "3, 1.5"),
    ("cos θ = 0: perpendicular", "2, 1", "-1, 2"),
    ("cos θ = −1: opposite", "2, 1", "-2, -1"),
    ("unit vectors 1° apart", "1, 0", "0.999848, 0.017452"),  # (cos 1°, sin 1°) to 6 decimals, as the slide
    ("3-D", "1, 2, 2", "2, 0, 1"),
]
VECTOR_HELP = "2 or 3 numbers separated by commas or spaces, e.g. `1, 0` or `1 2 2`. Any value can be typed here."
MODE_LABEL = "Sliders set"
MODES = {"polar": "length and angle", "components": "components"}
THREE_D = "In 3-D the sliders set the components x, y, z."
TYPE_FINER = " Any other value can be typed in the boxes a and b below."
ANGLE_HELP = "Arrow keys turn by 5°, PageUp and PageDown by 45°, Home and End go to −180° and 180°." + TYPE_FINER
LENGTH_HELP = "Arrow keys step by 0.25, PageUp and PageDown by 1, Home and End go to 0 and 5." + TYPE_FINER
COMPONENT_HELP = "Arrow keys step by 0.25, PageUp and PageDown by 1, Home and End go to −5 and 5." + TYPE_FINER
SCENE_HINT = "Drag the scene to rotate it, scroll to zoom. "
DRAG_HINT = "Drag the head of a or b in the picture to turn and stretch it. "
TERMS_TITLE = "Term by term"
SLIDES_NOTATION = (
    "On the slides the same sum is written w₁x₁ + w₂x₂ + … + wₙxₙ, or **wᵀx**: a row (1, n) times a "
    "column (n, 1) is a (1, 1) matrix, one number. The slides count the components from 1; NumPy "
    "counts from 0, so a₁ is `a[0]`."
)
NOTICE_TITLE = "What to notice"
NOTICE_FORMULA = r"a \cdot b = \sum_{i=1}^{n} a_i\,b_i = \|a\|\,\|b\|\cos\theta"
SIGN_TITLE = "Predict the sign, then check"
ANGLE_TITLE = "Predict the angle, then check"


def slider_label(name: str, part: str) -> str:
    """A live slider's label: ``b: angle from the x axis``, ``a: length ‖a‖``, ``b: y``."""
    return {"angle": f"{name}: angle from the x axis", "len": f"{name}: length ‖{name}‖"}.get(part, f"{name}: {part}")


def vector_text(v: np.ndarray) -> str:
    """A vector as its text box and the URL hold it: 4 decimals at most (``1, 0``, ``0.9998, 0.0175``)."""
    return format_array(np.round(np.asarray(v, dtype=float), 4) + 0.0)


def readout(dot: float, angle: float, cos: float) -> str:
    """The live readout: the dot product, the angle and its cosine (NaN: undefined)."""
    return readouts({"dot": np.array([dot]), "angle": np.array([angle]), "cos": np.array([cos])})[0]


def readouts(measures: dict[str, np.ndarray]) -> list[str]:
    """The readout at each position of a sweep (from :func:`core.vectors.measures`).

    Each number is written once, however often it recurs (the angle of a dragged head recurs at every
    length): a sweep and a drag hold over a thousand readouts.
    """
    written: dict[float, str] = {}

    def text(value: float) -> str:
        if value not in written:
            written[value] = format_number(value, 4)
        return written[value]

    angles = measures["angle"].tolist()
    return [
        f"a · b = {text(d)} · θ undefined: a zero vector has no direction"
        if math.isnan(angle)
        else f"a · b = {text(d)} · θ = {text(angle)}° · cos θ = {text(c)}"
        for d, angle, c in zip(measures["dot"].tolist(), angles, measures["cos"].tolist())
    ]


def mismatch_readout(n_a: int, n_b: int) -> str:
    return f"a has {count(n_a, 'number')} and b has {n_b}: no dot product"


def picture_words(a: np.ndarray, b: np.ndarray, angle: float | None, projection: np.ndarray | None) -> str:
    """What the picture shows, in words and numbers (its text alternative)."""
    words = f"Arrows from the origin, labelled a = ({vector_text(a)}) and b = ({vector_text(b)})"
    if angle is None:
        return words + "; the zero vector is only a point at the origin, so there is no angle to mark."
    return (
        words + f"; the arc between them marks θ = {format_number(angle, 4)}°. The thick faint line along a is the "
        f"projection of b onto a, ({vector_text(projection)}), and the dotted line drops from the "
        "tip of b onto a's line."
    )


def zoom_words(shown: bool) -> str:
    """Said when the picture adds its zoom on the heads."""
    if not shown:
        return ""
    return (
        " The heads are too close to tell apart at this scale, so a window in the corner shows them "
        "zoomed in, with the angle between them."
    )


def side(dot: float, cos: float | None = None) -> str:
    """What the sign of a · b says about the angle. With ``cos`` the sign is judged relative to the
    lengths (|cos θ| ≤ 1e-12 is perpendicular), so tiny vectors at 45° are not called perpendicular."""
    measure = dot if cos is None else cos
    if measure > 1e-12:
        return "positive, so the angle is under 90° (acute): they point roughly the same way"
    if measure < -1e-12:
        return "negative, so the angle is over 90° (obtuse): they point apart"
    return ("zero, so the angle is exactly 90°" if dot == 0 or cos is None else "zero, so the angle is 90°") + (
        ": they are perpendicular"
    )


def notice(dot: float, angle: float | None, cos: float | None, norm_a: float, norm_b: float, zero: str) -> str:
    """What the current vectors show, in a few sentences with their numbers."""
    if angle is None:
        names, things = subject(zero)
        return (
            f"Here {names} {agree(things, 'has', 'have')} length 0, so a · b = 0 although there is no angle: a dot product of 0 "
            "means perpendicular only between vectors that have a length, which is why "
            "cos θ = a · b / (‖a‖ ‖b‖) is undefined here."
        )
    shown = format_number(dot, 4)
    tiny = (
        f" to 4 decimals, but it is not 0: the vectors are so short that their product is tiny. Its sign still "
        f"counts: it is {side(dot, cos)}"
        if float(shown) == 0 and abs(cos) > 1e-12
        else f" is {side(dot, cos)}"
    )
    return (
        f"Here a · b = {shown}{tiny}. Doubling a would double a · b to {format_number(2 * dot, 4)} but "
        f"leave θ = {format_number(angle, 4)}° alone: cos θ = {format_number(cos, 4)} divides out the lengths "
        f"‖a‖ = {format_number(norm_a, 4)} and ‖b‖ = {format_number(norm_b, 4)}. So the dot product mixes two things, how well "
        "the vectors line up (cos θ) and how long they are; only cos θ measures the alignment. A neuron, "
        "the unit a neural network is built of (the neural-network page), starts with exactly this: its "
        "weights w dotted with its input x, w · x, before it adds a number of its own."
    )


def mismatch_notice(n_a: int, n_b: int) -> str:
    return (
        f"Here a has {count(n_a, 'number')} and b has {n_b}: the dot product pairs the components one "
        "to one, so it needs equal lengths. The outer product on the next page pairs every "
        "component with every other and takes any lengths."
    )


def no_terms(n_a: int, n_b: int) -> str:
    return f"No terms to add: a has {count(n_a, 'number')} and b has {n_b}."


def mismatch_error(n_a: int, n_b: int, numpy_message: str) -> str:
    return (
        f"**a has {count(n_a, 'number')} and b has {n_b}**: the dot product pairs each component of a "
        f"with the same component of b, so both need the same length. NumPy says: `ValueError: {numpy_message}`"
    )


def pad_fix(name: str, padded: str) -> str:
    return f"Give {name} a third component 0: {name} = {padded}"


def cut_fix(name: str, cut: str) -> str:
    return f"Drop {name}'s third component: {name} = {cut}"


def zero_info(zero: str) -> str:
    names, things = subject(zero)
    what = "the zero vector** (length 0): it has" if things == 1 else "both the zero vector** (length 0): they have"
    return (
        f"**{names} {agree(things, 'is', 'are')} {what} no direction, so the **angle is "
        "undefined** and so is cos θ (it would divide by ‖a‖‖b‖ = 0). The dot product is still "
        "defined: it is 0."
    )


def terms_latex(a: np.ndarray, b: np.ndarray, terms: np.ndarray, dot: float) -> str:
    """a · b written out: symbols, numbers, products, one equality per line (so it fits a phone)."""
    symbolic = " + ".join(f"a_{i + 1} b_{i + 1}" for i in range(a.size))
    numbers = " + ".join(f"({format_number(x)})({format_number(y)})" for x, y in zip(a, b))
    products = " + ".join(format_number(t) for t in terms).replace("+ -", "- ")
    return (
        rf"\begin{{aligned}} a \cdot b &= {symbolic} \\ &= {numbers} \\ &= {products} = {format_number(dot, 4)}"
        r"\end{aligned}"
    )


def cosine_latex(dot: float, norm_a: float, norm_b: float, cos: float, angle: float) -> str:
    return (
        rf"\begin{{aligned}} \cos\theta &= \frac{{a \cdot b}}{{\|a\|\,\|b\|}} \\ "
        rf"&= \frac{{{format_number(dot, 4)}}}{{{format_number(norm_a, 4)} \times {format_number(norm_b, 4)}}} = {format_number(cos, 4)} \\ "
        rf"\theta &= \arccos({format_number(cos, 4)}) = {format_number(angle, 4)}^\circ \end{{aligned}}"
    )


def unit_vectors(norm_a: float, norm_b: float, dot: float) -> str:
    """For unit vectors a · b is cos θ; and the slide writes it to 3 decimals. Empty unless both have length 1."""
    if abs(norm_a - 1) >= 5e-4 or abs(norm_b - 1) >= 5e-4:
        return ""
    cos = min(max(dot / (norm_a * norm_b), -1.0), 1.0)
    if format_number(dot, 4) != format_number(cos, 4):  # lengths 1 only to 4 decimals: the division shows
        return (
            f"Both are almost **unit vectors** (lengths {format_number(norm_a, 4)} and {format_number(norm_b, 4)}), "
            f"so a · b = {format_number(dot, 4)} is close to cos θ = {format_number(cos, 4)}: for vectors of "
            "length exactly 1 the dot product *is* the cosine of the angle."
        )
    words = (
        f"Both are **unit vectors** (length 1), so the division does nothing: **a · b = cos θ = {format_number(dot, 4)}**. "
        "For unit vectors the dot product *is* the cosine of the angle."
    )
    if format_number(dot, 3) != format_number(dot, 4)[:-1]:  # 3 decimals round differently from 4 cut short
        words += f" The slide rounds {format_number(dot, 4)} to 3 decimals: {format_number(dot, 3)}."
    return words


def projection_words(projection: np.ndarray, dot: float, norm_a: float, norm_b: float | None = None) -> str:
    measure = dot if not norm_b else dot / (norm_a * norm_b)  # relative to the lengths, as side() judges
    where = (
        "It points along a: the angle is under 90°."
        if measure > 1e-12
        else "It points against a: the angle is over 90°."
        if measure < -1e-12
        else "It is zero: b is perpendicular to a."
    )
    return (
        f"**Projection of b onto a** (purple, the thick faint line along a): "
        f"`(a·b / a·a) a = ({vector_text(projection)})`, of signed length a·b / ‖a‖ = ‖b‖ cos θ = "
        f"{format_number(dot / norm_a, 4)}. " + where
    )


def code(a_literal: str, b_literal: str, same_length: bool) -> str:
    """The NumPy code that prints the page's figures."""
    source = f"""
    import numpy as np

    a = {a_literal}
    b = {b_literal}
    norm_a = np.linalg.norm(a)
    norm_b = np.linalg.norm(b)
"""
    if not same_length:
        source += """
    try:
        np.dot(a, b)
    except ValueError as err:
        print(err)
    print("Dot product = undefined")
    print("Angle = undefined")
    print("cos θ = undefined")
"""
    else:
        source += """
    dot = np.dot(a, b)  # the same as np.sum(a * b) and a @ b
    print(f"Dot product = {round(dot, 4) + 0.0:.4f}")
    if norm_a == 0 or norm_b == 0:
        print("Angle = undefined")  # the zero vector has no direction
        print("cos θ = undefined")
    else:
        cos = np.clip(dot / (norm_a * norm_b), -1, 1)
        angle = np.degrees(np.arccos(cos))
        print(f"Angle = {round(angle, 4) + 0.0:.4f}")
        print(f"cos θ = {round(cos, 4) + 0.0:.4f}")
"""
    return (
        source
        + """
    print(f"‖a‖ = {norm_a:.4f}")
    print(f"‖b‖ = {norm_b:.4f}")
"""
    )
