"""Home's pictures: the training loop of the slides and AI ⊃ machine learning ⊃ deep learning."""

from app.figure_base import Style
from app.figures import home as figures
from app.sweeps import figure_json


def boxes(fig: dict) -> list[dict]:
    return [s for s in fig["layout"]["shapes"] if s["type"] == "rect"]


def test_the_loop_has_the_slides_parts_each_named_in_its_box():
    fig = figure_json(figures.loop_figure())
    labels = {a["text"]: a for a in fig["layout"]["annotations"] if a["text"]}
    assert [b for b in labels if b.startswith("<b>")] == [
        "<b>Data</b><br>features x",
        "<b>Model</b><br>ŷ = w·x + b",
        "<b>Prediction</b><br>ŷ",
        "<b>Optimiser</b><br>adjusts w",
        "<b>Data</b><br>labels y",
        "<b>Loss</b><br>ŷ against y",
    ]
    for box, label in zip(boxes(fig), [a for t, a in labels.items() if t.startswith("<b>")]):
        assert box["x0"] < label["x"] < box["x1"] and box["y0"] < label["y"] < box["y1"], "each name inside its box"
    assert "repeats<br>the block<br>many times" in labels


def test_the_arrows_close_the_loop():
    fig = figure_json(figures.loop_figure())
    arrows = [(a["ax"], a["ay"], a["x"], a["y"]) for a in fig["layout"]["annotations"] if a.get("showarrow")]
    parts = {name: box for name, (box, *_) in figures.BOXES.items()}

    def touches(point, part):
        x0, x1, y0, y1 = parts[part]
        return x0 - 1e-9 <= point[0] <= x1 + 1e-9 and y0 - 1e-9 <= point[1] <= y1 + 1e-9

    def arrow(a, b):
        return any(touches(s[:2], a) and touches(s[2:], b) for s in arrows)

    assert arrow("features", "model") and arrow("model", "prediction")
    assert arrow("labels", "loss") and arrow("loss", "optimiser") and arrow("optimiser", "model")
    # The prediction reaches the loss by a line down the right side, then the arrow into the loss.
    down = next(s for s in fig["layout"]["shapes"] if s["type"] == "line")
    assert touches((down["x0"], down["y0"]), "prediction") and any(
        s[3] == down["y1"] and touches(s[2:], "loss") for s in arrows
    )


def test_nested_areas_sit_inside_each_other():
    fig = figure_json(figures.nested_figure())
    ai, ml, dl = fig["layout"]["shapes"]
    for outer, inner in ((ai, ml), (ml, dl)):
        assert outer["x0"] < inner["x0"] < inner["x1"] < outer["x1"]
        assert outer["y0"] <= inner["y0"] < inner["y1"] < outer["y1"]
    texts = [a["text"] for a in fig["layout"]["annotations"]]
    assert texts == ["<b>Artificial intelligence</b>", "<b>Machine learning</b>", "<b>Deep learning</b>"]
    assert [a["y"] for a in fig["layout"]["annotations"]] == sorted([a["y"] for a in fig["layout"]["annotations"]])[
        ::-1
    ]


def test_larger_on_a_projector():
    screen, wall = figures.loop_figure(), figures.loop_figure(Style(projector=True))
    assert wall.layout.height > screen.layout.height
    assert wall.layout.annotations[0].font.size > screen.layout.annotations[0].font.size
