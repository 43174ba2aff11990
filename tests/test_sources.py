import codecs
import io
import json
from pathlib import Path

import pytest

from synth.core import InputError
from synth.read.label import UNKNOWN_OUTLET
from synth.read.sources import input_files, load_sources

BODY = (
    "The council approved the new budget on Tuesday after a long debate, officials said. "
    "The plan adds money for schools and roads and will be reviewed again next spring.\n"
)


def load_one(path, **options):
    (source,) = load_sources([path], strict=True, **options)
    return source


def test_front_matter_gives_label_title_and_url(write_article):
    path = write_article(
        "a.md",
        "---\ntitle: Budget passes\noutlet: Daily Example\nurl: https://example.org/a\n---\n"
        + BODY,
    )
    source = load_one(path)
    assert (source.label, source.title, source.url) == (
        "Daily Example",
        "Budget passes",
        "https://example.org/a",
    )
    assert source.text[source.blocks[0][0] :].startswith("The council")


def test_an_outlet_the_text_does_not_give_is_said_to_be_unknown(write_article):
    a = write_article("a.txt", f"Council Approves The New City Budget\n\n{BODY}")
    b = write_article("002_cd1ee09f8757831e.txt", BODY)
    c = write_article("D01.txt", f"NEW YORK // {BODY}")  # a dateline's city is no outlet
    d = write_article("D02.txt", f"SEOUL (Reuters) - {BODY}")
    e = write_article("D03.txt", f"PORTLAND, Maine (AP) _ {BODY}")
    sources = {Path(s.path).name: s for s in load_sources([a, b, c, d, e])}
    labels = {name: s.label for name, s in sources.items()}
    assert labels["a.txt"] == labels["002_cd1ee09f8757831e.txt"] == UNKNOWN_OUTLET
    assert labels["D01.txt"] == UNKNOWN_OUTLET
    assert labels["D02.txt"] == "Reuters"
    assert labels["D03.txt"] == "AP"
    assert sources["a.txt"].title == "Council Approves The New City Budget"
    first = sources["D03.txt"].text[slice(*sources["D03.txt"].blocks[0])]
    assert first.startswith("The council approved")  # the dateline is not part of the story


@pytest.mark.parametrize(
    ("lines", "label"),
    [
        (["By MARA QUILL, Associated Press", BODY], "AP"),
        (["By Mara Quill | Reuters", BODY], "Reuters"),
        ([BODY, "— AFP"], "AFP"),
        ([BODY, "(Reporting by Mara Quill in Oslo; Editing by Ian Roe)"], "Reuters"),
        ([BODY, "ab/cd (AP, AFP, dpa)"], "AP, AFP, dpa"),
        ([BODY, "* Agence France-Presse and Reuters"], "AFP, Reuters"),
        ([BODY, "Valley Courier's Ian Roe contributed to this report."], "Valley Courier"),
        ([BODY, "Associated Press writer Ian Roe in Oslo contributed to this report."], "AP"),
        ([BODY, "© 2019 Harbour Radio"], "Harbour Radio"),
        ([BODY, "Copyright 2020 The Associated Press. All rights reserved."], "AP"),
        ([BODY, "Email: iroe@valley-courier.example"], "valley-courier.example"),
        ([BODY, "Email: iroe@gmail.com"], UNKNOWN_OUTLET),  # a person's address, no outlet
        ([BODY, "Photo © Getty Images"], UNKNOWN_OUTLET),
        ([BODY, "Reuters contributed to this report."], UNKNOWN_OUTLET),  # another outlet's
    ],
)
def test_the_outlet_is_read_from_a_byline_a_sign_off_or_a_credit(write_article, lines, label):
    path = write_article("a.txt", "\n".join(lines) + "\n")
    assert load_one(path).label == label


