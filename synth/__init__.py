"""synth: turn several news articles about one event into one attributed briefing.

    >>> import synth
    >>> briefing = synth.brief(["articles/"], max_words=150)
    >>> briefing.to_dict()["sections"][0]["label"]

Heavy dependencies (torch, sentence-transformers) load only when sentences are embedded.
"""

from synth.core import Briefing, InputError, Point, Section, Sentence, Source, SynthError
from synth.pipeline import Pipeline, brief
from synth.write.render import render

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
