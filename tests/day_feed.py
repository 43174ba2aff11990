"""One made-up day of news in two halves, each article with its outlet, web address and time.

The morning half holds two stories (the bridge, told by two outlets, and the vote, by three)
and one article on its own; the afternoon half brings a third outlet's bridge article, with
facts the morning's two did not have, and a new story (the cup final). Run the digest on the
morning, then on the whole day: the bridge is updated, the vote unchanged, the final new.
"""

from __future__ import annotations

from pathlib import Path

from tests.feeds import BRIDGE, FINAL, LONE, VOTE

DAY = "2024-05-14"
# name: (outlet, title, hour, sentences)
MORNING = {
    "bridge-1": ("Daily Ledger", "Bridge collapses in Port Selby", "07", BRIDGE[0]),
    "bridge-2": ("Morning Wire", "Rescuers search river after bridge falls", "08", BRIDGE[1]),
    "vote-1": ("Daily Ledger", "Dovan wins Kestria runoff", "06", VOTE[0]),
    "vote-2": ("Morning Wire", "Reyk concedes to Dovan", "07", VOTE[1]),
    "vote-3": ("Coast Herald", "Opposition leader takes Kestria", "09", VOTE[2]),
    "heron": ("Coast Herald", "White heron nests at Quarry Marsh", "10", LONE[0]),
}
AFTERNOON = {
    "bridge-3": ("Coast Herald", "Rust flagged on Varnholt girders", "14", BRIDGE[2]),
    "final-1": ("Daily Ledger", "Orwen Rovers lift the Tessaly Cup", "15", FINAL[0]),
    "final-2": ("Morning Wire", "Venn double wins the cup for Rovers", "16", FINAL[1]),
}


def _article(outlet: str, title: str, hour: str, name: str, sentences: list[str]) -> str:
    """An article with front matter (title, outlet, url, published), one sentence a paragraph."""
    slug = outlet.lower().replace(" ", "")
    return (
        f"---\ntitle: {title}\noutlet: {outlet}\n"
        f"url: https://{slug}.example/{DAY}/{name}\npublished: {DAY}T{hour}:00:00Z\n---\n"
        + "\n\n".join(sentences)
        + "\n"
    )


def write_half(folder: Path, half: dict[str, tuple[str, str, str, list[str]]]) -> Path:
    """Write the articles of `half` into `folder` (made if missing) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (outlet, title, hour, sentences) in half.items():
        (folder / f"{name}.txt").write_text(
            _article(outlet, title, hour, name, sentences), encoding="utf-8"
        )
    return folder
