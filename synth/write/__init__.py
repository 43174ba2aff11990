"""Phase 4, write: a `Briefing` rendered as Markdown, HTML or JSON, and written safely."""
