"""Answers read from the parser, kept on disk, so that a briefing read before never loads spaCy.

Naming a speaker or judging whether a point reads alone means importing spaCy and loading its
English pipeline: about two seconds and over 100 MB, more than everything else a briefing of a
few articles costs once its sentence vectors are cached. The answers depend only on the text
asked about (an article's text, paragraphs and quote spans; a sentence), the parser (model and
spaCy versions) and synth's own rules, so they are kept beside the embedding cache: one small
JSON file per question (an article's speakers, a sentence's claimant or standalone problem),
named by a hash of all of that. Whatever changes an answer changes the name; old files are
simply no longer read.

Writes go to a temporary file renamed into place, so a concurrent run never reads half a file;
two runs adding answers for one article at once may lose one run's additions (a later run finds
them again). A file that cannot be read, or does not hold answers, is ignored and overwritten by
the next write; so is an answer that no run could have given (a verdict outside the judge's
list, a name or title with a word its text does not hold: a tampered or damaged file), which
is found again. A folder that cannot be written costs speed only: one note, and the run goes on
without the store.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path

from synth.core import Say

STORE_FOLDER = "answers-v1"
Answers = dict[str, "str | None"]
Valid = Callable[["str | None"], bool]
WORD = re.compile(r"\w+")


class AnswerStore:
    """Answers of a parser-based stage on disk, in `folder`/answers-v1.

    `fingerprint` names what the answers depend on besides the text asked about (the parser
    and the rules); it is called once, when the store is first used.
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        fingerprint: Callable[[], str],
        note: Say | None = None,
    ) -> None:
        self.folder = Path(folder) / STORE_FOLDER
        self._describe = fingerprint
        self.note = note
        self.usable = True

    @cached_property
    def fingerprint(self) -> str:
        return self._describe()

    def key(self, kind: str, *parts: str) -> str:
        """The file name of what is asked: the fingerprint, the kind of question, its text."""
        digest = hashlib.sha256(f"{self.fingerprint}\0{kind}".encode())
        for part in parts:
            digest.update(b"\0")
            digest.update(part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def read(self, key: str) -> Answers:
        """The answers kept under `key`; none when there is no file or it holds no answers."""
        if not self.usable:
            return {}
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return {}
        return _answers(data)

    def answer(
        self, kind: str, text: str, find: Callable[[], str | None], valid: Valid | None = None
    ) -> str | None:
        """The one answer kept for `text`, else `find()`'s, kept for next time. A kept answer
        that fails `valid` is not one `find` could give: it is found again and replaced."""
        key = self.key(kind, text)
        kept = self.read(key)
        if kind in kept and (valid is None or valid(kept[kind])):
            return kept[kind]
        found = find()
        self.write(key, {kind: found})
        return found

    def write(self, key: str, answers: Mapping[str, str | None]) -> None:
        """Add `answers` to those kept under `key`, replacing the file in one step."""
        if not self.usable or not answers:
            return
        merged = {**self.read(key), **answers}
        text = json.dumps({"answers": merged}, ensure_ascii=False, sort_keys=True)
        try:
            replace_file(self.folder, f"{key}.json", text.encode("utf-8"))
        except OSError as error:
            self._give_up(error.strerror or str(error))

    def _give_up(self, reason: str) -> None:
        if self.usable and self.note:
            self.note(
                f"parser answer cache {self.folder} not used ({reason}); "
                "the briefing is the same, only slower"
            )
        self.usable = False


def replace_file(folder: Path, name: str, data: bytes) -> None:
    """Write `data` to `folder`/`name` in one step (a temporary file renamed onto it), so a
    run that stops midway, or a second writer, never leaves half a file; OSError is the
    caller's to handle (the caches give up, the briefing is the same)."""
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{name[:16]}-", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, folder / name)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise


def drawn_from(text: str) -> Valid:
    """A check that an answer's words are all words of `text` (case aside): the names and
    titles the finders give are only ever taken from the text they read."""
    words = set(WORD.findall(text.casefold()))

    def valid(answer: str | None) -> bool:
        return answer is None or all(w in words for w in WORD.findall(answer.casefold()))

    return valid


def _answers(data: object) -> Answers:
    """The answers in a file's JSON: names (or null) by question; anything else is dropped."""
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict):
        return {}
    return {
        k: v
        for k, v in answers.items()
        if isinstance(k, str) and (v is None or (isinstance(v, str) and v.strip()))
    }
