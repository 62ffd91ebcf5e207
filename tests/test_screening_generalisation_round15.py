"""Issue 10, session 17: classes found on the two new corpora read after their first contact
(``genealogy``, family history and DNA forums, and ``outdoors``, hunting, fishing, farming and
gardening) and on the older development corpora. Every ``CAUGHT`` probe was checked to fail with
the engine of the start of the session (0573859), so each one tests a class added here.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class, not for one missed example. ``CAUGHT`` phrases must be at least 80 % covered by a span of
the category (either tier); ``STAY`` phrases must get no span (the false positive each class must
not make).
"""

from __future__ import annotations

from tests.screening_probes import probe_tests

CAUGHT = [
    # an ambiguous people's name before any person noun, where its capital says something
    ("Our Shona neighbour taught us the greeting.", "Shona", "RACE_ETHNICITY"),
    ("Our Malay neighbours sent over a tray of kuih.", "Malay", "RACE_ETHNICITY"),
    # genetic genealogy: matches, test types, haplogroups, shared centimorgans, "DNA says"
    ("A new DNA match popped up, a second cousin on my dad's side.", "DNA match", "GENETIC_INFO"),
    ("Ordered the Big Y for my brother for Christmas.", "Big Y", "GENETIC_INFO"),
    ("The admin says my subclade is rare.", "subclade", "GENETIC_INFO"),
    ("We share 870 cM, so she's probably my half-aunt.", "870 cM", "GENETIC_INFO"),
    ("His Y-DNA test put him in R-M269 like most of the surname project.", "R-M269", "GENETIC_INFO"),
    ("The family story was Cherokee, but DNA says otherwise.", "DNA", "GENETIC_INFO"),
    ("My ethnicity estimate changed again after the update.", "ethnicity estimate", "GENETIC_INFO"),
    # the names old records give to conditions and to childbirth
    ("Her father died of apoplexy at the mill in 1871.", "apoplexy", "GENETIC_INFO"),
    ("My grandfather spent his last years in the county lunatic asylum.", "lunatic asylum", "GENETIC_INFO"),
    ("My grandmother's consumption took her at thirty.", "consumption", "GENETIC_INFO"),
    ("The register says she died in childbed with her fourth.", "died in childbed", "PREGNANCY"),
    ("Two weeks after her lying-in she was back at the loom.", "lying-in", "PREGNANCY"),
    ("My aunt lost three babies before my cousin arrived.", "lost three babies", "PREGNANCY"),
    # a birth year of the 1800s, and a birth place followed by its year
    ("Great-great-grandma Ida, born in 1862, ran the farm alone.", "born in 1862", "AGE"),
    ("He was born in Tralee in 1898 and left at sixteen.", "1898", "AGE"),
    # world cities written without their accents
    ("My grandparents came from Itajai in the fifties.", "came from Itajai", "NATIONAL_ORIGIN"),
    # menopause, a diabetes code in the plural, a hypo, predictive testing, copies of a variant
    ("Perimenopausal and running on three hours of sleep.", "Perimenopausal", "DISABILITY"),
    ("Any other T1s here? My Dexcom keeps dropping out.", "T1s", "DISABILITY"),
    ("Had a nasty hypo halfway up the hill.", "hypo", "DISABILITY"),
    ("My cousin and I are both thinking about predictive testing.", "predictive testing", "GENETIC_INFO"),
    ("My test report says I carry two copies of e4.", "two copies of e4", "GENETIC_INFO"),
    # "doing something while X"
    ("Shopping while Black in this town means being followed.", "Black", "RACE_ETHNICITY"),
    # military service as family history records it
    ("Still waiting on Grandpa's OMPF from the archive.", "OMPF", "MILITARY_STATUS"),
    ("She joined the WAVES straight out of high school.", "WAVES", "MILITARY_STATUS"),
    ("Found his Civil War pension papers at the courthouse.", "Civil War pension", "MILITARY_STATUS"),
    ("Grandad was one of the Dunkirk veterans at the reunion.", "Dunkirk veterans", "MILITARY_STATUS"),
    ("He described serving under Colonel Howe for three winters.", "serving under Colonel Howe", "MILITARY_STATUS"),
    ("My dad was stationed near Aviano for six years.", "stationed near Aviano", "MILITARY_STATUS"),
    ("I'm a Gold Star widow and this week is always hard.", "Gold Star widow", "MILITARY_STATUS"),
    ("She was commissioned as an ensign last spring.", "commissioned as an ensign", "MILITARY_STATUS"),
    # a relative or friend who is expecting; a line opening with a due date, day first
    ("My bestie's expecting and I'm already knitting.", "expecting", "PREGNANCY"),
    ("Bump is huge now 🤰 Due 12th June and counting.", "Due 12th June", "PREGNANCY"),
    # the verb "breastfeed"; a bump that is someone's in a text about a baby
    ("Back at work and stopped twice to breastfeed in the car.", "breastfeed", "PREGNANCY"),
    ("Please stop touching my bump, Sandra 🤰", "bump", "PREGNANCY"),
    # children's ages after "mine"; lithium someone is on; a screen magnifier
    ("Everyone asks about the kids. Mine are 7 and 9 and obsessed with worms.", "7 and 9", "AGE"),
    ("Since going on lithium the crossword takes me twice as long.", "lithium", "DISABILITY"),
    ("I use a screen magnifier for all the small print now.", "screen magnifier", "DISABILITY"),
    # "at N" as the person's age now
    ("My cardiologist wants me on blood thinners at 44, brilliant.", "44", "AGE"),
    ("So I am starting a podcast at 61, wish me luck.", "61", "AGE"),
    # religious practices by their own names; a sex letter in a document's field
    ("Doing seva at the langar hall every Sunday with my dad.", "seva", "RELIGION"),
    ("We pay our zakat before the end of Ramadan.", "zakat", "RELIGION"),
    ("My son gets his sudreh and kusti next month.", "sudreh", "RELIGION"),
    ("The new licence came with an X in the sex field at last.", "X", "SEX_GENDER"),
    # religious minorities family historians trace
    ("Our Huguenot ancestors fled La Rochelle in 1685.", "Huguenot", "RELIGION"),
]

