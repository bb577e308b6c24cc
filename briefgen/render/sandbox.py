"""The Jinja2 sandbox a memo template runs in, with memory and work bounded whatever it does.

Jinja2's ImmutableSandboxedEnvironment already refuses attribute escapes and mutation of
lists and dicts. What it does not bound is size: ``'x' ~ 'x'`` doubled twenty times, a
``replace`` that turns each character into a thousand, or ``[l, l, l]`` nested ten deep and
printed, each build a gigabyte from a few lines. Capping the operators one at a time left
those three open, so the rule here is general: **every value a template makes is measured
before it is made**, through every door a template has:

* ``{{ … }}`` output (`finalize`), ``~`` (a code-generator hook), ``+ * % **`` (the sandbox's
  binary-operator hook), every filter (wrapped), every call (the sandbox's `call` hook), and the
  buffers of ``{% set %}``/macros/``{% filter %}`` blocks (`concat`);
* a value's size is what printing it would produce: a list of ten references to one
  megabyte string measures ten megabytes, however little memory the list itself takes;
* the few operations whose result can far exceed their inputs (``replace``, ``join``,
  ``center``, ``indent``, ``wordwrap``, ``format``, padding methods) are checked for their
  result size before they run.

One render has a budget of characters it may produce in total, of measuring work and of loop
iterations, so neither memory nor time can run away; going over any is a TemplateError naming
the template and line (see templates.py).
"""

from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from markupsafe import Markup

#: Total loop iterations one render may take; a memo needs a few hundred.
MAX_ITERATIONS = 200_000
#: Largest single value (characters when printed) one expression may build. A model file is
#: at most 10 MB, so this never refuses a value the built-in templates make from a valid model.
MAX_VALUE_SIZE = 16_000_000
#: Characters one render may produce in all its strings together.
MAX_TOTAL_CHARS = 128_000_000
#: Container elements the size checks may visit in one render (bounds their own time).
MAX_MEASURE_STEPS = 20_000_000
#: Largest width a padding filter or format may ask for.
MAX_WIDTH = 10_000


class Runaway(Exception):
    """A render went over a limit; becomes a TemplateError."""


class Budget:
    """What one render may still spend: iterations, characters produced, measuring steps."""

    def __init__(self) -> None:
        self.iterations = MAX_ITERATIONS
        self.chars = MAX_TOTAL_CHARS
        self.steps = MAX_MEASURE_STEPS

    def iterate(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.iterations -= 1
            if self.iterations < 0:
                raise Runaway(f"more than {MAX_ITERATIONS} loop iterations")
            yield item

    def measure(self, value: Any, limit: int = MAX_VALUE_SIZE) -> int:
        """The printed size of `value`, refusing it past `limit` (without walking further)."""
        size = 0
        stack = [value]
        while stack:
            item = stack.pop()
            self.steps -= 1
            if self.steps < 0:
                raise Runaway("the template does too much work")
            if isinstance(item, str):
                size += len(item)
            elif isinstance(item, list | tuple | set | frozenset):
                size += 2 + 2 * len(item)
                if size > limit:
                    break
                stack.extend(item)
            elif isinstance(item, dict):
                size += 2 + 4 * len(item)
                if size > limit:
                    break
                stack.extend(item.keys())
                stack.extend(item.values())
            else:
                size += 24  # numbers, None, undefined, macros: short when printed
            if size > limit:
                break
        if size > limit:
            raise Runaway(f"value too large (more than {limit:,} characters)")
        return size

    def charge(self, value: Any) -> Any:
        """Count a string just made against the render's character budget.

        Containers a filter or call returns hold references to values that exist already;
        they are measured where they would be printed (output, ``~``, string filters).
        """
        if not isinstance(value, str):
            return value
        if len(value) > MAX_VALUE_SIZE:
            raise Runaway(f"value too large (more than {MAX_VALUE_SIZE:,} characters)")
        self.chars -= len(value)
        if self.chars < 0:
            raise Runaway(f"the template produced more than {MAX_TOTAL_CHARS:,} characters in all")
        return value


_BUDGET: contextvars.ContextVar[Budget] = contextvars.ContextVar("briefgen_template_budget")


def budget() -> Budget:
    """The current render's budget (a fresh unlimited-looking one outside a render)."""
    current = _BUDGET.get(None)
    return current if current is not None else Budget()


def start_budget() -> contextvars.Token:
    return _BUDGET.set(Budget())


def end_budget(token: contextvars.Token) -> None:
    _BUDGET.reset(token)


# --------------------------------------------------------------------------- size rules


def _width(value: Any) -> None:
    if isinstance(value, int) and value > MAX_WIDTH:
        raise Runaway(f"width {value} too large")


_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\d{5,}|\*)|\{[^{}]*:[^{}]*\d{5,}[^{}]*\}")


