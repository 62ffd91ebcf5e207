"""Generalisation probes for the identity categories of the screening engine.

RACE_ETHNICITY, NATIONAL_ORIGIN, RELIGION, SEX_GENDER, SEXUAL_ORIENTATION and (optional)
POLITICAL_AFFILIATION. The sentences were written for these tests in social-media style; they
are not taken from, and do not paraphrase, the dev or holdout corpora. Each "caught" probe names
the surface that must be >= 80 % covered by a span of the category; each "stays" probe must get
no span of any identity category (the trap words must stay readable).
"""

from __future__ import annotations

import pytest

from tests.screening_probes import assert_caught, found
from vetting.config import DEFAULT_SPACY_MODEL
from vetting.screening import CATEGORIES, get_engine

IDENTITY = {
    "RACE_ETHNICITY",
    "NATIONAL_ORIGIN",
    "RELIGION",
    "SEX_GENDER",
    "SEXUAL_ORIENTATION",
    "POLITICAL_AFFILIATION",
}


@pytest.fixture(scope="module")
def engine():
    # all categories, so that the optional POLITICAL_AFFILIATION probes run too
    return get_engine(
        spacy_model=DEFAULT_SPACY_MODEL, local_terms_file="", enabled=frozenset(CATEGORIES)
    )


def _found(engine, text):
    return found(engine.analyze(text), text)


NO = "NATIONAL_ORIGIN"
RE = "RACE_ETHNICITY"
RL = "RELIGION"
SG = "SEX_GENDER"
SO = "SEXUAL_ORIENTATION"
PA = "POLITICAL_AFFILIATION"

