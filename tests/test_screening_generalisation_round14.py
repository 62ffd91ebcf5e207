"""Issue 10, session 16: classes found on the two new corpora read after their first contact
(``music``, music, arts and fandom, and ``fundraisers``, crowdfunding appeals) and on the older
development corpora. Every ``CAUGHT`` probe was checked to fail with the engine of the start of
the session (2f2dc69), so each one tests a class added here.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class, not for one missed example. ``CAUGHT`` phrases must be at least 80 % covered by a span of
the category (either tier); ``STAY`` phrases must get no span (the false positive each class must
not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # a group of parents named by an identity, an origin, a condition or an age
    ("The Haitian mamas at church run the whole kitchen.", "mamas", "PARENTHOOD"),
    ("Calling all Mennonite moms: the quilt auction needs bakers.", "moms", "PARENTHOOD"),
    ("Korean grandmas know every trick with seaweed soup.", "grandmas", "PARENTHOOD"),
    ("The 40-something mums at soft play are my people.", "mums", "PARENTHOOD"),
    # a lower-case label ending in a parent word
    ("Five miles before breakfast. #trailmom", "#trailmom", "PARENTHOOD"),
    ("Summit number twelve this year #climbingdad", "#climbingdad", "PARENTHOOD"),
    # an identity word opening a short bio field
    ("Priya | she/her | bi and busy | Croydon", "bi", "SEXUAL_ORIENTATION"),
    ("Marc • he/him • trans and thriving • Lyon", "trans", "SEX_GENDER"),
    # "from <city>" after a descriptor said of a person noun
    ("My teacher is Tamil from Jaffna and sings like an angel.", "from Jaffna", "NATIONAL_ORIGIN"),
    ("Her husband is Kurdish from Erbil, they met at uni.", "from Erbil", "NATIONAL_ORIGIN"),
    # a person who transitioned, with nothing said of what to
    ("My brother transitioned last year and he's never been happier.", "transitioned", "SEX_GENDER"),
    ("Our eldest transitioned during lockdown and is thriving.", "transitioned", "SEX_GENDER"),
    # an age at a present activity with more after it
    ("I'm learning Welsh at 52 with my grandson as my teacher.", "52", "AGE"),
    ("and at 91 she still walks to the market every morning", "91", "AGE"),
    # a race or colour word before a gender span
    ("She was a Black trans woman and a ballroom legend.", "Black", "RACE_ETHNICITY"),
    # a first-level division of a country as a place of origin (ISO 3166-2), and "brought over from"
    ("My whole family is from Offaly, we moved when I was ten.", "from Offaly", "NATIONAL_ORIGIN"),
    ("Grandad was born in Roscommon and never lost the accent.", "born in Roscommon", "NATIONAL_ORIGIN"),
    ("My uncle brought us over from Jalisco in the nineties.", "brought us over from Jalisco", "NATIONAL_ORIGIN"),
    # a denial of children
    ("Honestly we never had kids and I don't miss it.", "kids", "PARENTHOOD"),
    ("Fifty, never married, never had children, no regrets.", "children", "PARENTHOOD"),
    # posting orders to a named place
    ("Hubby finally got his orders to Fort Carson, moving in May.", "orders to Fort Carson", "MILITARY_STATUS"),
    # a pregnancy lost, the baby named
    ("We lost our Willow at 20 weeks and think of her every day.", "at 20 weeks", "PREGNANCY"),
    # a child noun after a possessive and a plain adjective
    ("Our clever daughter starts big school on Monday.", "daughter", "PARENTHOOD"),
    # "the kids" in a text whose writer speaks through a family forum's code
    ("DH is on nights again. The kids painted the fence for him.", "kids", "PARENTHOOD"),
    # a whole gender as the subject of a general statement
    ("Honestly, women get talked over in every single meeting.", "women", "SEX_GENDER"),
    # an operation whose word has another sense, after a person's possessive
    ("Grandpa's bypass went fine, he's already moaning about the food.", "bypass", "GENETIC_INFO"),
    ("My ablation is finally booked for March.", "ablation", "DISABILITY"),
    # a chronic condition's short name before a flare or a stage
    ("Can't make drinks, RA flare, sorry x", "RA", "DISABILITY"),
    ("sorry lads, endo flare, not coming", "endo", "DISABILITY"),
    # the diabetes types as people with diabetes write them
    ("Any T1 mamas know a good sports camp?", "T1", "DISABILITY"),
    ("Night shifts with T2 and metformin are rough.", "T2", "DISABILITY"),
    # time in recovery given as a year, a state or counted in sobriety
    ("He has been clean for 2 years and coaches the under-9s now.", "clean for 2 years", "DISABILITY"),
    ("Month six of sobriety and I finally sleep.", "Month six of sobriety", "DISABILITY"),
    # a bio's parent of named children (a name with an accent), a son called "my lad", children named with "both"
    ("Carpenter. Dad to Zoë. Bad at golf.", "Dad", "PARENTHOOD"),
    ("Our lad got his first job today, proud doesn't cover it.", "lad", "PARENTHOOD"),
    ("I'm shattered, both kids have chickenpox.", "kids", "PARENTHOOD"),
    # family-making words in a label
    ("Sunday roast for seven #blendedfamily", "#blendedfamily", "PARENTHOOD"),
    ("Five years since she came home #adoptionstory", "#adoptionstory", "PARENTHOOD"),
    # a bare count of weeks in a text with a pregnancy word the list lacked (a screening test, an emoji)
    ("NIPT all clear! 13 weeks today and telling everyone.", "13 weeks", "PREGNANCY"),
    # pronoun declarations in other languages
    ("Cellist, Bogotá → Leeds. Pronouns: ella/she", "ella/she", "SEX_GENDER"),
    ("Poet | iel/they | Montréal", "iel/they", "SEX_GENDER"),
    # going back to a place abroad for a family reason: the whole "back to <place>"
    ("We're going back to Kumasi for my uncle's funeral next week.", "back to Kumasi", "NATIONAL_ORIGIN"),
    # "back in <place abroad>" mid-sentence in a first-person text
    ("it is normal back in Jaffna, my aunties all say so", "back in Jaffna", "NATIONAL_ORIGIN"),
    # an age joined to an identity by "and"
    ("Proud Samoan and 41, finally doing my degree.", "41", "AGE"),
    # a gated or case-sensitive term with a tag word in a label ("pride"; "PCS" as written;
    # an abbreviation that is no English word in lower case)
    ("Twenty years since I took off the uniform #VeteranPride", "#VeteranPride", "MILITARY_STATUS"),
    ("Boxes everywhere again #PCSlife", "#PCSlife", "MILITARY_STATUS"),
    ("Missing my kids so much today #ofwlife", "#ofwlife", "NATIONAL_ORIGIN"),
    # any form of the LGBT acronym
    ("Board games night for LGBTQIAP+ adults every Friday.", "LGBTQIAP+", "SEXUAL_ORIENTATION"),
    ("Our LGBTIQ+ staff network is hiring a chair.", "LGBTIQ+", "SEXUAL_ORIENTATION"),
    # an arm of an army said of a person; enlisting with no object
    ("Dad was in the cavalry in the eighties and still rides.", "cavalry", "MILITARY_STATUS"),
    ("My cousin is enlisting in June, nervous for him.", "enlisting", "MILITARY_STATUS"),
]

STAY = [
    # a state that is the group's topic, and the writer's own parents
    ("The clinic runs a pregnant moms group on Thursdays.", "moms"),
    ("Welsh parents' evening is on the 4th.", "parents"),
    # a pet's or a plant's parent, a sugar daddy
    ("Walkies in the snow #catmom", "#catmom"),
    ("Repotted the monstera again #plantdad", "#plantdad"),
    ("Not looking for a #sugardaddy thanks", "#sugardaddy"),
    # a list of things, not a bio
    ("Kitchen sale: pots | pan set | kettle | toaster", "pan"),
    # a move to a new job or system
    ("She transitioned to a new role in finance last spring.", "transitioned"),
    ("We transitioned the whole team onto the new rota.", "transitioned"),
    # a time, a price and a past event
    ("We meet at 18 with the others by the gate.", "18"),
    ("Doors open at 19 in the main hall.", "19"),
    # a thing named by a country (WordNet's thing phrases)
    ("A slice of Swiss roll and a cuppa, perfect.", "Swiss"),
    ("The Afghan hound at the show had the best coat.", "Afghan"),
    ("Planted a Japanese maple by the fence.", "Japanese"),
    # not a possessive's child, not a denial of something else, not a kitchen's orders
    ("My inner child is thriving with this new hobby.", "child"),
    ("The hotel doesn't have kids menus, sadly.", "kids"),
    ("The kitchen got their orders for Table Four wrong again.", "orders"),
    # a road, a pedal, a scan, a tax form, a photo's flare, a tidy room
    ("The new bypass opens to traffic on Monday.", "bypass"),
    ("Flip the bypass switch on the pedal.", "bypass"),
    ("The T2 scan came back clear.", "T2"),
    ("Lens flare all over the wedding photos.", "flare"),
    ("The spare room has been clean for two weeks, a miracle.", "clean"),
    # mates, not sons; "both" as a pronoun; a topic, not a household
    ("Pints with the lads after the match.", "lads"),
    ("We were both scared kids back then, honestly.", "kids"),
    ("How does the blended family thing work with schools?", "blended family"),
    # a trip home from abroad, a range of ages
    ("Our flight landed back in Paris at 3am.", "back in Paris"),
    ("Open to players between 18 and 40, all welcome.", "40"),
    # a case-sensitive abbreviation that is an English word in lower case
    ("New frying pan arrived #pcslife", "#pcslife"),
    ("The LGBs fuse blew again, said the electrician.", "LGBs"),
    ("We're enlisting the neighbours to help with the move.", "enlisting"),
    ("The cavalry arrived with pizza, bless them.", "cavalry"),
    # a slash between ordinary words
    ("The hen/chicken debate in our group chat continues.", "hen/chicken"),
    # a group that did something, not a remark about a gender
    ("The men laughed at the joke and went home.", "men"),
    ("Paid in Swiss francs at the border shop.", "Swiss"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=84)
