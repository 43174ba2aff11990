"""Publication dates, read from the usual ways articles write them."""

from __future__ import annotations

import re
from datetime import datetime

DATE_FORMATS = ("%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y", "%Y-%m-%d", "%A %d %B %Y")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str | None) -> str | None:
    """An ISO date from the usual ways articles write one, else None."""
    if not text:
        return None
    cleaned = " ".join(text.replace(",", " ").split())
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date().isoformat()
        except ValueError:
            continue
    iso = ISO_DATE.match(text.strip())
    return iso.group(0) if iso else None
