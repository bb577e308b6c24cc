"""The `briefgen` command: a thin layer over the public API.

argparse rather than typer/click: `briefgen --help` must start in a few tens of
milliseconds, and every import here is deferred to the command that needs it (see
docs/ARCHITECTURE.md). Errors that briefgen expects (`BriefgenError`) are one line on
stderr and exit status 1; usage errors exit 2; tracebacks only with `--debug`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__

EXIT_OK, EXIT_FAIL, EXIT_INTERRUPTED = 0, 1, 130


def _date(value: str):
    """An ISO date; datetime is imported here, not at start-up, to keep `--help` fast."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _path(value: str):
    """A path; pathlib is imported on use, not at start-up (it costs a few ms of `--help`)."""
    from pathlib import Path

    if not value:
        raise argparse.ArgumentTypeError("an empty path")
    return Path(value)


def _input(value: str) -> str:
    """An INPUT: an empty one (`briefgen build "$UNSET"`) is a mistake, never "this folder"."""
    if not value:
        raise argparse.ArgumentTypeError("an empty path (use . for the current folder)")
    return value


def _text(value: str) -> str:
    """An option holding text for the memo: it must be valid UTF-8.

    Python hands over bytes that are not UTF-8 (a Latin-1 terminal) as lone surrogates, which
    no DOCX or PDF can hold; refusing them here names the option instead of failing later.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        shown = value.encode("utf-8", "surrogateescape").decode("latin-1")
        raise argparse.ArgumentTypeError(f"not UTF-8 text: {ascii(shown)} (is the terminal set to UTF-8?)") from None
    return value


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter with the width taken from `os`, sparing `--help` the import of
    shutil (and with it bz2, lzma, fnmatch: about 3 ms of a 30 ms start)."""

    def __init__(self, prog: str) -> None:
        import os

        try:
            columns = int(os.environ.get("COLUMNS", "")) or os.get_terminal_size(sys.stdout.fileno()).columns
        except (ValueError, OSError, AttributeError):
            columns = 80
        super().__init__(prog, width=max(40, min(columns, 120)) - 2)


def _memo_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("memo header and look (override briefgen.toml)")
    g.add_argument("--to", help="the TO line", type=_text)
    g.add_argument("--from", dest="from_", metavar="FROM", help="the FROM line", type=_text)
    g.add_argument("--organisation", help="organisation shown in the letterhead", type=_text)
    g.add_argument("--classification", metavar="TEXT", help="classification or handling marking", type=_text)
    g.add_argument(
        "--own-side", metavar="SIDE", help="the principal's side, e.g. 'United States' (talking points)", type=_text
    )
    g.add_argument("--template", help="template name (see `briefgen templates`)", type=_text)
    g.add_argument("--template-dir", type=_path, help="folder with extra or overriding templates")
    g.add_argument("--reference-docx", type=_path, help="letterhead DOCX whose styles, header and footer are used")
    g.add_argument("--theme", type=_path, help="theme file (YAML): fonts, sizes, colours, margins, logo")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        formatter_class=_Formatter,
        prog="briefgen",
        description="Turn a published account of a diplomatic meeting into a briefing memo (DOCX and PDF).",
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    b = sub.add_parser(
        "build",
        formatter_class=_Formatter,
        help="build memos (DOCX, PDF and the model YAML) for sources or model files",
    )
    b.add_argument(
        "inputs", nargs="*", type=_input, metavar="INPUT", help="files or folders (default: seeds/); - for stdin"
    )
    b.add_argument("-o", "--output", type=_path, default="output", help="output folder (default: output/)")
    b.add_argument("-j", "--jobs", type=_jobs, default=None, help="worker processes (default: number of CPUs)")
    b.add_argument("--force", action="store_true", help="rebuild even what is up to date")
    b.add_argument("--published", type=_date, help="publication date for resolving relative dates")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar; failures and the summary only")
    b.add_argument("-v", "--verbose", action="store_true", help="also list every input built or up to date")
    b.add_argument(
        "--merge",
        action="store_true",
        help="the files given are accounts of one meeting: build one memo (each folder given is one meeting)",
    )
    _memo_options(b)

    e = sub.add_parser("extract", formatter_class=_Formatter, help="extract the meeting model from one source")
    e.add_argument(
        "inputs", nargs="+", type=_input, metavar="INPUT", help="a source file, or - for stdin (several with --merge)"
    )
    e.add_argument("-o", "--output", type=_path, help="write the model here instead of printing it")
    e.add_argument("--format", choices=("yaml", "json"), default=None, help="default: from -o, else yaml")
    e.add_argument("--published", type=_date, help="publication date for resolving relative dates")
    e.add_argument("--merge", action="store_true", help="the inputs (files or a folder) are accounts of one meeting")

    v = sub.add_parser("validate", formatter_class=_Formatter, help="check a model file against the schema")
    v.add_argument("file", type=_path, metavar="FILE")

    d = sub.add_parser(
        "dossier",
        formatter_class=_Formatter,
        help="a relationship dossier (timeline, commitment tracker) from many meetings between two parties",
    )
    d.add_argument(
        "inputs", nargs="+", type=_input, metavar="INPUT", help="model files, sources or folders; one meeting each"
    )
    d.add_argument("--parties", nargs="+", metavar="PARTY", help="the parties (default: those most inputs share)")
    d.add_argument("--as-of", type=_date, help="date for due/overdue (default: the latest meeting's date)")
    d.add_argument("-o", "--output", type=_path, default="output", help="output folder (default: output/)")
    d.add_argument("--published", type=_date, help="publication date for resolving relative dates in sources")
    _memo_options(d)

    sub.add_parser("schema", formatter_class=_Formatter, help="print the JSON Schema of the model file")

    t = sub.add_parser("templates", formatter_class=_Formatter, help="list the memo templates")
    t.add_argument("--template-dir", type=_path, help="folder with extra or overriding templates")

    r = sub.add_parser("review", formatter_class=_Formatter, help="check and correct a model in a browser page")
    r.add_argument("input", metavar="INPUT", help="a source (extracted once into DIR/<stem>.yaml) or a model file")
    r.add_argument("-o", "--output", type=_path, default="output", help="model and memo folder (default: output/)")
    r.add_argument("--port", type=_port, default=0, help="port on 127.0.0.1 (default: any free port)")
    r.add_argument("--no-browser", action="store_true", help="print the address without opening a browser")
    r.add_argument("--published", type=_date, help="publication date for resolving relative dates")
    _memo_options(r)
    return parser


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"not a port number (0-65535): {value!r}")
    return int(value)


