"""Issue 10, session 15: classes found on the two new corpora read after their first contact
(``migration``, migration, visas and diaspora, and ``sports``, sports, fitness and outdoors), and
written from public lists (visa classes and immigration steps of the main destination countries,
the Paralympic sports, the armed forces' fitness tests, the Orthodox Paschal greeting in its
churches' languages, documents of Indigenous status, and the religion and health vocabulary tables
of ``vocab/sources``). Every ``CAUGHT`` probe was checked to fail
with the engine of the start of the session (b6864f1), so each one tests a class added here.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class, not for one missed example. ``CAUGHT`` phrases must be at least 80 % covered by a span of
the category (either tier); ``STAY`` phrases must get no span (the false positive each class must
not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # a visa class or an immigration step by its official name, one's own visa
    ("Our spouse visa finally came through after eleven months.", "spouse visa", "NATIONAL_ORIGIN"),
    ("She's here on a working holiday visa until June.", "working holiday visa", "NATIONAL_ORIGIN"),
    ("Passed the Life in the UK test on my second go!", "Life in the UK test", "NATIONAL_ORIGIN"),
    ("Uploaded my I-864 and the tax transcripts tonight.", "I-864", "NATIONAL_ORIGIN"),
    ("My brother's asylum interview is next week, pray for him.", "asylum interview", "NATIONAL_ORIGIN"),
    ("Took the civics test this morning, ten out of ten, citizenship here I come", "civics test", "NATIONAL_ORIGIN"),
    ("Still no word on my visa renewal and the lease ends Friday.", "visa renewal", "NATIONAL_ORIGIN"),
    ("The family reunion visa for my mum was refused again.", "family reunion visa", "NATIONAL_ORIGIN"),
    # "from <place>" after a person noun of the parse's vocabulary, a bio field, an age-and-sex
    # code or a capitalised descriptor
    ("Three nurses from Kenya started on the ward this week.", "from Kenya", "NATIONAL_ORIGIN"),
    ("genderfluid · from Bucharest · cat person", "from Bucharest", "NATIONAL_ORIGIN"),
    ("22m from Accra, new to the server", "from Accra", "NATIONAL_ORIGIN"),
    ("I'm Sikh from Ludhiana and I wear my kara every day.", "from Ludhiana", "NATIONAL_ORIGIN"),
    # going back to a family's country for a family reason; a sentence opening "Back in
    # <place>" about the writer
    ("We're flying back to Kumasi on Monday, my grandma passed.", "Kumasi", "NATIONAL_ORIGIN"),
    ("Back in Harare we walked to school every morning.", "Back in Harare", "NATIONAL_ORIGIN"),
    # para sport: athletes, guides and equipment; a replaced or fused joint
    ("Our new coach is a Paralympian and swears by ice baths.", "Paralympian", "DISABILITY"),
    ("She trains with a guide runner on Tuesdays.", "guide runner", "DISABILITY"),
    ("He races a handbike now and he's faster than ever.", "handbike", "DISABILITY"),
    ("Sixty with a titanium hip and still climbing every weekend.", "titanium hip", "DISABILITY"),
    # the armed forces' fitness tests by name
    ("Failed the Army Fitness Test run by four seconds, again.", "Army Fitness Test", "MILITARY_STATUS"),
    ("Finally passed my Air Force PT test, the run nearly killed me.", "Air Force PT test", "MILITARY_STATUS"),
    # which pregnancy; the later ages of a list of children's ages
    ("My second pregnancy was nothing like the first one.", "second pregnancy", "PREGNANCY"),
    ("My kids are 3, 5 and 8 and the car is a disaster.", "8", "AGE"),
    # a condition by its usual abbreviation after has / lives with (a relative's is genetic
    # information)
    ("My son has DMD and uses a power chair at school.", "DMD", "GENETIC_INFO"),
    ("My brother has JIA, so no contact sports.", "JIA", "GENETIC_INFO"),
    ("She lives with CIDP, infusions every month.", "CIDP", "DISABILITY"),
    # the sex category the writer competes in
    ("I'll be racing in the men's masters category this year.", "men's", "SEX_GENDER"),
    # the Paschal greeting in other Orthodox languages, a nationality in a camel-case label, a
    # document of Indigenous status
    ("Pascha at the cathedral, candles and all. Hristos vaskrse! #Orthodox", "Hristos vaskrse", "RELIGION"),
    ("First snow for the kids! #FilipinoCanadian", "#FilipinoCanadian", "NATIONAL_ORIGIN"),
    ("My CDIB card finally came in the mail.", "CDIB card", "RACE_ETHNICITY"),
    # the religion and health tables: a rite, a mourning period, a temple offering, an order; an
    # orthosis, a surgery, a carrier finding
    ("We went down to the river for tashlikh after services.", "tashlikh", "RELIGION"),
    ("Aunty's sheloshim is on Thursday evening, all welcome.", "sheloshim", "RELIGION"),
    ("Booked an archanai at the temple for Amma's birthday.", "archanai", "RELIGION"),
    ("My sister joined the Poor Clares last spring.", "Poor Clares", "RELIGION"),
    ("Her new AFOs are purple and she's thrilled.", "AFOs", "DISABILITY"),
    ("Two years since my microdiscectomy and I'm running again.", "microdiscectomy", "DISABILITY"),
    ("Found out I carry a premutation, so we're seeing a counsellor.", "premutation", "GENETIC_INFO"),
]

STAY = [
    ("Got back from Porto on Sunday, the tiles were unreal.", "from Porto"),
    ("Flying back to London tomorrow for the conference, then home.", "London"),
    ("Back in 2019 I had a different job.", "Back in 2019"),
    ("Paid with my Visa card at the till.", "Visa card"),
    ("The camera has CF and SD card slots.", "CF"),
    ("The women's category was won in 2:19 by a runner from Eldoret.", "women's"),
    ("The tickets? They're 6, 9 and 12 dollars.", "9"),
    ("The fused glass class is on Sunday afternoon.", "fused glass"),
    ("A parcel from Japan arrived for the office.", "from Japan"),
    ("The visa office opens at nine on weekdays.", "visa office"),
    ("The PRT on the form stands for project review team.", "PRT"),
    ("Best dinner in town #ThaiFood #FrenchPress", "#ThaiFood"),
    # what the tables leave out: a dish, a greeting anyone says, a ward, a prayer for the weather
    ("Brought a potato kugel to the office potluck.", "kugel"),
    ("Mazel tov on the new job, Dave!", "Mazel tov"),
    ("The ICU nurses at St Mark's were brilliant with the flu patients.", "ICU"),
    ("We pray the rain holds off for the match.", "pray"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=52)