def test_a_source_without_a_known_outlet_shows_its_headline_or_first_words_as_such(
    write_article, fake_embedder
):
    from synth import brief, render

    titled = write_article("a.txt", f"Council Approves The New City Budget\n\n{BODY}")
    plain = write_article("b.txt", BODY)
    other = "The harbour of Norhaven reopened on Monday after the storm, officials said.\n"
    title = '"The mayor at the harbour (Photo: Ian Roe)"'
    caption = write_article("c.md", f"---\ntitle: {title}\n---\n{other}")
    md = render(brief([titled, plain, caption], embedder=fake_embedder), "md")
    unnamed = "(outlet not named in the article)"
    assert f"- [1] “Council Approves The New City Budget” {unnamed} (`" in md
    # [2] and [3] have no headline (a caption is none): one line for both, with their files
    assert "- [2][3] outlets not named in the articles; files in `" in md
    assert UNKNOWN_OUTLET not in md and "first words" not in md
    alone = render(brief([plain], embedder=fake_embedder), "md")
    assert f"- [1] first words “The council approved the new budget …” {unnamed}" in alone


def test_a_label_is_never_a_file_name(write_article):
    for name in ("002_cd1ee09f8757831e.txt", "D01.txt", "story.txt"):
        (source,) = load_sources([write_article(name, BODY)])
        assert source.label != Path(name).stem and source.label.strip()


def test_label_is_the_site_of_the_url_where_the_text_names_no_outlet(write_article):
    path = write_article(
        "a.md", f"---\ntitle: Budget passes\nurl: https://www.example.org/a\n---\n{BODY}"
    )
    (source,) = load_sources([path])
    assert source.label == "example.org"


def test_captions_and_dates_are_not_taken_for_headlines():
    from synth.read.label import plausible_headline

    assert plausible_headline("Council Approves The New City Budget")
    assert plausible_headline("Watch out: Oslo ferry fares rise in June")
    assert plausible_headline("Recommended dose of vitamin D cut by health panel")
    for headline in (  # words a page label starts with, in ordinary headlines
        "Credit Suisse shares plunge 24% in Zurich",
        "Credit card debt hits record in Norway",
        "Share prices tumble in Oslo",
        "Tap water in Bergen still unsafe",
        "Updated Covid boosters approved by FDA",
        "Background Checks Bill Passes Senate",
        "By Election Day, Turnout Could Hit Record",
        "Please, Mr President, sign the bill",
        "Google to delete user data from search app",
    ):
        assert plausible_headline(headline), headline
    for line in (
        "Photo: Frazer Harrison/Getty Images",
        "Published on Oct 19, 2015",
        "-- up to a maximum of 100 pages",
        "Yu Darvish says he is not angry (2:04)",
        "Story highlights Oslo police seek help finding the drone's operator",
        "Please enable Javascript to watch this video",
        "Share on Facebook Share on Twitter",
        "Page 1 of 1",
        "Updated at 11:02 p.m. ET",
        "By Lynn Hulsey , Staff Writer",
        "Abstract A previously healthy man from eastern Kansas",
        "Source: Jdarsie11 / Wikimedia Commons",
    ):
        assert not plausible_headline(line), line


def test_canonical_order_whatever_the_argument_order(write_article):
    paths = [write_article(f"{n}.txt", BODY) for n in "cab"]
    forward = [s.path for s in load_sources(paths)]
    assert forward == [s.path for s in load_sources(list(reversed(paths)))]
    assert forward == sorted(forward)


def test_folder_is_read_recursively_and_duplicates_collapse(write_article, tmp_path):
    write_article("x/one.txt", BODY)
    write_article("x/deeper/two.md", BODY)
    write_article("x/notes.pdf", "not an article")
    sources = load_sources([tmp_path / "x", tmp_path / "x" / "one.txt"])
    assert [s.path.rsplit("/", 1)[-1] for s in sources] == ["two.md", "one.txt"]
    assert len(input_files([tmp_path / "x"])) == 2


@pytest.mark.parametrize(
    ("encode", "name"),
    [
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16 with BOM"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8 with BOM"),
        (lambda t: t.encode("cp1252"), "cp1252"),
        (lambda t: t.encode("utf-8"), "utf-8"),
    ],
)
def test_encodings_keep_typographic_characters(tmp_path, encode, name):
    text = "“Quoted” – a dash and café prices rose ’sharply’. " + BODY
    path = tmp_path / "u.txt"
    path.write_bytes(encode(text))
    assert load_one(path).text == text, name


