"""Phase 1, read: inputs to numbered `Source`s and their `Sentence`s.

sources (files, folders, URLs, JSON records, stdin) -> fetch (URLs) -> clean (page furniture
out, offsets kept) -> segment (sentences) -> syndicate (wire copies counted once).
"""
