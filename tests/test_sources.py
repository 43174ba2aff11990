import codecs

import pytest

from synth.core import InputError
from synth.sources import expand_paths, load_sources

BODY = "The council approved the new budget on Tuesday after a long debate, officials said.\n"


def test_front_matter_gives_label_title_and_url(write_article):
    path = write_article(
        "a.md",
        f"---\ntitle: Budget passes\noutlet: Daily Example\nurl: https://example.org/a\n---\n{BODY}",
    )
    (source,) = load_sources([path])
    assert source.label == "Daily Example"
    assert source.title == "Budget passes"
    assert source.url == "https://example.org/a"
    assert source.text[source.blocks[0][0] :].startswith("The council")


def test_label_falls_back_to_headline_then_file_name(write_article):
    a = write_article("a.txt", f"Council Approves The New City Budget\n\n{BODY}")
    b = write_article("b.txt", BODY)
    first, second = load_sources([b, a])
    assert first.label == "Council Approves The New City Budget"
    assert second.label == "b"


def test_canonical_order_whatever_the_argument_order(write_article):
    paths = [write_article(f"{n}.txt", BODY) for n in "cab"]
    assert expand_paths(paths) == expand_paths(list(reversed(paths)))
    assert [s.id for s in load_sources(paths)] == [1, 2, 3]


def test_folder_is_read_recursively_and_duplicates_collapse(write_article, tmp_path):
    write_article("x/one.txt", BODY)
    write_article("x/deeper/two.md", BODY)
    write_article("x/notes.pdf", "not an article")
    found = expand_paths([tmp_path / "x", tmp_path / "x" / "one.txt"])
    assert [p.rsplit("/", 1)[-1] for p in found] == ["two.md", "one.txt"]


def test_utf16_and_bom_are_decoded(tmp_path):
    path = tmp_path / "u.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"))
    assert load_sources([path])[0].text == BODY
    path.write_bytes(codecs.BOM_UTF8 + "“Quoted” – dash. ".encode() + BODY.encode())
    assert load_sources([path])[0].text.startswith("“Quoted” – dash.")


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing.txt", "no such file or folder"),
        (lambda d: (d / "empty.txt").write_text("") or d / "empty.txt", "file is empty"),
        (lambda d: (d / "sub").mkdir() or d / "sub", "folder holds no articles"),
    ],
)
def test_bad_input_raises_a_clear_error(tmp_path, setup, message):
    with pytest.raises(InputError, match=message):
        load_sources([setup(tmp_path)])


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        load_sources([path])
