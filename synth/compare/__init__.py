"""Phase 3, compare: where outlets differ, how sure each point is, who said what.

figures (numbers and what they count) -> differences (figures and places that disagree) ->
certainty (per point) -> quotes (key quotes and speakers) -> coverage (per source).
"""