def _settings(args: argparse.Namespace):
    from .config import resolve_settings

    return resolve_settings(
        to=args.to,
        from_=args.from_,
        organisation=args.organisation,
        classification=args.classification,
        own_side=args.own_side,
        template=args.template,
        template_dir=args.template_dir,
        reference_docx=args.reference_docx,
        theme=args.theme,
    )


def _sigterm_as_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def cmd_build(args: argparse.Namespace) -> int:
    from .build import BuildInterrupted, build
    from .progress import Reporter
    from .render import check_settings

    settings = _settings(args)
    check_settings(settings)  # once, before any input is read: one error naming the file
    try:
        with Reporter(quiet=args.quiet, verbose=args.verbose) as reporter:
            report = build(
                args.inputs,
                args.output,
                settings,
                jobs=args.jobs,
                force=args.force,
                published=args.published,
                debug=args.debug,
                on_progress=reporter.advance,
                on_plan=reporter.plan,
                merge=args.merge,
            )
    except BuildInterrupted as stop:
        reporter.finish(stop.report)
        return EXIT_INTERRUPTED
    reporter.finish(report)
    return EXIT_OK if report.ok else EXIT_FAIL


def _extract_merged(inputs: list[str], published):
    """The merged model of several accounts (files, or folders of them) of one meeting."""
    from .build import discover, meeting_for
    from .errors import BriefgenError
    from .merge import merge_meetings

    jobs, _notes, failures = discover(inputs)
    if failures:
        raise BriefgenError("", failures[0].message)
    meetings = [meeting_for(job, published) for job in jobs]
    return merge_meetings(meetings, labels=[job.path for job in jobs])


def cmd_extract(args: argparse.Namespace) -> int:
    from .fsio import write_output
    from .modelfile import dump_meeting

    fmt = args.format or ("json" if args.output and args.output.suffix.lower() == ".json" else "yaml")
    if args.merge:
        meeting = _extract_merged(args.inputs, args.published)
    elif len(args.inputs) > 1:
        from .errors import BriefgenError

        raise BriefgenError(", ".join(args.inputs), "several inputs: give one, or --merge for accounts of one meeting")
    else:
        from .extract import extract
        from .sources import read_source

        meeting = extract(read_source(args.inputs[0], published=args.published), published=args.published)
    data = dump_meeting(meeting, fmt).encode("utf-8")
    if args.output:
        write_output(args.output, data)  # a device or pipe is written through, never replaced
    else:
        _write_stdout(data)
    return EXIT_OK


