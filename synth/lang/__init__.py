"""Language data: every word list and pattern of a language lives in one package per language.

Stages import what they need from `synth.lang.en` (`from synth.lang.en import FIGURE`); no
stage keeps English words of its own (tests/test_layout.py checks for weekdays and verbs of
saying outside `synth/lang/`). Only data lives here: compiled patterns, frozen sets, a few
strings and numbers, and the lazy helpers whose data ships inside installed packages.

The contract of a language package `synth/lang/<code>/` (as spaCy keeps `spacy/lang/<code>/`):

- `__init__.py` re-exports every name below, so a stage imports from the package, never from
  one of its modules, and `source_files()`: the package's files, on which the caches of
  answers read with its rules (speakers, standalone points, headlines) are keyed.
- one module per purpose, each named for what it holds and none over 600 lines:
  `tokens` (what counts as a word), `dates` (weekdays, months, date patterns), `words`
  (function words, `stop_words()`, `stem()`, `not_a_name()`), `speech` (verbs of saying,
  speaker patterns, attribution, titles before names), `quotes` (quotation marks),
  `standalone` (sentences that lean on others, definite descriptions, verb forms),
  `furniture` (bylines, captions, credits, labels, widgets, markup, non-article pages),
  `labels` (datelines), `headlines` (where a title is cut), `headings` (the noun-phrase
  chunker's lists), `figures` (numbers, qualifiers, measures, places, ranges), `differences`
  (the difference finder's counts in words, money, changes over time, ages, names, offices,
  relayed reports), `breaks` (hard-wrapped lines, sentence splits).
- word lists as one triple-quoted string of words, `.split()`, under `# fmt: off`; every
  pattern compiled at import, and every pattern exercised by examples in `tests/lang/` (a
  pattern without examples fails the coverage test there).

A new language copies `en/` to `<code>/`, keeps the names (the stages read them by name) and
rewrites the values; patterns whose examples do not carry over get new examples in
`tests/lang/`. Choosing the language per document is not wired yet: stages import
`synth.lang.en` directly.
"""