def test_html_page_gives_text_and_metadata(tmp_path):
    page = (
        "<html><head><title>Storm hits coast - Daily Planet</title>"
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta name="author" content="Lois Lane">'
        '<meta property="article:published_time" content="2020-05-03">'
        '<link rel="canonical" href="https://planet.example/storm"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Storm hits coast</h1>"
        f"<p>{BODY}</p><p>Rescue teams worked through the night to reach families.</p>"
        "</article><footer>Subscribe to our newsletter.</footer></body></html>"
    )
    path = tmp_path / "storm.html"
    path.write_text(page)
    source = load_one(path)
    assert source.label == "Daily Planet"
    assert (source.author, source.published, source.url) == (
        "Lois Lane",
        "2020-05-03",
        "https://planet.example/storm",
    )
    assert "Subscribe" not in source.text and "The council approved" in source.text
    assert source.format == "html"


def test_html_without_article_is_a_problem(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError, match="no article text"):
        load_sources([path], strict=True)


def test_json_lines_and_json_array(tmp_path):
    records = [
        {"text": BODY, "outlet": "Wire One", "title": "Budget", "url": "https://a.example/1"},
        {"html": f"<html><body><article><p>{BODY}</p></article></body></html>", "outlet": "Two"},
    ]
    lines = tmp_path / "feed.jsonl"
    lines.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    array = tmp_path / "feed.json"
    array.write_text(json.dumps(records))
    one, two = load_sources([lines])
    assert (one.label, one.path.endswith("feed.jsonl#1")) == ("Wire One", True)
    assert two.label == "Two" and "council approved" in two.text
    assert [s.label for s in load_sources([array])] == ["Wire One", "Two"]


def test_standard_input(tmp_path):
    (source,) = load_sources(["-"], stdin=io.BytesIO(BODY.encode()))
    assert source.path == "-" and source.text == BODY


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary", "binary"),
    ],
)
def test_unusable_files_are_named_clearly(tmp_path, data, message):
    path = tmp_path / "thing.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        load_sources([path], strict=True)


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(BODY * 50)
    with pytest.raises(InputError, match="over the 1,000-byte limit"):
        load_sources([path], max_bytes=1000, strict=True)


def test_bad_inputs_are_reported_and_the_others_go_on(tmp_path, write_article):
    good = write_article("good.txt", BODY)
    (tmp_path / "empty.txt").write_text("")
    problems = []
    sources = load_sources(
        [good, tmp_path / "empty.txt", tmp_path / "missing.txt", "ftp://x"], warn=problems.append
    )
    assert [Path(s.path).name for s in sources] == ["good.txt"]
    assert len(problems) == 3
    assert any("only http:// and https://" in p for p in problems)


def test_nothing_usable_is_an_error(tmp_path):
    (tmp_path / "f").mkdir()
    with pytest.raises(InputError, match="folder holds no articles"):
        load_sources([tmp_path / "f"])
    with pytest.raises(InputError, match="no such file"):
        load_sources([tmp_path / "nope.txt"])


def test_page_notices_are_skipped_with_a_reason(write_article):
    notice = (
        "Tweet with a location\n\nYou can add location information to your Tweets, such as your "
        "city or precise location, from the web and via third-party applications. You always "
        "have the option to delete your Tweet location history. Learn more\n"
    )
    article = write_article("a.txt", BODY)
    junk = write_article("b.txt", notice)
    first, second = load_sources([article, junk])
    assert first.skipped is None and second.skipped
    assert second.blocks == ()


def test_non_english_article_is_left_out_with_a_warning(write_article):
    dutch = (
        "In 2002 pleegde beroepscrimineel een geruchtmakende schilderijenroof in het museum. "
        "Hij stal twee unieke, kostbare doeken van de schilder. Durham werd veroordeeld en moet "
        "nog altijd tonnen schadevergoeding betalen aan het museum, zo meldt de krant vandaag.\n"
    )
    problems = []
    _, nl = load_sources(
        [write_article("a.txt", BODY), write_article("nl.txt", dutch)], warn=problems.append
    )
    assert nl.skipped.startswith("not English")
    assert len(problems) == 1 and "synth reads English only" in problems[0]
    with pytest.raises(InputError, match="not English"):
        load_sources([write_article("nl.txt", dutch)])


