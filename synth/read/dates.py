"""Publication dates as ISO dates, from the ways articles write them."""

from __future__ import annotations

import re

DATE_FORMATS = ("%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y", "%Y-%m-%d", "%A %d %B %Y")


def parse_date(text: str | None) -> str | None:
    """An ISO date from the usual ways articles write one, else None."""
    from datetime import datetime

    if not text:
        return None
    cleaned = " ".join(text.replace(",", " ").split())
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date().isoformat()
        except ValueError:
            continue
    iso = re.match(r"\d{4}-\d{2}-\d{2}", text.strip())
    return iso.group(0) if iso else None
