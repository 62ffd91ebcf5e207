"""Issue 10, session 10: classes found on the development corpus ``lives`` (long life stories).

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class, not for one missed example. ``CAUGHT`` phrases must be at least 80 % covered by a span of
the category (either tier); ``STAY`` phrases must get no span (the false positive each class must not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # a rank in lower case, held in a named force
    ("My aunt was a lieutenant in the Royal Navy for twenty years.", "lieutenant", "MILITARY_STATUS"),
    ("Grandpa was a corporal with the Irish Guards in Cyprus.", "corporal", "MILITARY_STATUS"),
    # the draft, conscription, honours; a person's own platoon or squadron
    ("His draft number came up in 1970 and he chose to enlist.", "draft number", "MILITARY_STATUS"),
    ("She registered as a conscientious objector and drove ambulances.", "conscientious objector", "MILITARY_STATUS"),
    ("Dad did his conscription in Finland before university.", "conscription", "MILITARY_STATUS"),
    ("He was laid to rest with full military honours on Friday.", "military honours", "MILITARY_STATUS"),
    ("Two guys from my old squadron flew in for the funeral.", "my old squadron", "MILITARY_STATUS"),
    # a move to one place from a foreign country or city; "came out/in from"; born near / born 19xx in
    ("My parents came to Winnipeg from Manila in 1988 with two suitcases.", "came to Winnipeg from Manila", "NATIONAL_ORIGIN"),
    ("Her grandfather moved to Leeds from Lahore when he was nineteen.", "moved to Leeds from Lahore", "NATIONAL_ORIGIN"),
    ("Nonno came out from Naples on a ship in 1952.", "came out from Naples", "NATIONAL_ORIGIN"),
    ("My mother was born near Kraków in a farmhouse.", "born near Kraków", "NATIONAL_ORIGIN"),
    ("Born 1952 in Pakistan, raised in Bradford.", "Born 1952 in Pakistan", "NATIONAL_ORIGIN"),
    # a colour word before a person noun or a group of people
    ("He was one of three Black cadets in his year at the academy.", "Black", "RACE_ETHNICITY"),
    ("She pastored a small Black congregation in Macon for thirty years.", "Black", "RACE_ETHNICITY"),
    # mobility aids, hearing and speech, treatment, fertility treatment, fostering
    ("I've been using a power chair since my second surgery.", "power chair", "DISABILITY"),
    ("He has stuttered since childhood and still hates phone calls.", "stuttered", "DISABILITY"),
    ("Thirty days of residential treatment and I finally feel like me.", "residential treatment", "DISABILITY"),
    ("We went with donor eggs after the third failed round.", "donor eggs", "PREGNANCY"),
    ("My husband and I have been fostering teenagers since 2015, and the kids keep us young.", "fostering", "PARENTHOOD"),
    # service phrases: how often, a named war, going to a war place, volunteering for a branch
    ("He was deployed to Mosul three times before he was thirty.", "deployed to Mosul three times", "MILITARY_STATUS"),
    ("My grandfather fought in the Korean War and never talked about it.", "fought in the Korean War", "MILITARY_STATUS"),
    ("Her uncle volunteered for the Navy the day after Pearl Harbor.", "volunteered for the Navy", "MILITARY_STATUS"),
    # a person who is N today; a birthday marked only by a cake emoji
    ("My son Theo is 21 today and I still can't believe it.", "21", "AGE"),
    ("Sixty today 🎂 and still running the Saturday parkrun.", "Sixty", "AGE"),
    # a number of children in a first-person text (confirm)
    ("Home alone with three kids and a broken dishwasher, send coffee.", "three kids", "PARENTHOOD"),
    # houses of worship and rites of other traditions; misspellings of single-sense words
    ("Amma goes to the kovil every Friday evening.", "kovil", "RELIGION"),
    ("We got married under a chuppah her grandmother sewed.", "chuppah", "RELIGION"),
    ("Desert Storm vetran, still kicking.", "vetran", "MILITARY_STATUS"),
    ("just got diagnosed with diabeties, any tips?", "diabeties", "DISABILITY"),
    # a demonym-shaped word no list has, describing a person (confirm); origin words of other
    # languages; an immigrant generation with a nationality
    ("As a proud Mancunian lass I will defend this chippy forever.", "Mancunian", "NATIONAL_ORIGIN"),
    ("lol the mzungu at the market paid double again", "mzungu", "RACE_ETHNICITY"),
    ("Proud 3rd gen Lebanese, still can't make my teta's kibbeh.", "3rd gen Lebanese", "NATIONAL_ORIGIN"),
    # an anniversary wished to a person; a denial with "never"
    ("Happy 15th anniversary to my love, still my favourite person.", "15th anniversary", "MARITAL_STATUS"),
    ("Grandad was widowed at sixty and never remarried.", "never remarried", "MARITAL_STATUS"),
    # procedures and condition extents
    ("Mum had her knee replaced last month and is already gardening.", "knee replaced", "GENETIC_INFO"),  # a relative's condition (GUIDELINE 3.10)
    ("I was diagnosed with stage 3 melanoma in May.", "stage 3 melanoma", "DISABILITY"),
    # gestational age and losses in a pregnancy text; due dates by holiday
    ("Induced at 38+4 after a long pregnancy, baby is perfect.", "38+4", "PREGNANCY"),
    ("We lost our daughter at 20 weeks last spring.", "at 20 weeks", "PREGNANCY"),
    ("Pregnant again! She's due Christmas week, of course.", "due Christmas week", "PREGNANCY"),
    # a gender noun with "like me"; the writer at an age
    ("Nobody told women like me that the hardest part is the paperwork.", "women", "SEX_GENDER"),
    ("me at 19 thinking a tattoo of his name was a good idea", "19", "AGE"),
]

STAY = [
    # a rank of a team or a fire service; a lower-case rank in a text not about service
    ("She was captain of the hockey team in her senior year.", "captain"),
    ("He made lieutenant in the Fire Department last spring.", "lieutenant"),
    ("Our captain booked the pitch for Saturday at ten.", "captain"),
    # draft beer, a draft of a letter; honours in school
    ("The draft beer at the lodge is two dollars on Tuesdays.", "draft"),
    ("She graduated with honours in chemistry.", "honours"),
    # a trip to one place from another
    ("She came to Denver from Tokyo for the conference and flew home Sunday.", "Tokyo"),
    ("The storm came in from Siberia overnight.", "Siberia"),
    # "veteran" of a trade or of counted things; a nationality word before a thing
    ("Our veteran bus driver has run this route since 1994.", "veteran"),
    ("A veteran of four startups, she now mentors founders.", "veteran"),
    ("I finish every table with Danish oil and a lot of patience.", "Danish"),
    ("She does the best Dutch braids in town.", "Dutch"),
    # an age said of a club or a library: an anniversary
    ("Our quilting club turns 40 this year, cake on Thursday!", "40"),
    ("The county library is 100 years old this week.", "100"),
    # colour words before things and animals
    ("The telescope picked up two white dwarfs and a black hole.", "white"),
    ("A black widow was in the woodpile again.", "black"),
    # a thing's or a temperature's number today; children who are not the writer's
    ("The bakery is 40 today, free cupcakes!", "40"),
    ("It is 5 today so bring a coat.", "5"),
    ("I coached two boys from the next street on Saturday.", "two boys"),
    # a first name after a role noun or as the subject of a verb
    ("Our stage manager Christian has run every show since 1988.", "Christian"),
    ("Christian and Gene are running the Santa Dash on Sunday.", "Christian"),
    # a work anniversary; a time; a product generation; a thing replaced; a score; a bill due
    ("Happy 10th anniversary to my team at the depot, best crew in town.", "10th anniversary"),
    ("meet me at 6 by the bridge", "6"),
    ("Selling my 2nd gen Kindle, barely used.", "Kindle"),
    ("We had the windows replaced in the spring.", "replaced"),
    ("Final score 21+3 after extra time.", "21+3"),
    ("As a proud Texan mom I love this.", "Texan"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=67)
