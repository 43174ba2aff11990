"""Fuzz campaigns: random articles, hostile front matter, hostile file-system objects.

    .venv/bin/python bench/fuzz.py [--examples N] [--campaign articles|front-matter|files|
        encodings|output-folders|caches|signals|all]

- `articles` (default 10,000 examples): the strategies of tests/test_robustness.py (random
  Unicode, control, zero-width and right-to-left characters, emoji, punctuation-only and
  one-word articles, many copies) through the API and the renderers.
- `front-matter` (N / 10 examples): YAML front matter built to hurt: alias bombs, self
  references, numbers of thousands of digits, nesting thousands deep, unsafe tags, impossible
  dates, binary and non-string keys, beside a good article, through the API.
- `files` (a fixed list): the real command line in a fresh process per case, with devices,
  named pipes, symbolic links (loops, dangling, to devices), /proc files, unreadable folders,
  hostile file names, deep and huge JSON, closed standard input, a full disk, and `-o` aimed
  at devices, pipes, links, read-only files and folders. Each case has a time limit.

- `encodings`, `output-folders`, `caches`, `signals` (N / 500 examples each, at least 8):
  nested content encodings from a server on 127.0.0.1, links planted in and two runs into
  one digest folder, damaged embedding caches, tampered parser answers and altered ONNX
  exports, and SIGTERM or SIGINT at random moments (see bench/fuzz_hostile.py).

All use the fake embedder, so they measure synth's own code. A crash is an exception other
than a clear SynthError (API), or a traceback, exit code 70, a signal or a time-out (command
line); the command line's exit codes must be among the documented 0, 1, 2, 3, 130 and 143. Every
crash is printed with its example.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from bench.fuzz_hostile import (  # noqa: E402
    cache_campaign,
    encodings_campaign,
    output_folder_campaign,
    signal_campaign,
)
from tests.conftest import FAKE_MAIN  # noqa: E402
from tests.test_robustness import ARTICLE, brief_texts  # noqa: E402

DOCUMENTED = {0, 1, 2, 3, 130, 143}
HOSTILE = {
    "encodings": encodings_campaign,
    "output-folders": output_folder_campaign,
    "caches": cache_campaign,
    "signals": signal_campaign,
}
GOOD = ROOT / "fixtures" / "aleppo" / "001_ae19ff087074ec84.txt"


def settings_for(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def article_campaign(examples: int) -> dict[str, object]:
    outcomes: Counter[str] = Counter()

    @settings_for(examples)
    @given(st.lists(ARTICLE, min_size=1, max_size=6))
    def campaign(texts: list[str]) -> None:
        outcomes["briefing" if brief_texts(texts) is not None else "clear error"] += 1

    started = time.perf_counter()
    campaign()
    return {"examples": sum(outcomes.values()), **outcomes, "crashes": 0, "started": started}


SCALAR = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=10**100, max_value=10**200).map(str),
    st.integers(min_value=3000, max_value=12_000).map(lambda n: "9" * n),
    st.sampled_from(
        [
            "1e99999",
            "-.inf",
            ".nan",
            "2020-13-45",
            "2020-02-30 25:61:61",
            "0x" + "f" * 5000,
            "0o" + "7" * 5000,
            "!!python/object/apply:os.system ['true']",
            "!!binary AAAA",
            "!!binary ====",
            "!!timestamp nonsense",
            "!!float x",
            "!!int 1_000_" + "0" * 5000,
            "'\\ud800'",
            '"\\ud800\\udfff\\x00"',
            "~",
            "[]",
            "{}",
        ]
    ),
)


def _nested(depth: int, kind: str) -> str:
    opening, closing = ("[", "]") if kind == "list" else ("{a: ", "}")
    return opening * depth + "x" + closing * depth


def _bomb(levels: int, width: int) -> str:
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        refs = ", ".join([f"*l{level - 1}"] * width)
        lines.append(f"l{level}: &l{level} [{refs}]")
    lines.append(f"title: *l{levels - 1}")
    return "\n".join(lines)


FRONT_MATTER = st.one_of(
    st.builds(_bomb, st.integers(2, 12), st.integers(2, 12)),
    st.builds(_nested, st.integers(50, 20_000), st.sampled_from(["list", "map"])).map(
        lambda value: f"title: {value}"
    ),
    st.lists(
        st.tuples(
            st.sampled_from(["title", "outlet", "url", "published", "author", "? [a]", "1", "x"]),
            SCALAR,
        ),
        min_size=1,
        max_size=6,
    ).map(lambda pairs: "\n".join(f"{k}: {v}" for k, v in pairs)),
    st.sampled_from(
        [
            "title: &a [*a]",
            "<<: *nothing",
            "a: &x 1\n<<: {b: *x}",
            "title: !!python/name:os.system",
            "--- !!set\n? a",
            "%YAML 1.1\n---\ntitle: x",
            "title: " + "x" * 70_000,
            "\t\x00\x1b[31m",
            "- a\n- b",
        ]
    ),
)


def front_matter_campaign(examples: int) -> dict[str, object]:
    import synth
    from synth.write.formats import OutputFormat
    from tests.conftest import FakeEmbedder

    outcomes: Counter[str] = Counter()
    crashes: list[str] = []
    slowest = [0.0]

    @settings_for(examples)
    @given(FRONT_MATTER)
    def campaign(front_matter: str) -> None:
        with tempfile.TemporaryDirectory() as folder:
            bad = Path(folder) / "bad.md"
            bad.write_text(
                f"---\n{front_matter}\n---\n{GOOD.read_text()}", "utf-8", "surrogatepass"
            )
            started = time.perf_counter()
            try:
                problems: list[str] = []
                briefing = synth.brief([GOOD, bad], embedder=FakeEmbedder(), warn=problems.append)
                for fmt in OutputFormat:
                    synth.render(briefing, fmt.value).encode("utf-8")
                outcomes["refused, others briefed" if problems else "briefed"] += 1
            except synth.SynthError:
                outcomes["clear error"] += 1
            except Exception as error:
                crashes.append(f"{error.__class__.__name__}: {error} <- {front_matter[:200]!r}")
            slowest[0] = max(slowest[0], time.perf_counter() - started)

    campaign()
    for crash in crashes:
        print("CRASH", crash, file=sys.stderr)
    return {**outcomes, "crashes": len(crashes), "slowest example s": round(slowest[0], 2)}


@dataclass
class Case:
    name: str
    args: list[str]
    stdin: object = subprocess.DEVNULL
    stdout_to: str | None = None
    limit: float = 60.0
    during: Callable[[], None] | None = None
    unprivileged: bool = False
    notes: list[str] = field(default_factory=list)


def _device(folder: Path, name: str, minor: int) -> str:
    """A character device node of our own (never the system's /dev entry, which a bug could
    replace); the system's device when nodes cannot be made (it cannot be replaced then)."""
    node = folder / f"dev-{name}"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except PermissionError:
        return f"/dev/{name}"
    return str(node)


