"""The command line follows the conventions a user expects: on/off options as pairs,
`--version`, whole help texts, and progress on stderr that suits where stderr goes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from importlib.metadata import version

import click
import pytest
import typer
from typer.testing import CliRunner

from synth.cli import app
from synth.evaluate.harness import METHODS
from tests.conftest import FAKE_MAIN, ROOT

# The real command line in subprocesses and a pseudo-terminal:
# `pytest -m "not slow"` leaves them to the full run (CI).
pytestmark = pytest.mark.slow

runner = CliRunner()
ALEPPO = str(ROOT / "fixtures" / "aleppo")


def fake_synth(*args: str, cwd=ROOT, **options) -> subprocess.CompletedProcess[str]:
    """The real command line in a fresh process, with the fake embedder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", FAKE_MAIN, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        **options,
    )


def commands() -> dict[str, click.Command]:
    group = typer.main.get_command(app)
    return {name: group.get_command(None, name) for name in group.list_commands(None)}


def test_every_on_off_option_is_a_pair():
    for name, command in commands().items():
        for param in command.params:
            if isinstance(param, click.Option) and param.is_flag and param.name != "help":
                assert param.secondary_opts, f"synth {name} {param.opts[0]}"
                assert param.secondary_opts[0] == "--no-" + param.opts[0].removeprefix("--")


def test_version_comes_from_the_package_metadata():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"synth {version('synth')}\n"


@pytest.mark.parametrize(
    "args",
    [
        ["brief", "--appendix", "false", ALEPPO],
        ["brief", ALEPPO, "--no-appendix", "TRUE"],
        ["digest", "--no-cache", "false", ALEPPO, "-o", "never-written"],
    ],
)
def test_a_value_after_an_on_off_option_is_refused_in_one_line(tmp_path, args):
    result = fake_synth(*args, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    given = next(a for a in args if a.startswith("--"))
    flag = given.removeprefix("--no-").removeprefix("--")
    assert line.startswith("synth: error: ") and f"--{flag} or --no-{flag}" in line
    assert list(tmp_path.iterdir()) == []


def test_a_file_named_false_is_an_input(tmp_path):
    (tmp_path / "false").write_text(
        "The bridge reopened on Monday after repairs, the city said.\n"
        "Engineers replaced two girders and the deck over three months.\n"
    )
    result = fake_synth("brief", "false", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "`false`" in result.stdout


def test_no_appendix_turns_the_appendix_off(fake_embedder):
    args = ["brief", ALEPPO, "-q"]
    off = runner.invoke(
        app, [*args, "--appendix", "--no-appendix"], obj={"embedder": fake_embedder}
    )
    on = runner.invoke(app, [*args, "--no-appendix", "--appendix"], obj={"embedder": fake_embedder})
    assert off.exit_code == on.exit_code == 0
    assert "## Coverage" not in off.stdout and "## Coverage" in on.stdout


def test_help_texts_are_whole_at_80_columns():
    """No help text is cut short: the default method list of `eval`, the commands' one-line
    summaries, and every option of every command."""
    result = runner.invoke(app, ["eval", "--help"], env={"COLUMNS": "80"}, terminal_width=80)
    assert result.exit_code == 0
    flat = " ".join(result.output.split())
    assert "default: all of " + ", ".join(METHODS) + ")" in flat
    summaries = runner.invoke(app, ["--help"], terminal_width=80).output.split("Commands:")[1]
    assert all(line.rstrip().endswith(".") for line in summaries.strip().splitlines())
    for name, command in commands().items():
        help_text = runner.invoke(app, [name, "--help"], terminal_width=80).output
        assert "…" not in help_text, name
        for param in command.params:
            for option in [*param.opts, *param.secondary_opts]:
                assert option in help_text, (name, option)


def test_progress_is_one_line_per_stage_off_a_terminal(tmp_path):
    result = fake_synth("brief", ALEPPO, "-o", str(tmp_path / "b.md"))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "synth: segment ..." and lines[-1] == f"synth: wrote {tmp_path / 'b.md'}"
    assert "synth: merge ..." in lines and all(line.startswith("synth: ") for line in lines)
    assert "\x1b" not in result.stderr
    quiet = fake_synth("brief", ALEPPO, "-o", str(tmp_path / "q.md"), "-q")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_progress_is_a_live_display_in_a_terminal(tmp_path):
    """stderr on a pseudo-terminal: the stage lines, and a live display drawn with escape
    sequences between them; with -q, nothing."""
    for quiet, expect_display in ((False, True), (True, False)):
        controller, terminal = pty.openpty()
        args = ["brief", ALEPPO, "-o", str(tmp_path / "b.md"), *(["-q"] if quiet else [])]
        process = subprocess.Popen(
            [sys.executable, "-c", FAKE_MAIN, *args],
            stdout=subprocess.DEVNULL,
            stderr=terminal,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm", "COLUMNS": "100"},
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        assert process.wait(timeout=120) == 0
        os.close(controller)
        text = shown.decode("utf-8", "replace")
        assert ("\x1b[" in text) is expect_display, text[:300]
        assert ("synth: segment ..." in text) is not quiet
