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

import functools
import json
import os
import re
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..config import MemoSettings
from ..errors import TemplateError, one_line
from ..fsio import is_regular_file, read_regular

TEMPLATE_SUFFIX = ".md.j2"
#: Largest Markdown a template may produce (characters).
MAX_OUTPUT_CHARS = 24_000_000
#: Largest template file.
MAX_TEMPLATE_BYTES = 1024 * 1024

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


_YAML_UNPRINTABLE = re.compile("[\x7f-\x9f]")


def _json(value: object) -> str:
    """JSON that is also YAML a YAML parser accepts: DEL and C1 controls escaped (YAML
    refuses them raw; JSON leaves them raw with ensure_ascii=False)."""
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def yaml_scalar(value: object) -> MdSafe:
    """A value as a JSON scalar (valid YAML) for the front matter; lists stay lists."""
    if isinstance(value, (list, tuple)):
        return MdSafe(_json([clean_text(str(v)) for v in value]))
    if value is None:
        return MdSafe("null")
    return MdSafe(_json(clean_text(_LINE_BREAKS.sub(" ", str(value)))))


def finalize(value: object) -> Markup:
    """Jinja's last step for every ``{{ … }}``: finished Markdown passes, anything else is
    measured (see sandbox.py) and escaped."""
    if isinstance(value, Markup):
        return value
    from .sandbox import finalize_size

    finalize_size(value)
    return Markup(md_escape(value))


def md_join(values: Iterable[object], separator: str = "") -> Markup:
    """``join`` that escapes each item for Markdown (Jinja's would HTML-escape)."""
    return Markup(str(separator)).join(finalize(v) for v in values)


def md_raw(value: object) -> MdSafe:
    """Mark template-authored text as Markdown. Never apply it to source values."""
    return MdSafe("" if value is None else str(value))


# --------------------------------------------------------------------------- discovery


def builtin_template_dir() -> Path:
    """The shipped templates, a folder inside the package (found the same way when installed)."""
    from importlib import resources

    return Path(str(resources.files("briefgen").joinpath("templates")))


def template_dirs(settings: MemoSettings) -> list[Path]:
    """Search path: the user's --template-dir first (it adds and overrides), then built-ins."""
    dirs: list[Path] = []
    if settings.template_dir is not None:
        if not settings.template_dir.is_dir():
            raise TemplateError(settings.template_dir, "the template folder does not exist")
        dirs.append(settings.template_dir)
    dirs.append(builtin_template_dir())
    return dirs


