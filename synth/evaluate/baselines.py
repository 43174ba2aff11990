"""The summarizers synth is measured against, each giving sentences in order of importance.

sumy's LexRank, TextRank, LSA, Luhn, KL-Sum and SumBasic run through sumy's own document
model, fed the same cleaned sentences synth reads. sumy returns its choice in document order,
so its ranking is read from the `sentences_count` hook, which sumy hands every sentence sorted
by rating. Beside them: a round-robin lead baseline and a MEAD-style embedding centroid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from synth.core import Sentence
from synth.lang.en import TOKEN_START

SUMY_METHODS = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
}


class TreebankTokenizer:
    """Word tokenizer for sumy's document model that needs no downloaded NLTK data."""

    language = "english"

    def __init__(self) -> None:
        from nltk.tokenize import TreebankWordTokenizer

        self._tokenizer = TreebankWordTokenizer()

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._tokenizer.tokenize(sentence) if TOKEN_START.match(w))

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)


@lru_cache(maxsize=1)
def _tokenizer() -> TreebankTokenizer:
    return TreebankTokenizer()


def sumy_ranking(method: str, sentences: Sequence[Sentence]) -> list[int]:
    """Sentence indexes in the order of sumy's ratings, best first (ties in reading order)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    tokenizer = _tokenizer()
    by_source: dict[int, list[SumySentence]] = {}
    position: dict[int, int] = {}
    for index, sentence in enumerate(sentences):
        item = SumySentence(sentence.text, tokenizer)
        by_source.setdefault(sentence.source, []).append(item)
        position.setdefault(id(item), index)
    document = ObjectDocumentModel(
        tuple(Paragraph(tuple(items)) for _, items in sorted(by_source.items()))
    )
    module, name = SUMY_METHODS[method].split(":")
    summarizer: Any = getattr(__import__(module, fromlist=[name]), name)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    ranked: list[Any] = []

    def capture(infos: Sequence[Any]) -> Sequence[Any]:
        ranked.extend(infos)
        return infos

    summarizer(document, capture)
    first_of_text: dict[str, int] = {}
    for index, sentence in enumerate(sentences):
        first_of_text.setdefault(sentence.text, index)
    return [first_of_text[info.sentence._text] for info in ranked]


def lead_ranking(sentences: Sequence[Sentence]) -> list[int]:
    """First sentence of every article, then every second sentence, and so on."""
    return sorted(range(len(sentences)), key=lambda i: (sentences[i].position, sentences[i].source))


@dataclass(frozen=True)
class CentroidRanker:
    """MEAD-style: closeness to the centroid of all sentence embeddings, minus redundancy."""

    redundancy: float = 0.9

    def rank(self, sentences: Sequence[Sentence], vectors: np.ndarray) -> list[int]:
        if not sentences:
            return []
        centre = vectors.mean(axis=0)
        centre = centre / (np.linalg.norm(centre) or 1.0)
        order = sorted(range(len(sentences)), key=lambda i: (-float(vectors[i] @ centre), i))
        chosen: list[int] = []
        skipped: list[int] = []
        for index in order:
            if chosen and float(np.max(vectors[chosen] @ vectors[index])) >= self.redundancy:
                skipped.append(index)
            else:
                chosen.append(index)
        return chosen + skipped


Ranking = Callable[[Sequence[Sentence], np.ndarray], list[int]]


def baseline(method: str) -> Ranking:
    """The ranking function of a baseline by name."""
    if method in SUMY_METHODS:
        return lambda sentences, vectors: sumy_ranking(method, sentences)
    if method == "lead":
        return lambda sentences, vectors: lead_ranking(sentences)
    if method == "centroid":
        return CentroidRanker().rank
    raise KeyError(method)
