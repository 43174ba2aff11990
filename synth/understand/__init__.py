"""Phase 2, understand: sentences to ranked, grouped `Point`s.

embed (sentence vectors, cached on disk) -> merge (what outlets said alike becomes one point)
-> standalone (a point must read alone) -> rank (importance, then MMR selection) -> cluster
(subtopic sections and their labels).
"""