def _loadable(folder: Path, name: str) -> Path | None:
    """`folder/name` when it is a regular file inside `folder`, reached through no symbolic link.

    A template's ``{% include %}`` prints a file into a memo meant to be shared, so only the
    folder's own regular files may be loaded: not a link to ~/.ssh/id_rsa, not a FIFO.
    """
    parts = name.replace("\\", "/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    path = folder.joinpath(*parts)
    if not is_regular_file(path):
        return None
    if os.path.realpath(path) != os.path.join(os.path.realpath(folder), *parts):
        return None  # a folder on the way is a symbolic link
    return path


def template_files(settings: MemoSettings) -> list[tuple[str, Path]]:
    """(name, file) of every loadable template on the search path, user's folder first."""
    out: list[tuple[str, Path]] = []
    for folder in template_dirs(settings):
        try:
            names = sorted(os.listdir(folder))
        except OSError as err:
            raise TemplateError(folder, f"cannot list the template folder: {err.strerror or err}") from None
        for name in names:
            if name.endswith(TEMPLATE_SUFFIX) and (path := _loadable(folder, name)) is not None:
                out.append((name, path))
    return out


#: Templates whose names start with this render a dossier (`briefgen dossier`), not a memo.
DOSSIER_PREFIX = "dossier"


def find_templates(settings: MemoSettings, kind: str = "memo") -> dict[str, Path]:
    """Template name → file; a user's template shadows a built-in of the same name.

    `kind` is "memo" or "dossier": dossier templates (named dossier*) see a different context,
    so each command lists and accepts only its own.
    """
    found: dict[str, Path] = {}
    for name, path in reversed(template_files(settings)):
        stem = name[: -len(TEMPLATE_SUFFIX)]
        if stem.startswith("_"):  # _partials are for include/import only
            continue
        if stem.startswith(DOSSIER_PREFIX) == (kind == "dossier"):
            found[stem] = path
    return found


def describe(path: Path) -> str:
    """The one-line description from the template's leading ``{# description: … #}`` comment."""
    try:
        head = read_regular(path, MAX_TEMPLATE_BYTES, TemplateError, "template")[:4000]
    except TemplateError:
        return "(unreadable)"
    match = _DESCRIPTION.search(head.decode("utf-8", errors="replace"))
    return one_line(" ".join(match.group(1).split()), 200) if match else "(no description)"


def template_path(settings: MemoSettings, kind: str = "memo") -> Path:
    templates = find_templates(settings, kind)
    if settings.template not in templates:
        known = ", ".join(sorted(templates)) or "none"
        raise TemplateError(settings.template, f"unknown template (known: {known})")
    return templates[settings.template]


# --------------------------------------------------------------------------- sandbox


def _loader(search_path: tuple[str, ...]):
    """A Jinja2 loader over the search path that loads only `_loadable` files, bounded in size."""
    from jinja2 import BaseLoader, TemplateNotFound

    folders = [Path(p) for p in search_path]

    class MemoLoader(BaseLoader):
        def get_source(self, environment, template: str):  # type: ignore[no-untyped-def]
            for folder in folders:
                path = _loadable(folder, template)
                if path is None:
                    continue
                raw = read_regular(path, MAX_TEMPLATE_BYTES, TemplateError, "template")
                try:
                    source = raw.decode("utf-8")
                except UnicodeDecodeError:
                    raise TemplateError(path, "the template is not UTF-8 text") from None
                mtime = _mtime(path)
                return source, str(path), lambda p=path, m=mtime: _mtime(p) == m
            raise TemplateNotFound(template)

    return MemoLoader()


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


@functools.lru_cache(maxsize=8)
def _environment(search_path: tuple[str, ...]):
    """The sandboxed Jinja2 environment (see sandbox.py); cached per search path, because
    compiling the templates costs more than rendering them."""
    from jinja2 import StrictUndefined

    from .sandbox import environment_class, guard_filter

    environment = environment_class()
    env = environment(
        loader=_loader(search_path),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[environment.extension_class],
    )
    env.filters["yaml"] = yaml_scalar
    env.filters["md"] = md_raw
    env.filters["join"] = md_join
    env.filters = {name: guard_filter(name, func) for name, func in env.filters.items()}
    return env


def check_template(settings: MemoSettings, kind: str = "memo") -> None:
    """Compile the chosen template and every template it names, so a syntax error is one
    error naming the file and line before any input is read."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, meta

    path = template_path(settings, kind)
    env = _environment(tuple(str(d) for d in template_dirs(settings)))
    todo, seen = [path.name], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            env.get_template(name)  # compiled once here, and cached for the renders
            source, filename, _ = env.loader.get_source(env, name)
            tree = env.parse(source, name, filename)
        except TemplateSyntaxError as err:
            where = Path(err.filename or name).name + (f", line {err.lineno}" if err.lineno else "")
            raise TemplateError(f"template {settings.template} ({where})", err.message or "syntax error") from None
        except TemplateNotFound:
            raise TemplateError(
                f"template {settings.template}", f"includes {name!r}, which is not in the folder"
            ) from None
        todo.extend(n for n in meta.find_referenced_templates(tree) if isinstance(n, str))


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

    from .sandbox import Runaway, end_budget, start_budget

    path = template_path(settings, kind)
    env = _environment(tuple(str(d) for d in template_dirs(settings)))
    where = settings.template
    token = start_budget()
    try:
        template = env.get_template(path.name)
        where = template.filename or where
        chunks: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise Runaway(f"output larger than {MAX_OUTPUT_CHARS:,} characters")
            chunks.append(chunk)
        return "".join(chunks)
    except (TemplateSyntaxError, JinjaTemplateError, SecurityError, Runaway, RecursionError) as err:
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
        end_budget(token)
