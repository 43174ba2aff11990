"""The bundled sentence model on ONNX Runtime: the same vectors, without torch at run time.

Importing torch and sentence-transformers takes several seconds and hundreds of MB, far more
than encoding a few hundred sentences. So the bundled all-MiniLM-L6-v2 is exported once to ONNX
(with torch, at set-up or on first use) and then run with onnxruntime and the `tokenizers`
library: mean pooling over the attention mask and unit length, as the model's own pooling
config says. The vectors equal sentence-transformers' to about 1e-7 (tests/test_onnx_embed.py).

The export lives in the cache folder (`--cache-dir`, `SYNTH_CACHE_DIR`, else the user cache
folder) under `onnx/`, in a folder named by a hash of the weights, the model config, the
exporter's versions and `EXPORT_FORMAT_VERSION`; it is built under a temporary name and renamed
into place, so concurrent runs never read half an export. The export records its files' sizes
and SHA-256 and the vector of a probe sentence (`CHECK_FILE`): a truncated, missing or altered
file, or a model whose probe vector differs (damaged weights giving NaN), is moved aside and
exported again. A temporary export left by a run that was killed (its process is gone) is
removed. When no export can be made (torch or onnx missing), `BundledEmbedder` says so once
and uses sentence-transformers.

    python -m synth.understand.onnx_embed [CACHE_DIR]    # export now (scripts/setup does)
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from synth.understand.cache import default_cache_dir
from synth.understand.embed import (
    DEFAULT_MODEL,
    SentenceTransformerEmbedder,
    finite_vectors,
    resolve_model,
)

if TYPE_CHECKING:
    import onnxruntime
    from tokenizers import Encoding, Tokenizer

    from synth.stages import Embedder

# Bump when the exported graph changes for reasons the package versions don't show (inputs,
# outputs, opset, export options), so that old exports are no longer used.
EXPORT_FORMAT_VERSION = 1
CHECK_FILE = "export-check.json"
PROBE_TEXT = "The old bridge reopened after two years of repairs, the city council announced."
PROBE_TOLERANCE = 1e-4
OPSET_VERSION = 17
EXPORTER_PACKAGES = ("torch", "transformers", "onnx")
EXPORT_FOLDER = "onnx"
GRAPH_FILE = "model.onnx"
WEIGHTS_FILE = "model.onnx.data"
DIGESTS_FILE = "weights-sha256.json"
MAX_THREADS = 4
# Texts per onnxruntime call. Small batches pad less and keep the activation arena small (peak
# memory on the seeds: 190 MB at 8, 250 MB at 32), and were faster on two cores; rows do not
# depend on the batch (tests/test_onnx_embed.py).
BATCH_SIZE = 8
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "token_embeddings"


def export_path(model_dir: Path, cache_dir: Path) -> Path:
    """Where the export of `model_dir` lives (it may not exist yet): a graph file in a folder of
    its own, the weights beside it in `WEIGHTS_FILE` (mapped from disk rather than copied).

    The name hashes the weights and config.json, the exporter's package versions (read from
    their metadata, so torch is not imported), the opset and `EXPORT_FORMAT_VERSION`.
    """
    folder = cache_dir / EXPORT_FOLDER
    digest = hashlib.sha256()
    digest.update(f"format={EXPORT_FORMAT_VERSION}\nopset={OPSET_VERSION}\n".encode())
    for package in EXPORTER_PACKAGES:
        digest.update(f"{package}={_version(package)}\n".encode())
    for path in _weight_files(model_dir):
        digest.update(f"{path.name}={weights_digest(path, folder)}\n".encode())
    digest.update((model_dir / "config.json").read_bytes())
    return folder / digest.hexdigest()[:32] / GRAPH_FILE


def weights_digest(path: Path, folder: Path) -> str:
    """SHA-256 of a weights file, remembered in `folder` by path, size and modification time.

    Hashing 90 MB on every run would cost more than the encoding it saves.
    """
    stat = path.stat()
    key = f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
    memo = folder / DIGESTS_FILE
    known = _read_digests(memo)
    if key in known:
        return known[key]
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    known[key] = digest.hexdigest()
    # An unwritable memo only costs a re-hash next time.
    with contextlib.suppress(OSError), _atomic_target(memo) as temp:
        Path(temp).write_text(json.dumps(known, sort_keys=True), encoding="utf-8")
    return known[key]


def _read_digests(memo: Path) -> dict[str, str]:
    """The remembered digests; a missing or damaged memo reads as empty."""
    try:
        known = json.loads(memo.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(known, dict):
        return {}
    return {k: v for k, v in known.items() if isinstance(k, str) and isinstance(v, str)}


def _weight_files(model_dir: Path) -> list[Path]:
    found = [model_dir / name for name in WEIGHT_FILES if (model_dir / name).is_file()]
    if not found:
        raise FileNotFoundError(f"no weights ({' or '.join(WEIGHT_FILES)}) in {model_dir}")
    return found


def _version(distribution: str) -> str:
    from importlib import metadata  # not needed when every sentence is cached

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


@contextlib.contextmanager
def _atomic_target(target: Path) -> Iterator[str]:
    """A temporary file beside `target`, renamed onto it when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield temp
        os.chmod(temp, 0o644)  # mkstemp makes it private; nothing here is secret
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def ensure_export(model_dir: Path, cache_dir: Path) -> Path:
    """The export of `model_dir` in `cache_dir`, made first (with torch) if it is missing or
    its files are not those it recorded (truncated, removed, altered)."""
    path = export_path(model_dir, cache_dir)
    remove_dead_temporaries(path.parent.parent)
    if not files_intact(path.parent):
        export_onnx(model_dir, path.parent)
    return path


