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
    ("Since the fall, Nana has trouble walking to the mailbox and back.", "trouble walking", "GENETIC_INFO"),  # a relative's condition (GUIDELINE 3.10)
    ("He has difficulty hearing in meetings, so he sits up front.", "difficulty hearing", "DISABILITY"),
    ("Dad's had real problems remembering things this year.", "problems remembering things", "GENETIC_INFO"),  # a relative's condition (GUIDELINE 3.10)
    # marital: engagement with a place or time, a partner counted in years
    ("We got engaged in Galway over the long weekend!", "engaged", "MARITAL_STATUS"),
    ("Raising a glass to Sam, my partner of nineteen years.", "partner", "MARITAL_STATUS"),
    # labour and birth, British spelling included
    ("Fourteen hours of labour and she arrived at dawn.", "labour", "PREGNANCY"),
    ("They're inducing her on Monday at 39 weeks.", "inducing her", "PREGNANCY"),
    ("My waters broke in the car park, of course.", "waters broke", "PREGNANCY"),
    # recovery counted in time; a maintenance medication
    ("Two years clean as of Friday, thanks to everyone at Tuesday group.", "Two years clean", "DISABILITY"),
    ("He's been sober since March 2021.", "sober since March 2021", "DISABILITY"),
    ("Eight months stable on lithium and finally sleeping.", "lithium", "DISABILITY"),
    # consumer DNA tests by brand, donor conception
    ("Got my FamilyTreeDNA results back, very Scottish.", "FamilyTreeDNA", "GENETIC_INFO"),
    ("She found out at 40 that she was donor-conceived.", "donor-conceived", "GENETIC_INFO"),
    # military: ranks said of a person, rank in a force, commissioning, enlistment, ships
    ("My cousin retired from the Royal Navy as a Commander last year.", "Commander", "MILITARY_STATUS"),
    ("She's now a Captain in the Royal Logistic Corps.", "Captain", "MILITARY_STATUS"),
    ("Twenty years ago I was a nervous young Private at Catterick.", "Private", "MILITARY_STATUS"),
    ("Our daughter passed out of Sandhurst on Friday.", "passed out of Sandhurst", "MILITARY_STATUS"),
    ("He got sworn in at MEPS and ships to basic next month.", "sworn in at MEPS", "MILITARY_STATUS"),
    ("Grandad did three years on HMS Ark Royal.", "HMS Ark Royal", "MILITARY_STATUS"),
    ("Being a Gold Star brother changes how you hear the anthem.", "Gold Star brother", "MILITARY_STATUS"),
    # religion: life-cycle rites of many faiths, ordination
    ("The Annaprashan is on Saturday, our little one's first rice!", "Annaprashan", "RELIGION"),
    ("Invites are out for Omar's aqiqah next weekend.", "aqiqah", "RELIGION"),
    ("We did the Anand Karaj at the gurdwara in Leicester.", "Anand Karaj", "RELIGION"),
    ("My uncle was ordained a deacon last spring.", "ordained a deacon", "RELIGION"),
    # ages: a child's age after a first name in a family post, between commas after a kin word,
    # the possessive form, an age after a judgement
    ("Family update: Saoirse (5) lost her first tooth and our son is jealous.", "5", "AGE"),
    ("Our son Tomasz, 9, has started coding club.", "9", "AGE"),
    ("A woman of ninety-one years, still gardening.", "ninety-one years", "AGE"),
    ("Swam two miles this morning. Not bad for 72.", "72", "AGE"),
    # children in obituaries and coordinated kin nouns
    ("Survived by his devoted daughters Ann and Bridget.", "daughters", "PARENTHOOD"),
    ("Remembered by her brother Sean and son Michael.", "son", "PARENTHOOD"),
    # gestational age in a birth post, naturalisation, gender-affirming care, gene symbols
    ("They induced me at 41 weeks and she came in four hours.", "41 weeks", "PREGNANCY"),
    ("Mum became a Canadian citizen today after 30 years here!", "became a Canadian citizen", "NATIONAL_ORIGIN"),
    ("Finally got seen at the gender clinic after two years.", "gender clinic", "SEX_GENDER"),
    ("The genetic panel found a PKP2 variant, so my siblings get tested.", "PKP2 variant", "GENETIC_INFO"),
    ("After genetic testing my sister found out she has the MYH variant too.", "MYH variant", "GENETIC_INFO"),
    # military: a rank in a force named by no list, a service phrase with a count and no "years"
    ("Her dad was a Captain in the Royal Malaysian Regiment.", "Captain in the Royal Malaysian Regiment", "MILITARY_STATUS"),
    ("Grandpa did 30 in the Corps and never lets us forget it.", "did 30 in the Corps", "MILITARY_STATUS"),
    ("Ex-RAF here, did 9 years as an avionics tech before the airline.", "did 9 years as an avionics tech", "MILITARY_STATUS"),
    ("My uncle was killed in Iraq in 2004.", "killed in Iraq", "MILITARY_STATUS"),
    ("Ran into a mate from my old battalion at the market.", "my old battalion", "MILITARY_STATUS"),
    ("Funeral with honors from American Legion Post 12 on Friday.", "American Legion Post 12", "MILITARY_STATUS"),
    ("She left the forces in 2019 and retrained as a paramedic.", "left the forces", "MILITARY_STATUS"),
    # children: after an age word, great-grandchildren, twins someone has, "papa to the twins"
    ("my 6yo daughter asked where clouds go", "daughter", "PARENTHOOD"),
    ("Knitting a blanket for my great-granddaughter due in May.", "great-granddaughter", "PARENTHOOD"),
    ("My cousin finally has twins after years of trying.", "twins", "PARENTHOOD"),
    ("Husband to Funmi, papa to the twins, Arsenal till I die.", "papa to the twins", "PARENTHOOD"),
    # a people's name that is also its language: confirm without a cue, redact beside one
    ("Gay and Igbo, and tired of choosing.", "Igbo", "RACE_ETHNICITY"),
    ("Fluent in Excel, Twi and sarcasm.", "Twi", "RACE_ETHNICITY"),
    # conversion and lapsing
    ("My first Eid since I reverted, alhamdulillah.", "reverted", "RELIGION"),
    ("He's a lapsed Catholic but still goes at Christmas.", "lapsed Catholic", "RELIGION"),
    # hormone time, a test result beside a hereditary condition, prenatal screening, ages by ordinal
    ("Trans and proud, 18 months on T and loving my voice.", "18 months on T", "SEX_GENDER"),
    ("Dad carried the Lynch gene; I tested negative last week.", "tested negative", "GENETIC_INFO"),
    ("Panorama says low risk for trisomy 21, phew.", "low risk for trisomy 21", "GENETIC_INFO"),
    ("Booked the hall for Grandma's 90th!", "90th", "AGE"),
    ("'01 baby | Leeds | nursing student", "'01 baby", "AGE"),
    # an interpreter someone uses, a state's Guard, passing out at a base, a demonym with "national"
    ("The hearing went ahead with an Auslan interpreter for my uncle.", "Auslan interpreter", "DISABILITY"),
    ("He's a crew chief in the Oregon Air National Guard.", "Oregon Air National Guard", "MILITARY_STATUS"),
    ("Passed out at RAF Cosford on Friday, proud doesn't cover it.", "Passed out at RAF Cosford", "MILITARY_STATUS"),
    ("The witness is a Kenyan national living in Leeds.", "Kenyan national", "NATIONAL_ORIGIN"),
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
    # the party, not childbirth; fainting, not commissioning; a title before a noun; a venue
    ("Labour promised more nurses and shorter waiting times.", "Labour"),
    ("I nearly passed out from the heat at the Academy Awards party.", "passed out"),
    ("He's a Private pilot with 300 hours in a Cessna.", "Private"),
    ("She made Captain in the fire department last year.", "Captain"),
    ("Officers engaged in the pursuit for twenty minutes.", "engaged"),
    ("Lithium batteries are half price this week.", "Lithium"),
    ("See Chapter (3) of the handbook before Monday.", "3"),
    ("Not bad for 30 bucks, the tent kept us dry.", "30"),
    ("She became a citizen scientist with the bird count.", "citizen"),
    ("The COVID variant wave hit the station hard in March.", "COVID variant"),
    ("She did 20 years as a teacher in Fairbanks before retiring.", "did 20 years as a teacher"),
    ("He got out in 2013 after four years in prison.", "got out in 2013"),
    ("Meet at 0600 Zulu time for the brief.", "Zulu"),
    ("The git commit was reverted yesterday.", "reverted"),
    ("He's a lapsed gym member.", "lapsed"),
    ("The Twins won again last night.", "Twins"),
    ("I tested negative for covid so I'm back on shift.", "tested negative"),
    ("Mum's 40th anniversary at the firm is in May.", "40th"),
    ("Three years on E Street and the band still rocks.", "on E"),
    ("CODA | ASL interpreter | 34 | dog mom to a very loud husky", "ASL interpreter"),
    ("He works as a Texas Guard at the mall, nights only.", "Texas Guard"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=90)
