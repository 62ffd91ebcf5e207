"""Issue 10, session 7: classes found this session.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class — a shape of statement or a vocabulary from a source — not for one missed example.
``CAUGHT`` phrases must be at least 80 % covered by a span of the category (either tier);
``STAY`` phrases must get no span at all (the false positive each class must not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # a faith word that is also a first name, before a group of people or a dating service
    ("I met her on Christian Singles two years ago.", "Christian", "RELIGION"),
    ("He runs the Christian teens group at the rec centre.", "Christian", "RELIGION"),
    ("Her profile is on Christian Mingle.", "Christian", "RELIGION"),
    ("We're singles again after twenty years, which is strange.", "singles", "MARITAL_STATUS"),
]

STAY = [
    # the first name
    ("Christian Bale was great in that film.", "Christian"),
    ("Thanks Christian, see you Monday.", "Christian"),
    # a group's name says nothing of anyone; "as <number>" is not an age
    ("The bar has a singles night on Fridays.", "singles"),
    ("Same as 10 of the others on the list.", "10"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=8)