def _write_later(path: Path, data: bytes, delay: float = 0.5) -> Callable[[], None]:
    def start() -> None:
        def write() -> None:
            time.sleep(delay)
            try:
                with open(path, "wb") as out:
                    out.write(data)
            except OSError:
                pass

        threading.Thread(target=write, daemon=True).start()

    return start


def _read_later(path: Path) -> Callable[[], None]:
    def start() -> None:
        def read() -> None:
            try:
                with open(path, "rb") as handle:
                    handle.read()
            except OSError:
                pass

        threading.Thread(target=read, daemon=True).start()

    return start


def hostile_files(folder: Path) -> list[Case]:
    """Every hostile file-system object and input this campaign tries, made in `folder`."""
    good = str(GOOD)
    text = GOOD.read_text()
    zero, urandom = _device(folder, "zero", 5), _device(folder, "urandom", 9)
    null, full = _device(folder, "null", 3), _device(folder, "full", 7)

    def put(name: str | bytes, data: str | bytes) -> str:
        path = os.path.join(os.fsencode(folder), os.fsencode(name))
        with open(path, "wb") as out:
            out.write(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        return os.fsdecode(path)

    def link(name: str, target: str) -> str:
        os.symlink(target, folder / name)
        return str(folder / name)

    def fifo(name: str) -> Path:
        os.mkfifo(folder / name)
        return folder / name

    tree = folder / "tree"
    (tree / "locked").mkdir(parents=True)
    (tree / "good.txt").write_text(text)
    (tree / "locked" / "inside.txt").write_text(text)
    os.chmod(tree / "locked", 0)
    os.symlink("..", tree / "up")  # a link back up: a loop if followed
    os.symlink("nowhere.txt", tree / "dangling.txt")
    os.symlink(zero, tree / "device.txt")
    loops = folder / "loops"
    loops.mkdir()
    os.symlink("self.txt", loops / "self.txt")
    os.symlink(".", loops / "here")
    read_only = put("frozen.md", "previous briefing")
    os.chmod(read_only, 0o444)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.md"))
    fed, out_pipe = fifo("fed.txt"), fifo("out.pipe")
    one_line = (text.replace("\n", " ") * 3000)[:10_000_000]
    return [
        Case("device /dev/zero", [good, zero]),
        Case("device /dev/urandom", [good, urandom]),
        Case("device /dev/null", [good, null]),
        Case("/proc/self/mem (unreadable)", [good, "/proc/self/mem"]),
        Case(
            "/proc/self/maps (size 0, over the cap)",
            [good, "/proc/self/maps", "--max-size", "0.001"],
        ),
        Case("named pipe, nothing writes", [good, str(fifo("silent.txt"))]),
        Case("named pipe, late writer", [str(fed)], during=_write_later(fed, text.encode())),
        Case("folder: unreadable subfolder, links", [str(tree)], unprivileged=True),
        Case("symlink loop", [good, str(loops / "self.txt")]),
        Case("folder of link loops", [good, str(loops)]),
        Case("dangling symlink", [good, str(tree / "dangling.txt")]),
        Case("symlink to a device", [good, str(tree / "device.txt")]),
        Case(
            "file name with newlines and markup", [good, put("a\n# H\n<img onerror=x>.txt", text)]
        ),
        Case("file name with bidi override", [good, put("evil\u202etxt.md", text)]),
        Case("file name with invalid UTF-8", [good, put(b"bad\xff\xfe.txt", text)]),
        Case("file name with #", [put("issue#7.txt", text)]),
        Case("file name of 250 characters", [put("x" * 246 + ".txt", text)]),
        Case("empty argument", [good, ""]),
        Case("JSON nested 100,000 deep", [good, put("deep.json", "[" * 100_000 + "]" * 100_000)]),
        Case("JSON number of 5,000 digits", [good, put("n.jsonl", '{"text": ' + "1" * 5000 + "}")]),
        Case(
            "JSON lone surrogate",
            [
                put(
                    "s.jsonl",
                    '{"text": "\\ud800 ' + text.replace("\n", " ").replace('"', "'") + '"}',
                )
            ],
        ),
        Case(
            "JSON Lines, bad line among good",
            [
                put(
                    "mix.jsonl",
                    '{"text": 1}\n{oops\n{"text": "'
                    + text.replace("\n", " ").replace('"', "'")
                    + '"}\n',
                )
            ],
        ),
        Case(
            "front matter alias bomb",
            [good, put("bomb.md", "---\n" + _bomb(9, 9) + "\n---\n" + text)],
        ),
        Case(
            "front matter number of 5,000 digits",
            [good, put("num.md", "---\ntitle: " + "9" * 5000 + "\n---\n" + text)],
        ),
        Case(
            "front matter nested 10,000 deep",
            [good, put("nest.md", "---\ntitle: " + _nested(10_000, "list") + "\n---\n" + text)],
        ),
        Case(
            "front matter python tag",
            [
                good,
                put("tag.md", "---\ntitle: !!python/object/apply:os.system ['true']\n---\n" + text),
            ],
        ),
        Case("UTF-16 without BOM", [put("u16.txt", text.encode("utf-16-le"))]),
        Case(
            "UTF-8 with a stray byte",
            [put("stray.txt", text.encode()[:300] + b"\xff" + text.encode()[300:])],
        ),
        Case(
            "CJK text",
            [
                good,
                put(
                    "jp.txt",
                    "東京で大きな地震が発生しました。多くの建物が被害を受けました。\n" * 20,
                ),
            ],
        ),
        Case("10 MB on one line", [put("line.txt", one_line)], limit=300),
        Case("URL with broken IPv6", [good, "http://[::1"]),
        Case("URL on loopback", [good, "http://127.0.0.1:9/x"]),
        Case("URL on metadata address", [good, "http://169.254.169.254/latest/"]),
        Case(
            "URL on loopback, allowed, nothing there",
            [good, "http://127.0.0.1:9/x", "--allow-private"],
        ),
        Case("--max-size inf", [good, "--max-size", "inf"]),
        Case("--max-size nan", [good, "--max-size", "nan"]),
        Case("--max-size -1", [good, "--max-size", "-1"]),
        Case("--max-size 1e308", [good, "--max-size", "1e308"]),
        Case("stdin closed", ["-"], stdin=None),
        Case("stdin from /dev/zero, capped", ["-", "--max-size", "0.01"], stdin=zero),
        Case("stdin empty", ["-"]),
        Case("-o device /dev/null", [good, "-o", null]),
        Case("-o device /dev/full (disk full)", [good, "-o", full]),
        Case(
            "-o named pipe with a reader", [good, "-o", str(out_pipe)], during=_read_later(out_pipe)
        ),
        Case("-o symlink to a file", [good, "-o", link("to-file.md", put("target.md", "old"))]),
        Case("-o symlink loop", [good, "-o", str(loops / "self.txt")]),
        Case("-o read-only file", [good, "-o", read_only]),
        Case("-o trailing slash", [good, "-o", str(folder / "out.md") + "/"]),
        Case("-o a folder", [good, "-o", str(tree)]),
        Case("-o a socket", [good, "-o", str(folder / "sock.md")]),
        Case("-o an input", [put("input.txt", text), "-o", str(folder / "input.txt")]),
        Case("-o unwritable folder", [good, "-o", "/proc/synth-out.md"]),
        Case("stdout is a full disk", [good], stdout_to=full),
    ]


def run_case(case: Case) -> tuple[int | str, float, str]:
    """Exit code (or "hang"), seconds and stderr of one command-line case."""
    prefix: list[str] = []
    if case.unprivileged and os.geteuid() == 0:
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stdin = open(case.stdin, "rb") if isinstance(case.stdin, str) else case.stdin  # noqa: SIM115
    stdout = open(case.stdout_to, "w") if case.stdout_to else subprocess.DEVNULL  # noqa: SIM115
    command = [*prefix, sys.executable, "-c", FAKE_MAIN, "brief", *case.args, "-q"]
    if case.stdin is None:  # standard input closed before synth starts
        close = (
            "import os, sys; os.close(0); os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
        )
        command = [*prefix, sys.executable, "-c", close, "-c", FAKE_MAIN, "brief", *case.args]
        stdin = subprocess.DEVNULL
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env
    )
    if case.during:
        case.during()
    try:
        _, stderr = process.communicate(timeout=case.limit)
        code: int | str = process.returncode
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        _, stderr = process.communicate()
        code = "hang"
    for handle in (stdin, stdout):
        if hasattr(handle, "close"):
            handle.close()
    return code, time.perf_counter() - started, stderr


