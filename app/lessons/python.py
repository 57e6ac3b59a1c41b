"""Home's part on Python itself, as the slides open: language, implementations, bytecode, typing, tools."""

from __future__ import annotations

from app.lessons.grammar import agree, count

TITLE = "Python: the language, and what runs it"
LAYERS = (
    "- **The language** is Python itself: its grammar and what each statement means, written down in "
    "*The Python Language Reference*.\n"
    "- **An implementation** is a program that reads Python and runs it. **CPython**, written in C, is the "
    "reference implementation from python.org and the `python` most people have; **PyPy** is written in "
    "Python (RPython) and compiles the loops that run often to machine code while they run (a just-in-time "
    "compiler); **Jython** runs Python on the Java virtual machine (its stable releases implement Python 2.7).\n"
    "- **A distribution** bundles an implementation with libraries and tools: **Anaconda** ships CPython "
    "with NumPy, scikit-learn, Jupyter, Spyder and its package manager, conda."
)
HELLO_TITLE = "The slide's line, as CPython runs it"
DIS_CODE = """import dis

code = compile('print("Hello World!\\\\n")', "<slide>", "exec")
dis.dis(code)                 # the instructions
print(code.co_code.hex(" "))  # the bytes"""
TYPES_TITLE = "Dynamically typed: the type belongs to the value"
MEMORY = (
    "**Memory is managed automatically**: CPython counts the references to every object "
    "(`sys.getrefcount(x)` shows the count) and frees an object as soon as nothing refers to it, and its "
    "garbage collector (the `gc` module) frees groups of objects that refer only to each other."
)
TOOLS_TITLE = "Where to write and run code"
# Where to write and run code: (name, what it is, examples, where it runs).
TOOLS = [
    (
        "Text editor + terminal",
        "a `.py` file written in any editor, run with `python file.py` in a terminal",
        "Notepad, TextEdit, nano",
        "your computer",
    ),
    (
        "IDE (integrated development environment)",
        "editor, runner, debugger and project tools in one program",
        "VSCode (with its Python extension), Spyder (comes with Anaconda), PyCharm",
        "your computer",
    ),
    (
        "Jupyter notebook",
        "cells of code, text and their output in the browser, the variables kept from cell to cell",
        "JupyterLab, Jupyter Notebook",
        "your computer",
    ),
    (
        "Google Colab",
        "Jupyter notebooks in the browser, with nothing to install",
        "colab.research.google.com",
        "Google's machines, which offer GPUs and TPUs (*Runtime → Change runtime type*)",
    ),
]


def tools() -> str:
    """The editor / IDE / notebook list: one item per way of working (a table would not fit a phone)."""
    items = [
        f"- **{name}**: {what}. *Examples*: {examples}. *Runs on*: {where}." for name, what, examples, where in TOOLS
    ]
    return f"#### {TOOLS_TITLE}\n\n" + "\n".join(items)


def running_on(interpreter: str) -> str:
    """Which implementation runs this app, e.g. ``CPython 3.11.7``."""
    return f"This app runs on **{interpreter}**."


def hello(interpreter: str) -> str:
    """What happens to the slide's line, with the running interpreter named."""
    return (
        'The slide shows `print("Hello World!\\n")` beside binary. CPython first **compiles** the text into a '
        "code object: bytecode, instructions for CPython's own virtual machine rather than for the processor. "
        "Then its interpreter loop carries them out, and the line prints `Hello World!` and an empty line "
        "(`\\n` is one newline, and `print` adds its own). `compile` and `dis` show the steps; the "
        f"instructions below are those of **{interpreter}**, computed by the Python that runs this page "
        "(another version makes other ones)."
    )


def bytes_caption(interpreter: str, size: int, caches: int) -> str:
    """What the raw bytes are."""
    cache = (
        f" {caches} of the units {agree(caches, 'is a `CACHE` entry', 'are `CACHE` entries')} (`00 00`): room that "
        f"{interpreter} fills while the code "
        "runs, which `dis` hides."
        if caches
        else ""
    )
    return (
        f"The same instructions as CPython stores them, `code.co_code`: {count(size, 'byte')}, two per unit (an "
        f"opcode, then its argument), in hexadecimal and in binary.{cache} These bytes are not machine code "
        "either: the processor runs CPython's own compiled C, which reads them one unit at a time."
    )


def types(message: str) -> str:
    """Dynamic typing, with the running interpreter's own TypeError message."""
    return (
        "A name such as `x` has no type of its own; the value it refers to has one. The same name can refer "
        "to an int, then a string, then an array, and `type(x)` tells which. Python checks types when an "
        f'operation runs: `"3" + 3` raises `TypeError: {message}` at that moment, not before the '
        "program starts."
    )


def types_table(rows: list[tuple[str, str]]) -> dict:
    """Each line run in turn, and what ``type(x)`` says after it."""
    return {"line run": [line for line, _ in rows], "type(x)": [name for _, name in rows]}