def _check_format(text: Any) -> None:
    if isinstance(text, str) and _FORMAT_WIDTH.search(text):
        raise Runaway("format width too large")


def _check_replace(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        n = text.count(old) if old else len(text) + 1
        if isinstance(count, int) and count >= 0:
            n = min(n, count)
        if len(text) + n * len(new) > MAX_VALUE_SIZE:
            raise Runaway("replace would build a value too large")


def _check_join(separator: Any, items: Any) -> None:
    if isinstance(separator, str) and hasattr(items, "__len__") and len(separator) * len(items) > MAX_VALUE_SIZE:
        raise Runaway("join would build a value too large")


#: Filters that print their input (or their arguments) into a new string.
_PRINTING_FILTERS = frozenset(
    [
        "string",
        "tojson",
        "pprint",
        "join",
        "e",
        "escape",
        "forceescape",
        "safe",
        "urlize",
        "wordwrap",
        "trim",
        "upper",
        "lower",
        "title",
        "capitalize",
        "center",
        "indent",
        "truncate",
        "replace",
        "striptags",
        "format",
        "xmlattr",
        "urlencode",
        "wordcount",
        "yaml",
        "md",
        "list",
    ]
)


def _pre_filter(name: str, args: tuple, kwargs: dict) -> None:
    """Result-size checks for the filters whose output can dwarf their input."""
    if name in _PRINTING_FILTERS:
        b = budget()
        for value in (*args, *kwargs.values()):
            b.measure(value)
    if name == "replace" and len(args) >= 3:
        _check_replace(args[0], args[1], args[2], args[3] if len(args) > 3 else kwargs.get("count", -1))
    elif name == "join" and args:
        _check_join(args[1] if len(args) > 1 else kwargs.get("d", ""), args[0])
    elif name in ("center", "indent", "wordwrap"):
        for value in (*args[1:], *kwargs.values()):
            _width(value)
        if name == "wordwrap" and len(args) > 0 and isinstance(args[0], str):
            wrap = args[3] if len(args) > 3 else kwargs.get("wrapstring", "\n")
            if isinstance(wrap, str) and len(args[0]) * (len(wrap) + 1) > MAX_VALUE_SIZE:
                raise Runaway("wordwrap would build a value too large")
    elif name == "format" and args:
        _check_format(args[0])


def guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter: its arguments and result are measured, its growth checked before it runs."""

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        # Filters that take the environment or context get it first; size rules skip it.
        values = args[1:] if args and getattr(func, "jinja_pass_arg", None) is not None else args
        _pre_filter(name, values, kwargs)
        return budget().charge(func(*args, **kwargs))

    return guarded


_STR_GROWERS = {"center", "ljust", "rjust", "zfill"}


def pre_call(obj: Any, args: tuple, kwargs: dict) -> None:
    """Checks before a method call from a template: padding widths, replace, join, format."""
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if isinstance(owner, str):
        if name in _STR_GROWERS and args:
            _width(args[0])
        elif name == "expandtabs":
            _width(args[0] if args else kwargs.get("tabsize", 8))
            if owner.count("\t") * 8 > MAX_VALUE_SIZE:
                raise Runaway("expandtabs would build a value too large")
        elif name == "replace" and len(args) >= 2:
            _check_replace(owner, args[0], args[1], args[2] if len(args) > 2 else -1)
        elif name == "join" and args:
            _check_join(owner, args[0])
        elif name in ("format", "format_map"):
            _check_format(owner)
            b = budget()
            total = sum(b.measure(value) for value in (*args, *kwargs.values()))
            if len(owner) + total > MAX_VALUE_SIZE:
                raise Runaway("format would build a value too large")


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Checks before ``+ * % **``: the result's size (or an exponent's) from the operands."""
    b = budget()
    if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
        raise Runaway("exponent too large")
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(n, int) and b.measure(seq) * n > MAX_VALUE_SIZE:
                raise Runaway("repetition too large")
    if operator == "%":
        _check_format(left)
    growing = operator == "+" and isinstance(left, str | list | tuple)
    if growing and b.measure(left) + b.measure(right) > MAX_VALUE_SIZE:
        raise Runaway("value too large")


def guarded_concat(join: Callable[[Iterable[Any]], str], parts: tuple) -> str:
    """``a ~ b ~ c``: the parts' printed sizes are added up before they are joined."""
    b = budget()
    total = sum(b.measure(part) for part in parts)
    if total > MAX_VALUE_SIZE:
        raise Runaway(f"value too large (more than {MAX_VALUE_SIZE:,} characters)")
    return b.charge(join(parts))


def buffer_concat(parts: Iterable[str]) -> str:
    """The output buffer of a block (set, macro, filter, call): bounded like one value."""
    parts = list(parts)
    total = sum(len(p) for p in parts)
    if total > MAX_VALUE_SIZE:
        raise Runaway(f"block output too large (more than {MAX_VALUE_SIZE:,} characters)")
    return "".join(parts)


def finalize_size(value: Any) -> None:
    """Before ``{{ value }}`` is printed: measure it (a nested list could print gigabytes)."""
    if not isinstance(value, Markup):
        b = budget()
        b.chars -= b.measure(value)
        if b.chars < 0:
            raise Runaway(f"the template produced more than {MAX_TOTAL_CHARS:,} characters in all")


@functools.lru_cache(maxsize=1)
def environment_class() -> type:
    """The sandboxed environment class; built on first use so `import` stays cheap."""
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator
    from jinja2.ext import Extension
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BudgetExtension(Extension):
        """Makes every ``for`` loop draw from the render's iteration budget."""

        identifier = "briefgen.budget"

        def iterate(self, iterable: Iterable[Any]) -> Iterator[Any]:
            return budget().iterate(iterable)

    class BoundedCodeGenerator(CodeGenerator):
        """``a ~ b`` compiles to a call that measures the parts before joining them."""

        def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:  # noqa: N802 - Jinja's name
            if frame.eval_ctx.volatile:
                func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
            elif frame.eval_ctx.autoescape:
                func_name = "markup_join"
            else:
                func_name = "str_join"
            self.write(f"environment.guarded_concat({func_name}, (")
            for arg in node.nodes:
                self.visit(arg, frame)
                self.write(", ")
            self.write("))")

    class MemoEnvironment(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**", "%", "+"])
        code_generator_class = BoundedCodeGenerator
        concat = staticmethod(buffer_concat)  # type: ignore[assignment]

        @staticmethod
        def guarded_concat(join: Callable[[Iterable[Any]], str], parts: tuple) -> str:
            return guarded_concat(join, parts)

        def _parse(self, source, name, filename):  # type: ignore[override]
            tree = super()._parse(source, name, filename)
            ext = self.extensions[BudgetExtension.identifier]
            for loop in tree.find_all(nodes.For):
                loop.iter = nodes.Call(
                    ext.attr("iterate", lineno=loop.lineno), [loop.iter], [], None, None, lineno=loop.lineno
                )
            return tree

        def call_binop(self, context, operator, left, right):  # type: ignore[override]
            check_binop(operator, left, right)
            return budget().charge(super().call_binop(context, operator, left, right))

        def call(__self, __context, __obj, *args, **kwargs):  # type: ignore[override]  # noqa: N805
            pre_call(__obj, args, kwargs)
            return budget().charge(super().call(__context, __obj, *args, **kwargs))

    MemoEnvironment.extension_class = BudgetExtension  # type: ignore[attr-defined]
    return MemoEnvironment
