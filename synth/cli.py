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

app = typer.Typer(
    add_completion=False,
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
NoCache = Annotated[
    bool,
    typer.Option("--no-cache", help="Neither read nor write cached embeddings or parser answers."),
]
MaxSize = Annotated[float, typer.Option("--max-size", help="Largest input to read, in MB.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")]
AllowPrivate = Annotated[
    bool,
    typer.Option("--allow-private", help="Fetch URLs on loopback, private or link-local hosts."),
]


class Format(str, Enum):
    md = "md"
    html = "html"
    json = "json"


def _say(message: str) -> None:
    """One line on stderr; characters that could break the line or the terminal (newlines and
    escape sequences in a file name) are shown as escapes."""
    shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in message)
    typer.echo(f"synth: {shown}", err=True)


def _noter() -> Callable[[str], None]:
    """Notes on stderr, each said once: several stages may meet the same cause (one cache
    folder that cannot be used, for the vectors and for the parser's answers)."""
    said: set[str] = set()

    def note(message: str) -> None:
        if message not in said:
            said.add(message)
            _say(f"note: {message}")

    return note


def _progress(quiet: bool) -> Callable[[str], None] | None:
    if quiet or not sys.stderr.isatty():
        return None
    return lambda stage: _say(f"{stage} ...")


def _stages(ctx: typer.Context) -> dict[str, Any]:
    """Stage objects handed in by whoever runs `app` (tests pass `obj={"embedder": fake}`)."""
    return ctx.obj if isinstance(ctx.obj, dict) else {}


@app.callback()
def root() -> None:
    """Turn several news articles about one event into one attributed briefing."""


@app.command()
def brief(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files (.txt .md .html .jsonl .json), folders, URLs, or -."),
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.md,
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
            "--appendix",
            help="Add quotes, figures and coverage to Markdown (HTML: collapsed; JSON: always).",
        ),
    ] = False,
    model: Annotated[str, typer.Option("--model", parser=_named, help=MODEL_HELP)] = DEFAULT_MODEL,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    max_size: MaxSize = 20.0,
    quiet: Quiet = False,
    allow_private: AllowPrivate = False,
) -> None:
    """Write one attributed briefing of the articles in PATHS."""
    from synth.pipeline import brief as make_briefing
    from synth.read.sources import input_files
    from synth.write.output import check_output_path, write_atomic
    from synth.write.render import render

    max_bytes = _max_bytes(max_size)
    inputs = input_files(paths)
    if output is not None:
        check_output_path(output, inputs)
    problems: list[str] = []

    def warn(message: str) -> None:
        problems.append(message)
        _say(f"warning: {message}")

    briefing = make_briefing(
        paths,
        max_words=max_words,
        model=model,
        embedder=_stages(ctx).get("embedder"),
        cache_dir=cache_dir,
        use_cache=not no_cache,
        progress=_progress(quiet),
        warn=warn,
        note=_noter(),
        max_bytes=max_bytes,
        allow_private=allow_private,
    )
    text = render(briefing, fmt.value, appendix=appendix)
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


@app.command("digest")
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
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    max_size: MaxSize = 20.0,
    quiet: Quiet = False,
    allow_private: AllowPrivate = False,
) -> None:
    """Group a feed into stories; write one briefing per story and an index into a folder."""
    from synth.digest import digest
    from synth.engines import make_engine

    problems: list[str] = []

    def warn(message: str) -> None:
        problems.append(message)
        _say(f"warning: {message}")

    max_bytes = _max_bytes(max_size)
    runner = make_engine(engine.value, address)
    try:
        digest(
            paths,
            output,
            engine=runner,
            max_words=max_words,
            model=model,
            embedder=_stages(ctx).get("embedder"),
            cache_dir=cache_dir,
            use_cache=not no_cache,
            min_articles=min_articles,
            max_bytes=max_bytes,
            warn=warn,
            note=None if quiet else _noter(),
            say=None if quiet else _say,
            allow_private=allow_private,
        )
    finally:
        runner.close()
    if not quiet:
        _say(f"wrote {output / 'index.md'}")
    if problems:
        raise typer.Exit(PARTIAL)


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
    if _stdout_handle() is not None and reader_left_unread(_stdout_handle()):
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


@app.command("sources")
def sources_command(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders, URLs, or -.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the table as JSON.")] = False,
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


@app.command("eval")
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
        str, typer.Option("--methods", help="Comma-separated methods to compare.")
    ] = ",".join(METHODS),
    out: Annotated[
        Path | None, typer.Option("--out", help="Write each summary to OUT/<method>/<cluster>.txt.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the table as JSON.")] = False,
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
            embedder=_stages(ctx).get("embedder") or default_embedder(model, note=_noter()),
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
        _say(f"error: {message}{where if error.exit_code == 2 else ''}")
        return int(error.exit_code)
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    main()
