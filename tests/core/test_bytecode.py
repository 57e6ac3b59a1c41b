"""core.bytecode against the interpreter itself: dis, co_code, the slide line run for real."""

import ast
import dis
import gc
import subprocess
import sys
import weakref

import numpy as np

from core import bytecode

SLIDE = 'print("Hello World!\\n")'


def test_the_source_is_the_slides_line():
    assert bytecode.SLIDE_SOURCE == SLIDE


def test_the_instructions_are_dis_own():
    code = compile(SLIDE, "<slide>", "exec")
    expected = [(i.offset, i.opname, i.arg, i.argrepr) for i in dis.get_instructions(code)]
    assert [(i.offset, i.opname, i.arg, i.argrepr) for i in bytecode.instructions()] == expected
    assert bytecode.dis_text() == dis.Bytecode(code).dis()
    names = [i.opname for i in bytecode.instructions()]
    assert "LOAD_NAME" in names and names[-1] == "RETURN_VALUE"
    assert any(i.argrepr == "'Hello World!\\n'" for i in bytecode.instructions())


def test_the_bytes_are_co_code_and_decode_to_the_instructions():
    raw = bytecode.code_bytes()
    assert raw == compile(SLIDE, "<slide>", "exec").co_code
    assert bytes.fromhex(bytecode.as_hex(raw)) == raw
    assert bytes(int(b, 2) for b in bytecode.as_binary(raw).split()) == raw
    assert all(len(b) == 8 for b in bytecode.as_binary(raw).split())
    # Every even byte is an opcode: without the CACHE units they are dis's instructions, in order.
    cache = dis.opmap.get("CACHE")
    opcodes = [dis.opname[b] for b in raw[::2] if b != cache]
    assert opcodes == [i.opname for i in bytecode.instructions()]
    shown_caches = sum(i.opname == "CACHE" for i in dis.get_instructions(bytecode.compiled(), show_caches=True))
    assert bytecode.cache_units(raw) == shown_caches


def test_the_slide_line_prints_hello_world_and_an_empty_line():
    done = subprocess.run([sys.executable, "-c", SLIDE], capture_output=True, text=True, check=True)
    assert done.stdout == "Hello World!\n\n"


def test_the_dis_code_shown_prints_the_same_instructions_and_bytes():
    from app.lessons import python as text

    done = subprocess.run([sys.executable, "-c", text.DIS_CODE], capture_output=True, text=True, check=True)
    assert done.stdout == bytecode.dis_text() + bytecode.as_hex(bytecode.code_bytes()) + "\n"


def test_one_name_takes_values_of_new_types():
    rows = bytecode.retyped_types()
    assert [name for _, name in rows] == ["int", "float", "str", "list", "numpy.ndarray"]
    for (line, value), (_, name) in zip(bytecode.RETYPED, rows):
        right = line.removeprefix("x = ")
        made = np.arange(3) if right == "np.arange(3)" else ast.literal_eval(right)
        assert type(made) is type(value)
        assert str(type(made)) == f"<class '{name}'>"


def test_the_type_error_is_the_interpreters_own_message():
    try:
        "3" + 3  # noqa: B018
    except TypeError as err:
        assert bytecode.type_error_message() == str(err)


def test_memory_is_freed_when_nothing_refers_to_it_and_cycles_by_the_collector():
    class Box:
        pass

    freed = []
    box = Box()
    assert sys.getrefcount(box) == 2  # the name, and the call's own argument
    weakref.finalize(box, freed.append, "box")
    del box
    assert freed == ["box"], "freed at once when its count reaches zero"
    gc.disable()
    try:
        a, b = Box(), Box()
        a.other, b.other = b, a
        weakref.finalize(a, freed.append, "cycle")
        del a, b
        assert freed == ["box"], "a cycle keeps its counts above zero"
        gc.collect()
        assert freed == ["box", "cycle"], "the garbage collector frees it"
    finally:
        gc.enable()


def test_the_interpreter_is_named_as_it_is():
    import platform

    assert bytecode.interpreter() == f"{platform.python_implementation()} {platform.python_version()}"
