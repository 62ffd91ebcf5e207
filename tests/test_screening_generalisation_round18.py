"""Issue 10, session 20: classes found on the two corpora read after their first contact this
session (``recovery``, ``languages``). Every ``CAUGHT`` probe was checked to fail with the engine
of the start of the session (d7ec954), so each one tests a class added here.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class, not for one missed example. ``CAUGHT`` phrases must be at least 80 % covered by a span of
the category (either tier); ``STAY`` phrases must get no span (the false positive each class must
not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # time in recovery counted in weeks, any number word, a day count, alcohol-free, off a drug,
    # without a drink or a bet, a chip for the time
    ("Eleven weeks sober and the cravings are finally quieter.", "Eleven weeks sober", "DISABILITY"),
    ("Seventeen months sober as of this morning.", "Seventeen months sober", "DISABILITY"),
    ("Three years AF this spring and I sleep like a baby.", "Three years AF", "DISABILITY"),
    ("Four months off benzos and my head is clearer.", "Four months off benzos", "DISABILITY"),
    ("200 days no gambling, the app is deleted for good.", "200 days no gambling", "DISABILITY"),
    ("Eight months without a drink and my liver numbers are normal.", "Eight months without a drink", "DISABILITY"),
    ("Day 12 sober, hardest week of my life.", "Day 12 sober", "DISABILITY"),
    ("Picked up my 30-day chip tonight, shaking the whole time.", "30-day chip", "DISABILITY"),
    ("Ten years of recovery this Sunday, see you at the meeting.", "Ten years of recovery", "DISABILITY"),
    ("Mi hermano lleva 5 años sobrio y está irreconocible.", "5 años sobrio", "DISABILITY"),
    # getting sober or clean
    ("Getting sober at 40 was the best thing she ever did.", "sober", "DISABILITY"),
    ("My first Christmas since getting clean, and the family came round.", "clean", "DISABILITY"),
    # recovery words
    ("Hi all, compulsive gambler here, two weeks in.", "compulsive gambler", "DISABILITY"),
    ("Happy soberversary to my sponsor, 20 years!", "soberversary", "DISABILITY"),
    ("My old counsellor called that phase being a dry drunk.", "dry drunk", "DISABILITY"),
    # a deployment given its length
    ("My wife leaves for a 7-month deployment next week and the kids are wrecked.", "7-month deployment", "MILITARY_STATUS"),
    # a Māori iwi or hapū by its Ngāti / Ngāi name
    ("Raised in Rotorua, Ngāti Whakaue on my mum's side.", "Ngāti Whakaue", "RACE_ETHNICITY"),
    ("Proud Ngāti Pikiao wahine, mother of three.", "Ngāti Pikiao", "RACE_ETHNICITY"),
    # testosterone said as T, coming off it
    ("Nonbinary and came off T in March so we could try for a baby.", "off T", "SEX_GENDER"),
    # the addressee's or another's children in a family's words
    ("Congrats, mama, give your littles a squeeze from me.", "littles", "PARENTHOOD"),
    ("She's home now with her little ones and doing well.", "little ones", "PARENTHOOD"),
    # a bipolar type
    ("My brother was diagnosed bipolar 1 last spring.", "bipolar 1", "GENETIC_INFO"),
    # a profile's native-language field, and a language by its own name
    ("Native: Hebrew, Russian. Lessons on Sundays.", "Hebrew", "NATIONAL_ORIGIN"),
    ("Lena | Deutsch (native), English C1 | Vienna", "Deutsch", "NATIONAL_ORIGIN"),
    # orientation words of other languages
    ("Sono bisessuale e felice, finalmente.", "bisessuale", "SEXUAL_ORIENTATION"),
    ("Je suis lesbienne et fière de l'être.", "lesbienne", "SEXUAL_ORIENTATION"),
    # a pregnancy's months in another language; breastfeeding by its rhythm
    ("Je suis enceinte de 6 mois et je dors mal.", "enceinte de 6 mois", "PREGNANCY"),
    ("Nursing every three hours so replies will be slow.", "Nursing every three hours", "PREGNANCY"),
    # posting orders to a named place, with or without a possessive
    ("We just got orders to Yokota, any tips for the move?", "orders to Yokota", "MILITARY_STATUS"),
    ("I was at DLI for Arabic in 2009.", "DLI", "MILITARY_STATUS"),
    # a sense being lost
    ("My dad is losing his hearing and won't admit it.", "losing his hearing", "GENETIC_INFO"),
    # children in a parent's bio; a named disorder's whole name
    ("Dad to twin boys | Leeds | coffee", "Dad to twin boys", "PARENTHOOD"),
    ("Our daughter has childhood apraxia of speech.", "childhood apraxia of speech", "GENETIC_INFO"),
    # a seminarian, Qur'an recitation, a heritage speaker's slang
    ("I'm a seminarian in my second year.", "seminarian", "RELIGION"),
    ("My tajweed classes are on Saturdays.", "tajweed", "RELIGION"),
    ("Total no sabo kid here, my abuela despairs.", "no sabo kid", "RACE_ETHNICITY"),
    # a branch with the job done in it, one noun phrase
    ("Our neighbour was a Navy cook on the old carriers.", "Navy cook", "MILITARY_STATUS"),
    ("My gran was an Army nurse in Malaya.", "Army nurse", "MILITARY_STATUS"),
    # a psychiatric unit; insulin resistance
    ("She spent a month in a psychiatric unit that winter.", "psychiatric unit", "DISABILITY"),
    ("PCOS and insulin resistant, so the clinic wants me to lose weight first.", "insulin resistant", "DISABILITY"),
    # a premature birth by its week, a birth or loss at a week
    ("Our 29-weeker came home from the NICU today!", "29-weeker", "PREGNANCY"),
    ("Our girl was stillborn at 37 weeks in 2021.", "stillborn at 37 weeks", "PREGNANCY"),
    ("After a 19 hour labour I never want to see a birthing ball again.", "19 hour labour", "PREGNANCY"),
    ("Mum to 3 + 1 on the way | Leeds | tea", "1 on the way", "PREGNANCY"),
    ("My sister had her second last night, a girl, 7lb 2oz.", "had her second", "PREGNANCY"),
    # antenatal and birth vocabulary
    ("Ended up with a ventouse delivery and a third degree tear.", "third degree tear", "PREGNANCY"),
    ("Anyone else doing aquanatal on Thursdays?", "aquanatal", "PREGNANCY"),
    ("Booking appointment is Tuesday, so nervous.", "Booking appointment", "PREGNANCY"),
    # newborn and prenatal screening results, a baby's condition
    ("The heel prick was fine but the newborn hearing screen needs a retest.", "newborn hearing screen", "GENETIC_INFO"),
    ("Our NIPT came back high chance for T21 and we're waiting on the amnio.", "T21", "GENETIC_INFO"),
    # parents by adoption approval, the other mother
    ("After a year of assessment we're finally approved adopters!", "approved adopters", "PARENTHOOD"),
    # put out of a force, a job held in a force
    ("Twenty years ago I was kicked out of the Navy for being gay.", "kicked out of the Navy", "MILITARY_STATUS"),
    ("Proud to be an officer in the IDF, like my father.", "officer in the IDF", "MILITARY_STATUS"),
    # expecting with nothing after it, a numbered baby, a caesarean said as "section"
    ("Anyone else over 40 and expecting? First one for me.", "expecting", "PREGNANCY"),
    ("So nervous about my section, baby is breech and it is booked for Friday.", "section", "PREGNANCY"),
    # a time of service looked back on, enlisting, a posting message, a selection course, Korean service words
    ("A bad knee and my army days were over at 24.", "army days", "MILITARY_STATUS"),
    ("Congrats on enlisting in the RAAF, mate, proud of you!", "enlisting", "MILITARY_STATUS"),
    ("We got our posting message today, Petawawa here we come.", "posting message", "MILITARY_STATUS"),
    ("남편 입대 D-30, 너무 슬퍼요", "입대", "MILITARY_STATUS"),
    # the age label of a pregnancy; plural subjects turning an age; non-religious and
    # denominational rites
    ("At 41 I'm officially advanced maternal age, apparently.", "advanced maternal age", "AGE"),
    ("My twins turn four tomorrow and I'm not ready.", "four", "AGE"),
    ("We chose a humanist naming ceremony for our son.", "humanist naming ceremony", "RELIGION"),
    ("The Wesleyan choir sang at Nana's funeral.", "Wesleyan", "RELIGION"),
    # a faith's festival by a name of its own
    ("Dashain is the best time of year in our house, kites and all.", "Dashain", "RELIGION"),
    ("Braided my hair for Timket this morning.", "Timket", "RELIGION"),
    # a person said to be a bare number, often hedged
    ("Honestly the lady at the till was like 80, bless her.", "80", "AGE"),
]

STAY = [
    # time without sugar or coffee, a break from a bike, a month's challenge
    ("Six weeks without sugar and I feel brand new.", "weeks without sugar"),
    ("Two weeks off the bike with a chest cold.", "weeks off the bike"),
    ("Day 10 of the dry January challenge, easy so far.", "Day 10"),
    # recovery after an operation
    ("Six weeks of recovery after the knee op, then physio.", "Six weeks"),
    # clean clothes, a clean kitchen, sober enough to drive
    ("Getting clean uniforms on three kids by 8am is an Olympic sport.", "clean"),
    ("The kitchen finally got clean after the party.", "clean"),
    ("Get sober enough to drive before you leave, lads.", "sober"),
    # a software deployment's timetable
    ("The 3-month deployment freeze on the billing service ends Friday.", "deployment"),
    # a language studied, not anyone's origin
    ("My Japanese essay is due Friday and I have written four lines.", "Japanese"),
    ("The Thursday Turkish conversation group moved to room 4.", "Turkish"),
    ("Anyone else doing Business Chinese at night school?", "Chinese"),
    ("Offering: Dutch. Seeking: Portuguese. Evenings only.", "Dutch"),
    ("Offering: Dutch. Seeking: Portuguese. Evenings only.", "Portuguese"),
    ("Got an A in my Korean module, so proud.", "Korean"),
    ("The Spanish beginners meet at six, the advanced lot at seven.", "Spanish"),
    # polish the verb
    ("Polish your CV before the careers fair.", "Polish"),
    ("Polish off the leftovers, nobody else will.", "Polish"),
    # "nas" in Portuguese, written in lower case
    ("vamos nas férias pra praia com a família toda", "nas"),
    # a word discussed as a word
    ('"Embarazada" does not mean embarrassed, learn from my mistake.', "Embarazada"),
    ('"Veteran" in Spanish is veterano, an easy one.', "Veteran"),
    # a language as the subject of its sentence, or crammed for a trip
    ("German is trolling us with its plurals.", "German"),
    ("Why does Japanese need three writing systems?", "Japanese"),
    ("Cramming Spanish before the trip to Seville.", "Spanish"),
    # losing sight of a thing, a nursing home, a restaurant's orders
    ("We lost sight of the shore in the fog.", "lost sight"),
    ("Nursing home visits every Sunday with my gran.", "Nursing"),
    ("The kitchen got orders to Table 6 wrong again.", "orders"),
    ("The score is 3, and it's only half time.", "3"),
    # a score written N+D, help on the way, a first date
    ("The score was 22+3 after extra time.", "22+3"),
    ("Help is on the way, hold tight.", "on the way"),
    ("She had her first driving lesson today, the baby of the family!", "had her first"),
    ("The 8 hour labour day was won by the unions.", "labour"),
    ("Fill in my section of the form before Friday, baby.", "section"),
    ("My service days at the bank are Monday and Thursday.", "service days"),
    # Christmas, Easter and new years of other languages, kept by everyone
    ("Coming home for Navidad this year, tía is cooking.", "Navidad"),
    ("Soju at Chuseok, soju at weddings, soju everywhere.", "Chuseok"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=20)


#: a quoted disclosure that is not a word being discussed: the mention filter must leave it
QUOTED_USE = [
    ('Saying "I\'m gay" in public is still hard for him.', "gay", "SEXUAL_ORIENTATION"),
    ('His bio reads "proud Army wife, mom of 3" and nothing else.', "Army wife", "MARITAL_STATUS"),
    ('"I\'m pregnant" in the group chat at 2am, typical Jess.', "pregnant", "PREGNANCY"),
]


def test_a_quoted_disclosure_is_not_a_word_discussed() -> None:
    from tests.screening_probes import assert_caught
    from vetting.screening import get_engine

    for text, phrase, category in QUOTED_USE:
        assert_caught(get_engine(), text, phrase, category)
