"""The CLI as a user meets it: exit codes, one-line errors, stdout for results."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synth.cli import app
from tests.conftest import FAKE_MAIN, ROOT

runner = CliRunner()


def run_synth(*args: str, cwd: Path = ROOT, **options) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "synth.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        **options,
    )


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "brief" in result.output


def test_brief_help_documents_every_option():
    result = runner.invoke(app, ["brief", "--help"], env={"COLUMNS": "200"})
    for option in ("--format", "--output", "--max-words", "--appendix", "--model", "--quiet"):
        assert option in result.output


@pytest.mark.slow
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: str(d / "nope.txt"), "no such file or folder"),
        (lambda d: (d / "e.txt").write_text("") or str(d / "e.txt"), "file is empty"),
        (lambda d: (d / "f").mkdir() or str(d / "f"), "folder holds no articles"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(tmp_path, make, message):
    result = run_synth("brief", make(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr


@pytest.mark.slow
def test_output_over_an_input_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The bridge reopened on Monday after repairs, the city said.\n")
    before = article.read_bytes()
    result = run_synth("brief", str(article), "-o", str(article))
    assert result.returncode == 2 and "refusing to overwrite" in result.stderr
    assert article.read_bytes() == before


@pytest.mark.slow
def test_output_folder_must_exist(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The bridge reopened on Monday after repairs, the city said.\n")
    result = run_synth("brief", str(article), "-o", str(tmp_path / "no" / "out.md"))
    assert result.returncode == 2 and "does not exist" in result.stderr


@pytest.mark.slow
def test_usage_error_exits_2():
    result = run_synth("brief", "fixtures/aleppo", "-f", "pdf")
    assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.slow
def test_brief_writes_output_atomically(tmp_path, fake_embedder):
    target = tmp_path / "out.json"
    target.write_text("previous")
    result = runner.invoke(
        app,
        ["brief", str(ROOT / "fixtures/aleppo"), "-f", "json", "-o", str(target), "-q"],
        obj={"embedder": fake_embedder},
    )
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("{")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.slow
def test_appendix_flag_adds_quotes_figures_and_coverage_to_markdown(fake_embedder):
    args = ["brief", str(ROOT / "fixtures/aleppo"), "-q"]
    plain = runner.invoke(app, args, obj={"embedder": fake_embedder})
    full = runner.invoke(app, [*args, "--appendix"], obj={"embedder": fake_embedder})
    assert plain.exit_code == full.exit_code == 0
    assert "## Coverage" not in plain.stdout and "## Coverage" in full.stdout
    assert full.stdout.startswith(plain.stdout.split("## Sources")[0])


@pytest.mark.slow
def test_partial_input_gives_a_briefing_and_exit_3(tmp_path, fake_embedder):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "scan.pdf.txt").write_bytes(b"%PDF-1.4 binary")
    args = ["brief", str(ROOT / "fixtures/aleppo"), str(tmp_path / "empty.txt")]
    result = runner.invoke(
        app, [*args, str(tmp_path / "scan.pdf.txt"), "-q"], obj={"embedder": fake_embedder}
    )
    assert result.exit_code == 3
    assert result.stdout.startswith("# ")
    assert "file is empty" in result.stderr and "PDF" in result.stderr


def test_sources_command_lists_what_was_read_and_dropped():
    result = runner.invoke(app, ["sources", str(ROOT / "fixtures/aleppo")])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["id", "label", "date"]
    assert "repeated copy x14" in result.stdout


def test_standard_input_is_read(fake_embedder):
    text = (ROOT / "fixtures/aleppo/001_ae19ff087074ec84.txt").read_text()
    result = runner.invoke(
        app, ["brief", "-", "-f", "json", "-q"], input=text, obj={"embedder": fake_embedder}
    )
    assert result.exit_code == 0, result.output
    assert '"path": "-"' in result.stdout


def test_failed_write_leaves_the_previous_output_intact(tmp_path, monkeypatch):
    from synth.write.output import OutputError, write_atomic

    target = tmp_path / "briefing.md"
    target.write_text("previous briefing")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("synth.write.output.os.replace", fail)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(target, "new briefing")
    assert target.read_text() == "previous briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.md"]


@pytest.mark.slow
def test_ctrl_c_exits_130_without_traceback(tmp_path):
    import signal
    import time

    script = (
        "import time, synth.cli\n"
        "class Slow:\n"
        "    name = 'slow'\n"
        "    def encode(self, texts):\n"
        "        print('embedding', flush=True); time.sleep(30)\n"
        "import sys; sys.argv = ['synth', 'brief', 'fixtures/aleppo']\n"
        "synth.cli.main(obj={'embedder': Slow()})\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout.readline().strip() == "embedding"
    time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 130
    assert "Traceback" not in stderr and "interrupted" in stderr


def run_fake(*args: str, **options) -> subprocess.CompletedProcess[str]:
    """The real command line in a fresh process, with the fake embedder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", FAKE_MAIN, *args],
        stdout=options.pop("stdout", subprocess.PIPE),
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
        **options,
    )


