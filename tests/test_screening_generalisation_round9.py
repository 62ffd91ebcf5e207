"""Issue 10, session 11: classes found by measuring which span sources are most often wrong on the
development corpora, and by writing probes from the annotation guideline.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class, not for one missed example. ``CAUGHT`` phrases must be at least 80 % covered by a span of
the category (either tier); ``STAY`` phrases must get no span (the false positive each class must
not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # a first or home language is origin (guideline: languages)
    ("Native Yoruba speaker, fluent Pidgin, passable French.", "Yoruba", "NATIONAL_ORIGIN"),
    ("I speak Spanish with my abuela every weekend.", "Spanish", "NATIONAL_ORIGIN"),
    ("We spoke Polish at home and English at school.", "Polish", "NATIONAL_ORIGIN"),
    # generation labels used of a person, capitalised too
    ("As a Boomer I remember rotary phones.", "Boomer", "AGE"),
    ("I'm a Millennial and proud of it.", "Millennial", "AGE"),
    ("OK Boomer, go back to your golf.", "OK Boomer", "AGE"),
    ("my dad is a total boomer lol", "boomer", "AGE"),
]

STAY = [
    # a language spoken, learned or read with no sign that it is the person's own
    ("Native Yoruba speaker, fluent Pidgin, passable French.", "French"),
    ("Our son is five and already speaks better German than I do.", "German"),
    ("We spoke Polish at home and English at school, and later some Spanish at school too.", "Spanish"),
    ("The new hire is bilingual (Spanish/English) and starts Monday.", "Spanish"),
    ("I grew up speaking more English than Portuguese, honestly.", "Portuguese"),
    ("I speak Korean, Japanese and a little Mandarin for work.", "Japanese"),
    ("Sign language was my first, Italian and English came after.", "Italian"),
    # a generation label that is a name, a nickname, a bar or a colour
    ("Reserve a table for 8? Boomer (the dog, relax) needs a sitter too.", "Boomer"),
    ('First prize went to Ray "the Boomer" Castillo for a 38-pound king.', "Boomer"),
    ("Half-price wings at Boomer's on Thursday night.", "Boomer's"),
    ("Millennial pink phone case, barely scratched, $5.", "Millennial"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=18)
