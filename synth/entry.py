"""The `synth` command's entry point: Ctrl-C is handled from the first instruction on.

The command line module imports Typer and the library, which takes a moment; a Ctrl-C in that
moment used to print a traceback. This module imports only the standard library and
`synth.interrupt` (nothing more), installs the handler, and only then imports the rest.
"""

from __future__ import annotations

import signal
import sys

from synth.interrupt import Interrupted, interrupt


def main() -> None:
    """Install the Ctrl-C handler, then load and run the command line."""
    signal.signal(signal.SIGINT, interrupt)
    try:
        from synth.cli import main as run
    except (Interrupted, KeyboardInterrupt):
        sys.stderr.write("synth: interrupted\n")
        sys.exit(Interrupted.exit_code)
    run()