STAY = [
    # a capital at a sentence start, after a possessive
    ("Fur babies are the best babies.", "Fur"),
    ("Born on St. Patrick's Day baby, so green everything.", "Day"),
    # centimetres, a road exit and a form, police DNA
    ("The shelf is 212 cm wide, the match is perfect.", "212 cm"),
    ("The burglary was solved through DNA evidence.", "DNA"),
    ("Policing is in my DNA, says every recruit.", "DNA"),
    # consumption of things, a solitary confinement, a shotgun's breech
    ("Our energy consumption doubled this winter.", "consumption"),
    ("He spent a week in solitary confinement at the jail.", "confinement"),
    ("Check the breech before you hand the shotgun over.", "breech"),
    # weight lost after a baby, puppies lost to a virus
    ("Finally lost the baby weight after two years.", "lost the baby"),
    ("The shelter lost two puppies to parvo.", "puppies"),
    # a navy garment
    ("Wearing a navy anorak and wellies, just in case.", "navy"),
    ("Grab the navy one, the red is too loud.", "navy"),
    # a year that is not a birth, birth and a move
    ("Born in Ohio, moved to Texas in 2010.", "2010"),
    # a score, lithium batteries, a hypoallergenic shampoo
    ("Mine are 8 and 11 points behind the leaders.", "8 and 11"),
    ("The drill runs on lithium batteries now.", "lithium"),
    ("A hypo-allergenic shampoo for the dog.", "hypo"),
    # a surf report in capitals, a police captain, a mural
    ("The WAVES were huge at the point today.", "WAVES"),
    ("I served under Captain Lopez at the precinct before the academy job.", "Captain Lopez"),
    ("The gallery commissioned a mural of the lieutenant governor.", "commissioned"),
    # a museum, an ordinary one copy
    ("The Battle of the Bulge museum opens at ten.", "Battle of the Bulge"),
    ("Only one copy of FIFA23 left at the store.", "one copy"),
    # a bump in the road, nursing back to health
    ("Hit a bump in the road and spilled my coffee.", "bump"),
    ("My mum nursed him back to health after the accident.", "nursed"),
    # everyday senses: a truck one is married to, snow one expects, a hospice charity, a colour
    # simile, a colour of a car, an idiom, an experienced catcher, a swarm
    ("Guess I'm married to this truck for another year.", "married"),
    ("Weather alert: we're expecting 8-12 inches overnight.", "expecting"),
    ("Quiz night for the hospice this Friday, five pounds a head.", "hospice"),
    ("The old fluid came out black as tar.", "black"),
    ("The suspect vehicle is a black Tahoe with a white hood.", "black"),
    ("Danced with gay abandon at the office party.", "gay"),
    ("Had a veteran catcher step on my foot in the ninth.", "veteran"),
    ("Parang army of jeepneys on EDSA again.", "army"),
    # an age at a past event
    ("She was diagnosed at 27 after years of tests.", "27"),
    # "while" before a noun phrase
    ("While Black Friday crowds queued, we slept in.", "Black"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=79)
