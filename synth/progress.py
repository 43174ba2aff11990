"""What the command line says on stderr while it works.

Three ways, chosen once per run: nothing with `-q`; one line per stage when stderr is not a
terminal (a log, a pipe, CI), so that a log reads as a list of what happened; and, in a
terminal, the same lines with a live display under them (Rich, which Typer brings): a spinner
with the stage at hand and its elapsed time, and a bar where the work is counted (a digest's
briefings). Rich is imported only for a terminal. Results never go here: they go to stdout
or to files.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TextIO


def printable(message: str) -> str:
    """The message on one line: characters that could break the line or the terminal
    (newlines and escape sequences in a file name) are shown as escapes."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in message)


class Reporter:
    """Progress and messages on stderr, as the run's mode says (see the module)."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.live: Any = None
        self.task: Any = None
        if not quiet and _is_terminal(self.stream):
            self._start_live()

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def line(self, message: str) -> None:
        """A message that is not progress (a warning, a note, the last line): shown even
        with -q, above the live display if there is one."""
        text = f"synth: {printable(message)}"
        if self.live is not None:
            self.live.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

    def stage(self, message: str) -> None:
        """A stage begins (or a stage's result is known): one line, and the live display
        shows it with its elapsed time. Nothing with -q."""
        if self.quiet:
            return
        self.line(message)
        if self.live is not None:
            self.live.reset(self.task, description=printable(message), total=None)

    def brief_stage(self, name: str) -> None:
        """A stage of one briefing ("segment", "embed 812 sentences", ...)."""
        self.stage(f"{name} ...")

    def count(self, done: int, total: int) -> None:
        """`done` of `total` items of the stage at hand are finished: the live display's
        bar advances; no line (the stage's summary says how it went)."""
        if self.live is not None:
            self.live.update(self.task, completed=done, total=total)

    def counter(self) -> Callable[[int, int], None] | None:
        return self.count if self.live is not None else None

    def close(self) -> None:
        """Take the live display down (before the last line or an error is written)."""
        if self.live is not None:
            self.live.stop()
            self.live = None

    def _start_live(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            ProgressColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.text import Text

        class Counted(ProgressColumn):
            """'3/18' where the work is counted, nothing where it is not."""

            def render(self, task: Any) -> Text:
                if task.total is None:
                    return Text("")
                return Text(f"{int(task.completed)}/{int(task.total)}", style="progress.download")

        console = Console(file=self.stream, stderr=self.stream is sys.stderr)
        self.live = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            Counted(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            redirect_stdout=False,  # results on stdout are never drawn into the display
        )
        self.task = self.live.add_task("reading", total=None)
        self.live.start()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
