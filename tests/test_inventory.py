"""`synth sources` and `synth brief` tell the user how much of each article was kept."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import synth
from synth.cli import app
from synth.evaluate.rewrap import rewrap
from synth.read.inventory import inventory, retention, retention_note
from synth.read.sources import load_sources

STORY = " ".join(
    f"The committee heard evidence from witness number {i} about the collapsed bridge on Monday."
    for i in range(12)
)
# Twelve lines of page furniture (short, no closing punctuation) over one short paragraph.
MENU = "\n".join(f"Section {name} news and more" for name in "ABCDEFGHIJKL")
SHORT = "Engineers inspected the remaining bridges in the county on Tuesday, officials said.\n"


def test_a_clean_article_keeps_nearly_all_of_its_words(write_article):
    (source,) = load_sources([write_article("a.txt", STORY + "\n")])
    kept = retention(source)
    assert kept.share == 1.0 and kept.article_words == kept.kept_words
    assert retention_note(source) is None


def test_a_wrapped_article_keeps_its_words(write_article):
    (source,) = load_sources([write_article("a.txt", rewrap(STORY + "\n", 70, "tight"))])
    assert retention(source).share == 1.0


def test_losing_most_words_is_named_with_the_main_reason(write_article):
    path = write_article("menu.txt", MENU + "\n" + SHORT)
    (source,) = load_sources([path])
    kept = retention(source)
    assert kept.share < 0.5 and kept.main_reason == "heading or navigation"
    note = retention_note(source)
    assert note is not None and str(path) in note and "heading or navigation" in note


def test_a_repeated_copy_counts_as_kept(write_article):
    text = f"{STORY}\n{SHORT}"
    (source,) = load_sources([write_article("twice.txt", text + text)])
    assert [line.reason for line in source.dropped] == ["repeated copy", "repeated copy"]
    assert retention(source).share == 1.0


def test_sources_table_and_json_show_the_share_kept(write_article):
    path = write_article("menu.txt", MENU + "\n" + SHORT)
    (row,) = inventory([path])
    assert 0 < row.kept_share < 0.5 and row.article_words > row.words
    runner = CliRunner()
    table = runner.invoke(app, ["sources", str(path)])
    assert table.stdout.splitlines()[0].split()[3:5] == ["words", "kept"]
    assert f"{row.kept_share:.0%}" in table.stdout
    data = json.loads(runner.invoke(app, ["sources", "--json", str(path)]).stdout)
    assert data[0]["kept_share"] == row.kept_share and data[0]["article_words"] > 0


def test_brief_notes_a_source_that_lost_most_of_its_words(write_article, fake_embedder):
    good = write_article("good.txt", STORY + "\n")
    poor = write_article("poor.txt", MENU + "\n" + SHORT)
    notes: list[str] = []
    warnings: list[str] = []
    synth.brief([good, poor], embedder=fake_embedder, note=notes.append, warn=warnings.append)
    assert warnings == []
    assert len(notes) == 1 and str(poor) in notes[0]
    result = CliRunner().invoke(
        app, ["brief", str(good), str(poor), "-q"], obj={"embedder": fake_embedder}
    )
    assert result.exit_code == 0  # the source was read: news for the user, not a failed input
    assert "note:" in result.stderr and "poor.txt" in result.stderr
