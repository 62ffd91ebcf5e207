"""Issue 10, session 6: the classes added after reading the misses of `forums` and `people`.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class — a shape of statement or a vocabulary from a source — not for one missed example.
``CAUGHT`` phrases must be at least 80 % covered by a span of the category (either tier);
``STAY`` phrases must get no span at all (the false positive each class must not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # ages: a sentence opening with an age, news style, bio items, shorthand, months, parentheses
    ("Long week. 41, two jobs, and my back hates me.", "41", "AGE"),
    ("Okay confession time. 23 btw, so go easy on me.", "23", "AGE"),
    ("Local baker Priya Nair, 38, has opened a second shop.", "38", "AGE"),
    ("retired welder | grandpa | 71 | fishing every day I can", "71", "AGE"),
    ("fifty-four | Tongan | Methodist | rugby tragic", "fifty-four", "AGE"),
    ("Proud mama to a 7-month-old who refuses naps.", "7-month-old", "AGE"),
    ("Our DS (4) has decided he is a dinosaur.", "4", "AGE"),
    ("Moving with our daughter (10 months) in March, any tips?", "10 months", "AGE"),
    ("Happy birthday big sis! Forty-four looks fabulous on you 🎂", "Forty-four", "AGE"),
    ("my son's six and already beats me at chess", "six", "AGE"),
    ("my grandad is eighty-two and still drives", "eighty-two", "AGE"),
    ("she's gonna be three in April and wants a unicorn cake", "three", "AGE"),
    ("when I was like seventeen I lived in Leeds", "seventeen", "AGE"),
    ("Ay, my lola cumplió 95 ayer!", "95", "AGE"),
    ("LO is 5 months and teething hard.", "5 months", "AGE"),
    ("Got my Freedom Pass today, officially old.", "Freedom Pass", "AGE"),
    # parenthood: parent nouns with counts said of anyone, counts of children, forum codes,
    # kin words of other Englishes and languages, parents as a group
    ("Congrats to Aoife, a mam of three and a brilliant nurse.", "mam of three", "PARENTHOOD"),
    ("The award went to a Glasgow father-of-two who fostered for years.", "father-of-two", "PARENTHOOD"),
    ("Grandma raised six children on a farm in Kerry.", "six children", "PARENTHOOD"),
    ("He has twelve grandchildren and knows every birthday.", "twelve grandchildren", "PARENTHOOD"),
    ("AIBU to ask DH to do the school run? DS has swimming at 8.", "DS", "PARENTHOOD"),
    ("How do other parents manage the holidays? I'm already exhausted.", "parents", "PARENTHOOD"),
    ("Their son starts school next week.", "son", "PARENTHOOD"),
    ("a Cree kokum from Saskatoon, beading every night", "kokum", "PARENTHOOD"),
    # marital status: weddings, anniversaries, a marital state opening a line, forum codes
    ("Congrats to Liam, who's off for his wedding in Galway.", "wedding", "MARITAL_STATUS"),
    ("We did the court wedding in March and the church one in June.", "court wedding", "MARITAL_STATUS"),
    ("Happy ruby wedding anniversary, Mum and Dad!", "ruby wedding anniversary", "MARITAL_STATUS"),
    ("Divorced, two kids, looking for a fresh start in Cork.", "Divorced", "MARITAL_STATUS"),
    ("AIBU? MIL keeps rearranging my kitchen.", "MIL", "MARITAL_STATUS"),
    ("Grateful to my wife-to-be for putting up with me.", "wife-to-be", "MARITAL_STATUS"),
    # military status: durations, objects of service verbs, prefixes, regiments, tours, ranks
    ("After 18 years in the Royal Australian Navy I'm starting at a bank.", "18 years in the Royal Australian Navy", "MILITARY_STATUS"),
    ("He did national service in '79 and never talks about it.", "did national service", "MILITARY_STATUS"),
    ("Our new dispatcher is an ex-Bundeswehr medic.", "ex-Bundeswehr", "MILITARY_STATUS"),
    ("My uncle, a retired Havildar, lives in Pune.", "retired Havildar", "MILITARY_STATUS"),
    ("Grandad served with the Punjab Regiment in the sixties.", "Punjab Regiment", "MILITARY_STATUS"),
    ("Reunion for Charlie Company veterans this Saturday at the regiment bar.", "Charlie Company", "MILITARY_STATUS"),
    ("She did four rotations to Kandahar with the Canadian Forces.", "four rotations to Kandahar", "MILITARY_STATUS"),
    ("Wing Commander Shah retired last week after a fine career.", "Wing Commander", "MILITARY_STATUS"),
    ("Dad was stationed at Naval Air Station Whidbey Island for years.", "stationed at Naval Air Station Whidbey Island", "MILITARY_STATUS"),
    # peoples and faiths: a people predicated of a person, peoples not named by a language,
    # how a faith is held, churches by their own names, practices of other traditions
    ("My husband is Tswana and I'm Zulu, so the wedding had two menus.", "Tswana", "RACE_ETHNICITY"),
    ("Our new coach is Wiradjuri and grew up in Wagga.", "Wiradjuri", "RACE_ETHNICITY"),
    ("She's a practising Hindu and a brilliant engineer.", "practising Hindu", "RELIGION"),
    ("He converted to Islam before the wedding.", "converted to Islam", "RELIGION"),
    ("Grew up Church of Scotland, married a Catholic.", "Church of Scotland", "RELIGION"),
    ("Forty days of Great Lent and I still crave cheese.", "Great Lent", "RELIGION"),
    # pregnancy: weeks said of a person, births, due dates in weeks, other Englishes
    ("my sister's only 31 weeks so the shower is next month", "31 weeks", "PREGNANCY"),
    ("Big news from the office: Tom's wife delivered this morning!", "delivered", "PREGNANCY"),
    ("she's due in six weeks and still working nights", "due in six weeks", "PREGNANCY"),
    ("Ma'am is on mat leave until June.", "mat leave", "PREGNANCY"),
    # disability and genetic information: both spellings, aids, fellowships, variants, results
    ("I have haemophilia and play goalie anyway.", "haemophilia", "DISABILITY"),
    ("My son has haemophilia and plays goalie anyway.", "haemophilia", "GENETIC_INFO"),
    # listed only as "hemochromatosis": caught through the generated British spelling
    ("Dad's haemochromatosis means we all get tested.", "haemochromatosis", "GENETIC_INFO"),
    ("She's been on the rollator since the fall.", "rollator", "DISABILITY"),
    ("Two years at Narcotics Anonymous and still going every week.", "Narcotics Anonymous", "DISABILITY"),
    ("The panel came back with a PALB2 mutation, so more screening for me.", "PALB2 mutation", "GENETIC_INFO"),
    ("I tested positive for Factor V Leiden after my DVT.", "tested positive for Factor V Leiden", "GENETIC_INFO"),
    # a text written without capitals (captions, transcripts): letter case asks nothing
    ("shes from nigeria and hes from ghana so the jollof debate never ends", "from nigeria", "NATIONAL_ORIGIN"),
    ("proud noongar woman here and my mob are from the south west", "noongar", "RACE_ETHNICITY"),
    ("i go to mass every sunday with my nan", "mass", "RELIGION"),
    ("back home in lagos we do things differently", "back home in lagos", "NATIONAL_ORIGIN"),
    # sex and gender: a marker on a record
    ("Her passport now says F after the update.", "F", "SEX_GENDER"),
]

STAY = [
    ("We sold out. 45 tickets in an hour, best night yet!", "45"),
    ("Meeting moved to June, 28. Bring the forms.", "28"),
    ("Our 8 week old puppy came home today!", "8 week old"),
    ("Dog mom of two huskies and a cat.", "mom of two"),
    ("Delta Company Plumbing quoted us $400 for the service call.", "Delta Company"),
    ("The band did two tours of Europe last year.", "two tours"),
    ("The pipeline failed on deployment again, rolling back the release.", "deployment"),
    ("The DJ played White Wedding by Billy Idol twice.", "White Wedding"),
    ("Single use plastics are banned here now.", "Single"),
    ("The golden anniversary edition of the album is out.", "golden anniversary"),
    ("Our volunteers were stationed at the front desk all day.", "stationed"),
    ("Watched a Hail Mary pass win the game in overtime.", "Hail Mary"),
    ("Saw a guy walking a Great Dane bigger than my car.", "Great Dane"),
    ("Air Force 1s restock Friday, navy and white colourway.", "Air Force 1s"),
    ("Parkinson's law is real, the sprint expanded to fill the time.", "Parkinson's law"),
    ("Boomer shooters are back, baby.", "Boomer"),
    ("Bought a Black Watch tartan scarf for the ceilidh.", "Black Watch"),
    ("I'm 6 weeks out from knee surgery.", "6 weeks"),
    ("The courier delivered yesterday but my parcel was wet.", "delivered"),
    ("The essay's due in three weeks.", "due in"),
    ("Two days clean of the garage mess, feels great.", "Two days clean"),
    ("The COVID19 variant wave hit the station hard.", "COVID19 variant"),
    ("I'm going to be 10 minutes late.", "10 minutes"),
    ("my dad's 5 minutes away", "5 minutes"),
    ("The challah came out of the oven perfect.", "came out"),
    ("Anchorage native here, the combat fishing is wild.", "native"),
    ("Drop-off at Station, 45 minutes before kick-off.", "45"),
    ("Happy birthday mate, the shop turns 40 today too 🎉", "40"),
    ("Fresh produce from Chad's farm stand, we're from down the road.", "Chad"),
    ("I ordered a mass of flyers for Sunday's fair.", "mass"),
    ("The clinic runs a pregnant moms group on Thursdays.", "moms"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=80)
