"""Ctrl-C for the command line, in a module that imports nothing, so that the entry point can
install the handler before anything else loads."""


class Interrupted(BaseException):
    """Ctrl-C, raised by synth's SIGINT handler past Typer (which would turn KeyboardInterrupt
    into exit 1) and caught by the command line, which exits with `exit_code`."""

    exit_code = 130


def interrupt(signum: int, frame: object) -> None:
    """The SIGINT handler of the command line."""
    raise Interrupted