CAUGHT = [
    # --- national origin: origin phrases with any country, territory or Pacific island
    ("my auntie is from Fiji so the potluck is gonna be huge", "from Fiji", NO),
    ("Our new dispatcher is from Micronesia, super sweet lady", "from Micronesia", NO),
    ("lol the dudes from Kiribati at the cannery are hilarious", "from Kiribati", NO),
    ("Originally from Eritrea, Anchorage has been home for 11 yrs", "Originally from Eritrea", NO),
    ("I'm originally from Bhutan but grew up in a camp in Nepal", "originally from Bhutan", NO),
    ("She's from the Solomon Islands and speaks like four languages", "from the Solomon Islands", NO),
    ("Maria is from Honduras, she makes the best baleadas", "from Honduras", NO),
    ("wifey is from Burkina Faso and hates the cold lmao", "from Burkina Faso", NO),
    ("My folks emigrated from Lesotho in the 90s", "emigrated from Lesotho", NO),
    ("born in Nuku'alofa, raised in Kenai", "born in Nuku'alofa", NO),
    ("Grew up in Tarawa until I was 12", "Grew up in Tarawa", NO),
    ("we fled Syria when I was little", "fled Syria", NO),
    ("My stepdad came here from Puerto Rico in '89", "came here from Puerto Rico", NO),
    # demonyms, Spanish forms, hyphenated identities
    ("Proud Tongan girl, Go Sea Eagles!", "Tongan", NO),
    ("Marshallese and proud, Majuro forever", "Marshallese", NO),
    ("Half Maltese half Guatemalan and 100% done with this winter", "Guatemalan", NO),
    ("My abuela is Salvadoreña and she will fight you", "Salvadoreña", NO),
    ("Catracho hasta la muerte", "Catracho", NO),
    ("Soy Dominicana, obviously I dance", "Dominicana", NO),
    ("Cape Verdean on my mom's side", "Cape Verdean", NO),
    ("I'm Bhutanese-American and the first cop in my family", "Bhutanese-American", NO),
    ("My husband is Chuukese and his whole clan came to the wedding", "Chuukese", NO),
    ("Trinidadian-born, Alaska-raised", "Trinidadian-born", NO),
    ("Our neighbors are Somali Bantu and so kind", "Somali Bantu", RE),
    # generations, papers, languages
    ("Sansei on my dad's side, my grandma was interned at Minidoka", "Sansei", NO),
    ("Yonsei kid who still eats rice with every meal", "Yonsei", NO),
    ("Fifth-generation Norwegian-American and still can't pronounce lutefisk", "Fifth-generation", NO),
    ("Finally got my green card in the mail!!!", "green card", NO),
    ("Sworn in as a naturalized citizen today 🇺🇸", "naturalized citizen", NO),
    ("I'm a dual citizen so I carry two passports", "dual citizen", NO),
    ("Cebuano is my first language, English came later", "Cebuano", NO),
    ("grew up speaking Tigrinya at the dinner table", "Tigrinya", NO),
    ("I was raised speaking Marshallese until kindergarten", "Marshallese", NO),
    # slurs for nationalities
    ("bunch of Ruskies yelling at the hockey game again", "Ruskies", NO),
    ("the Rooskies down the street are at it again", "Rooskies", NO),
    ("those bohunks at the bar were a riot", "bohunks", NO),
    # --- race / ethnicity
    ("Being the only dark-skinned girl in the academy class was a lot", "dark-skinned", RE),
    ("Light-skinned folks don't get it", "Light-skinned", RE),
    ("I'm brown-skinned and I still burn, so wear sunscreen", "brown-skinned", RE),
    ("I'm mixed, Black dad and Korean mom", "mixed", RE),
    ("white-passing but my family is very much Native", "white-passing", RE),
    ("Grandpa was full-blooded Navajo, I'm a quarter", "Navajo", RE),
    ("I'm Garifuna from Dangriga", "Garifuna", RE),
    ("Proud Afro-Cuban, salsa runs in the blood", "Afro-Cuban", RE),
    ("I'm Taíno and I'll tell you about it for hours", "Taíno", RE),
    ("Our family is Rohingya and we came through Malaysia", "Rohingya", RE),
    ("He's Mixtec and speaks it with his grandma", "Mixtec", RE),
    ("I'm Lenape on my mom's side", "Lenape", RE),
    ("Proud Pasifika family, four generations in Anchorage", "Pasifika", RE),
    ("Afro-Brazilian and a capoeira addict", "Afro-Brazilian", RE),
    ("I'm Blasian, stop asking what I am", "Blasian", RE),
    ("Nobody believes me but I'm Habesha", "Habesha", RE),
    # --- religion
    ("Lighting the menorah with my nephews tonight 🕎", "menorah", RL),
    ("Anyone know where to get halal meat in Fairbanks?", "halal", RL),
    ("Looking for a kosher caterer for Saturday, any leads", "kosher", RL),
    ("Davening at 6 before shift, coffee after", "Davening", RL),
    ("Sitting shiva for my grandfather this week", "Sitting shiva", RL),
    ("Langar at the gurdwara fed like 300 people today", "Langar", RL),
    ("Did aarti with my mom for Diwali, lamps everywhere", "aarti", RL),
    ("Took my shahada last year and never looked back", "shahada", RL),
    ("Wudu in a gas station bathroom is an extreme sport", "Wudu", RL),
    ("Going on a mission trip to Guatemala with our youth pastor", "mission trip", RL),
    ("Confirmation class every Wednesday night, my kid hates it", "Confirmation class", RL),
    ("Catechism was my whole childhood", "Catechism", RL),
    ("Palm Sunday service was packed", "Palm Sunday", RL),
    ("Stations of the Cross every Friday during Lent", "Stations of the Cross", RL),
    ("Our pastor did our premarital counseling", "pastor", RL),
    ("Served in the Elders Quorum presidency for 3 years", "Elders Quorum", RL),
    ("Sacrament meeting ran long again", "Sacrament meeting", RL),
    ("Raised Hutterite, left at 19", "Hutterite", RL),
    ("Grew up Maronite, now just tired", "Maronite", RL),
    ("I'm an exvangelical and proud of it", "exvangelical", RL),
    ("Amish girl gone rogue lol", "Amish", RL),
    # --- sex / gender
    ("transmasc and finally getting the beard I wanted", "transmasc", SG),
    ("Transfemme, 29, Juneau", "Transfemme", SG),
    ("My chest binder broke mid-shift, pray for me", "chest binder", SG),
    ("Started T three months ago and my voice cracked on a traffic stop", "Started T", SG),
    ("Puberty blockers saved my life as a teen", "Puberty blockers", SG),
    ("I'm genderqueer and my coworkers are chill about it", "genderqueer", SG),
    ("Androgynous person with a very normal job", "Androgynous", SG),
    ("I'm a butch woman and I get called sir at the gas station", "butch", SG),
    ("I was assigned male at birth and that's all you need to know", "assigned male at birth", SG),
    ("Tomboy since the day I could walk", "Tomboy", SG),
    ("I'm a detransitioner and I have my own story", "detransitioner", SG),
    ("Feminine-presenting guy here, yes I paint my nails", "Feminine-presenting", SG),
    ("Just a Samoan fella who loves rugby", "fella", SG),
    # --- sexual orientation
    ("Pan and not sorry about it", "Pan", SO),
    ("I'm ace, meaning no, I'm not interested in anybody", "ace", SO),
    ("aroace and living my best life with my cats", "aroace", SO),
    ("I'm demi so it takes me forever to like anyone", "demi", SO),
    ("Been out of the closet since 2009 and never went back", "out of the closet", SO),
    ("Came out to my parents over Thanksgiving, went ok", "Came out", SO),
    ("I'm into other guys and my crew knows", "into other guys", SO),
    ("She's only into women, sorry bro", "into women", SO),
    ("I'm heteroflexible, whatever that means to you", "heteroflexible", SO),
    ("Bicurious at 35, life is weird", "Bicurious", SO),
    ("the new sergeant is kinda fruity lmao", "fruity", SO),
    ("Openly gay and the first one on our SWAT team", "Openly gay", SO),
    ("Questioning my orientation at 40 and it's fine", "Questioning my orientation", SO),
    ("I'm questioning.", "questioning", SO),
    # --- political affiliation (optional category)
    ("Voted R every year since I turned 18", "R", PA),
    ("D since Carter and not changing now", "D", PA),
    ("Alaska Republican Party delegate, ask me about it", "Alaska Republican Party", PA),
    ("Young Republicans meeting tonight at the Moose lodge", "Young Republicans", PA),
    ("Proud Berniecrat, fight me", "Berniecrat", PA),
    ("Card-carrying member of the Green Party since college", "Green Party", PA),
    ("Never Trumper and a lifelong conservative", "Never Trumper", PA),
    ("the Demonrats in Juneau want our PFD", "Demonrats", PA),
]

