"""A small made-up feed: three stories told by several outlets, and one article on its own."""

from __future__ import annotations

from pathlib import Path

# Each outlet tells the story in its own words (no wire copy), sharing names and figures.
BRIDGE = [
    [
        "The Varnholt Bridge in Port Selby collapsed on Tuesday evening during rush hour.",
        "Rescue crews pulled 14 people from the Lenner River after the span fell.",
        "Mayor Idris Calloway said the 1962 bridge had failed its last inspection.",
        "Engineers from the Selby Transit Authority will examine the broken girders.",
    ],
    [
        "Fourteen commuters were rescued from the Lenner River when the Varnholt Bridge gave way.",
        "Calloway, the mayor of Port Selby, promised a full inquiry into its upkeep.",
        "Divers searched the water through the night while traffic moved to the Harlow Tunnel.",
        "The steel crossing, opened in 1962, carried about 30,000 vehicles a day.",
    ],
    [
        "Port Selby is in shock after the Varnholt Bridge crumbled into the Lenner River.",
        "Idris Calloway told reporters that inspectors flagged rust on the girders in March.",
        "The Selby Transit Authority closed two other bridges of the same design.",
        "Hospitals treated 14 survivors, most with cuts and hypothermia.",
    ],
]
VOTE = [
    [
        "Voters in Kestria elected Mirela Dovan as president in a runoff on Sunday.",
        "Dovan won 54.2 percent of the vote against the incumbent Tomas Reyk.",
        "Turnout in the runoff reached 61 percent, the electoral commission said.",
        "Observers from the Baltic Assembly reported few problems at polling stations.",
    ],
    [
        "Mirela Dovan will be the next president of Kestria after beating Tomas Reyk.",
        "Reyk conceded late on Sunday and congratulated his rival on the victory.",
        "Dovan campaigned on cutting fuel prices and lifting the ban on opposition rallies.",
        "Her supporters celebrated in the streets of the capital, Varos, until dawn.",
    ],
    [
        "Kestria's runoff ended with a clear win for opposition leader Mirela Dovan.",
        "The electoral commission put her share at 54.2 percent on a 61 percent turnout.",
        "Tomas Reyk, president for ten years, said he would hand over power in June.",
        "Dovan's first promise was an inquiry into fuel contracts signed under Reyk.",
    ],
]
FINAL = [
    [
        "Orwen Rovers won the Tessaly Cup final 3-1 against Maddox City on Saturday.",
        "Striker Paolo Venn scored twice for Orwen Rovers in the second half.",
        "Maddox City had led at the break through a header from Jonah Pike.",
        "About 48,000 fans watched the final at the Greyfield Arena.",
    ],
    [
        "Paolo Venn's double turned the Tessaly Cup final for Orwen Rovers.",
        "Jonah Pike had put Maddox City ahead before half time at Greyfield Arena.",
        "It is the first Tessaly Cup title for the Rovers since 1987.",
        "The Maddox City manager blamed tired legs for the late collapse.",
    ],
]
LONE = [
    [
        "A rare white heron was seen nesting at the Quarry Marsh reserve this spring.",
        "Birdwatchers from across the county travelled to photograph the heron.",
        "The reserve warden, Elsie Marrow, asked visitors to keep to the paths.",
        "Volunteers counted 212 species at the marsh last year.",
    ]
]


def _article(title: str, outlet: str, sentences: list[str]) -> str:
    """An article with front matter, one sentence a paragraph."""
    return f"---\ntitle: {title}\noutlet: {outlet}\n---\n" + "\n\n".join(sentences) + "\n"


def write_feed(folder: Path) -> Path:
    """Write the feed into `folder/feed` and return that folder."""
    feed = folder / "feed"
    feed.mkdir(parents=True, exist_ok=True)
    stories = {
        "bridge": ("Bridge collapses in Port Selby", BRIDGE),
        "vote": ("Dovan wins Kestria runoff", VOTE),
        "final": ("Orwen Rovers lift the Tessaly Cup", FINAL),
    }
    outlets = ["Daily Ledger", "Morning Wire", "Coast Herald"]
    for name, (title, versions) in stories.items():
        for n, sentences in enumerate(versions):
            text = _article(f"{title} ({outlets[n]})", outlets[n], sentences)
            (feed / f"{name}-{n + 1}.txt").write_text(text, encoding="utf-8")
    (feed / "lone.txt").write_text(_article("White heron", "Coast Herald", LONE[0]))
    return feed
