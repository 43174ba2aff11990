"""The `synth` command line: a thin Typer shell over the library.

Commands only parse arguments and call library functions. Results go to stdout (or `-o`),
messages and progress to stderr; a bad input ends with one line and a documented exit code
(`EXIT_CODES`, the table in the README).
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from synth.core import InputError, SynthError
from synth.evaluate.harness import METHODS
from synth.interrupt import Interrupted, Terminated, install
from synth.pipeline import DEFAULT_MAX_WORDS
from synth.understand.embed import DEFAULT_MODEL
from synth.write.formats import OutputFormat

app = typer.Typer(
    add_completion=False,
    rich_markup_mode=None,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn several news articles about one event into one attributed briefing.",
)

MODEL_HELP = (
    "all-MiniLM-L6-v2 (bundled, run on ONNX Runtime) or a sentence-transformers model folder."
)
PARTIAL = 3
INTERNAL_ERROR = 70
INTERRUPTED = Interrupted.exit_code
TERMINATED = Terminated.exit_code
EXIT_CODES = {
    0: "success",
    1: "other errors: the output could not be written, a model could not be loaded, out of memory",
    2: "bad input or usage with nothing to brief",
    PARTIAL: "a briefing was written but some inputs could not be used",
    INTERNAL_ERROR: "an internal error, a bug in synth",
    INTERRUPTED: "interrupted (Ctrl-C)",
    TERMINATED: "terminated (SIGTERM, as `kill` sends)",
}


# On/off options are pairs (--appendix/--no-appendix) that take no value: no metavar in help.
FLAG = ""


def _named(value: str) -> str:
    """An option's value, refused when empty (an unset shell variable): '' would otherwise
    name the current folder."""
    if value == "":
        raise typer.BadParameter("is empty (an unset shell variable?); give a name")
    return value


def _folder(value: str) -> Path:
    return Path(_named(value))


# Options that `brief` and `digest` share, declared once.
CacheDir = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        parser=_folder,
        help="Folder of the embedding cache, the parser's kept answers and the model's ONNX "
        "export (default: SYNTH_CACHE_DIR, else the user cache folder).",
    ),
]
Cache = Annotated[
    bool,
    typer.Option(
        "--cache/--no-cache",
        metavar=FLAG,
        help="Read and write cached embeddings and parser answers (--no-cache: neither).",
    ),
]
MaxSize = Annotated[float, typer.Option("--max-size", help="Largest input to read, in MB.")]
Quiet = Annotated[
    bool,
    typer.Option(
        "--quiet/--no-quiet",
        "-q",
        metavar=FLAG,
        help="No progress on stderr (warnings and errors still).",
    ),
]
AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private/--no-allow-private",
        metavar=FLAG,
        help="Fetch URLs on loopback, private or link-local hosts.",
    ),
]
AsJson = Annotated[
    bool, typer.Option("--json/--no-json", metavar=FLAG, help="Print the table as JSON.")
]
# An input argument that is one of these words, and no file, was meant as an option's value.
BOOLEAN_WORDS = frozenset(["true", "false"])


def _say(message: str) -> None:
    """One line on stderr; characters that could break the line or the terminal (newlines and
    escape sequences in a file name) are shown as escapes."""
    shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in message)
    typer.echo(f"synth: {shown}", err=True)


def _once(say: Callable[[str], None]) -> Callable[[str], None]:
    """Notes through `say`, each said once: several stages may meet the same cause (one cache
    folder that cannot be used, for the vectors and for the parser's answers)."""
    said: set[str] = set()

    def note(message: str) -> None:
        if message not in said:
            said.add(message)
            say(f"note: {message}")

    return note


def _stages(ctx: typer.Context) -> dict[str, Any]:
    """Stage objects handed in by whoever runs `app` (tests pass `obj={"embedder": fake}`)."""
    return ctx.obj if isinstance(ctx.obj, dict) else {}


def _version(value: bool) -> None:
    """`--version`: the installed package's version, from its metadata."""
    if not value:
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("synth")
    except PackageNotFoundError:
        number = "unknown (not installed as a package)"
    typer.echo(f"synth {number}")
    raise typer.Exit()


@app.callback()
def root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            metavar=FLAG,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Turn several news articles about one event into one attributed briefing."""


def _refuse_boolean_words(ctx: typer.Context, paths: list[str]) -> None:
    """`--appendix false` gives `false` as an input path: an on/off option takes no value.
    Refused in one line (exit 2) when no such file exists, naming the option to write."""
    from click.core import ParameterSource

    for path in paths:
        if path.casefold() not in BOOLEAN_WORDS or os.path.lexists(path):
            continue
        given = [
            p
            for p in ctx.command.params
            if getattr(p, "is_bool_flag", False)
            and p.secondary_opts
            and ctx.get_parameter_source(p.name or "") == ParameterSource.COMMANDLINE
        ]
        flags = given[0] if given else next(p for p in ctx.command.params if p.secondary_opts)
        on, off = flags.opts[0], flags.secondary_opts[0]
        raise InputError(
            f"{path}: no such input; on/off options take no value: write {on} or {off}"
        )


@app.command(short_help="Write one attributed briefing of the articles in PATHS.")
def brief(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files (.txt .md .html .jsonl .json), folders, URLs, or -."),
    ],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.md,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", parser=_named, help="Write to this file (default: stdout)."),
    ] = None,
    max_words: Annotated[
        int,
        typer.Option(
            "--max-words", min=1, help="Words of the main body: lede, sections, differences."
        ),
    ] = DEFAULT_MAX_WORDS,
    appendix: Annotated[
        bool,
        typer.Option(
            "--appendix/--no-appendix",
            metavar=FLAG,
            help="Add quotes, figures and coverage to Markdown (HTML: collapsed; JSON: always).",
        ),
    ] = False,
    model: Annotated[str, typer.Option("--model", parser=_named, help=MODEL_HELP)] = DEFAULT_MODEL,
    cache_dir: CacheDir = None,
    cache: Cache = True,
    max_size: MaxSize = 20.0,
    quiet: Quiet = False,
    allow_private: AllowPrivate = False,
) -> None:
    """Write one attributed briefing of the articles in PATHS."""
    from synth.pipeline import brief as make_briefing
    from synth.progress import Reporter
    from synth.read.sources import input_files
    from synth.write.output import check_output_path, write_atomic
    from synth.write.render import render

    _refuse_boolean_words(ctx, paths)
    max_bytes = _max_bytes(max_size)
    inputs = input_files(paths)
    if output is not None:
        check_output_path(output, inputs)
    problems: list[str] = []
    with Reporter(quiet) as report:

        def warn(message: str) -> None:
            problems.append(message)
            report.line(f"warning: {message}")

        briefing = make_briefing(
            paths,
            max_words=max_words,
            model=model,
            embedder=_stages(ctx).get("embedder"),
            cache_dir=cache_dir,
            use_cache=cache,
            progress=None if quiet else report.brief_stage,
            warn=warn,
            note=_once(report.line),
            max_bytes=max_bytes,
            allow_private=allow_private,
        )
    text = render(briefing, fmt.value, appendix=appendix)
    if briefing.omitted_points and not quiet:
        count = briefing.omitted_points
        more = f"{count} more point{'s' if count != 1 else ''}"
        _say(f"note: {more} left out for length; raise --max-words to include them")
    if output is None:
        _write_stdout(text)
    else:
        write_atomic(output, text, inputs)
        if not quiet:
            _say(f"wrote {output}")
    if problems:
        raise typer.Exit(PARTIAL)


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command(
    "digest", short_help="Group a feed into stories: one briefing per story, and an index."
)
def digest_command(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="A feed: article files, folders, JSON Lines, URLs, or -."),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            parser=_folder,
            help="Folder for the index and briefings (new, empty, or ours).",
        ),
    ],
    engine: Annotated[
        Engine, typer.Option("--engine", help="Run in this process, or on Ray.")
    ] = Engine.local,
    address: Annotated[
        str | None,
        typer.Option("--address", help="Ray cluster to join (default: start a local one)."),
    ] = None,
    min_articles: Annotated[
        int, typer.Option("--min-articles", min=1, help="Fewest articles that make a story.")
    ] = 2,
    max_words: Annotated[
        int, typer.Option("--max-words", min=1, help="Words of each briefing's main body.")
    ] = DEFAULT_MAX_WORDS,
    model: Annotated[
        str,
        typer.Option("--model", parser=_named, help="sentence-transformers model name or folder."),
    ] = DEFAULT_MODEL,
    since: Annotated[
        Path | None,
        typer.Option(
            "--since",
            help="Folder of an earlier digest: mark new and updated stories, and say on each "
            "updated story's page what is new (default: the run that wrote --output before).",
        ),
    ] = None,
    cache_dir: CacheDir = None,
    cache: Cache = True,
    max_size: MaxSize = 20.0,
    quiet: Quiet = False,
    allow_private: AllowPrivate = False,
) -> None:
    """Group a feed into stories; write one briefing per story and an index into a folder."""
    from synth.digest import digest
    from synth.engines import make_engine
    from synth.progress import Reporter

    _refuse_boolean_words(ctx, paths)
    problems: list[str] = []
    max_bytes = _max_bytes(max_size)
    runner = make_engine(engine.value, address)
    with Reporter(quiet) as report:

        def warn(message: str) -> None:
            problems.append(message)
            report.line(f"warning: {message}")

        try:
            run = digest(
                paths,
                output,
                since=since,
                engine=runner,
                max_words=max_words,
                model=model,
                embedder=_stages(ctx).get("embedder"),
                cache_dir=cache_dir,
                use_cache=cache,
                min_articles=min_articles,
                max_bytes=max_bytes,
                warn=warn,
                note=None if quiet else _once(report.line),
                say=None if quiet else report.stage,
                on_done=report.counter(),
                allow_private=allow_private,
            )
        finally:
            runner.close()
    if not quiet:
        _say(digest_summary(run, output))
    if problems:
        raise typer.Exit(PARTIAL)


def digest_summary(run: Any, output: Path) -> str:
    """The one line a digest ends with: what was written where, and what is new."""
    stories = len(run.stories)
    line = f"wrote {stories} briefing{'s' if stories != 1 else ''} and the index to {output}"
    since = run.run.get("since")
    if since:
        marks = [f.get("status") for f in run.follows.values()]
        line += f" (since {since}: {marks.count('new')} new, {marks.count('updated')} updated)"
    return line


def _max_bytes(max_size: float) -> int:
    """`--max-size` in bytes; infinite, not a number or below one byte is a usage error."""
    max_bytes = max_size * 1024 * 1024
    if not (math.isfinite(max_bytes) and max_bytes >= 1):
        raise InputError("--max-size must be a finite number of megabytes, at least 0.000001")
    return int(max_bytes)


def _write_stdout(text: str) -> None:
    """Write the result to stdout; a closed or full stdout is one clear error, not a
    traceback at exit."""
    from synth.write.output import OutputError, reader_left_unread

    if sys.stdout is None:
        raise OutputError("standard output is closed; give -o FILE")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as error:
        _silence_stdout()
        raise OutputError(f"cannot write to standard output ({error.strerror or error})") from None
    handle = _stdout_handle()
    if handle is not None and reader_left_unread(handle):
        _silence_stdout()
        raise OutputError("cannot write to standard output (Broken pipe: its reader left)")


def _stdout_handle() -> int | None:
    try:
        return sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):
        return None


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


@app.command("sources", short_help="Show what synth reads from each source.")
def sources_command(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders, URLs, or -.")],
    as_json: AsJson = False,
    allow_private: AllowPrivate = False,
) -> None:
    """Show what synth reads from each source: words, sentences, dropped lines, status."""
    import json

    from synth.read.inventory import format_inventory, inventory

    def warn(message: str) -> None:
        _say(f"warning: {message}")

    rows = inventory(paths, warn=warn, allow_private=allow_private)
    if as_json:
        _write_stdout(json.dumps([r.to_dict() for r in rows], indent=2) + "\n")
    else:
        _write_stdout(format_inventory(rows))


@app.command("eval", short_help="Score synth and classic summarizers with ROUGE.")
def evaluate_command(
    ctx: typer.Context,
    dataset: Annotated[Path, typer.Argument(help="Folder of <cluster>/docs/*.txt, refs/*.txt.")],
    max_words: Annotated[
        str,
        typer.Option(
            "--max-words", help="Summary and reference length in words; 100,250 for both."
        ),
    ] = "100",
    methods: Annotated[
        str,
        typer.Option(
            "--methods",
            help="Comma-separated methods to compare (default: all of " + ", ".join(METHODS) + ").",
            show_default=False,
        ),
    ] = ",".join(METHODS),
    out: Annotated[
        Path | None, typer.Option("--out", help="Write each summary to OUT/<method>/<cluster>.txt.")
    ] = None,
    as_json: AsJson = False,
    model: Annotated[str, typer.Option("--model", parser=_named, help=MODEL_HELP)] = DEFAULT_MODEL,
) -> None:
    """Score synth and the classic summarizers with ROUGE against human references."""
    from synth.evaluate.harness import (
        evaluate,
        format_json,
        format_table,
        parse_budgets,
        parse_methods,
    )
    from synth.pipeline import default_embedder

    chosen = parse_methods(methods)
    budgets = parse_budgets(max_words)
    with typer.progressbar(length=1, label="clusters", file=sys.stderr) as bar:

        def advance(done: int, total: int, name: str) -> None:
            bar.length = total
            bar.update(1)

        results = evaluate(
            dataset,
            chosen,
            budgets,
            out,
            embedder=_stages(ctx).get("embedder") or default_embedder(model, note=_once(_say)),
            progress=advance,
        )
    sys.stdout.write(format_json(results) if as_json else format_table(results))


def main(obj: dict[str, Any] | None = None) -> None:
    """Run the app, turning errors into one line and an exit code from `EXIT_CODES`.

    `obj` hands stage objects to the commands (`{"embedder": ...}`), for tests and embedders.
    """
    install()
    try:
        code = _run_app(obj)
    except SynthError as error:
        _say(f"error: {error}")
        sys.exit(error.exit_code)
    except (Interrupted, KeyboardInterrupt) as stop:
        ended = stop if isinstance(stop, Interrupted) else Interrupted()
        _say(ended.message)
        sys.exit(ended.exit_code)
    except MemoryError:
        _say("error: out of memory; try fewer or smaller inputs (--max-size)")
        sys.exit(1)
    except Exception as error:
        if os.environ.get("SYNTH_DEBUG"):
            raise
        _say(f"internal error: {error.__class__.__name__}: {error} (SYNTH_DEBUG=1 shows more)")
        sys.exit(INTERNAL_ERROR)
    sys.exit(code)


def _run_app(obj: dict[str, Any] | None) -> int:
    """The app's exit code. Usage errors are one line on stderr, exit 2 (Typer would draw a
    panel of six lines); `synth` alone prints the help, as Typer does."""
    try:
        code = app(obj=obj, standalone_mode=False)
    except typer.Abort:
        raise Interrupted from None
    except Exception as error:
        # Typer's (or Click's) own errors: they carry their message and exit code.
        if not (
            hasattr(error, "format_message") and isinstance(getattr(error, "exit_code", None), int)
        ):
            raise
        context = getattr(error, "ctx", None)
        if type(error).__name__ == "NoArgsIsHelpError" and context is not None:
            typer.echo(context.get_help())
            return 2
        where = f"; {context.command_path} --help shows the options" if context else ""
        message = error.format_message().rstrip(".")
        exit_code = int(getattr(error, "exit_code", 2))
        _say(f"error: {message}{where if exit_code == 2 else ''}")
        return exit_code
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    main()
