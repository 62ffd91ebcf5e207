"""Issue 10, session 8: classes found this session.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class — a shape of statement or a vocabulary from a source — not for one missed example.
``CAUGHT`` phrases must be at least 80 % covered by a span of the category (either tier);
``STAY`` phrases must get no span at all (the false positive each class must not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # children named with "the" in a first-person family text, no first-person word beside them
    ("Grandma stayed with us a week and taught the kids to knit.", "kids", "PARENTHOOD"),
    ("Long winter at our place. The children have been troopers about it.", "children", "PARENTHOOD"),
    # service jargon in a text already about someone's service (a confident military span elsewhere)
    ("Army vet. Former EOD, two rotations at Bagram.", "EOD", "MILITARY_STATUS"),
    ("Marine Corps wife here: the FRG meeting moved to Tuesday.", "FRG", "MILITARY_STATUS"),
    ("Retired Air Force. Spent most of it in security forces at Minot.", "security forces", "MILITARY_STATUS"),
    ("Twenty years in the Army Reserve and I still miss the chow hall at Fort Dix.", "chow hall", "MILITARY_STATUS"),
    ("Navy family update: we're PCSing to Rota in March!", "PCSing", "MILITARY_STATUS"),
    ("Royal Marines 2004-2016. Got my block leave and went straight to Cornwall.", "block leave", "MILITARY_STATUS"),
    # a job code with no cue in its sentence, in a text about someone's service
    ("USAF veteran | 3D0X2 → sysadmin | Anchorage", "3D0X2", "MILITARY_STATUS"),
    ("Proud Army mom. Her 42A orders came through today.", "42A", "MILITARY_STATUS"),
    # a gender noun right after an identity span, referential or not: the phrase gives both
    ("Shout-out to the Somali women at the Tuesday market.", "women", "SEX_GENDER"),
    ("He called me the Mexican girl for two years.", "girl", "SEX_GENDER"),
    ("Any other Sikh guys on this shift want to swap?", "guys", "SEX_GENDER"),
    # a bare age as a bio item when an emoji is the separator
    ("he/him 🌊 33 | welder | Hull", "33", "AGE"),
    ("Priya 🌸 21 | third-year law | Leicester", "21", "AGE"),
    # a school year or an age-group team a person is in
    ("My nephew just started Year 7 and already has a phone.", "Year 7", "AGE"),
    ("Our girl plays U12 hockey now.", "U12", "AGE"),
    # a sacrament received: confirmed (said of a person), baptize, rites named in other languages
    ("My niece was confirmed at St. Anne's on Sunday.", "confirmed", "RELIGION"),
    ("We're flying home so Father Tom can baptize the baby.", "baptize", "RELIGION"),
    ("Pics from the batizado are finally up!", "batizado", "RELIGION"),
    # a short orientation label that is a whole field of a bio about its person; plural labels
    ("she/her | bi | Leeds | nurse", "bi", "SEXUAL_ORIENTATION"),
    ("they/them ✨ demi ✨ Cork ✨ bass player", "demi", "SEXUAL_ORIENTATION"),
    ("he/him • straight • Hull • welder", "straight", "SEXUAL_ORIENTATION"),
    ("The aros and aces in this server deserve better.", "aros", "SEXUAL_ORIENTATION"),
    # a gated word without its cue, in a text already about its category (confirm)
    ("Gender reveal went great! Now the bump is the size of a melon.", "bump", "PREGNANCY"),
    ("Bipolar II since college. Honestly the burnout this winter is the worst yet.", "burnout", "DISABILITY"),
    ("Lobola talks in March and the church ceremony at the Methodist hall in June.", "church", "RELIGION"),
    # the same words with a person's cue stay caught
    ("Dad's stroke was two years ago and he walks again.", "stroke", "GENETIC_INFO"),  # a relative's condition (GUIDELINE 3.10)
    ("She's been on hospice since Tuesday; we're taking turns.", "hospice", "DISABILITY"),
    # ... but a text with a person noun keeps the number for a decision
    ("We got a puppy for my daughter. She's 9 and over the moon.", "9", "AGE"),
    # a due date said of a named person; a denial with its "no"
    ("Great news from Lagos: Funmi is due in October!", "due in October", "PREGNANCY"),
    ("Twenty hours, no epidural, and she's perfect.", "no epidural", "PREGNANCY"),
    # a clause opening with a bare age, "and", and how the person is doing
    ("Caught my first king salmon today! 58 and still learning.", "58", "AGE"),
    ("Happy birthday Nana 🎂 81 and thriving.", "81", "AGE"),
    # the count belongs to a child word, in any language; grandparents' pet names with a count
    ("Forty years, 5 anak and 12 apo later, still dancing.", "5 anak", "PARENTHOOD"),
    ("Och, that's three bairns under five now.", "three bairns", "PARENTHOOD"),
    ("Retired sparky. Gramps to 7. Bad at golf.", "Gramps to 7", "PARENTHOOD"),
    # a military span goes on with an operation's number or years, or where a posting goes
    ("Reunion with the lads tonight, 20 years since Telic 4.", "Telic 4", "MILITARY_STATUS"),
    ("Welcome home brother. OEF 09-10, 10th Mountain.", "OEF 09-10", "MILITARY_STATUS"),
    ("Army wife life: PCSing from Fort Drum to Fort Carson in June.", "PCSing from Fort Drum to Fort Carson", "MILITARY_STATUS"),
    # a camel-case hashtag is a label its writer gives: a parent word in it is parenthood
    ("Back to the office on Monday #WorkingDad #NewChapter", "#WorkingDad", "PARENTHOOD"),
    ("Three under five and loving it #TiredMama", "#TiredMama", "PARENTHOOD"),
]

STAY = [
    # the age of an animal or a thing, by the noun the parse says it is said of
    ("Our rescue is a 5-year-old border collie mix who hates thunder.", "5-year-old"),
    ("Meet Noodle 🐾 9-week-old golden retriever, already chewing shoes.", "9-week-old"),
    ("The cast-iron pan I found at the flea market is 70 years old.", "70 years old"),
    # jargon without a text about service
    ("Send me the deck by EOD please.", "EOD"),
    ("I'll have the orders shipped to you by Wednesday.", "orders"),
    ("Seat 14C, flight to Denver at noon.", "14C"),
    ("We're on a two-week rotation at the clinic.", "rotation"),
    # children's programmes and children somewhere
    ("Our family loved the kids' menu at Rosie's.", "kids"),
    ("The kids at the bus stop were loud again and our dog barked at them.", "kids"),
    # a gender noun after a span that is not an identity, or in an organisation's name
    ("Congrats on getting engaged girl!! When's the wedding?", "girl"),
    ("Twelve years singing with the gay men's chorus.", "men's"),
    # bio fields that are not ages; a school year as an institution; confirmations of things
    ("Open 🕘 24 | 7 | free parking", "24"),
    ("Year 10 results were published for the whole school.", "Year 10"),
    ("She teaches 3rd grade at Northside.", "3rd grade"),
    ("The booking was confirmed by email.", "confirmed"),
    ("He was confirmed as the new fire chief.", "confirmed"),
    # a list of things or of colours is not a bio
    ("Pots | pan | kettle | all £5", "pan"),
    ("Hoodies in navy, black or grey, sizes S-XL.", "black"),
    ("Sizes S | M | L • black | white | red", "white"),
    # the same gated word in a text about something else
    ("Hit a bump on the Seward Highway and lost a hubcap.", "bump"),
    ("Got a bump on the head at hockey, no big deal.", "bump"),
    ("The church on Fifth is now a climbing gym.", "church"),
    # a place's name: a place noun after the word, directly or after more capitalised words
    ("Sunset walk along Marine Parade with the dog.", "Marine"),
    ("Stopped for gas in Deaf Smith County on the way to Amarillo.", "Deaf"),
    ("Caught the ferry from Hindu Cove Terrace at dawn.", "Hindu"),
    # gated words with an everyday sense as common as the protected one, without a cue
    ("Shaved two strokes off the back nine today.", "strokes"),
    ("Three weeks of intermittent fasting and I'm hangry.", "fasting"),
    ("Kitchen rehab finally done, new cabinets in.", "rehab"),
    ("Candy cane hot chocolate is back at the café.", "cane"),
    ("Nursing a hangover and a coffee this morning.", "Nursing"),
    ("Cancer sun, Leo moon, Virgo rising, apparently.", "Cancer"),
    # a bare number said of "she" or a name in a text about a pet and no person
    ("Took our dog Pepper to the vet for her shots. She's 13 now, grey muzzle and all.", "13"),
    # "engaged" of a thing, taking part, being hired
    ("The number was engaged all morning so I drove over.", "engaged"),
    ("The recruit engaged fully in every scenario.", "engaged"),
    ("She was engaged by a Boston firm as a consultant.", "engaged"),
    ("The council tax is due in October, don't forget.", "due in October"),
    ("Gonna pop to the shops, back in 5.", "pop"),
    ("Walkies in the rain again #DogMom #Labrador", "#DogMom"),
    # "veteran" in a simile is experience, not service
    ("The new dispatcher handled the pileup like a veteran.", "veteran"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=81)
