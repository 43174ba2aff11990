"""What counts as a word: the tokenizer patterns each stage counts or compares words with."""

from __future__ import annotations

import re

# Words of letters only (apostrophes inside): counting article words, notice detection.
LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# Words of letters or digits: word counts of lines and sentences.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# ASCII words of two letters or more: what a figure counts, difference labels.
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")

# Words of two letters or more, inner apostrophes and hyphens kept: story terms.
TERM = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")

# Runs of letters or digits: words of a quote, compared across outlets.
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

# A token that starts with a letter or holds a digit: words for the sumy baselines.
TOKEN_START = re.compile(r"^[^\W\d_]|\d")

# Words (letters, inner apostrophes, hyphens, abbreviation dots) and single punctuation marks:
# a capitalized word counts as part of a name only while no mark interrupts the run.
NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W_]|['’-](?=[^\W_])|\.(?=[^\W\d_]))*|\d[\d,.]*|[^\w\s]")

# Figures as written: digits with thousands commas or a decimal part, a percent sign kept.
NUMBER_TOKEN = re.compile(r"(?<![\w.])\$?\d[\d,]*(?:\.\d+)?%?")