STAYS = [
    # origin traps: places as places, trips and goods
    "Back from Fiji with a tan and 400 photos",
    "Flew in from Seoul last night, jet lag is real",
    "Ordered a new radiator from Germany, should be here Tuesday",
    "The package from Japan finally cleared customs",
    "It's from Mexico, the sticker says so",
    "Just got home from Iceland, the Blue Lagoon was crowded",
    "Spanish Fork has a great rodeo",
    "Turkish towels dry way faster than regular ones",
    "Belgian waffles at the diner on Tudor",
    "Our K9 is a Belgian Malinois named Rex",
    "Brazilian jiu-jitsu class at 6 tonight",
    "French doors on the patio are leaking",
    "Italian leather boots finally broke in",
    "Swedish fish are the superior candy",
    "Irish coffee and a fire, perfect night",
    "Chinese takeout again because I'm tired",
    "Dutch oven chili for the station potluck",
    "He's a first-gen college student and crushing it",
    # religion traps
    "Missionary position jokes in the locker room again, grow up",
    "Black Sabbath on vinyl sounds amazing",
    "Kosher salt is the only salt I cook with",
    "Temple Run high score unlocked",
    "Holy cow that moose was huge",
    "Meet at the corner of Temple Street and 5th",
    "Amish furniture store on the Parks has a sale",
    "The pastor at the wedding talked for an hour",
    "Christian and I went to Costco after shift",
    "Praying for good weather for the fishing opener",
    # race traps
    "Black ice on the Seward Highway, slow down",
    "Got the brown bear spray ready for the hike",
    "White-water rafting trip on Sunday",
    "Mixed breed pup at the shelter needs a home",
    "Black Friday sale on tires",
    "Native plants only in our garden this year",
    "Full-blooded Alaska winter storm incoming, stock up",
    "The white truck was parked in the fire lane again",
    # gender traps
    "Man, what a shift that was",
    "Some guy cut me off on Northern Lights",
    "The lady at the DMV was super helpful",
    "Hey guys, who has the radio charger?",
    "Girl scout cookies in the break room",
    # orientation traps
    "Drove straight home after shift",
    "Three straight nights of overtime",
    "Need a new frying pan for the station kitchen",
    "He's an ace pilot with 20 years in the bush",
    "Ace of spades tattoo on his forearm",
    "Peter Pan at the community theater tonight",
    "The gay nineties theme party at the museum was fun",
    "Came out to the scene at 0300 for a noise complaint",
    "The fruity IPA at the brewery is too sweet",
    "Straight A's for my nephew again",
    # politics traps
    "The green party planning committee meets for the retirement party",
    "That is a conservative estimate of the damage",
    "A liberal amount of hot sauce on everything",
    "R&D budget got cut again",
]


@pytest.mark.parametrize("text,surface,category", CAUGHT)
def test_identity_probe_is_caught(engine, text, surface, category):
    assert_caught(engine, text, surface, category)


@pytest.mark.parametrize("text", STAYS)
def test_identity_trap_stays_readable(engine, text):
    hits = [(t, c) for t, c in _found(engine, text) if c in IDENTITY]
    assert not hits, hits


def test_probe_count():
    assert len(CAUGHT) + len(STAYS) >= 120
