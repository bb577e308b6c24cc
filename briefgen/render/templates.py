"""Find memo templates and run them in a sandbox that turns every value into inert Markdown.

A template is Jinja2 that writes Markdown. Two promises hold whatever the template or the
source text contains:

* Source text is never evaluated. Every ``{{ value }}`` passes through `finalize`, which
  backslash-escapes all ASCII punctuation and folds line breaks, so ``{{ 7*7 }}``, ``AT&T``,
  ``<b>``, ``*stars*`` or ``|`` in an article come out literally. Only values a template marks
  with the ``md`` filter (or the ready-made ``cite`` markers) pass through unescaped.
* A template cannot hang or escape. It runs in Jinja2's SandboxedEnvironment with
  StrictUndefined; every ``for`` loop draws from one iteration budget, string repetition and
  formatting are size-checked, and the output is capped. Each failure is a TemplateError that
  names the template and the line.
"""

from __future__ import annotations

import contextvars
import functools
import json
import re
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..config import MemoSettings
from ..errors import TemplateError

TEMPLATE_SUFFIX = ".md.j2"
#: Total loop iterations one render may take; a memo needs a few hundred.
MAX_ITERATIONS = 200_000
#: Largest Markdown a template may produce (characters).
MAX_OUTPUT_CHARS = 4_000_000
#: Largest string or list one expression may build (``'x' * n``, ``'%9999d' % n`` …).
MAX_VALUE_SIZE = 1_000_000

_DESCRIPTION = re.compile(r"\{#-?\s*description:\s*(.*?)\s*-?#\}", re.S)
_ASCII_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
#: Characters XML 1.0 forbids (python-docx raises on them) and lone surrogates.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class MdSafe(Markup):
    """A string that is already Markdown: `finalize` lets it through unescaped.

    It is a markupsafe.Markup so that Jinja's autoescape machinery treats macro output,
    ``md``/``yaml`` filter results and citation markers as finished text; in this environment
    "escaping" means Markdown escaping (see `finalize`), never HTML.
    """


def clean_text(value: str) -> str:
    """Drop characters no XML document may hold, so both writers see the same text."""
    return _XML_ILLEGAL.sub("", value)


def md_escape(value: object) -> str:
    """Render any value as literal Markdown inline text."""
    if value is None:
        return ""
    text = clean_text(_LINE_BREAKS.sub(" ", str(value))).replace("\t", " ")
    return _ASCII_PUNCT.sub(r"\\\1", text)


def yaml_scalar(value: object) -> MdSafe:
    """A value as a JSON scalar (valid YAML) for the front matter; lists stay lists."""
    if isinstance(value, (list, tuple)):
        return MdSafe(json.dumps([clean_text(str(v)) for v in value], ensure_ascii=False))
    if value is None:
        return MdSafe("null")
    return MdSafe(json.dumps(clean_text(_LINE_BREAKS.sub(" ", str(value))), ensure_ascii=False))


def finalize(value: object) -> Markup:
    """Jinja's last step for every ``{{ … }}``: finished Markdown passes, anything else is escaped."""
    if isinstance(value, Markup):
        return value
    return Markup(md_escape(value))


def md_join(values: Iterable[object], separator: str = "") -> Markup:
    """``join`` that escapes each item for Markdown (Jinja's would HTML-escape)."""
    return Markup(str(separator)).join(finalize(v) for v in values)


def md_raw(value: object) -> MdSafe:
    """Mark template-authored text as Markdown. Never apply it to source values."""
    return MdSafe("" if value is None else str(value))


# --------------------------------------------------------------------------- discovery


def builtin_template_dirs() -> list[Path]:
    """The shipped templates: inside the installed package first, then the source tree's."""
    import briefgen

    package_dir = Path(briefgen.__file__).resolve().parent
    dirs = [package_dir / "templates", package_dir.parent / "templates"]
    return [d for d in dirs if d.is_dir()]


def template_dirs(settings: MemoSettings) -> list[Path]:
    """Search path: the user's --template-dir first (it adds and overrides), then built-ins."""
    dirs: list[Path] = []
    if settings.template_dir is not None:
        if not settings.template_dir.is_dir():
            raise TemplateError(settings.template_dir, "the template folder does not exist")
        dirs.append(settings.template_dir)
    dirs.extend(builtin_template_dirs())
    return dirs


#: Templates whose names start with this render a dossier (`briefgen dossier`), not a memo.
DOSSIER_PREFIX = "dossier"


def find_templates(settings: MemoSettings, kind: str = "memo") -> dict[str, Path]:
    """Template name → file; a user's template shadows a built-in of the same name.

    `kind` is "memo" or "dossier": dossier templates (named dossier*) see a different context,
    so each command lists and accepts only its own.
    """
    found: dict[str, Path] = {}
    for folder in reversed(template_dirs(settings)):
        for path in sorted(folder.glob("*" + TEMPLATE_SUFFIX)):
            name = path.name[: -len(TEMPLATE_SUFFIX)]
            if name.startswith("_"):  # _partials are for include/import only
                continue
            if name.startswith(DOSSIER_PREFIX) == (kind == "dossier"):
                found[name] = path
    return found


