"""Round-2 generalisation probes for the screening engine.

Classes of wording found missing by a third independent corpus: deployment wording, PCS moves,
Guard annual training, "served in the <X> Guard", Navy/Coast Guard ratings with pay grade,
rank abbreviations, retiree tags, MOS codes, ship/cutter prefixes; "born in <city>, <country>",
"came from <place>", "From <place>, <country abbr>" profile fields; gender-affirming care with an
identity cue, gender as the target of a remark, lone M/F profile fields; baby showers, week scans,
"N weeks" in a pregnancy text; "the kids"/"wife & kiddos"/"Candidate's son"; rare genetic
conditions of relatives; multiword denominations — and the look-alikes that must stay readable
(closet storage, offence names, field sobriety, ASL as a language skill, clinical teams, police
ranks, software deployments, sizes and grades).

All sentences were written for this file (not taken from any corpus). A caught probe passes when
the phrase is at least 80 % covered by spans of the expected category; a must-stay probe passes
when no span touches the phrase.
"""

from __future__ import annotations

import pytest

from tests.screening_probes import assert_caught, assert_stays
from vetting.screening import get_engine

CAUGHT: list[tuple[str, str, str]] = [
    (
        "Just got back from a nine-month deployment and the kids grew a foot",
        "got back from a nine-month deployment",
        "MILITARY_STATUS",
    ),
    ("He's deployed again, third time since 2019", "deployed", "MILITARY_STATUS"),
    ("While deployed I missed both births", "While deployed", "MILITARY_STATUS"),
    ("Signed my reenlistment, still an IT2 on USS Ralph Johnson", "IT2", "MILITARY_STATUS"),
    ("35F Intelligence Analyst, 2010-2016", "35F", "MILITARY_STATUS"),
    ("Cpl Danner, my old team leader from the battalion, got out", "Cpl", "MILITARY_STATUS"),
    ("Maj Cole, my CO at Bragg, retired", "Maj", "MILITARY_STATUS"),
    ("Grandma was born in Lodz, Poland in 1931", "born in Lodz, Poland", "NATIONAL_ORIGIN"),
    (
        "Both my parents came from El Salvador in the 80s",
        "came from El Salvador",
        "NATIONAL_ORIGIN",
    ),
    ("Originally from Weno, Chuuk | RN", "Originally from Weno, Chuuk", "NATIONAL_ORIGIN"),
    ("Started HRT in March, finally feel like me. trans girl 🏳️‍⚧️", "HRT", "SEX_GENDER"),
    ("Ladies can't handle SWAT, sorry", "Ladies", "SEX_GENDER"),
    ("42 | F | Fairbanks | RN", "F", "SEX_GENDER"),
    ("Sis had her baby shower Saturday", "baby shower", "PREGNANCY"),
    ("17 weeks and the bump is showing! Pregnancy is wild", "17 weeks", "PREGNANCY"),
    ("Kiddos are finally asleep, wife and I are watching movies", "Kiddos", "PARENTHOOD"),
    ("Applicant's stepson lives with them", "stepson", "PARENTHOOD"),
    ("Wife's nephew has spinal muscular atrophy", "spinal muscular atrophy", "GENETIC_INFO"),
    ("We belong to the Armenian Apostolic church", "Armenian Apostolic", "RELIGION"),
    (
        "Sub was home from his third deployment when we met",
        "home from his third deployment",
        "MILITARY_STATUS",
    ),
    (
        "We PCS'd from Fort Drum last summer and still have boxes everywhere",
        "PCS'd",
        "MILITARY_STATUS",
    ),
    (
        "Medically retired from the Marine Corps after the blast",
        "retired from the Marine Corps",
        "MILITARY_STATUS",
    ),
    (
        "Uncle Ray served in the Philippine Scouts during the war",
        "served in the Philippine Scouts",
        "MILITARY_STATUS",
    ),
    ("HM3 at Naval Hospital Bremerton before the academy", "HM3", "MILITARY_STATUS"),
    ("YN2 | USCG Sector Anchorage | coffee snob", "YN2", "MILITARY_STATUS"),
    ("Just made BMC after twelve years on the cutter", "BMC", "MILITARY_STATUS"),
    ("USMC (Ret.) | hunting guide | Delta Junction", "USMC (Ret.)", "MILITARY_STATUS"),
    ("Former 11B, now running a landscaping crew; Army taught me to dig", "11B", "MILITARY_STATUS"),
    ("Stationed on the USCGC Munro for two patrols", "USCGC Munro", "MILITARY_STATUS"),
    (
        "My cousin was born in Daegu, South Korea and adopted at two",
        "born in Daegu, South Korea",
        "NATIONAL_ORIGIN",
    ),
    ("Our neighbors came over from Vietnam in 1979", "came over from Vietnam", "NATIONAL_ORIGIN"),
    ("From Ebeye, RMI | welder | Seward", "From Ebeye, RMI", "NATIONAL_ORIGIN"),
    ("enby 🏳️‍⚧️ and six months on estradiol", "estradiol", "SEX_GENDER"),
    ("Trans and proud, T-day is every Friday at my house", "T-day", "SEX_GENDER"),
    ("girls have no business driving a patrol car, my uncle says", "girls", "SEX_GENDER"),
    ("29 / F / Palmer / engaged", "F", "SEX_GENDER"),
    ("Mom hosted a baby shower for my cousin at the lodge", "baby shower", "PREGNANCY"),
    (
        "Our 32 week appointment went fine, she's measuring big! Pregnancy brain is real",
        "32 week appointment",
        "PREGNANCY",
    ),
    ("Hubby and the kids built a snow fort all afternoon", "kids", "PARENTHOOD"),
    ("Candidate's twin daughters attend Dimond High", "daughters", "PARENTHOOD"),
    (
        "My niece has Fragile X and the whole family does the fundraiser",
        "Fragile X",
        "GENETIC_INFO",
    ),
    ("Confirmed in the Syriac Orthodox church as a boy", "Syriac Orthodox", "RELIGION"),
    (
        "Finally home, back from deployment and sleeping in my own bed",
        "back from deployment",
        "MILITARY_STATUS",
    ),
    (
        "Hubby is still deployed so it's me and the dog this Thanksgiving",
        "still deployed",
        "MILITARY_STATUS",
    ),
    ("Two Iraq deployments taught me patience", "Two Iraq deployments", "MILITARY_STATUS"),
    (
        "He did three Afghanistan deployments before joining the academy",
        "three Afghanistan deployments",
        "MILITARY_STATUS",
    ),
    ("Got our PCS orders today, Fort Carson here we come", "PCS orders", "MILITARY_STATUS"),
    ("We PCS to Germany in June, packing everything again", "PCS", "MILITARY_STATUS"),
    (
        "Missing the barbecue, I have annual training with my Guard unit",
        "annual training",
        "MILITARY_STATUS",
    ),
    ("Guard drill weekend again, see you Monday", "Guard drill weekend", "MILITARY_STATUS"),
    (
        "Separated from the Air Force in 2015 and moved to Juneau",
        "Separated from the Air Force",
        "MILITARY_STATUS",
    ),
    (
        "My grandfather served in the Alaska Territorial Guard",
        "served in the Alaska Territorial Guard",
        "MILITARY_STATUS",
    ),
    (
        "She served in the Army Reserve for six years",
        "served in the Army Reserve",
        "MILITARY_STATUS",
    ),
    ("BM2 at Station Kodiak, loving the boat life", "BM2", "MILITARY_STATUS"),
    ("MK1 Johnson, USCG | mechanic | dad", "MK1", "MILITARY_STATUS"),
    ("Former ET3 aboard a cutter, now studying criminal justice", "ET3", "MILITARY_STATUS"),
    ("AMT1 Rivera retires next month after 20 years of flying", "AMT1", "MILITARY_STATUS"),
    ("OS2 | Coast Guard | Kodiak", "OS2", "MILITARY_STATUS"),
    ("Retired MSgt, now coaching Little League", "MSgt", "MILITARY_STATUS"),
    ("TSgt Harris signed my letter of recommendation", "TSgt", "MILITARY_STATUS"),
    ("SFC (ret.) and proud of it", "SFC", "MILITARY_STATUS"),
    ("LCpl Ortiz was in my squad at Lejeune", "LCpl", "MILITARY_STATUS"),
    ("GySgt Morales, my old boss, still texts me on the birthday", "GySgt", "MILITARY_STATUS"),
    ("Former CWO flying Apaches, now a pilot for the troopers", "CWO", "MILITARY_STATUS"),
    ("LTC Adams wrote the reference letter for the applicant", "LTC", "MILITARY_STATUS"),
    ("Retired USAF, now a civilian contractor at Eielson", "Retired USAF", "MILITARY_STATUS"),
    ("Retired USN | fisherman | grandpa", "Retired USN", "MILITARY_STATUS"),
    ("25B IT Specialist for eight years, then went civilian", "25B", "MILITARY_STATUS"),
    ("I was a 68W in the Guard, so first aid is second nature", "68W", "MILITARY_STATUS"),
    ("Spent four years as a 31B at Fort Wainwright", "31B", "MILITARY_STATUS"),
    ("Two patrols aboard USCGC Healy in the Arctic", "USCGC Healy", "MILITARY_STATUS"),
    ("My first ship was the USNS Mercy", "USNS Mercy", "MILITARY_STATUS"),
    ("Served on CGC Alex Haley out of Kodiak", "CGC Alex Haley", "MILITARY_STATUS"),
    ("Grandpa crewed on HMCS Haida during the war", "HMCS Haida", "MILITARY_STATUS"),
    ("Capt Nguyen, USAF pilot, is my neighbor", "Capt", "MILITARY_STATUS"),
    ("SSgt Bell and I went to basic together", "SSgt", "MILITARY_STATUS"),
    ("SrA Chen got promoted last week", "SrA", "MILITARY_STATUS"),
    ("My brother was a PFC when he got hurt in Kandahar", "PFC", "MILITARY_STATUS"),
    ("Cpl Dunn from my old platoon visited", "Cpl", "MILITARY_STATUS"),
    # national origin
    (
        "My dad was born in Lagos, Nigeria and moved here at 30",
        "born in Lagos, Nigeria",
        "NATIONAL_ORIGIN",
    ),
    ("She was born in Guatemala and raised in Anchorage", "born in Guatemala", "NATIONAL_ORIGIN"),
    ("I was born in Cebu before we emigrated", "born in Cebu", "NATIONAL_ORIGIN"),
    ("My parents came from Laos with nothing", "came from Laos", "NATIONAL_ORIGIN"),
    ("Grandma came from Sicily on a steamship", "came from Sicily", "NATIONAL_ORIGIN"),
    ("From Chuuk, FSM | nursing student | Anchorage", "From Chuuk, FSM", "NATIONAL_ORIGIN"),
    ("From Apia, Samoa 🌺 | mom | Eagle River", "From Apia, Samoa", "NATIONAL_ORIGIN"),
    ("Applicant was born in Kyiv and naturalized in 2012", "born in Kyiv", "NATIONAL_ORIGIN"),
    ("Applicant was born in Kyiv and naturalized in 2012", "naturalized", "NATIONAL_ORIGIN"),
    # sex/gender
    ("transmasc and two years on T, voice finally dropped", "T", "SEX_GENDER"),
    ("FTM here, testosterone changed my whole life", "testosterone", "SEX_GENDER"),
    ("nonbinary 🏳️‍⚧️ | started estrogen last spring", "estrogen", "SEX_GENDER"),
    ("Trans guy doing my own T shots every Sunday", "T shots", "SEX_GENDER"),
    ("As a trans woman, HRT saved my life", "HRT", "SEX_GENDER"),
    ("women got no business on SWAT", "women", "SEX_GENDER"),
    ("females shouldn't be working narcotics, period", "females", "SEX_GENDER"),
    ("33 | M | divorced | Wasilla", "M", "SEX_GENDER"),
    ("Kenai • F • 41 • dog mom", "F", "SEX_GENDER"),
    # pregnancy
    ("My sister threw me the cutest baby shower yesterday", "baby shower", "PREGNANCY"),
    ("20 week scan went great, baby is healthy", "20 week scan", "PREGNANCY"),
    ("Pregnant and 14 weeks today, nausea finally fading", "14 weeks", "PREGNANCY"),
    ("Our appointment at the fertility clinic is Tuesday", "fertility clinic", "PREGNANCY"),
    ("Month 14 of #ttc and still hopeful", "#ttc", "PREGNANCY"),
    ("We've been trying to conceive for two years", "trying to conceive", "PREGNANCY"),
    ("12-week ultrasound tomorrow and I'm so nervous", "12-week ultrasound", "PREGNANCY"),
    # parenthood
    ("Weekend at the cabin with the wife & kiddos", "kiddos", "PARENTHOOD"),
    ("Our kids love the new puppy", "kids", "PARENTHOOD"),
    ("Candidate's 14-year-old son plays hockey", "son", "PARENTHOOD"),
    ("Diwali at home: the kids made rangoli on the porch while I cooked", "kids", "PARENTHOOD"),
    ("Taking the kiddos to the fair this weekend with my husband", "kiddos", "PARENTHOOD"),
    ("Applicant's daughter attends Service High", "daughter", "PARENTHOOD"),
    # misc
    ("My nephew has Duchenne, so we do the charity walk every year", "Duchenne", "GENETIC_INFO"),
    (
        "My son was diagnosed with Duchenne muscular dystrophy",
        "Duchenne muscular dystrophy",
        "GENETIC_INFO",
    ),
    ("Hit my NA meeting tonight, 90 days clean", "NA", "DISABILITY"),
    ("Two years sober, AA meetings every Thursday", "AA", "DISABILITY"),
    ("We attend the Ethiopian Orthodox church on Sundays", "Ethiopian Orthodox", "RELIGION"),
    ("Raised Orthodox Tewahedo, still fast before Easter", "Orthodox Tewahedo", "RELIGION"),
    ("My family is Coptic and we keep the long fasts", "Coptic", "RELIGION"),
    ("Member of the Assyrian Church of the East", "Church of the East", "RELIGION"),
    ("Proud Native woman, mother, and paramedic", "Native", "RACE_ETHNICITY"),
]


