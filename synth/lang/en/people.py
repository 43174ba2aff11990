"""Words about how a person is introduced to a reader (`synth.understand.standalone.people`)."""

# Words before a name that say how to address a person, not who the person is: "Mr. Alan
# Park" tells a reader no more than "Alan Park" does.
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "mx", "messrs", "mme", "sir", "dame"])

# Prepositions that tie a name to the body or place it belongs to ("Alan Park of Harvard
# University", "a farmer from Iowa"): the reader learns where the person stands.
AFFILIATION_PREPOSITIONS = frozenset(["of", "from", "at", "with"])