def _write_stdout(data: bytes) -> None:
    """A model file is UTF-8 whatever the terminal's encoding: it is a file, not a message."""
    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        stream.write(data)
        stream.flush()


def cmd_validate(args: argparse.Namespace) -> int:
    from .modelfile import load_meeting

    meeting = load_meeting(args.file)
    extra = ""
    if len(meeting.sources) > 1 or meeting.conflicts:
        extra = f", {len(meeting.sources)} sources, {len(meeting.conflicts)} conflicts"
    print(
        f"{args.file}: valid ({len(meeting.participants)} participants, {len(meeting.topics)} topics, "
        f"{len(meeting.commitments)} commitments, {len(meeting.quotes)} quotes{extra})"
    )
    return EXIT_OK


def cmd_dossier(args: argparse.Namespace) -> int:
    from .dossier import make_dossier

    settings = _settings(args).model_copy(update={"template": args.template or "dossier"})
    from .render import check_settings

    check_settings(settings, kind="dossier")
    written = make_dossier(
        args.inputs, args.output, settings, parties=args.parties, as_of=args.as_of, published=args.published
    )
    for path in written:
        print(path)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from .model import Meeting

    print(json.dumps(Meeting.model_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_templates(args: argparse.Namespace) -> int:
    from .config import resolve_settings
    from .errors import one_line
    from .render import list_templates

    settings = resolve_settings(template_dir=args.template_dir)
    for name, description in list_templates(settings) + list_templates(settings, kind="dossier"):
        print(f"{one_line(name, 60):16} {one_line(description, 200)}")  # no escape codes reach the terminal
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from .review import EXTRA_HINT, missing_extra

    if missing_extra():
        print(f"briefgen review: the review page needs the review extra: {EXTRA_HINT}", file=sys.stderr)
        return EXIT_FAIL
    from .review.serve import run_review

    return run_review(
        args.input,
        args.output,
        _settings(args),
        port=args.port,
        open_browser=not args.no_browser,
        published=args.published,
    )


COMMANDS = {
    "build": cmd_build,
    "extract": cmd_extract,
    "validate": cmd_validate,
    "dossier": cmd_dossier,
    "schema": cmd_schema,
    "templates": cmd_templates,
    "review": cmd_review,
}


def run(argv: Sequence[str] | None = None) -> int:
    """Parse and run; returns the exit status. Usage errors exit 2 through argparse."""
    args = make_parser().parse_args(argv)
    import signal

    # SIGTERM unwinds like Ctrl-C, so temporary files are removed and finished work recorded.
    try:
        previous = signal.signal(signal.SIGTERM, _sigterm_as_interrupt)
    except ValueError:  # not the main thread (run() called from a library user's thread)
        return _run(args)
    try:
        return _run(args)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace) -> int:
    from .errors import BriefgenError, one_line

    try:
        return COMMANDS[args.command](args)
    except BriefgenError as err:
        if args.debug:
            raise
        print(one_line(f"briefgen {args.command}: {err}"), file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("briefgen: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `briefgen schema | head`: the reader left, nothing is wrong
        sys.stderr.close()
        return EXIT_OK
    except (RecursionError, MemoryError) as err:
        if args.debug:
            raise
        problem = "input is nested too deeply" if isinstance(err, RecursionError) else "out of memory"
        print(one_line(f"briefgen {args.command}: {_subject(args)}: {problem}"), file=sys.stderr)
        return EXIT_FAIL
    except Exception as err:
        if args.debug:
            raise
        message = f"briefgen {args.command}: {_subject(args)}: internal error: {type(err).__name__}: {err}"
        print(one_line(message) + " (rerun with --debug)", file=sys.stderr)
        return EXIT_FAIL


def _subject(args: argparse.Namespace) -> str:
    """The input a command was working on, so that even an unexpected error names it."""
    for name in ("input", "file"):
        value = getattr(args, name, None)
        if value is not None:
            return str(value)
    return ", ".join(str(i) for i in getattr(args, "inputs", None) or []) or "(no input)"


def main() -> None:
    # Messages name files, and file names may not fit the terminal's encoding (or not be text
    # at all): escape what cannot be shown instead of failing with UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    sys.exit(run())