def files_intact(folder: Path) -> bool:
    """Whether the export in `folder` holds the files it recorded: sizes always compared,
    contents hashed when a file's modification time is not the one recorded."""
    check = read_check(folder)
    if check is None:
        return False
    for name, (size, mtime, digest) in check["files"].items():
        try:
            status = (folder / name).stat()
        except OSError:
            return False
        if status.st_size != size:
            return False
        if status.st_mtime_ns != mtime and _sha256(folder / name) != digest:
            return False
    return True


def read_check(folder: Path) -> dict[str, Any] | None:
    """What the export in `folder` recorded of itself, or None (missing, damaged, old)."""
    try:
        check = json.loads((folder / CHECK_FILE).read_text(encoding="utf-8"))
        files = {
            str(name): (int(size), int(mtime), str(digest))
            for name, (size, mtime, digest) in check["files"].items()
        }
        probe = np.asarray(check["probe"], dtype=np.float32)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if set(files) != {GRAPH_FILE, WEIGHTS_FILE} or probe.ndim != 1 or not probe.size:
        return None
    return {"files": files, "probe": probe}


def record_check(folder: Path, probe: np.ndarray) -> None:
    """Record the export's files (size, modification time, SHA-256) and its probe vector."""
    files = {}
    for name in (GRAPH_FILE, WEIGHTS_FILE):
        status = (folder / name).stat()
        files[name] = [status.st_size, status.st_mtime_ns, _sha256(folder / name)]
    check = {"files": files, "probe": [float(v) for v in probe]}
    (folder / CHECK_FILE).write_text(json.dumps(check), encoding="utf-8")


def probe_matches(embedder: OnnxEmbedder, folder: Path) -> bool:
    """Whether the loaded export gives the probe vector it gave when it was made."""
    check = read_check(folder)
    if check is None:
        return False
    vector = embedder.encode([PROBE_TEXT])[0]
    expected = check["probe"]
    return (
        vector.shape == expected.shape
        and bool(np.isfinite(vector).all())
        and bool(np.allclose(vector, expected, atol=PROBE_TOLERANCE))
    )


def discard_export(folder: Path) -> None:
    """Move a bad export aside (a rename, so a run reading it keeps its open files) and
    remove it."""
    if not folder.exists():
        return
    aside = folder.with_name(f".{folder.name}.{os.getpid()}.bad")
    shutil.rmtree(aside, ignore_errors=True)
    os.replace(folder, aside)
    shutil.rmtree(aside, ignore_errors=True)


