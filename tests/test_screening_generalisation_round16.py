"""Issue 10, session 18: classes found on the corpora read after their first contact this
session and on the older development corpora. Every ``CAUGHT`` probe was checked to fail with the
engine of the start of the session (870409c), so each one tests a class added here.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class, not for one missed example. ``CAUGHT`` phrases must be at least 80 % covered by a span of
the category (either tier); ``STAY`` phrases must get no span (the false positive each class must
not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # everyday words that are service words in a text already about someone's service
    ("Air Force veteran, and every unit reunion since 1998 has been in Dayton.", "unit", "MILITARY_STATUS"),
    ("Army Reserve, and I'm going to miss drill again this month.", "drill", "MILITARY_STATUS"),
    ("Navy for 12 years; my old squad leader wrote my buddy letter.", "squad", "MILITARY_STATUS"),
    ("Two guys in my Army battalion got discharged for being gay.", "discharged", "MILITARY_STATUS"),
    ("He's off to Estonia with the Royal Air Force, a six month tour.", "tour", "MILITARY_STATUS"),
    ("Coast Guard family here; Dad goes back to the reserves on Monday.", "reserves", "MILITARY_STATUS"),
    # a remark about a whole gender whose verb is a modal, or made of an informal plural
    ("He asked if she would date him. Women would never.", "Women", "SEX_GENDER"),
    ("Blokes my age don't go to the doctor until it's too late.", "Blokes", "SEX_GENDER"),
    # "as his mom": the writer's own parenthood, said as a role
    ("As her dad, I signed every consent form they handed me.", "dad", "PARENTHOOD"),
    # children's ages in parentheses after any word for children, with "both" or "all"
    ("Babysitting the grandbabies (3, 6 and 8) all weekend.", "3, 6 and 8", "AGE"),
    ("Took the twins (both 9) to the aquarium.", "9", "AGE"),
    # an age band of a race or a masters meet
    ("Moved up to the 55-59 age group this year, finally the youngest in it.", "55-59", "AGE"),
    # a condition's name with what still discloses after or before it: its gene or carrier, a
    # positive result, how it runs in a family, recovery from it
    ("Got the results back and I have the Stargardt gene like my aunt.", "Stargardt gene", "GENETIC_INFO"),
    ("Found out at the antenatal clinic that I'm a Gaucher disease carrier.", "Gaucher disease carrier", "GENETIC_INFO"),
    ("Kidney disease runs on my mum's side, so I get checked.", "Kidney disease runs on my mum's side", "GENETIC_INFO"),
    ("Five years into my recovery from bulimia and still going.", "recovery from bulimia", "DISABILITY"),
    # a word typed with accents the lists do not have
    ("Proud pāpā of two wild boys.", "pāpā", "PARENTHOOD"),
    # the daily prayers by name, a practice, a food law
    ("I pray Zuhr at my desk when the meeting room is busy.", "Zuhr", "RELIGION"),
    ("Back from a Vipassana course and my inbox is a war zone.", "Vipassana", "RELIGION"),
    ("Order something parve for me, I'll eat after the meeting.", "parve", "RELIGION"),
    # national service by its abbreviation after a verb of serving
    ("Finished my NS last year and started uni in August.", "Finished my NS", "MILITARY_STATUS"),
    # "anyone else from" a country
    ("Is anyone else from Ghana dealing with this visa backlog?", "from Ghana", "NATIONAL_ORIGIN"),
    # a pregnancy as growing a person
    ("Currently growing a tiny human, so no sushi for me.", "growing a tiny human", "PREGNANCY"),
    # a cancer named by its stage and organ
    ("Aunt June, stage 2 breast, finished chemo on Friday.", "stage 2 breast", "DISABILITY"),
    # a baby's age beside its name
    ("Meet our Rosie, 7 weeks, already bossing the house.", "7 weeks", "AGE"),
    # a demonym before a person noun after a verb of saying is no language
    ("My nan always said Trinidadian women can cook anyone under the table.", "Trinidadian", "NATIONAL_ORIGIN"),
    # the people of a city abroad by its demonym
    ("Proud Mancunian living in Texas these days.", "Mancunian", "NATIONAL_ORIGIN"),
    # "the kids that weekend": "that" naming a time after the family's children
    ("My husband has the kids that week, so I can do the Tuesday shift.", "kids", "PARENTHOOD"),
    # an age bracket at any age, said of people
    ("Runners who are over 45 start in the second wave.", "over 45", "AGE"),
    # a clergyman's family named as such; temporary duty; common conditions the lists lacked
    ("Pastor's wife, mum of two, very bad at flower arranging.", "Pastor", "RELIGION"),
    ("Wife is on TDY until the 20th, so mornings only.", "on TDY", "MILITARY_STATUS"),
    ("Typing is hard since my RSI flared up again.", "RSI", "DISABILITY"),
    # the writer's own team or group named by its sex
    ("So proud of our women's netball squad this weekend.", "women's", "SEX_GENDER"),
]

STAY = [
    # the same words in a text about no one's service
    ("Back to my unit on the third floor after lunch.", "unit"),
    ("Fire drill at nine, the whole floor has to leave.", "drill"),
    ("The tour of the brewery ran long.", "tour"),
    ("She was discharged from hospital on Friday.", "discharged"),
    # a text about service: a rank that is a dog's name
    ("Army vet here. Our dog Major ate the couch again.", "Major"),
    # a group that is addressed or named with a determiner
    ("Lads bring your boots and a water bottle on Sunday.", "Lads"),
    ("The men would never agree to a second vote.", "men"),
    ("Tickets for the women's final sold out in an hour.", "women's"),
    # a measure in parentheses after a thing
    ("Bought two rugs (5 and 8 feet) for the hall.", "5 and 8"),
    # a range of numbers that is no age band
    ("Offers in the 40-50 range only, collection Saturday.", "40-50"),
    # an abbreviation and a stage that are no service and no illness
    ("Did the NS lookup on the domain and the records look fine.", "NS"),
    ("Stage 3 of the kidney-shaped pool build starts Monday.", "Stage 3"),
    # a language said, not a people
    ("He said Portuguese was easier than Spanish.", "Portuguese"),
    # children somewhere, in a relative clause
    ("The kids that live next door broke my husband's fence again.", "kids"),
    # a bracket of minutes
    ("We waited over 45 minutes for the bus.", "over 45"),
    # the idiom of tears
    ("They played the last post and there wasn't a dry eye in the hall.", "dry eye"),
    # someone else's parent, named
    ("His mom picked him up from practice at four.", "mom"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=50)
