"""Generalisation probes for the "life" categories of the screening engine.

AGE, DISABILITY, GENETIC_INFO, PREGNANCY, MARITAL_STATUS, PARENTHOOD and MILITARY_STATUS.

The sentences are new (written for these tests, not taken from the dev or holdout corpora) and
cover *classes* of wording — ages as words, bio age items, condition names, family history
phrasing, pregnancy timelines, spouse slang, parent self-labels, ranks/units/records — plus the
look-alikes that must stay readable. A probe passes when the expected phrase is at least 80 %
covered by a span (the evaluation's leak rule) of the expected category, or — for the
must-stay probes — when no span touches the look-alike phrase.
"""

from __future__ import annotations

import pytest

from tests.screening_probes import assert_caught, assert_stays
from vetting.screening import get_engine

# (text, phrase that must be found, category)
CAUGHT: list[tuple[str, str, str]] = [
    # ---------------------------------------------------------------- AGE
    ("pushing seventy and still splitting all my own firewood", "seventy", "AGE"),
    ("knocking on sixty and my knees let everyone know it", "sixty", "AGE"),
    ("Celebrated the big five-oh with the whole swing shift", "big five-oh", "AGE"),
    ("Hit the big 3-0 last night, someone send ibuprofen", "big 3-0", "AGE"),
    ("Sixtysomething and finally learning to surf in Seward", "Sixtysomething", "AGE"),
    ("my surprise 40th was at the Moose Lodge and I cried", "surprise 40th", "AGE"),
    ("spent my twenty-ninth birthday working a DUI checkpoint", "twenty-ninth birthday", "AGE"),
    ("Happy 65th to the toughest lady on our block", "65th", "AGE"),
    ("Happy eighty-second, Grandpa Lou! Still beating us at cribbage", "eighty-second", "AGE"),
    ("Vintage 1979 🎂 | coffee first | Soldotna", "Vintage 1979", "AGE"),
    ("Est. 1988 | Kenai | dog person", "Est. 1988", "AGE"),
    ("Born '84, raised on dial-up and Saturday cartoons", "Born '84", "AGE"),
    ("born in the late 70s and proud of my mixtapes", "born in the late 70s", "AGE"),
    ("Nonbinary, 31, learning to weld on weekends", "31", "AGE"),
    ("Retired lineman, 67, still fishes every morning", "67", "AGE"),
    ("58, divorced, and finally doing what I want", "58", "AGE"),
    ("Fifty-eight years young and still chasing the aurora", "Fifty-eight years young", "AGE"),
    ("Just a 90s kid trying to figure out adulting", "90s kid", "AGE"),
    ("can't wait to turn 21 next month, first legal beer", "turn 21", "AGE"),
    ("about to turn thirty-five and nobody warned me about back pain", "thirty-five", "AGE"),
    ("Starting over at 45 and honestly loving it", "45", "AGE"),
    ("my boys (7 and 10) are obsessed with hockey now", "7 and 10", "AGE"),
    ("Proud septuagenarian, still riding my Harley", "septuagenarian", "AGE"),
    (
        "Forty-four laps around the sun today, thanks for the wishes",
        "Forty-four laps around the sun",
        "AGE",
    ),
    ("I'm forty-seven today, where did the time go", "forty-seven", "AGE"),
    ("I was a kid in the 80s so I know every Top Gun line", "kid in the 80s", "AGE"),
    ("xennial who remembers dial-up and still uses a flip phone", "xennial", "AGE"),
    ("Another candle: turning thirty-three tomorrow", "thirty-three", "AGE"),
    ("Gen X forever, latchkey and proud", "Gen X", "AGE"),
    # ---------------------------------------------------------------- DISABILITY
    (
        "Living with cerebral palsy hasn't stopped me from coaching T-ball",
        "cerebral palsy",
        "DISABILITY",
    ),
    (
        "Finally got my prosthetic arm adjusted, grip strength is back",
        "prosthetic arm",
        "DISABILITY",
    ),
    ("Below-knee amputee since the crash in 2016 and still hunting", "amputee", "DISABILITY"),
    ("My TBI makes loud briefings really rough some days", "TBI", "DISABILITY"),
    ("Six years clean this Tuesday. One day at a time.", "Six years clean", "DISABILITY"),
    ("Clean 3 years now, no more pills, and my kids trust me again", "Clean 3 years", "DISABILITY"),
    ("Schizoaffective disorder doesn't define me", "Schizoaffective disorder", "DISABILITY"),
    ("Diagnosed FASD at 30, a lot of things finally made sense", "FASD", "DISABILITY"),
    ("Crohn's flare kept me home from the range again", "Crohn's", "DISABILITY"),
    ("Got a nasty staph infection after the knee surgery", "staph infection", "DISABILITY"),
    ("On methadone for three years now, working full time", "methadone", "DISABILITY"),
    ("Sublocade shot today, month 14 of recovery", "Sublocade", "DISABILITY"),
    ("Insulin pump beeped through the entire briefing lol", "Insulin pump", "DISABILITY"),
    ("Still processing the Ehlers-Danlos diagnosis", "Ehlers-Danlos", "DISABILITY"),
    (
        "Mesothelioma at 52. Never worked a day near asbestos that I know of",
        "Mesothelioma",
        "DISABILITY",
    ),
    ("Lupus flare again, cancelling the hike", "Lupus", "DISABILITY"),
    ("One year post-stroke and I can drive again", "post-stroke", "DISABILITY"),
    ("I'm on lithium and doing better than I have in years", "lithium", "DISABILITY"),
    ("Glioblastoma survivor, two years and counting", "Glioblastoma", "DISABILITY"),
    ("Dyslexic kid turned detective, take that Mrs. Hendricks", "Dyslexic", "DISABILITY"),
    ("Trigeminal neuralgia is the worst pain I've ever felt", "Trigeminal neuralgia", "DISABILITY"),
    ("Hearing aids in, ready for roll call", "Hearing aids", "DISABILITY"),
    ("my psychiatrist upped the Abilify again", "Abilify", "DISABILITY"),
    ("celebrating 90 days sober with cake and coffee", "90 days sober", "DISABILITY"),
    ("Rollator life since the hip went, but I still make it to bingo", "Rollator", "DISABILITY"),
    ("I'm proud of my recovery, no shame in it", "recovery", "DISABILITY"),
    (
        "Polycystic kidney disease means dialysis is probably in my future",
        "Polycystic kidney disease",
        "DISABILITY",
    ),
    ("Just started Vyvanse and I can finally finish a report", "Vyvanse", "DISABILITY"),
    ("living with gastroparesis means small meals all day", "gastroparesis", "DISABILITY"),
    # ---------------------------------------------------------------- GENETIC_INFO
    (
        "Heart disease took my father at 52, so I get checked every year",
        "Heart disease",
        "GENETIC_INFO",
    ),
    (
        "Breast cancer runs in my family so I started mammograms early",
        "Breast cancer",
        "GENETIC_INFO",
    ),
    ("Diabetes runs on both sides of my family, joy", "Diabetes", "GENETIC_INFO"),
    ("Lost my mom to ovarian cancer last spring", "ovarian cancer", "GENETIC_INFO"),
    ("My uncle and both grandpas had colon cancer before 60", "colon cancer", "GENETIC_INFO"),
    ("Did the spit test for Christmas, results in 6 weeks", "spit test", "GENETIC_INFO"),
    ("Ordered an ancestry kit for my dad's birthday", "ancestry kit", "GENETIC_INFO"),
    ("Our carrier screening came back clean, huge relief", "carrier screening", "GENETIC_INFO"),
    ("The genetic test results should be back Friday", "genetic test results", "GENETIC_INFO"),
    ("The amnio ruled out trisomy 18, we can breathe again", "trisomy 18", "GENETIC_INFO"),
    (
        "No chromosomal abnormalities on the scan, thank goodness",
        "chromosomal abnormalities",
        "GENETIC_INFO",
    ),
    (
        "My sister carries the BRCA2 mutation so I'm getting tested",
        "BRCA2 mutation",
        "GENETIC_INFO",
    ),
    ("23andMe told me I have one copy of the APOE4 variant", "23andMe", "GENETIC_INFO"),
    (
        "There's a strong family history of early Alzheimer's on my mom's side",
        "family history of early Alzheimer's",
        "GENETIC_INFO",
    ),
    ("My brother's epilepsy got worse this winter", "epilepsy", "GENETIC_INFO"),
    ("My sister is a sickle cell carrier and so am I", "sickle cell carrier", "GENETIC_INFO"),
    # ---------------------------------------------------------------- PREGNANCY
    ("We're pregnant!! Rainbow baby coming this fall", "We're pregnant", "PREGNANCY"),
    ("2nd trimester and the nausea is finally gone", "2nd trimester", "PREGNANCY"),
    ("Bun in the oven, due mid-March. Already nesting.", "due mid-March", "PREGNANCY"),
    (
        "Baby arrives in April and the nursery is still full of boxes",
        "Baby arrives in April",
        "PREGNANCY",
    ),
    ("Our little peanut arrives in October!", "little peanut arrives in October", "PREGNANCY"),
    (
        "Hyperemesis gravidarum is no joke, third ER trip this month",
        "Hyperemesis gravidarum",
        "PREGNANCY",
    ),
    ("Failed the glucose test, so gestational diabetes it is", "gestational diabetes", "PREGNANCY"),
    ("Preeclampsia scare today but mom and baby are fine", "Preeclampsia", "PREGNANCY"),
    (
        "Gestational carrier for my cousin and her wife. So honored.",
        "Gestational carrier",
        "PREGNANCY",
    ),
    ("Sex reveal party this weekend, team pink or team blue?", "Sex reveal", "PREGNANCY"),
    ("Positive pregnancy test this morning, still shaking", "pregnancy test", "PREGNANCY"),
    ("Braxton Hicks all night, not fun", "Braxton Hicks", "PREGNANCY"),
    ("Egg retrieval went well, transfer is next month", "Egg retrieval", "PREGNANCY"),
    ("Pumping room at the station finally has a lock", "Pumping room", "PREGNANCY"),
    ("34 weeks with twins and I can't see my feet", "34 weeks", "PREGNANCY"),
    ("eating for two and not sorry about the pizza", "eating for two", "PREGNANCY"),
    ("first OB visit on Monday, wish me luck", "OB visit", "PREGNANCY"),
    ("Bump pic update: basically a basketball now", "Bump pic", "PREGNANCY"),
    ("Third tri is kicking my butt", "Third tri", "PREGNANCY"),
    ("Surrogate update: baby girl is due in May!", "Surrogate", "PREGNANCY"),
    ("had a miscarriage last year and this one feels different", "miscarriage", "PREGNANCY"),
    # ---------------------------------------------------------------- MARITAL_STATUS
    ("Hubs and I finally painted the garage", "Hubs", "MARITAL_STATUS"),
    ("my hubbie burned the pancakes again", "hubbie", "MARITAL_STATUS"),
    ("Taking the missus out for crab legs tonight", "missus", "MARITAL_STATUS"),
    ("my ol' lady says no more guns this year", "ol' lady", "MARITAL_STATUS"),
    ("We renewed our vows on the beach in Homer", "renewed our vows", "MARITAL_STATUS"),
    ("Co-parenting with my ex has gotten easier since the custody order", "ex", "MARITAL_STATUS"),
    ("Still a bachelor at 40 and my mother won't let it go", "bachelor", "MARITAL_STATUS"),
    ("Tomorrow I'm marrying my best friend", "marrying", "MARITAL_STATUS"),
    ("My partner and I celebrated ten years of our civil union", "partner", "MARITAL_STATUS"),
    ("We separated in March and the house sold last week", "separated", "MARITAL_STATUS"),
    ("Widowed young, and I don't want pity", "Widowed", "MARITAL_STATUS"),
    ("married to a Marine, never a dull PCS season", "married", "MARITAL_STATUS"),
    ("Proposed on Flattop and she said yes!", "said yes", "MARITAL_STATUS"),
    ("Wifey made moose chili and the whole shift wants the recipe", "Wifey", "MARITAL_STATUS"),
    ("Couples counseling is helping, for the record", "Couples counseling", "MARITAL_STATUS"),
    ("Newlywed life means arguing over thermostat settings", "Newlywed", "MARITAL_STATUS"),
    ("The divorce was final in June and I sleep better now", "divorce", "MARITAL_STATUS"),
    # ---------------------------------------------------------------- PARENTHOOD
    ("mama to 3 wild ones and a very tired dog", "mama to 3 wild ones", "PARENTHOOD"),
    ("momma of 2 teenage boys, send groceries", "momma of 2 teenage boys", "PARENTHOOD"),
    ("Papa duty tonight: hockey practice and homework", "Papa duty", "PARENTHOOD"),
    ("Three kids under five and a husband on nights", "Three kids under five", "PARENTHOOD"),
    ("married w/ 4 kiddos and a mortgage", "4 kiddos", "PARENTHOOD"),
    ("as a parent of a toddler I haven't slept since 2022", "parent of a toddler", "PARENTHOOD"),
    ("Stepkids are with us every other weekend", "Stepkids", "PARENTHOOD"),
    ("Happily childless and loving my quiet Sundays", "childless", "PARENTHOOD"),
    ("Child-free by choice, please stop asking", "Child-free", "PARENTHOOD"),
    ("Mom brain struck again, left my keys in the fridge", "Mom brain", "PARENTHOOD"),
    ("Being a dad is the hardest job I've had", "dad", "PARENTHOOD"),
    ("Rocking a newborn at 4am then patrol at 7, send coffee", "newborn", "PARENTHOOD"),
    ("Grampa x3 and loving every minute", "Grampa x3", "PARENTHOOD"),
    ("bonus mom to two amazing girls", "bonus mom", "PARENTHOOD"),
    ("Potty training week, pray for our carpet", "Potty training", "PARENTHOOD"),
    ("Joint custody means Wednesdays are sacred", "Joint custody", "PARENTHOOD"),
    ("new dad here, how do you swaddle", "new dad", "PARENTHOOD"),
    # ---------------------------------------------------------------- MILITARY_STATUS
    ("Staff Sergeant, retired, now coaching wrestling", "Staff Sergeant", "MILITARY_STATUS"),
    ("Made E-5 before my 22nd birthday in the Army", "E-5", "MILITARY_STATUS"),
    ("Lance Corporal for way too long lol", "Lance Corporal", "MILITARY_STATUS"),
    ("PFC Ramos was my battle buddy at Fort Leonard Wood", "PFC", "MILITARY_STATUS"),
    (
        "Served as an Aviation Ordnanceman 3rd Class on a carrier",
        "Aviation Ordnanceman 3rd Class",
        "MILITARY_STATUS",
    ),
    (
        "Three years aboard USS Theodore Roosevelt taught me patience",
        "USS Theodore Roosevelt",
        "MILITARY_STATUS",
    ),
    ("82nd Airborne, 2004 to 2010, all the way", "82nd Airborne", "MILITARY_STATUS"),
    ("Proud member of the 3rd Airlift Squadron family", "3rd Airlift Squadron", "MILITARY_STATUS"),
    ("Former 68W, now an ER nurse in Fairbanks", "68W", "MILITARY_STATUS"),
    ("0311 for eight years, semper fi", "0311", "MILITARY_STATUS"),
    ("Semper Paratus, always. Station Kodiak forever", "Semper Paratus", "MILITARY_STATUS"),
    ("fellow vets, the VA clinic finally fixed the phone line", "fellow vets", "MILITARY_STATUS"),
    ("Grandpa did Vietnam and never talked about it", "did Vietnam", "MILITARY_STATUS"),
    (
        "My uncle flew Hueys in Vietnam and still flinches at helicopters",
        "flew Hueys in Vietnam",
        "MILITARY_STATUS",
    ),
    ("Picked up my DD-214 today, officially a civilian", "DD-214", "MILITARY_STATUS"),
    ("Filing my VA claim for the knee this week", "VA claim", "MILITARY_STATUS"),
    ("Guard drill this weekend, so no softball for me", "Guard drill", "MILITARY_STATUS"),
    ("20 yrs USCG and I still can't sail", "20 yrs USCG", "MILITARY_STATUS"),
    ("Vietnam-era vet, drafted at 19", "Vietnam-era vet", "MILITARY_STATUS"),
    (
        "Petty Officer Second Class, Coast Guard, 2011-2017",
        "Petty Officer Second Class",
        "MILITARY_STATUS",
    ),
    ("Tricare finally approved the MRI", "Tricare", "MILITARY_STATUS"),
    ("Oorah. Once a Marine, always a Marine.", "Once a Marine", "MILITARY_STATUS"),
    ("My son ships out to Parris Island in June", "Parris Island", "MILITARY_STATUS"),
    ("Took the ASVAB twice before I got the score I needed", "ASVAB", "MILITARY_STATUS"),
]

