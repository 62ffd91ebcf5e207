"""Issue 10, session 9: classes found this session.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class, not for one missed example. ``CAUGHT`` phrases must be at least 80 % covered by a span of
the category (either tier); ``STAY`` phrases must get no span (the false positive each class must not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # children named with "the" in a text written in the first person, with no other family word
    ("Snow day here, so it's me, the twins and a mountain of pancakes.", "twins", "PARENTHOOD"),
    ("Rainy Saturday. I took the kids to the aquarium and they loved the octopus.", "kids", "PARENTHOOD"),
    ("We finally got the kiddos to sleep before nine.", "kiddos", "PARENTHOOD"),
    # a spouse nickname that is also a plural noun, standing alone as a name does
    ("hubs is grilling tonight, come by", "hubs", "MARITAL_STATUS"),
    ("me and hubs finally saw the new Bond film", "hubs", "MARITAL_STATUS"),
    ("can't make it sat bc hubs has the truck", "hubs", "MARITAL_STATUS"),
    ("is ur hubs back from the Slope yet?", "hubs", "MARITAL_STATUS"),
    # a person's present state at an age (confirm), by the parse
    ("Honestly being single at 42 is the best thing that ever happened to me.", "42", "AGE"),
    ("Nobody warns you how tired you get as a new mum at 39.", "39", "AGE"),
    # a descriptor after a verb of seeming said of a person: "look", "sound", "appear"
    ("My sergeant keeps telling me I don't look Native.", "Native", "RACE_ETHNICITY"),
    ("Everyone says she sounds Scottish when she's tired.", "Scottish", "NATIONAL_ORIGIN"),
    # coming out said of a person, to any relative; a language spoken with any relative
    ("Her nephew came out over Thanksgiving and the whole family was lovely about it.", "came out", "SEXUAL_ORIENTATION"),
    ("I finally came out to Nana and she just hugged me.", "came out", "SEXUAL_ORIENTATION"),
    ("I speak Tagalog with my grandmother every Sunday.", "Tagalog", "NATIONAL_ORIGIN"),
    # pregnancy jargon and weeks in a text already about a pregnancy (confirm)
    ("Pregnant with number two! I waited until I was showing to tell work.", "showing", "PREGNANCY"),
    ("Baby shower pics are up. 31 weeks and counting!", "31 weeks", "PREGNANCY"),
    ("Still breastfeeding at 10 months and HR says there's nowhere to pump.", "pump", "PREGNANCY"),
    # care and treatment words in a text already about a condition (confirm)
    ("My son's autism assessment came back and we start OT next month.", "OT", "DISABILITY"),
    ("Two years with MS now. The new infusion every six months is so much easier.", "infusion", "DISABILITY"),
    # service words in a text already about someone's service (confirm)
    ("Navy vet here. The VA finally approved my claim after two years.", "VA", "MILITARY_STATUS"),
    ("Proud Army family. My mom served too, twenty-two years.", "served", "MILITARY_STATUS"),
    # a lone M/F bio field; words that merely contain "key" or "class" ("hockey", "classic")
    # do not make the list a size chart
    ("41 | M | married | Wasilla | hockey & classic trucks", "M", "SEX_GENDER"),
    # a life event named with "the" in a first-person text: the writer's own (confirm)
    ("We still haven't booked a DJ and the wedding is in six weeks.", "wedding", "MARITAL_STATUS"),
    ("My sister keeps asking if I'm keeping my name after the wedding.", "wedding", "MARITAL_STATUS"),
    # where a relative flies in, visits or arrives from (confirm): where the family is from
    ("Mum and Dad flew in from Karachi for the graduation.", "from Karachi", "NATIONAL_ORIGIN"),
    ("My in-laws are visiting from Guadalajara until Christmas.", "from Guadalajara", "NATIONAL_ORIGIN"),
]

STAY = [
    # children who are not the writer's: a team, a class, a street; no first person at all
    ("The kids were amazing tonight, proud of every player on this team.", "kids"),
    ("I coach U10 soccer and the kids at practice were wild today.", "kids"),
    ("Can someone tell the kids on my street to stop riding on the sidewalk?", "kids"),
    # "hubs" as a plural noun: a modifier before it, plural agreement, "of"
    ("The new USB hubs are on the shelf by the door.", "hubs"),
    ("Anchorage and Fairbanks are the two freight hubs of the state.", "hubs"),
    ("Airline hubs in the Lower 48 get all the good fares.", "hubs"),
    ("we have three hubs in the office and none of them work", "hubs"),
    # "at N" of a thing, a price, or a past event
    ("The oven only preheats at 90, then the fan kicks in.", "90"),
    ("He sold his boat at 45, which was a steal.", "45"),
    ("I enlisted at 18 and never looked back.", "18"),
    # ... of a thing
    ("Her truck looks black in this light.", "black"),
    # coming out of a place, onto the field, to a game; a language spoken with customers
    ("The bear came out of the willows about twenty yards from us.", "came out"),
    ("The whole crew came out to the game on Friday.", "came out"),
    ("I speak Spanish with my customers all day.", "Spanish"),
    # the same words in a text that is not about a pregnancy
    ("I waited until the bruise was showing before I went to the doctor.", "showing"),
    ("Pump 3 at the Tesoro on Glacier Highway is broken again.", "Pump"),
    ("The course runs 12 weeks and meets on Tuesdays.", "12 weeks"),
    # the same words without a condition in the text
    ("I'm working OT all weekend, so no fishing for me.", "OT"),
    ("The budget crisis at the borough means no new cruisers this year.", "crisis"),
    # the same words without a text about service
    ("Dinner was served at seven and the band played till midnight.", "served"),
    # a size chart
    ("Hoodies in stock | S | M | L | XL | hockey club crest", "M"),
    ("velvet | M | bike shorts | $25 shipped", "M"),  # "vet", "bi" inside other words
    # a guest's wedding
    ("I'll see you at the wedding, save me a seat.", "wedding"),
    ("We're going to the wedding in Sitka next month.", "wedding"),
    # the writer's trip, a return home, a thing sent
    ("Just got back from Karachi, exhausted but happy.", "Karachi"),
    ("My brother came home from Kabul on Tuesday.", "Kabul"),
    ("Mum sent a parcel from Guadalajara with the good chillies.", "Guadalajara"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=53)