STAY: list[tuple[str, str]] = [
    ("Capt. Bree of AFD led the rescue", "Capt"),
    ("12 PCS per box", "PCS"),
    ("My dad retired as an ATC supervisor at the FAA", "ATC"),
    ("The new build's deployed to prod", "deployed"),
    ("Officer served in the Honor Guard at the funeral", "Guard at"),
    ("The Army Corps of Engineers rebuilt the levee", "Army Corps"),
    ("Apartment 12C is on the second floor", "12C"),
    ("Served in the Peace Corps in Ghana for two years", "Served in the Peace Corps"),
    ("Officer served in the Honor Guard at the funeral", "served in the Honor Guard"),
    ("Ordered 12 PCS of bolts from the supplier", "PCS"),
    ("The IT2 ticket queue is backed up again", "IT2"),
    ("Form ET3 must be filed with the county clerk", "ET3"),
    ("Sgt Miller from the APD traffic unit testified", "Sgt"),
    ("Lt Ortiz of the fire department led the drill", "Lt"),
    ("Cited for minor in possession of alcohol", "minor"),
    ("Officer noted his sobriety was questionable at the stop", "sobriety"),
    ("Candidate passed sobriety testing at the scene", "sobriety"),
    ("Fluent in Spanish and ASL, happy to help with interviews", "ASL"),
    ("The rack server is still in the closet, humming", "in the closet"),
    ("Skeletons in the closet, as they say", "in the closet"),
    ("The package came from Japan via DHL", "came from Japan"),
    ("Born in Anchorage, Alaska and raised in Nome", "Born in Anchorage, Alaska"),
    ("From Palmer, AK | welder | dad jokes", "From Palmer, AK"),
    ("Release v2 was still deployed to the staging server", "deployed"),
    ("We'll deploy the patch after the release", "deploy"),
    ("The 20 week course covers report writing", "20 week"),
    ("In 6 weeks the academy class graduates", "6 weeks"),
    ("Row M, seat 14, section F", "M"),
    ("Blood type: A | eye color: brown | sex: see file", "sex"),
    ("Testosterone levels were normal in his annual physical", "Testosterone"),
    ("The kids on 5th Avenue keep tagging the bus stop", "kids"),
    ("The server is in the closet next to the boxes", "in the closet"),
    ("Put the boxes in the closet before the inspection", "in the closet"),
    ("ASL-fluent, happy to interpret at community events", "ASL-fluent"),
    ("Cited for minor consuming alcohol at a party in 2014", "minor consuming"),
    ("Cited for minor consuming alcohol at a party in 2014", "minor"),
    ("Spoke with the oncology team about the victim's injuries", "oncology team"),
    ("Retired Capt. of the fire department", "Capt"),
    ("Maj. Lopez (APD) approved the overtime", "Maj"),
    ("The M and F keys on this keyboard are broken", "M and F"),
    ("Size M, color navy, item 33", "M"),
    ("Grade: F | Course: Algebra | Term: Fall", "F"),
    ("Deployed the new build to production on Friday", "Deployed"),
    ("The new cruiser was deployed to the north beat", "deployed"),
    ("Annual training for dispatchers is in March", "Annual training"),
    ("Our NA sales region grew 5% this quarter", "NA"),
    ("Battery is AA size, grab a pack", "AA"),
    ("Born in Fairbanks, raised in Nome", "Born in Fairbanks"),
    ("The package came from Amazon", "came from Amazon"),
    ("The storm came from the Gulf of Alaska", "came from the Gulf of Alaska"),
    ("Native plants in the garden are thriving", "Native"),
    ("T-shirt sizes: S, M, L", "M"),
    ("Kids these days don't know how to drive stick", "Kids"),
    ("The kids at the skatepark were vandalizing the bench", "kids"),
    ("Shower tomorrow at the gym", "Shower"),
    ("The 12 weeks of training start Monday", "12 weeks"),
    ("We celebrated Sgt Dunn's promotion at the station", "Sgt"),
    ("Capt. Rivera (AFD) handed out awards", "Capt"),
    ("Flight 25B boarding now", "25B"),
    ("Room 31B is the interview room", "31B"),
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
    assert len(CAUGHT) + len(STAY) >= 80
