"""The `synth` command's entry point: Ctrl-C is handled from the first instruction on.

The command line module imports Typer and the library, which takes a moment; a Ctrl-C in that
moment used to print a traceback. This module imports only the standard library and
`synth.interrupt` (nothing more), installs the handler, and only then imports the rest.
"""

from __future__ import annotations

import sys

from synth.interrupt import Interrupted, install

TYPE_CHECKING = False  # typing is not imported before the handlers are (see synth/__init__.py)
if TYPE_CHECKING:
    from typing import Any


def main(obj: dict[str, Any] | None = None) -> None:
    """Install the Ctrl-C and SIGTERM handlers, then load and run the command line (`obj`:
    stage objects for the commands, as `synth.cli.main` takes them)."""
    install()
    try:
        from synth.cli import main as run
    except (Interrupted, KeyboardInterrupt) as stop:
        ended = stop if isinstance(stop, Interrupted) else Interrupted()
        sys.stderr.write(f"synth: {ended.message}\n")
        sys.exit(ended.exit_code)
    run(obj)
