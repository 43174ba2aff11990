"""Bytes from the file system, read so that no file-system object can hang or sink a run.

Every input is read with a byte cap, whatever `stat` says: /proc files and pipes report size
0, /dev/zero never ends. Devices are refused by their type before they are opened (only `-`
reads standard input). A named pipe (or a process substitution, `<(command)`) is opened
without blocking: when nothing writes to it within `PIPE_WAIT_SECONDS`, it is refused instead
of waiting forever. Folders are walked with every unreadable subfolder reported, never skipped
silently. Decoding turns bytes into text without losing a file to one stray byte.
"""

from __future__ import annotations

import codecs
import os
import re
import select
import stat
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO

from synth.core import InputError
from synth.read.own import OwnOutput, digest_folder

CHUNK_BYTES = 1 << 20
PIPE_WAIT_SECONDS = 5.0
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a media file",
    b"\x7fELF": "a program",
}
SURROGATE = re.compile("[\ud800-\udfff]")
NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
UTF16_SAMPLE = 4096


def without_surrogates(text: str) -> str:
    """Lone surrogates (from JSON escapes, YAML, undecodable file names) as U+FFFD: they cannot
    be written as UTF-8, so left in they would fail the run at the last step."""
    return SURROGATE.sub("\ufffd", text)


def read_capped(path: str, max_bytes: int, pipe_wait: float = PIPE_WAIT_SECONDS) -> bytes:
    """At most `max_bytes + 1` bytes of the file at `path` (one more shows it is over the cap).

    Devices and sockets are refused before they are opened; a named pipe with no writer is
    refused after `pipe_wait` seconds.
    """
    try:
        kind = stat.S_IFMT(os.stat(path).st_mode)
    except OSError as error:
        raise InputError(f"{path}: cannot open ({error.strerror})") from None
    _refuse_special(path, kind)
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise InputError(f"{path}: cannot open ({error.strerror})") from None
    try:
        status = os.fstat(handle)
        kind = stat.S_IFMT(status.st_mode)
        _refuse_special(path, kind)  # it may have been swapped since the first look
        if kind == stat.S_IFREG and status.st_size > max_bytes:  # refused without reading
            size = f"{status.st_size:,} bytes"
            raise InputError(f"{path}: file is {size}, over the {max_bytes:,}-byte limit")
        if kind == stat.S_IFIFO:
            return _read_pipe(handle, path, max_bytes, pipe_wait)
        os.set_blocking(handle, True)
        return _read_chunks(lambda size: os.read(handle, size), max_bytes)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    finally:
        os.close(handle)


def read_stream(stream: BinaryIO | None, max_bytes: int) -> bytes:
    """Standard input, capped like any file; a closed standard input is a clear error."""
    if stream is None:
        raise InputError("-: standard input is closed")
    try:
        return _read_chunks(stream.read, max_bytes)
    except (OSError, ValueError) as error:
        raise InputError(f"-: cannot read standard input ({error})") from None


def _refuse_special(path: str, kind: int) -> None:
    if kind == stat.S_IFDIR:
        raise InputError(f"{path}: is a folder")
    if kind in (stat.S_IFCHR, stat.S_IFBLK):
        raise InputError(f"{path}: is a device, not an article (- reads standard input)")
    if kind not in (stat.S_IFREG, stat.S_IFIFO):
        raise InputError(f"{path}: is not a regular file")


def _read_chunks(read: Callable[[int], bytes], max_bytes: int) -> bytes:
    chunks = []
    total = 0
    while total <= max_bytes:
        chunk = read(min(CHUNK_BYTES, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _read_pipe(handle: int, path: str, max_bytes: int, wait: float) -> bytes:
    """Read a pipe opened without blocking. End of file before any writer came means nobody
    is writing: wait `wait` seconds for one, then refuse."""
    poller = select.poll()
    poller.register(handle, select.POLLIN)
    chunks: list[bytes] = []
    total = 0
    writer_seen = False
    while total <= max_bytes:
        try:
            chunk = os.read(handle, min(CHUNK_BYTES, max_bytes + 1 - total))
        except BlockingIOError:  # a writer is there, with nothing to say yet
            writer_seen = True
            poller.poll()
            continue
        if chunk:
            writer_seen = True
            chunks.append(chunk)
            total += len(chunk)
        elif writer_seen:
            break
        elif poller.poll(int(wait * 1000)):
            writer_seen = True
        else:
            raise InputError(f"{path}: a named pipe that nothing writes to (waited {wait:g} s)")
    return b"".join(chunks)


def walk_folder(
    folder: str, suffixes: Sequence[str], problems: list[InputError] | None = None
) -> Iterator[str]:
    """The article files under `folder`, in sorted order; hidden names are skipped, symbolic
    links to folders are not followed, a digest's output folder is left out (an `OwnOutput`
    in `problems`), and each folder that cannot be read and each article
    name that is no regular file (a broken link, a pipe, a device) is added to `problems`."""

    def report(error: OSError) -> None:
        if problems is not None:
            name = error.filename or folder
            problems.append(InputError(f"{name}: cannot read folder ({error.strerror})"))

    found = []
    for root, folders, names in os.walk(folder, onerror=report):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        if digest_folder(root):  # a digest's output folder: synth's files, no articles
            folders.clear()
            if problems is not None:
                problems.append(OwnOutput(f"{root}: a folder synth digest wrote; not read"))
            continue
        for name in names:
            path = os.path.join(root, name)
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in suffixes:
                continue
            if os.path.isfile(path):
                found.append(path)
            elif problems is not None:
                problems.append(InputError(f"{path}: {_not_a_file(path)}; skipped"))
    if problems is not None:
        problems.sort(key=str)
    return iter(sorted(found))


def _not_a_file(path: str) -> str:
    """Why a name in a folder is not read: a broken link, a pipe, a device."""
    try:
        kind = stat.S_IFMT(os.stat(path).st_mode)
    except OSError as error:
        return f"cannot open ({error.strerror})"
    names = {stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}
    return f"is {names.get(kind, 'not a regular file')}, not an article file"


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode UTF-8 (with or without BOM, a few stray bad bytes replaced), UTF-16/32 with BOM,
    UTF-16 without BOM, or a legacy encoding detected by charset-normalizer; refuse binary
    files with what they look like."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"{path}: {kind}, not an article")
    text = _decode_unicode(data, path)
    if text is None:
        text = _decode_guessing(data, path, declared)
    if "\x00" in text[:4096]:
        raise InputError(f"{path}: looks like a binary file, not an article")
    return text


def _decode_unicode(data: bytes, path: str) -> str | None:
    """The text when the bytes are some Unicode encoding, else None."""
    with_bom = (
        ((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),
        ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16"),
    )
    for boms, encoding in with_bom:
        if data.startswith(boms):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    f"{path}: starts as {encoding} but is not valid {encoding}"
                ) from None
    utf16 = _utf16_order(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _mostly_utf8(data)


def _utf16_order(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as a zero byte beside nearly every Latin character."""
    sample = data[:UTF16_SAMPLE]
    half = len(sample) // 2
    if half < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bad bytes (a truncated copy, one pasted cp1252 character): more
    valid multi-byte characters than bad bytes. Each bad byte becomes U+FFFD instead of the
    whole file being read as a legacy encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(NON_ASCII.findall(text))
    return text if 0 < bad <= good else None


def _decode_guessing(data: bytes, path: str, declared: str | None = None) -> str:
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: looks like a binary file or an unknown text encoding")
    return str(best)