# (text, look-alike phrase that must stay readable)
STAY: list[tuple[str, str]] = [
    # AGE
    ("Our 30-year-old boiler finally gave up this morning", "30-year-old"),
    ("We drove a 20-year-old Subaru all the way to Homer", "20-year-old"),
    ("Turned 90 degrees and backed the trailer in first try", "Turned 90"),
    ("Est. 1998 | family-owned plumbing | Wasilla", "Est. 1998"),
    ("Registered to vote since I turned 18, never missed one", "turned 18"),
    ("He lived in Tok until age 12 and then moved to Juneau", "age 12"),
    ("Over 40 calls tonight and not one of them was easy", "Over 40"),
    ("Senior Trooper Blake took the report at the scene", "Senior Trooper"),
    ("Meeting at 10 in the squad room, bring donuts", "10"),
    ("Prices starting at 45 for the fishing charter", "45"),
    ("Enlisted at 17, retired at 38 with a bad shoulder.", "38"),
    # DISABILITY
    ("Bipolar weather this week: sun, sleet, then sun again", "Bipolar"),
    ("The chief turned a deaf ear to our overtime complaints", "deaf"),
    ("Wheelchair ramp at the courthouse is iced over again", "Wheelchair"),
    ("MS Outlook ate my shift report again", "MS"),
    ("MS-13 graffiti showed up on the overpass again", "MS-13"),
    ("Huge drug seizure on the Parks Highway last night", "seizure"),
    ("What a stroke of luck, the suspect tripped on his own laces", "stroke"),
    ("Recovery of the stolen truck took all shift", "Recovery"),
    ("Data recovery on the laptop should take a week", "recovery"),
    ("Kept a clean record for 10 years on the road", "clean"),
    ("Clean 4 years on my driving record, insurance finally dropped", "Clean 4 years"),
    ("Unit 12B responded at 0311 hours on Tuesday", "0311"),
    ("Dutch elm disease took out half the trees on our street", "elm disease"),
    ("Chronic wasting disease showed up in the deer herd down south", "Chronic wasting disease"),
    ("The big 50 inch screen at the bar was showing the game", "big 50"),
    ("Imposter syndrome hits hard on the first day of FTO", "Imposter syndrome"),
    ("That blind spot on the cruiser mirrors is dangerous", "blind"),
    ("Septic tank backed up at the substation, gross", "Septic"),
    ("Replaced the shingles on my roof after the windstorm", "shingles"),
    # GENETIC_INFO
    ("Paper or plastic? Carrier bag for my groceries, please", "Carrier"),
    ("Switching my phone carrier because the coverage is awful", "carrier"),
    ("The carrier lost my package again", "carrier"),
    ("Policing is in my DNA, four generations on the job", "DNA"),
    ("Gene from dispatch makes the best coffee", "Gene"),
    (
        "Spent Saturday at the library digging into old census records and family history",
        "family history",
    ),
    ("Aircraft carrier tour in San Diego was incredible", "carrier"),
    # PREGNANCY
    ("Expecting a package from Fred Meyer today", "Expecting"),
    ("The report is due late June so don't bug me", "due late June"),
    ("Speed bumps on Northern Lights need repainting", "bumps"),
    ("Next guy who bumps my cruiser is buying lunch", "bumps"),
    ("Labor Day parade detail again, third year running", "Labor"),
    ("Due date for the grant application is March 3", "Due date"),
    ("Delivered the package and the baby goat to the farm", "Delivered"),
    ("Picked up tomato starts at the nursery on Dimond", "nursery"),
    # MARITAL_STATUS
    ("Married to my boat at this point, the wife can have the house", "Married to my boat"),
    ("Divorce attorney billboard on the Glenn has a typo", "Divorce"),
    ("Widow's peak getting sharper every year", "Widow's"),
    ("My partner and I cleared the building room by room", "partner"),
    ("Bought two new USB hubs for the squad room", "hubs"),
    ("Bachelor's degree in criminal justice, finally done", "Bachelor's"),
    ("We engaged the suspect at the corner of 5th and Gambell", "engaged"),
    ("Single-A baseball game tonight, dollar hot dogs", "Single"),
    ("Married to the badge, that's what my sergeant says", "Married"),
    # PARENTHOOD
    ("Dad jokes at roll call fell completely flat", "Dad"),
    ("the mother of all snowstorms hit Eagle River", "mother"),
    ("Dog mom of two huskies and zero regrets", "mom"),
    ("mom of 2 fur babies and a very grumpy cat", "mom of 2"),
    ("Papa John's delivery driver got stuck in the snow", "Papa"),
    ("Mother Nature clearly hates our softball league", "Mother"),
    ("Father time is undefeated, my knees agree", "Father"),
    ("The parent company bought out the dealership", "parent"),
    ("Just kidding, the kid at the counter was nice", "kid"),
    # MILITARY_STATUS
    ("Army-Navy game at the sports bar, lost twenty bucks", "Army"),
    ("Veteran homicide detective Park says the scene was staged", "Veteran"),
    ("Navy blue uniforms look better than the old brown ones", "Navy"),
    ("Marine biology was my favorite class in college", "Marine"),
    ("The VFW on Spenard has the cheapest pull tabs", "VFW"),
    ("Deployed the new records system to all workstations", "Deployed"),
    ("Fire drill at the station during lunch, of course", "drill"),
    ("Swiss Army knife saved the day on the call", "Army"),
    ("Took the cat to the vet for her shots", "vet"),
    ("Apt 11B had a noise complaint again", "11B"),
    ("Form W-2 is in the mail, check your box", "W-2"),
    ("Sgt. Hollis from patrol brought donuts", "Sgt"),
]


@pytest.fixture(scope="module")
def engine():
    return get_engine()


@pytest.mark.parametrize(("text", "phrase", "category"), CAUGHT, ids=[c[0][:40] for c in CAUGHT])
def test_caught(engine, text, phrase, category):
    assert_caught(engine, text, phrase, category)


@pytest.mark.parametrize(("text", "phrase"), STAY, ids=[c[0][:40] for c in STAY])
def test_stays(engine, text, phrase):
    assert_stays(engine, text, phrase)


def test_probe_count():
    assert len(CAUGHT) + len(STAY) >= 140
