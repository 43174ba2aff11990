"""Reading hostile file-system objects: devices, pipes, /proc files, links, odd encodings."""

from __future__ import annotations

import codecs
import os
import threading
import time
from pathlib import Path

import pytest

from synth.core import InputError
from synth.read.files import decode_bytes, read_capped
from synth.read.sources import load_sources
from tests.conftest import run_unprivileged

BODY = (
    "The council approved the new budget on Tuesday after a long debate, officials said. "
    "The plan adds money for schools and roads and will be reviewed again next spring.\n"
)


def load(paths, **options):
    problems: list[str] = []
    sources = load_sources(paths, warn=problems.append, **options)
    return sources, problems


@pytest.mark.parametrize("name", ["zero", "urandom", "null"])
def test_devices_are_refused_without_reading(make_device, write_article, name):
    good = write_article("good.txt", BODY)
    sources, problems = load([good, make_device(name)])
    assert [Path(s.path).name for s in sources] == ["good.txt"]
    assert len(problems) == 1 and "is a device" in problems[0]


def test_proc_file_that_says_size_0_is_read_with_the_cap(tmp_path):
    # /proc files report size 0 whatever they hold; the cap must not trust stat
    assert os.path.getsize("/proc/self/maps") == 0
    with pytest.raises(InputError, match="over the 20-byte limit"):
        load_sources(["/proc/self/maps"], max_bytes=20, strict=True)


def test_unreadable_proc_file_beside_good_ones_is_reported(write_article):
    good = write_article("good.txt", BODY)
    sources, problems = load([good, "/proc/self/mem"])
    assert len(sources) == 1 and "cannot read" in problems[0]


def test_pipe_over_the_cap_is_cut_not_read_to_the_end(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    stop = threading.Event()

    def endless_writer() -> None:
        try:
            with open(fifo, "wb") as out:
                while not stop.is_set():
                    out.write(b"The bridge reopened on Monday. " * 100)
        except BrokenPipeError:
            return

    writer = threading.Thread(target=endless_writer, daemon=True)
    writer.start()
    try:
        with pytest.raises(InputError, match="over the 5,000-byte limit"):
            load_sources([fifo], max_bytes=5000, strict=True)
    finally:
        stop.set()


def test_pipe_with_a_writer_is_read(tmp_path):
    fifo = tmp_path / "piped.txt"
    os.mkfifo(fifo)

    def writer() -> None:
        time.sleep(0.3)  # the writer comes after synth opened the pipe
        with open(fifo, "w") as out:
            out.write(BODY)

    threading.Thread(target=writer, daemon=True).start()
    (source,) = load_sources([fifo], strict=True)
    assert source.text == BODY


def test_pipe_without_writer_is_refused_not_waited_on_forever(tmp_path):
    fifo = tmp_path / "nobody.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="nothing writes to"):
        read_capped(str(fifo), 1000, pipe_wait=0.2)


def test_symlink_loop_and_dangling_link_are_reported(tmp_path, write_article):
    good = write_article("good.txt", BODY)
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "gone.txt").symlink_to("missing.txt")
    sources, problems = load([good, tmp_path / "loop.txt", tmp_path / "gone.txt"])
    assert len(sources) == 1 and len(problems) == 2
    assert "symbolic links" in problems[0] or "symbolic links" in problems[1]


def test_unreadable_subfolder_is_reported(tmp_path):
    folder = tmp_path / "feed"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(BODY)
    (folder / "locked" / "hidden.txt").write_text(BODY)
    os.chmod(folder / "locked", 0)
    os.chmod(tmp_path, 0o755)
    script = (
        "from synth.read.sources import load_sources\n"
        f"problems = []\nsources = load_sources([{str(folder)!r}], warn=problems.append)\n"
        "print(len(sources)); print(problems)\n"
    )
    try:
        result = run_unprivileged(script)
    finally:
        os.chmod(folder / "locked", 0o755)
    count, problems = result.stdout.splitlines()
    assert count == "1", result.stderr
    assert "locked: cannot read folder (Permission denied)" in problems


@pytest.mark.parametrize("text", [BODY, "“Quoted” – café prices rose. " + BODY])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text_not_binary(text, encoding):
    assert decode_bytes(text.encode(encoding), "x") == text


def test_broken_utf16_with_bom_is_one_clear_error():
    with pytest.raises(InputError, match="not valid utf-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "x")


def test_a_stray_bad_byte_does_not_turn_utf8_into_cp1250():
    text = "“Quoted” – a dash, café prices rose ’sharply’. " + BODY
    data = text.encode("utf-8")
    decoded = decode_bytes(data[:60] + b"\xff" + data[60:], "x")
    assert decoded == text[: decoded.index("\ufffd")] + "\ufffd" + text[decoded.index("\ufffd") :]
    assert "café" in decoded and "“Quoted”" in decoded


def test_names_in_a_folder_that_are_no_files_are_reported(tmp_path, make_device):
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY)
    (folder / "gone.txt").symlink_to("missing.txt")
    (folder / "device.txt").symlink_to(make_device("zero"))
    os.mkfifo(folder / "pipe.txt")
    (folder / "up").symlink_to("..")  # a loop if it were followed
    sources, problems = load([folder])
    assert [Path(s.path).name for s in sources] == ["good.txt"]
    assert [p.split(": ", 1)[1] for p in problems] == [
        "is a device, not an article file; skipped",
        "cannot open (No such file or directory); skipped",
        "is a named pipe, not an article file; skipped",
    ]
