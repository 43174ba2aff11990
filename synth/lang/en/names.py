"""Words around a person's name: the titles and roles written before it ("Prime Minister
Maria Olsen", "Sen. Jan Berg"), which are no part of the name a reader is introduced by, and
the honorifics that already stand for a first name ("Mr Olsen")."""

from __future__ import annotations

import re

# Compared casefolded, a final full stop left off ("Sen." -> "sen").
# fmt: off
NAME_TITLES = frozenset("""
acting admiral ambassador archbishop assistant attorney bishop brig cap capt captain cardinal
chairman chairwoman chancellor chief cmdr col colonel commander commissioner congressman
congresswoman councillor councilman councilwoman deputy detective director dr editor elder
emir father first former foreign gen general gov governor health interior judge justice king
lady lieutenant lord lt maj major mayor minister mr mrs ms officer pastor pope premier
president prime prince princess prof professor queen rabbi rep representative rev reverend
secretary sen senator sergeant sgt sheikh sir sister speaker state superintendent supreme
trooper vice
""".split())
# fmt: on

# Lower-case words inside a surname ("F.W. de Klerk", "Ludwig van Beethoven"): the word
# after one is no surname alone. Compared casefolded.
NAME_PARTICLES = frozenset("al bin da de del della der di du el ibn la le van von".split())

# A word of a name as written: a capital, then letters, apostrophes, hyphens or a full stop
# ("O'Neill", "Platts-Mills", "J.").
PERSON_WORD = r"[A-Z][\w'’.-]*"
# A possessive after a name ("Olsen's"), kept when a first name is put before it.
POSSESSIVE = re.compile(r"['’]s$")

# Nouns a surname stands before as a label, not as a person's mention: "the Olsen
# administration" is known by that name, "the Maria Olsen administration" is not how it is
# written. Compared casefolded.
NAMED_AFTER_NOUNS = frozenset(
    """
administration camp campaign doctrine era family government presidency regime team
""".split()
)
