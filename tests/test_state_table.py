"""The registry's declared state: every typed parameter's codec reads back what it writes."""

from __future__ import annotations

import pytest

from app.registry import PAGES, Param

TYPED = [(spec.url_path, p) for spec in PAGES for p in spec.typed()]


@pytest.mark.parametrize(("url_path", "param"), TYPED, ids=[f"{u}-{p.name}" for u, p in TYPED])
def test_the_default_and_every_slider_position_round_trip_through_the_url(url_path, param: Param):
    assert param.codec.parse(param.codec.write(param.default)) == param.default
    assert param.text == param.codec.write(param.default)
    for part in param.sliders or (param,):
        for value in part.grid or ():
            assert part.codec.parse(part.codec.write(value)) == value, (part.name, value)
        if part.grid:
            assert part.default in part.grid, part.name


def test_arrays_shape_is_one_parameter_over_its_sliders():
    shape = next(p for spec in PAGES if spec.url_path == "arrays" for p in spec.params if p.name == "shape")
    assert shape.slider_keys == ("ndim", "axis_0", "axis_1", "axis_2")
    for value in [(4, 3, 2), (5,), (1, 6), (6, 6, 6)]:
        assert shape.join(shape.split(value)) == value
    # ndim 2 -> 3 adds an axis at its default length, as the picture shows it during the drag.
    assert shape.step((4, 5), "ndim", 3) == (4, 5, 2)
    assert shape.step((4, 3, 2), "axis_1", 6) == (4, 6, 2)
    assert shape.codec.parse("2, 5") == (2, 5) and shape.codec.write((2, 5)) == "2, 5"


def test_a_number_out_of_range_in_the_url_is_clamped_with_a_reason():
    from app.url_state import ClampedValue

    w = next(p for spec in PAGES if spec.url_path == "logistic-regression" for p in spec.params if p.name == "w")
    with pytest.raises(ClampedValue, match="outside"):
        w.codec.parse("99")
