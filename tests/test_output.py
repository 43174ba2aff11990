"""`-o`: never replace what is not a regular file, never lose data."""

from __future__ import annotations

import os
import socket
import stat
import threading

import pytest

from synth.core import InputError
from synth.write.output import OutputError, check_output_path, write_atomic
from tests.conftest import run_unprivileged


def test_character_device_is_written_through_not_replaced(make_device):
    null = make_device("null")
    write_atomic(null, "briefing\n")
    assert stat.S_ISCHR(os.stat(null).st_mode)


def test_full_device_is_a_clear_error_and_stays_a_device(make_device):
    full = make_device("full")
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(full, "briefing\n" * 1000)
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_named_pipe_is_written_through(tmp_path):
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    write_atomic(fifo, "briefing\n")
    reader.join(5)
    assert received == ["briefing\n"] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_symlink_is_followed_to_its_file(tmp_path):
    (tmp_path / "real.md").write_text("old")
    (tmp_path / "link.md").symlink_to("real.md")
    write_atomic(tmp_path / "link.md", "new\n")
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real.md").read_text() == "new\n"


def test_symlink_to_an_input_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("article")
    (tmp_path / "out.md").symlink_to("a.txt")
    with pytest.raises(InputError, match="refusing to overwrite"):
        check_output_path(tmp_path / "out.md", [str(tmp_path / "a.txt")])


def test_read_only_file_is_refused_and_stays_read_only(tmp_path):
    target = tmp_path / "frozen.md"
    target.write_text("keep me")
    target.chmod(0o444)
    with pytest.raises(InputError, match="read-only"):
        write_atomic(target, "new\n")
    assert target.read_text() == "keep me" and stat.S_IMODE(target.stat().st_mode) == 0o444


def test_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "private.md"
    target.write_text("old")
    target.chmod(0o600)
    write_atomic(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text() == "new\n"


def test_trailing_slash_is_an_error_not_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="ends with /"):
        write_atomic("out.md/", "text\n")
    assert list(tmp_path.iterdir()) == []


def test_socket_and_loop_are_refused(tmp_path):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    try:
        with pytest.raises(InputError, match="not a file"):
            check_output_path(tmp_path / "sock")
    finally:
        server.close()
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(InputError, match="symbolic links"):
        check_output_path(tmp_path / "loop")


def test_unwritable_folder_is_refused_before_the_run(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    os.chmod(tmp_path, 0o755)
    script = (
        "from synth.core import InputError\n"
        "from synth.write.output import check_output_path\n"
        f"try:\n    check_output_path({str(folder / 'out.md')!r})\n"
        "except InputError as error:\n    print(error)\n"
    )
    result = run_unprivileged(script)
    assert "cannot write in" in result.stdout and "Permission denied" in result.stdout, result
    assert list(folder.iterdir()) == []
