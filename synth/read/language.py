"""Whether an article is in English, the one language synth reads.

Every rule, word list and model synth uses is English: an article in another language gives
no points or wrong ones, and its body would be read as one long label. Two measures, cheap and
without a language model:

- script: the share of letters outside the Latin alphabet (Chinese, Japanese, Arabic,
  Cyrillic, Greek, Hebrew ...); past half, the article is in another script, whatever its
  length;
- words: in Latin script, the share of English function words ("the", "of", "and" ...). News
  prose in English holds 15 to 60% of them (the lowest of the 739 development articles that
  are English: 15%); Dutch and Basque pages there hold 4 and 9%.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

from synth.lang.en import FUNCTION_WORDS, LETTER_WORD

# How a source skipped for its language is marked (`Source.skipped` starts so).
NOT_ENGLISH = "not English"
SAMPLE_CHARS = 20_000
MIN_LETTERS = 20
# Fewer words than this say nothing of a language.
MIN_WORDS = 30
ENGLISH_FUNCTION_SHARE = 0.12
LATIN_END = "\u0250"  # Latin letters, with their accented and extended forms, come before


def other_language(text: str, blocks: Sequence[tuple[int, int]]) -> str | None:
    """Why the article's text is not English ("its letters are mostly Cyrillic"), or None."""
    kept = " ".join(text[a:b] for a, b in blocks)[:SAMPLE_CHARS] if blocks else ""
    script = other_script(kept or text[:SAMPLE_CHARS])
    if script:
        return f"its letters are mostly {script}"
    words = [w.lower() for w in LETTER_WORD.findall(kept)]
    if len(words) >= MIN_WORDS:
        share = sum(1 for w in words if w in FUNCTION_WORDS) / len(words)
        if share < ENGLISH_FUNCTION_SHARE:
            return f"only {share:.0%} of its words are common English words"
    return None


def other_script(text: str) -> str | None:
    """The script most of the letters are in, when it is not Latin ("CJK", "Cyrillic")."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    others = [c for c in letters if c >= LATIN_END]
    if len(others) * 2 <= len(letters):
        return None
    scripts = Counter(_script(c) for c in others)
    return scripts.most_common(1)[0][0]


def _script(letter: str) -> str:
    """The script of a letter, from the first word of its Unicode name ("CYRILLIC SMALL
    LETTER A" -> "Cyrillic"; "CJK UNIFIED IDEOGRAPH-6771" -> "CJK")."""
    try:
        first = unicodedata.name(letter).split()[0]
    except ValueError:
        return "another script"
    return first if first == "CJK" else first.capitalize()