def test_one_path_as_a_string_is_one_path(tmp_path, monkeypatch, fake_embedder):
    import synth

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BODY)
    (source,) = load_sources("a.txt", strict=True)
    assert source.path == "a.txt"
    assert [s.path for s in synth.brief("a.txt", embedder=fake_embedder).sources] == ["a.txt"]
    with pytest.raises(TypeError):
        load_sources(b"a.txt")


def test_an_empty_argument_is_refused_not_read_as_the_current_folder(write_article):
    good = write_article("good.txt", BODY)
    with pytest.raises(InputError, match="empty string"):
        load_sources([good, ""])


def test_same_folder_as_absolute_and_relative_path_counts_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "one.txt").write_text(BODY)
    (tmp_path / "feed" / "two.txt").write_text(BODY.replace("council", "board"))
    (tmp_path / "link.txt").symlink_to(tmp_path / "feed" / "one.txt")
    sources = load_sources(["feed", str(tmp_path / "feed"), "link.txt"], strict=True)
    assert [s.path for s in sources] == [
        str(tmp_path / "feed" / "one.txt"),
        str(tmp_path / "feed" / "two.txt"),
    ]


def test_hash_in_a_file_name_stays_in_its_path(write_article):
    assert Path(load_one(write_article("issue#7.txt", BODY)).path).name == "issue#7.txt"


def test_json_lines_bad_records_are_reported_by_line_and_skipped(tmp_path):
    good = {"text": BODY, "outlet": "Wire One"}
    lines = [
        json.dumps(good),
        json.dumps({"text": 5}),
        "{not json",
        json.dumps({**good, "outlet": "Wire Two"}),
        '{"text": "' + "1" * 5000 + '", "n": ' + "1" * 5000 + "}",
        "[" * 100_000 + "]" * 100_000,
        json.dumps({**good, "outlet": "Wire Three"}),
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n")
    problems = []
    sources = load_sources([feed], warn=problems.append)
    assert [s.label for s in sources] == ["Wire One", "Wire Two", "Wire Three"]
    assert [p.split(": ")[0].rsplit("#", 1)[1] for p in problems] == ["2", "3", "5", "6"]
    assert "too many digits" in problems[2] and "nested too deeply" in problems[3]


def test_json_lone_surrogate_becomes_a_replacement_character(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "Broken \ud800 character. " + BODY, "title": "\udfff"}))
    source = load_one(feed)
    assert "\ufffd" in source.text and source.title == "\ufffd"
    source.text.encode("utf-8")


def test_deep_json_array_is_one_clear_problem(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError, match="nested too deeply"):
        load_sources([deep], strict=True)


BILLION_LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]" for i in range(5)]
    + ["title: *f"]
)


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        (BILLION_LAUGHS, "aliases"),
        ("title: " + "9" * 5000, "cannot be read"),
        pytest.param(
            "title: " + "[" * 5000 + "]" * 5000, "nested too deeply", marks=pytest.mark.slow
        ),
        ("title: &x [*x]", "aliases"),
        ("title: " + "x" * 70_000, "front matter over"),
        ("published: !!timestamp nonsense", "tags"),
        ("title: !!python/object/apply:os.system ['true']", "tags"),
        ("published: 2020-02-30", "cannot be read"),
    ],
)
def test_hostile_front_matter_is_one_clear_problem(write_article, front_matter, message):
    good = write_article("good.txt", BODY)
    bad = write_article("bad.md", f"---\n{front_matter}\n---\n{BODY}")
    problems = []
    sources = load_sources([good, bad], warn=problems.append)
    assert [Path(s.path).name for s in sources] == ["good.txt"]
    assert len(problems) == 1 and message in problems[0]


def test_cjk_text_is_skipped_as_not_english(write_article):
    text = "東京で大きな地震が発生しました。多くの建物が被害を受けました。\n"
    text += "政府は緊急の対策本部を設置しました。\n"
    good = write_article("good.txt", BODY)
    _, cjk = load_sources([good, write_article("jp.txt", text * 3)])
    assert cjk.skipped and cjk.skipped.startswith("not English")