def one_line(result: subprocess.CompletedProcess[str], code: int, message: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_empty_argument_exits_2(tmp_path):
    one_line(run_synth("brief", "fixtures/aleppo", ""), 2, "empty string")


@pytest.mark.slow
def test_unusable_inputs_beside_good_ones_give_a_briefing_and_exit_3(tmp_path, make_device):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "number.jsonl").write_text('{"text": ' + "1" * 4300 + "}\n")
    (tmp_path / "bomb.md").write_text("---\na: &a [x, x]\nb: [*a, *a]\n---\nText here.\n")
    bad = [
        "/proc/self/mem",
        str(tmp_path / "loop.txt"),
        str(tmp_path / "deep.json"),
        str(tmp_path / "number.jsonl"),
        str(tmp_path / "bomb.md"),
        "http://[::1",
        str(make_device("zero")),
    ]
    result = run_fake("brief", "fixtures/aleppo", *bad, "-q")
    assert result.returncode == 3, result.stderr
    assert result.stdout.startswith("# ") and "Traceback" not in result.stderr
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == len(bad)
    for path, warning in zip(sorted(bad), sorted(warnings), strict=True):
        assert warning.startswith(f"synth: warning: {path}")


@pytest.mark.slow
def test_lone_surrogate_in_json_is_briefed(tmp_path):
    feed = tmp_path / "feed.jsonl"
    text = (ROOT / "fixtures/aleppo/001_ae19ff087074ec84.txt").read_text()
    feed.write_text(
        '{"text": "Broken \\ud800 here. ' + text.replace("\n", "\\n").replace('"', "'") + '"}'
    )
    result = run_fake("brief", str(feed), "-f", "json", "-q")
    assert result.returncode == 0, result.stderr
    assert "\ufffd" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("size", ["inf", "nan", "-inf", "0", "1e308"])
def test_max_size_must_be_finite(size):
    one_line(run_synth("brief", "fixtures/aleppo", "--max-size", size), 2, "--max-size")


@pytest.mark.slow
def test_closed_standard_input_exits_2():
    one_line(run_synth("brief", "-", stdin=subprocess.DEVNULL), 2, "file is empty")
    script = (
        "import os, sys; os.close(0); os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    closed = subprocess.run(
        [sys.executable, "-c", script, "-m", "synth.cli", "brief", "-"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    one_line(closed, 2, "standard input is closed")


@pytest.mark.slow
def test_unwritable_output_folder_exits_2_before_the_run():
    one_line(run_synth("brief", "fixtures/aleppo", "-o", "/proc/synth-out.md"), 2, "cannot write")


@pytest.mark.slow
def test_full_disk_exits_1_with_one_line(make_device):
    full = make_device("full")
    one_line(run_fake("brief", "fixtures/aleppo", "-q", "-o", str(full)), 1, "No space left")
    with open(full, "w") as stdout:
        result = run_fake("brief", "fixtures/aleppo", "-q", stdout=stdout)
    assert result.returncode == 1 and "No space left" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


@pytest.mark.slow
def test_output_with_trailing_slash_exits_2(tmp_path):
    result = run_synth("brief", "fixtures/aleppo", "-o", str(tmp_path / "out.md") + "/")
    one_line(result, 2, "ends with /")
    assert not (tmp_path / "out.md").exists()


def test_ctrl_c_while_the_command_line_loads_exits_130_without_traceback():
    # an import hook sends the Ctrl-C while Typer and the library are being imported
    script = (
        "import os, signal, sys\n"
        "class Trip:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'typer':\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "sys.meta_path.insert(0, Trip())\n"
        "sys.argv = ['synth', 'brief', 'fixtures/aleppo']\n"
        "from synth.entry import main\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env
    )
    one_line(result, 130, "interrupted")


def test_points_left_out_are_noted_on_stderr_with_the_option_to_raise(fake_embedder):
    args = ["brief", str(ROOT / "fixtures/aleppo"), "--max-words", "60"]
    result = runner.invoke(app, args, obj={"embedder": fake_embedder})
    assert result.exit_code == 0
    assert "raise --max-words" in result.stderr and "--max-words" not in result.stdout
    quiet = runner.invoke(app, [*args, "-q"], obj={"embedder": fake_embedder})
    assert "--max-words" not in quiet.stderr
