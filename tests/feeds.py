"""A small made-up feed: three stories told by several outlets, and one article on its own."""

from __future__ import annotations

from pathlib import Path

BRIDGE = [
    "The Varnholt Bridge in Port Selby collapsed on Tuesday evening during rush hour.",
    "Rescue crews pulled 14 people from the Lenner River after the Varnholt Bridge fell.",
    "Mayor Idris Calloway said the 1962 span had failed its last inspection in March.",
    "Engineers from the Selby Transit Authority will examine the broken steel girders.",
    "Traffic across Port Selby was diverted to the Harlow Tunnel while divers searched.",
    "Calloway promised a full inquiry into how the Varnholt Bridge was maintained.",
]
VOTE = [
    "Voters in Kestria elected Mirela Dovan as president in a runoff on Sunday.",
    "Dovan won 54.2 percent of the vote against the incumbent Tomas Reyk.",
    "Turnout in the Kestrian runoff reached 61 percent, the electoral commission said.",
    "Reyk conceded late on Sunday and congratulated Dovan on her victory.",
    "Dovan campaigned on cutting fuel prices and ending the ban on opposition rallies.",
    "Observers from the Baltic Assembly reported few problems at polling stations.",
]
FINAL = [
    "Orwen Rovers won the Tessaly Cup final 3-1 against Maddox City on Saturday.",
    "Striker Paolo Venn scored twice for Orwen Rovers in the second half.",
    "Maddox City had led at the break through a header from Jonah Pike.",
    "It is the first Tessaly Cup title for Orwen Rovers since 1987.",
    "About 48,000 fans watched the final at the Greyfield Arena.",
]
LONE = [
    "A rare white heron was seen nesting at the Quarry Marsh reserve this spring.",
    "Birdwatchers from across the county travelled to photograph the heron.",
    "The reserve warden, Elsie Marrow, asked visitors to keep to the paths.",
    "Volunteers counted 212 species at the marsh last year.",
]


def _article(title: str, outlet: str, sentences: list[str], start: int) -> str:
    """An article: the story's sentences from `start` on, wrapping round, one paragraph each."""
    body = sentences[start:] + sentences[:start]
    return f"---\ntitle: {title}\noutlet: {outlet}\n---\n" + "\n\n".join(body) + "\n"


def write_feed(folder: Path) -> Path:
    """Write the feed into `folder/feed` and return that folder."""
    feed = folder / "feed"
    feed.mkdir(parents=True, exist_ok=True)
    stories = {
        "bridge": ("Bridge collapses in Port Selby", BRIDGE, 3),
        "vote": ("Dovan wins Kestria runoff", VOTE, 3),
        "final": ("Orwen Rovers lift the Tessaly Cup", FINAL, 2),
    }
    outlets = ["Daily Ledger", "Morning Wire", "Coast Herald"]
    for name, (title, sentences, count) in stories.items():
        for n in range(count):
            text = _article(f"{title} ({outlets[n]})", outlets[n], sentences, n)
            (feed / f"{name}-{n + 1}.txt").write_text(text, encoding="utf-8")
    (feed / "lone.txt").write_text(_article("White heron", "Coast Herald", LONE, 0))
    return feed
