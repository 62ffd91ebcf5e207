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
    # an exception phrase of one list no longer hides another list's term
    ("Her grandfather was American Indian and spoke Lakota at home.", "American Indian", "RACE_ETHNICITY"),
    # descriptors of the HolisticBias list (vocabulary from a public source, not from misses)
    ("Honestly as a neurotypical guy I never noticed the lighting.", "neurotypical", "DISABILITY"),
    ("We're a polyamorous household of three, ask us anything.", "polyamorous", "SEXUAL_ORIENTATION"),
    ("Grew up Conservative Jewish in Skokie, went to Camp Ramah.", "Conservative Jewish", "RELIGION"),
    ("my cousin is masculine-of-center and hates the dress code", "masculine-of-center", "SEX_GENDER"),
    ("Proud Cheondoist, ask me about Donghak.", "Cheondoist", "RELIGION"),
    ("She's a non-Hindu in a Hindu family and it shows at Diwali.", "non-Hindu", "RELIGION"),
    ("The foreign-born workers in our crew get the worst shifts.", "foreign-born", "NATIONAL_ORIGIN"),
    # functional difficulty in a domain of the Washington Group questions
    ("Since the fall, Nana has trouble walking to the mailbox and back.", "trouble walking", "DISABILITY"),
    ("He has difficulty hearing in meetings, so he sits up front.", "difficulty hearing", "DISABILITY"),
    ("Dad's had real problems remembering things this year.", "problems remembering things", "DISABILITY"),
]

STAY = [
    # the first name
    ("Christian Bale was great in that film.", "Christian"),
    ("Thanks Christian, see you Monday.", "Christian"),
    # a group's name says nothing of anyone; "as <number>" is not an age
    ("The bar has a singles night on Fridays.", "singles"),
    ("Same as 10 of the others on the list.", "10"),
    # exceptions still hold in their own category
    ("Sailing the Indian Ocean was the trip of a lifetime.", "Indian Ocean"),
    # a negated condition word that is a drink; an ordinary protocol word
    ("Grabbed two non-alcoholic beers for the drive home.", "non-alcoholic"),
    ("Make the service stateless so it can scale.", "stateless"),
    # difficulty with an object, not a function
    ("We had trouble walking the dog in the storm.", "trouble walking"),
    ("Sorry, I'm having trouble hearing you on this line.", "trouble hearing"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=24)
