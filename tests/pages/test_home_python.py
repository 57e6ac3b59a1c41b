"""Home's part on Python itself under AppTest: the bytecode shown is the running interpreter's own."""

import platform

from app.lessons import python as text
from core import bytecode
from scripts.app_driver import open_page


def said(at) -> str:
    return " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)


def test_language_implementations_and_distribution_are_told_apart():
    at = open_page("")
    assert not at.exception and not at.warning
    words = said(at)
    assert any(s.value == text.TITLE for s in at.subheader)
    for name in ("**The language**", "**An implementation**", "**CPython**", "**PyPy**", "**Jython**"):
        assert name in words
    assert "**A distribution**" in words and "**Anaconda**" in words
    assert f"This app runs on **{platform.python_implementation()} {platform.python_version()}**." in words


def test_the_slides_line_is_shown_with_the_real_bytecode_and_bytes():
    at = open_page("")
    blocks = [c.value for c in at.code]
    code = compile('print("Hello World!\\n")', "<slide>", "exec")
    import dis

    assert dis.Bytecode(code).dis().rstrip("\n") in [b.rstrip("\n") for b in blocks], "dis's own listing"
    assert code.co_code.hex(" ") in blocks, "co_code in hexadecimal"
    assert " ".join(f"{b:08b}" for b in code.co_code) in blocks, "co_code in binary"
    assert text.DIS_CODE in blocks
    words = said(at)
    assert f"those of **{bytecode.interpreter()}**" in words
    assert f"{len(code.co_code)} bytes, two per unit" in words
    if platform.python_version_tuple()[:2] == ("3", "11"):
        assert "CPython 3.11" in words and "`CACHE` entries" in words


def test_dynamic_typing_is_shown_with_type_and_memory_in_one_sentence():
    at = open_page("")
    tables = [t.value for t in at.table]
    types = next(t for t in tables if "type(x)" in t.columns)
    assert list(types["type(x)"]) == ["int", "float", "str", "list", "numpy.ndarray"]
    assert list(types["line run"])[0] == "x = 3"
    words = said(at)
    assert 'TypeError: can only concatenate str (not "int") to str' in words
    assert text.MEMORY in words and "sys.getrefcount" in words and "garbage collector" in words


def test_the_tools_list_has_editors_ides_jupyter_and_colab_with_its_hardware():
    at = open_page("")
    tools = next(m.value for m in at.markdown if m.value.startswith(f"#### {text.TOOLS_TITLE}"))
    items = tools.splitlines()[2:]
    assert [item.split("**")[1] for item in items] == [
        "Text editor + terminal",
        "IDE (integrated development environment)",
        "Jupyter notebook",
        "Google Colab",
    ]
    assert "VSCode" in items[1] and "Spyder" in items[1] and "PyCharm" in items[1]
    assert "Google's machines, which offer GPUs and TPUs" in items[3]
