"""synth: turn several news articles about one event into one attributed briefing.

    >>> import synth
    >>> briefing = synth.brief(["articles/"], max_words=150)
    >>> briefing.to_dict()["sections"][0]["label"]

Importing the package is instant: its names load on first use, and heavy dependencies
(torch, sentence-transformers) only when sentences are embedded.
"""

from __future__ import annotations

from importlib import import_module

# Not `from typing import TYPE_CHECKING`: importing typing takes milliseconds in which a Ctrl-C
# would end the `synth` command with a traceback, before its handler is installed.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from synth.core import Briefing, InputError, Point, Section, Sentence, Source, SynthError
    from synth.pipeline import Pipeline, brief
    from synth.write.render import render

_HOMES = {
    "Briefing": "synth.core",
    "InputError": "synth.core",
    "Point": "synth.core",
    "Section": "synth.core",
    "Sentence": "synth.core",
    "Source": "synth.core",
    "SynthError": "synth.core",
    "Pipeline": "synth.pipeline",
    "brief": "synth.pipeline",
    "render": "synth.write.render",
}
__all__ = [
    "Briefing",
    "InputError",
    "Pipeline",
    "Point",
    "Section",
    "Sentence",
    "Source",
    "SynthError",
    "brief",
    "render",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'synth' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