def file_campaign() -> dict[str, object]:
    crashes = undocumented = 0
    codes: Counter[str] = Counter()
    rows = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.chmod(folder, 0o755)
        try:
            for case in hostile_files(folder):
                code, seconds, stderr = run_case(case)
                crashed = (
                    code in ("hang", 70)
                    or (isinstance(code, int) and code < 0)
                    or "Traceback" in stderr
                    or "Exception ignored" in stderr
                )
                crashes += crashed
                undocumented += code not in DOCUMENTED
                codes[str(code)] += 1
                message = stderr.strip().splitlines()[-1] if stderr.strip() else ""
                rows.append((case.name, code, seconds, "CRASH" if crashed else "", message))
                if crashed:
                    print(f"CRASH {case.name}: {stderr}", file=sys.stderr)
        finally:
            os.chmod(folder / "tree" / "locked", 0o755)
    print("| case | exit | seconds | crash | last line on stderr |")
    print("|---|---:|---:|---|---|")
    for case_name, code, seconds, crashed, message in rows:
        shown = message.replace("|", "\\|")[:110]
        print(f"| {case_name} | {code} | {seconds:.1f} | {crashed} | {shown} |")
    print()
    exit_codes = ", ".join(f"{c}: {n}" for c, n in sorted(codes.items()))
    return {
        "cases": len(rows),
        "exit codes": exit_codes,
        "crashes": crashes,
        "codes outside 0/1/2/3/130/143": undocumented,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("examples", nargs="?", type=int, default=10_000)
    parser.add_argument(
        "--campaign",
        choices=["articles", "front-matter", "files", *HOSTILE, "all"],
        default="all",
    )
    options = parser.parse_args()
    results = {}
    campaigns = {
        "files": file_campaign,
        "front-matter": lambda: front_matter_campaign(max(1, options.examples // 10)),
        "articles": lambda: article_campaign(options.examples),
        **{
            name: (lambda run=run: run(max(8, options.examples // 500)))
            for name, run in HOSTILE.items()
        },
    }
    for name, campaign in campaigns.items():
        if options.campaign in (name, "all"):
            started = time.perf_counter()
            outcome = campaign()
            outcome.pop("started", None)
            results[name] = {**outcome, "seconds": round(time.perf_counter() - started)}
    print("| campaign | outcome |")
    print("|---|---|")
    for name, outcome in results.items():
        print(f"| {name} | {', '.join(f'{k}: {v}' for k, v in outcome.items())} |")


if __name__ == "__main__":
    main()