def remove_dead_temporaries(parent: Path) -> None:
    """Remove exports being built (or discarded) by processes that no longer run: a run
    killed mid-export leaves 90 MB behind. Their names carry the process id."""
    if not parent.is_dir():
        return
    for entry in parent.iterdir():
        parts = entry.name.split(".")
        ours = len(parts) >= 3 and not parts[0] and parts[2].isdigit() and entry.is_dir()
        if ours and not _running(int(parts[2])):
            shutil.rmtree(entry, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: running
        return True
    return True


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def export_onnx(model_dir: Path, target: Path) -> None:
    """Export the transformer in `model_dir` to the folder `target`, atomically.

    The graph takes int64 (batch, sequence) `input_ids`, `attention_mask` and, if the model
    has them, `token_type_ids`, and returns float32 (batch, sequence, hidden) token embeddings;
    pooling and normalisation are done by `OnnxEmbedder`. The folder is built under a
    temporary name and renamed into place; when a concurrent run got there first, its copy
    (the same) is kept.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", dir=target.parent))
    try:
        _export_graph(model_dir, temp / "traced.onnx")
        _move_weights_out(temp / "traced.onnx", temp / GRAPH_FILE)
        # mkdtemp (and onnx, for the weights) make them private; nothing here is secret.
        for path in temp.iterdir():
            os.chmod(path, 0o644)
        probe = OnnxEmbedder(model_dir, temp / GRAPH_FILE, threads=1).encode([PROBE_TEXT])[0]
        if not np.isfinite(probe).all():
            raise ValueError("the exported model gives vectors that are not numbers")
        record_check(temp, probe)
        os.chmod(temp / CHECK_FILE, 0o644)
        os.chmod(temp, 0o755)
        _install(temp, target)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _install(temp: Path, target: Path) -> None:
    """Rename the new export into place. When a concurrent run got there first, its copy (the
    same) is kept; a bad export in the way is moved aside first."""
    try:
        os.replace(temp, target)
        return
    except OSError:
        if files_intact(target):
            return
    discard_export(target)
    os.replace(temp, target)


def _export_graph(model_dir: Path, path: Path) -> None:
    """Trace the model with torch and write it as one ONNX file."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    transformers_logging.set_verbosity_error()
    model = AutoModel.from_pretrained(str(model_dir)).eval()
    parameters = inspect.signature(model.forward).parameters
    names = [name for name in INPUT_NAMES if name in parameters]

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, *inputs: torch.Tensor) -> torch.Tensor:
            output: torch.Tensor = self.inner(**dict(zip(names, inputs, strict=True)))[0]
            return output

    # Two rows, the second padded: the tracer records the attention-mask path, not a shortcut
    # taken when nothing is padded.
    input_ids = torch.tensor([[101, 7592, 2088, 2003, 102], [101, 7592, 102, 0, 0]])
    examples = {
        "input_ids": input_ids,
        "attention_mask": (input_ids != 0).long(),
        "token_type_ids": torch.zeros_like(input_ids),
    }
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer and legacy-exporter deprecation warnings
        torch.onnx.export(
            TokenEmbeddings(model),
            tuple(examples[name] for name in names),
            str(path),
            dynamo=False,  # the torch.export-based exporter needs onnxscript
            input_names=names,
            output_names=[OUTPUT_NAME],
            dynamic_axes={name: {0: "batch", 1: "sequence"} for name in [*names, OUTPUT_NAME]},
            opset_version=OPSET_VERSION,
            do_constant_folding=True,
        )


def _move_weights_out(source: Path, graph: Path) -> None:
    """Rewrite `source` as `graph` with its weights in `WEIGHTS_FILE` beside it.

    onnxruntime maps such weights from disk instead of copying them out of the graph file,
    which saves about 90 MB of peak memory and part of the load time.
    """
    import onnx

    model = onnx.load(str(source))
    onnx.save_model(
        model,
        str(graph),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=WEIGHTS_FILE,
        size_threshold=1024,
    )
    source.unlink()


@dataclass(frozen=True)
class PoolingConfig:
    """What a sentence-transformers folder's configs say to do around the transformer."""

    max_seq_length: int
    do_lower_case: bool
    dimension: int
    normalize: bool

    @classmethod
    def read(cls, model_dir: Path) -> PoolingConfig:
        """The folder's settings; ValueError for a layout other than Transformer + mean Pooling
        (+ Normalize)."""
        modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
        kinds = [module["type"].rsplit(".", 1)[-1] for module in modules]
        if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
            raise ValueError(f"unsupported sentence-transformers modules in {model_dir}: {kinds}")
        pooling_dir = model_dir / modules[1]["path"]
        pooling = json.loads((pooling_dir / "config.json").read_text(encoding="utf-8"))
        modes = [
            k.removeprefix("pooling_mode_")
            for k, v in pooling.items()
            if k.startswith("pooling_mode_") and v is True
        ]
        mode = pooling.get("pooling_mode") or "/".join(modes)
        if mode not in ("mean", "mean_tokens"):
            raise ValueError(f"unsupported pooling in {pooling_dir}: {mode!r}; only mean is")
        settings = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
        return cls(
            max_seq_length=int(settings["max_seq_length"]),
            do_lower_case=bool(settings.get("do_lower_case", False)),
            dimension=int(pooling["word_embedding_dimension"]),
            normalize=kinds[-1] == "Normalize",
        )


