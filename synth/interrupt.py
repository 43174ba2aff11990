"""Ctrl-C and SIGTERM for the command line, in a module that imports nothing, so that the entry
point can install the handlers before anything else loads.

SIGTERM is what `kill`, systemd and cron send to stop a run: it is handled as Ctrl-C is, so
temporary files are removed on the way out, and the run ends with 143 (128 + 15) and one line.
"""

import signal


class Interrupted(BaseException):
    """Ctrl-C, raised by synth's SIGINT handler past Typer (which would turn KeyboardInterrupt
    into exit 1) and caught by the command line, which exits with `exit_code`."""

    exit_code = 130
    message = "interrupted"


class Terminated(Interrupted):
    """SIGTERM: asked to stop, as by `kill`."""

    exit_code = 143
    message = "terminated"


def interrupt(signum: int, frame: object) -> None:
    """The SIGINT handler of the command line."""
    raise Interrupted


def terminate(signum: int, frame: object) -> None:
    """The SIGTERM handler of the command line."""
    raise Terminated


def install() -> None:
    """Handle Ctrl-C and SIGTERM by raising `Interrupted` and `Terminated`."""
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, terminate)