def describe(path: Path) -> str:
    """The one-line description from the template's leading ``{# description: … #}`` comment."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    except OSError:
        return "(unreadable)"
    match = _DESCRIPTION.search(head)
    return " ".join(match.group(1).split()) if match else "(no description)"


def template_path(settings: MemoSettings, kind: str = "memo") -> Path:
    templates = find_templates(settings, kind)
    if settings.template not in templates:
        known = ", ".join(sorted(templates)) or "none"
        raise TemplateError(settings.template, f"unknown template (known: {known})")
    return templates[settings.template]


# --------------------------------------------------------------------------- sandbox


class _Budget:
    """Iteration count shared by every loop of one render."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.left = MAX_ITERATIONS

    def iterate(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.left -= 1
            if self.left < 0:
                raise _Runaway(f"more than {MAX_ITERATIONS} loop iterations")
            yield item


class _Runaway(Exception):
    """Raised inside a render that exceeded a limit; becomes a TemplateError."""


_BUDGET: contextvars.ContextVar[_Budget] = contextvars.ContextVar("briefgen_template_budget")


def _iterate(iterable: Iterable[Any]) -> Iterator[Any]:
    budget = _BUDGET.get(None)
    return iter(iterable) if budget is None else budget.iterate(iterable)


@functools.lru_cache(maxsize=8)
def _environment(search_path: tuple[str, ...]):
    """A sandboxed Jinja2 environment whose for-loops all draw from the current render's budget.

    Cached per search path: compiling the templates costs more than rendering them.
    """
    from jinja2 import FileSystemLoader, StrictUndefined, nodes
    from jinja2.ext import Extension
    from jinja2.sandbox import SandboxedEnvironment

    class BudgetExtension(Extension):
        identifier = "briefgen.budget"

        def __init__(self, environment) -> None:
            super().__init__(environment)

        def iterate(self, iterable: Iterable[Any]) -> Iterator[Any]:
            return _iterate(iterable)

    class MemoEnvironment(SandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**", "%", "+"])

        def _parse(self, source, name, filename):  # type: ignore[override]
            tree = super()._parse(source, name, filename)
            ext = self.extensions[BudgetExtension.identifier]
            for loop in tree.find_all(nodes.For):
                loop.iter = nodes.Call(
                    ext.attr("iterate", lineno=loop.lineno), [loop.iter], [], None, None, lineno=loop.lineno
                )
            return tree

        def call_binop(self, context, operator, left, right):  # type: ignore[override]
            if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
                raise _Runaway("exponent too large")
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_VALUE_SIZE:
                        raise _Runaway("repetition too large")
            if operator == "%" and isinstance(left, str) and re.search(r"%[-+ #0]*(\d{5,}|\*)", left):
                raise _Runaway("format width too large")
            result = super().call_binop(context, operator, left, right)
            if isinstance(result, (str, list, tuple)) and len(result) > MAX_VALUE_SIZE:
                raise _Runaway("value too large")
            return result

    env = MemoEnvironment(
        loader=FileSystemLoader(list(search_path)),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[BudgetExtension],
    )
    env.filters["yaml"] = yaml_scalar
    env.filters["md"] = md_raw
    env.filters["join"] = md_join
    env.filters["center"] = _bounded(env.filters["center"])
    env.filters["indent"] = _bounded(env.filters["indent"])
    return env


def _bounded(filter_func):
    """Wrap a width-taking filter so a huge width cannot allocate gigabytes."""

    def bounded(value, width=80, *args, **kwargs):
        if isinstance(width, int) and width > 10_000:
            raise _Runaway("width too large")
        return filter_func(value, width, *args, **kwargs)

    return bounded


def _template_line(err: BaseException, template_files: set[str]) -> tuple[str | None, int | None]:
    """The template file and line where a render error happened, from Jinja's rewritten traceback."""
    lineno = getattr(err, "lineno", None)
    name = getattr(err, "filename", None) or getattr(err, "name", None)
    if lineno is not None:
        return name, lineno
    frames = traceback.extract_tb(err.__traceback__)
    for frame in reversed(frames):
        if frame.filename in template_files or frame.filename.endswith(TEMPLATE_SUFFIX):
            return frame.filename, frame.lineno
    return None, None


def render_template(context: dict[str, Any], settings: MemoSettings, kind: str = "memo") -> str:
    """Run the chosen template on the context; every failure is a TemplateError."""
    from jinja2 import TemplateError as JinjaTemplateError
    from jinja2.exceptions import SecurityError, TemplateSyntaxError

    path = template_path(settings, kind)
    env = _environment(tuple(str(d) for d in template_dirs(settings)))
    where = settings.template
    token = _BUDGET.set(_Budget(settings.template))
    try:
        template = env.get_template(path.name)
        where = template.filename or where
        chunks: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise _Runaway(f"output larger than {MAX_OUTPUT_CHARS} characters")
            chunks.append(chunk)
        return "".join(chunks)
    except (TemplateSyntaxError, JinjaTemplateError, SecurityError, _Runaway, RecursionError) as err:
        filename, line = _template_line(err, {str(path)})
        location = Path(filename).name if filename else Path(where).name
        if line is not None:
            location += f", line {line}"
        if isinstance(err, RecursionError):
            problem = "recursion too deep"
        elif isinstance(err, SecurityError):
            problem = f"refused by the sandbox: {err}"
        else:
            problem = str(err) or type(err).__name__
        raise TemplateError(f"template {settings.template} ({location})", problem) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError, OverflowError) as err:
        filename, line = _template_line(err, {str(path)})
        location = Path(filename or where).name + (f", line {line}" if line is not None else "")
        raise TemplateError(f"template {settings.template} ({location})", f"{type(err).__name__}: {err}") from None
    except MemoryError:
        raise TemplateError(f"template {settings.template}", "ran out of memory") from None
    except OSError as err:
        raise TemplateError(f"template {settings.template}", f"cannot read: {err.strerror or err}") from None
    finally:
        _BUDGET.reset(token)