def default_threads() -> int:
    """CPUs this process may use, capped: MiniLM batches gain little beyond a few threads."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        available = os.cpu_count() or 1
    return max(1, min(MAX_THREADS, available))


class OnnxEmbedder:
    """A sentence-transformers model run by onnxruntime on the CPU, loaded on first use.

    `model_dir` is the sentence-transformers folder (tokenizer.json and configs); `onnx_path`
    its export (`ensure_export`). `threads` batches run at once (default: the CPUs this process
    may use, at most `MAX_THREADS`); results do not depend on it.
    """

    def __init__(
        self,
        model_dir: Path,
        onnx_path: Path,
        *,
        name: str | None = None,
        batch_size: int = BATCH_SIZE,
        threads: int | None = None,
    ) -> None:
        self.model_dir = Path(model_dir)
        self.onnx_path = Path(onnx_path)
        self.batch_size = batch_size
        self.threads = threads or default_threads()
        self._name = name or self.model_dir.name
        self.config = PoolingConfig.read(self.model_dir)
        self._session: onnxruntime.InferenceSession | None = None
        self._tokenizer: Tokenizer | None = None
        self._input_names: list[str] = []
        self._pad_id = 0

    @property
    def name(self) -> str:
        return self._name

    def load(self) -> tuple[onnxruntime.InferenceSession, Tokenizer]:
        if self._session is None or self._tokenizer is None:
            import onnxruntime
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
            # tokenizer.json may carry its own settings (all-MiniLM-L6-v2's pads every text to
            # 128 tokens and truncates there); sentence-transformers uses max_seq_length.
            tokenizer.enable_truncation(max_length=self.config.max_seq_length)
            padding = tokenizer.padding
            self._pad_id = int(padding["pad_id"]) if padding else 0
            tokenizer.no_padding()  # padded per batch in _encode_batch
            session = onnxruntime.InferenceSession(
                str(self.onnx_path),
                sess_options=self._options(onnxruntime),
                providers=["CPUExecutionProvider"],
            )
            self._input_names = [entry.name for entry in session.get_inputs()]
            self._session, self._tokenizer = session, tokenizer
        return self._session, self._tokenizer

    def _options(self, onnxruntime: Any) -> onnxruntime.SessionOptions:
        options = onnxruntime.SessionOptions()
        # Threads run whole batches side by side (`encode`), each batch on one core: on a
        # shared machine, splitting every small matrix product across cores cost more than it
        # gave (threads waking for each of hundreds of operations per batch).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.use_deterministic_compute = True
        options.log_severity_level = 3
        # Idle pool threads sleep instead of spinning: same results, less CPU taken from the
        # rest of the pipeline and from other processes on a busy machine.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return options

    def release(self) -> None:
        """Drop the session (the weights and the activation arena, about 100 MB on the seeds);
        the next `encode` loads it again."""
        self._session = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, dimension) float32 array: one unit-length row per text, in the order given."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        result = np.zeros((len(texts), self.config.dimension), dtype=np.float32)
        session, tokenizer = self.load()
        if self.config.do_lower_case:
            texts = [text.lower() for text in texts]
        encodings = tokenizer.encode_batch(list(texts))
        # Longest first, as sentence-transformers does: batches of similar lengths pad little.
        order = sorted(range(len(encodings)), key=lambda i: -len(encodings[i].ids))
        batches = [order[k : k + self.batch_size] for k in range(0, len(order), self.batch_size)]

        def run(rows: list[int]) -> np.ndarray:
            return self._encode_batch(session, [encodings[i] for i in rows])

        if self.threads == 1 or len(batches) == 1:
            vectors = [run(rows) for rows in batches]
        else:
            with ThreadPoolExecutor(self.threads) as pool:
                vectors = list(pool.map(run, batches))
        for rows, rows_vectors in zip(batches, vectors, strict=True):
            result[rows] = rows_vectors
        return result

    def _encode_batch(
        self, session: onnxruntime.InferenceSession, encodings: list[Encoding]
    ) -> np.ndarray:
        width = max(len(encoding.ids) for encoding in encodings)
        arrays = {name: np.zeros((len(encodings), width), dtype=np.int64) for name in INPUT_NAMES}
        arrays["input_ids"].fill(self._pad_id)
        for row, encoding in enumerate(encodings):
            length = len(encoding.ids)
            arrays["input_ids"][row, :length] = encoding.ids
            arrays["attention_mask"][row, :length] = encoding.attention_mask
            arrays["token_type_ids"][row, :length] = encoding.type_ids
        feeds = {name: arrays[name] for name in self._input_names}
        (tokens,) = session.run([OUTPUT_NAME], feeds)
        tokens = np.asarray(tokens, dtype=np.float32)
        return mean_pool(tokens, arrays["attention_mask"], self.config)


def mean_pool(tokens: np.ndarray, attention_mask: np.ndarray, config: PoolingConfig) -> np.ndarray:
    """Mean over unmasked tokens, then unit length, as sentence-transformers computes them."""
    mask = attention_mask[:, :, np.newaxis].astype(np.float32)
    sums = (tokens * mask).sum(axis=1)
    counts = np.maximum(mask.sum(axis=1), np.float32(1e-9))
    vectors = sums / counts
    if config.normalize:
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = vectors / np.maximum(norms, np.float32(1e-12))
    return np.asarray(vectors, dtype=np.float32)


class BundledEmbedder:
    """The bundled model on ONNX Runtime, exported on first use; sentence-transformers when no
    export can be made (one note says why).

    Nothing is resolved, hashed or imported until the first `encode`, so a run whose sentences
    are all in the embedding cache never touches the model.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        cache_dir: str | os.PathLike[str] | None = None,
        note: Callable[[str], None] | None = None,
        threads: int | None = None,
    ) -> None:
        self.model = model
        self.cache_dir = cache_dir
        self.note = note
        self.threads = threads
        self._inner: Embedder | None = None

    @property
    def name(self) -> str:
        return self.model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return finite_vectors(self.backend().encode(texts), self.model)

    def release(self) -> None:
        """Hand back the model's memory (see `OnnxEmbedder.release`); nothing to do before the
        first `encode`, or on the sentence-transformers path."""
        if isinstance(self._inner, OnnxEmbedder):
            self._inner.release()

    def backend(self) -> Embedder:
        """The ONNX embedder, or sentence-transformers when the export cannot be made or run."""
        if self._inner is None:
            folder = Path(resolve_model(self.model))
            cache = Path(self.cache_dir) if self.cache_dir else default_cache_dir()
            try:
                self._inner = self._checked_export(folder, cache)
            except Exception as exc:  # any failure to export or load: the slower path still works
                self._say_fallback(exc)
                self._inner = SentenceTransformerEmbedder(self.model)
        return self._inner

    def _checked_export(self, folder: Path, cache: Path) -> OnnxEmbedder:
        """The export, loaded and giving its recorded probe vector; one that cannot be loaded
        or gives another vector (damaged weights) is exported again, once."""
        for attempt in (1, 2):
            path = ensure_export(folder, cache)
            onnx = OnnxEmbedder(folder, path, name=self.model, threads=self.threads)
            try:
                onnx.load()
                good = probe_matches(onnx, path.parent)
            except ImportError:
                raise
            except Exception:  # onnxruntime's errors for a damaged graph share no type
                if attempt == 2:
                    raise
                good = False
            if good:
                return onnx
            if attempt == 2:
                raise ValueError("the export gives other vectors than when it was made")
            onnx.release()
            discard_export(path.parent)
        raise AssertionError("two attempts always return or raise")

    def _say_fallback(self, error: Exception) -> None:
        if self.note:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            self.note(f"no ONNX export of {self.model} ({reason}); using sentence-transformers")


def main(arguments: Sequence[str]) -> int:
    """Export the bundled model into the cache folder given (default: the usual one).

    Exit 0 with the export's path on stdout, or 1 with one line on stderr (then `synth brief`
    falls back to sentence-transformers).
    """
    cache = Path(arguments[0]) if arguments else default_cache_dir()
    try:
        path = ensure_export(Path(resolve_model(DEFAULT_MODEL)), cache)
    except Exception as exc:  # reported in one line; the run-time fallback still works
        print(f"synth: cannot export {DEFAULT_MODEL} to ONNX: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
