"""Issue 10, session 19: classes found on the two corpora read after their first contact this
session (``transit``, ``retail``). Every ``CAUGHT`` probe was checked to fail with the engine of
the start of the session (8e1e0de), so each one tests a class added here.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class, not for one missed example. ``CAUGHT`` phrases must be at least 80 % covered by a span of
the category (either tier); ``STAY`` phrases must get no span (the false positive each class must
not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # nationality nouns unlike their adjective
    ("Three Poles and a Romanian run the whole warehouse night shift.", "Poles", "NATIONAL_ORIGIN"),
    ("My landlord is a Welshman who thinks rain is a personality.", "Welshman", "NATIONAL_ORIGIN"),
    ("The Turks on my shift brought baklava for everyone.", "Turks", "NATIONAL_ORIGIN"),
    ("As an Irishwoman in Boston I get asked about St Patrick's Day constantly.", "Irishwoman", "NATIONAL_ORIGIN"),
    # a nationality or race before an everyday job noun (now person nouns)
    ("Two Black bouncers on the door tonight, both legends.", "Black", "RACE_ETHNICITY"),
    ("He was the first Black plumber licensed in the county.", "Black", "RACE_ETHNICITY"),
    ("The Filipino taxi drivers at the airport know every shortcut.", "Filipino", "NATIONAL_ORIGIN"),
    # a gated word as a whole item of a bio list, and "<word> here" opening a clause
    ("tattoo artist | they/them | Aussie | 40s | cat person", "Aussie", "NATIONAL_ORIGIN"),
    ("lol yes, Kiwi here living in Leeds and it's true", "Kiwi", "NATIONAL_ORIGIN"),
    # a decade of life as a bio item
    ("bus driver 🚌 | she/her | 40s | Glasgow", "40s", "AGE"),
    # a child's birthday by ordinal, with the birthday word
    ("Need the Saturday off, it's my son's 7th birthday party.", "7th birthday", "AGE"),
    ("The kids' 4th birthday is next week, twins are a lot.", "4th birthday", "AGE"),
    # an age in parentheses after a hyphenated person word, or with exclamation marks
    ("My step-son (13) wants to work in the shop this summer.", "13", "AGE"),
    ("Our oldest volunteer (84!) still does the Tuesday till.", "84", "AGE"),
    # places listed after an origin phrase
    ("The kitchen has cooks from Nepal, Ghana and Peru this season.", "Ghana", "NATIONAL_ORIGIN"),
    # a relative's confirmation, the sacrament
    ("Swapping Saturday for Monday, my niece's confirmation is that morning.", "confirmation", "RELIGION"),
    # a genetic test's result in a text about the test
    ("My brother has Lynch syndrome, so I got tested too and came back negative.", "came back negative", "GENETIC_INFO"),
    # being called up, in a text about service
    ("He's in the Army Reserve and just got called up for six months.", "called up", "MILITARY_STATUS"),
    # the writer's own group named by its sex
    ("Honestly we women have to cover each other on the late shift.", "women", "SEX_GENDER"),
    ("The rota always puts us lads on the heavy deliveries.", "lads", "SEX_GENDER"),
    # a parent-to-be, and a birth said as having the baby
    ("Mate I'm going to be a dad in June, still in shock.", "going to be a dad", "PREGNANCY"),
    ("Six weeks since we had our son and I'm back on the tills.", "had our son", "PREGNANCY"),
    # a colour word as a racial insult
    ("Some drunk called me a brown b*stard at the taxi rank.", "brown", "RACE_ETHNICITY"),
    # an approximate age said of a person
    ("Our new cleaner, 60-odd and faster than all of us, starts Monday.", "60-odd", "AGE"),
    # a service at a named church, a practice of dress
    ("Errands today: the bank, the chemist and Mass at St. Anne's.", "Mass", "RELIGION"),
    ("Any other turbaned cabbies get stopped at airport security every time?", "turbaned", "RELIGION"),
    # a specialist the writer is a patient of
    ("Need Thursday off for my neurologist, the scan results are in.", "neurologist", "DISABILITY"),
    # the writer's children in a custody arrangement or beside the writer's spouse
    ("My ex has the kids on Fridays so I can pick up the late shift.", "kids", "PARENTHOOD"),
    ("Long day, but hubby cooked and got the kiddos to sleep.", "kiddos", "PARENTHOOD"),
    # a bio quoted in a note; spellings and devices
    ("Candidate's profile bio: \"31 | coffee addict | Leeds\".", "31", "AGE"),
    ("Failed my eye test at work, turns out I'm colour blind.", "colour blind", "DISABILITY"),
    ("Ostomy bag gang, where do you get the good covers?", "Ostomy bag", "DISABILITY"),
    # a state's Guard by its postal abbreviation, a parent of N in Portuguese, census groups
    ("retired trucker | NE Guard (ret.) | Methodist", "NE Guard", "MILITARY_STATUS"),
    ("enfermeira | mãe de duas meninas | Porto", "mãe de duas meninas", "PARENTHOOD"),
    ("On the census form I tick White Irish every time.", "White Irish", "RACE_ETHNICITY"),
    ("Proud Windrush kids, the lot of us, and still here.", "Windrush kids", "NATIONAL_ORIGIN"),
    # a Portuguese pronoun set
    ("bartender | ele/dele | Recife", "ele/dele", "SEX_GENDER"),
    # clergy as person nouns, a child by its birth order, the writer's spouse slang as a family cue
    ("We finally have a Black pastor, and the youth group doubled.", "Black", "RACE_ETHNICITY"),
    ("Things got so much harder after my third was born, honestly.", "third", "PARENTHOOD"),
    ("Need a sitter for the kiddos tonight, hubs is on lates.", "kiddos", "PARENTHOOD"),
    # English as a person's nationality, an Irish county of birth, leaving a country
    ("I'm English but I've lived in Ohio for twenty years.", "English", "NATIONAL_ORIGIN"),
    ("Ancestry says 52% English, 30% Scottish and the rest a mystery.", "English", "NATIONAL_ORIGIN"),
    ("Nan was born in Mayo and never lost the accent.", "born in Mayo", "NATIONAL_ORIGIN"),
    ("Ten years since emigrating and I still miss the bread.", "emigrating", "NATIONAL_ORIGIN"),
    # a home language by its own name, a visa that says the holder is no citizen
    ("Gaeilge is my first language, English came later at school.", "Gaeilge", "NATIONAL_ORIGIN"),
    ("Our skilled visa renewal is stuck again, three months now.", "skilled visa", "NATIONAL_ORIGIN"),
    # a women's service of the Second World War
    ("Gran was a WREN during the war and never talked about it.", "WREN", "MILITARY_STATUS"),
]

STAY = [
    # the same words about no one
    ("Turks and Caicos was the best holiday we ever had.", "Turks"),
    ("The Flying Scotsman is coming through the station on Saturday.", "Scotsman"),
    # a list in a sentence, not a bio
    ("I like kiwi, mango and pineapple in a smoothie.", "kiwi"),
    # decades of music in a list
    ("Vinyl | 70s | 80s | soul and funk only", "80s"),
    # a grade or a place, not a birthday
    ("The girls' 4th place finish at regionals was a surprise.", "4th"),
    # a place after a trip, and a name that starts with a country
    ("Just back from Peru and Kenya Airways lost my bag.", "Kenya"),
    # a booking's confirmation
    ("My son's confirmation email for the camp never arrived.", "confirmation"),
    # a test result with no genetic test in sight
    ("My covid test came back negative so I'm back on Monday.", "came back negative"),
    # calling someone
    ("I called up the depot and they said the bus is cancelled.", "called up"),
    # "ace" praising a worker, "you guys", a sister who is a specialist, a count of minutes
    ("She's an ace mechanic, fixed my van in ten minutes.", "ace"),
    ("You guys are the best crew I've worked with.", "guys"),
    ("My sister is a cardiologist in Leeds.", "cardiologist"),
    ("We waited 20-odd minutes for the night bus.", "20-odd"),
    ("I'm gonna be a dad joke machine at this wedding.", "dad"),
    ("The kids on my street play football till dark.", "kids"),
    ("Our TX Guard dog training class starts Monday.", "TX Guard"),
    ("The form is 100% English now, the translation is done.", "English"),
    ("She teaches English at the high school.", "English"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=40)
