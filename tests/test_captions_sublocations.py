"""English sublocations: the shapes of a venue the parser must take as the scene (a venue opening the caption
below a line that places nothing, ...) and the shapes it must leave alone, with captions written for these tests."""

from __future__ import annotations

import pytest

from catalog.captions import parse


def sublocation(text: str) -> str | None:
    return parse(text).location.sublocation


@pytest.mark.parametrize("text, expected", [
    # a line of its own that places nothing, above the caption: the venue of the paragraph below it
    ("Early light.\n\nAt Harbour Quay in Galway.\n\nSwimmers wait for the tide to turn.", "Harbour Quay"),
    ("Rowers train before dawn, 3 May 2019.\n\nCrews carry their boats at Riverside Boathouse in Oxford.",
     "Riverside Boathouse"),
    # the next sentence of the same paragraph, placing a venue alone after "at", "on" or "of"
    ("A wet morning. Joggers splash along the puddles on Quorvan Esplanade, undeterred.", "Quorvan Esplanade"),
    ("A day to remember. Against the grey stone of the Market Square, the band struck up.", "Market Square"),
    ("“The band was nervous. Backstage at the Royal Albert Hall, they tuned up in silence.” June 3, 2011",
     "Royal Albert Hall"),
])
def test_a_venue_below_a_line_that_places_nothing(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text", [
    # a paragraph below that only mentions a place in passing gives nothing: no venue opened by "in" or "at"
    "Early light.\n\nThe ferry to Inishmore leaves twice a day in summer.",
    # nor a range the next sentence describes as the setting
    "Kids from the old quarter come here to cool off. The cold water rises in the Quorvan mountains.",
    # nor a landmark the next sentence puts something near
    "Officers recall the loss of the cutter. Decades ago it sank near the Quorvan Bridge with all hands.",
    # nor a province named in a background sentence below
    "Anna, 30, and her son.\n\nAnna works for a bakery in neighbouring Hebei province.",
])
def test_the_paragraph_below_gives_no_place_in_passing(text):
    assert parse(text).location.sublocation is None
    assert parse(text).location.province is None


def test_the_paragraph_below_gives_its_chain_but_no_setting_as_the_venue():
    # a range the town sits in is its setting, no venue; the town's chain, written with its region below a title
    # that places nothing, places the picture (as the labelling contract lets a reader take it)
    found = parse("A crew mends a line.\n\nDeep in the Tianshan Mountains and ringed by peaks, Lucao township in "
                  "Nilka county, northwest China's Xinjiang Uygur autonomous region, waits for power.").location
    assert found.sublocation is None
    assert (found.province, found.country) == ("Xinjiang", "China")


@pytest.mark.parametrize("text, expected", [
    # generic words of venues the word list had missed, each closing a capitalised name after "at the"
    ("A keeper feeds an orphaned elephant at the Lewa Hills Conservancy, north of Nanyuki, on Friday.",
     "Lewa Hills Conservancy"),
    ("Elders greet visitors at the Te Awa Marae, a meeting ground, in Whanganui.", "Te Awa Marae"),
    ("Children play football at the Kibera slum, in Nairobi, Kenya.", "Kibera slum"),
    ("Swimmers train at the Riverview Aquatic Complex in Perth on Monday.", "Riverview Aquatic Complex"),
    ("Tourists toss coins at the Bellamy Fountain in Rome on Sunday.", "Bellamy Fountain"),
    ("Farmers harvest rice from the flooded Tangua Haor in Sunamganj on Saturday.", "Tangua Haor"),
    ("Engineers work at the Quorvan Water Facility in Mombasa on Monday.", "Quorvan Water Facility"),
    ("The Harbour Shed is where the fishermen mend their nets after dawn.", "Harbour Shed"),
    ("Monks walk past the Punakha Dzong on a winter morning.", "Punakha Dzong"),
    ("Washerwomen beat laundry on stones along the Karnaphuli riverbank on Friday.", "Karnaphuli riverbank"),
    ("Joggers pass the willows on the Tarrow lakeside at dawn.", "Tarrow lakeside"),
])
def test_generic_venue_words(text, expected):
    assert sublocation(text) == expected


def test_a_generic_word_used_of_a_mind_is_no_venue():
    assert sublocation("Analysts say the Oedipus complex of the party is plain in Berlin.") is None


@pytest.mark.parametrize("text, city", [
    # a county named with the city it belongs to is a level of the map, never the scene's venue
    ("Villagers dry chillies in Luxian county of Baise, Guangxi, on Oct. 2.", "Baise"),
    ("Girls dance in Rongjiang County of Qiandongnan, Guizhou province, on March 3.", "Qiandongnan"),
    # nor is Bangladesh's upazila, which stands in for the city (its district is the province)
    ("Fog lies over the fields in Rajshahi's Paba upazila yesterday.", "Paba upazila"),
])
def test_a_county_is_no_sublocation(text, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (None, city)


def test_a_district_inside_a_city_stays_the_sublocation():
    assert sublocation("Diners queue at a noodle shop in Quorva District of Istanbul on Monday.") == "Quorva District"
    # ...but a Chinese city's district is a unit of its map, as its county is (the labels: no sublocation)
    assert sublocation("Diners queue at a noodle shop in Jing'an District of Shanghai on Monday.") is None


@pytest.mark.parametrize("text, expected", [
    # English heads of a site's name
    ("Soldiers train on Mendip Plain, 2011.", "Mendip Plain"),
    ("Climbers rest below the Kowhai Peaks, in the Southern Alps, on Friday.", "Kowhai Peaks"),
    # heads in the languages of the places, written after the name
    ("Tourists stroll at the Shalimar Bagh in Srinagar on Sunday.", "Shalimar Bagh"),
    ("Pigeons gather at the Rang Mahal in Delhi on Monday.", "Rang Mahal"),
    ("Crowds fill the Beyazit Meydanı in Istanbul on Friday.", "Beyazit Meydanı"),
    # and before it
    ("Surfers wait for a wave at Praia da Luz on Sunday.", "Praia da Luz"),
    ("Families picnic at Taman Tasik Perdana in Kuala Lumpur on Sunday.", "Taman Tasik Perdana"),
    ("Traffic crawls along Persiaran Sultan Salahuddin in Kuala Lumpur on Monday.", "Persiaran Sultan Salahuddin"),
])
def test_venue_heads_of_more_languages(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an appositive after ", the" says what the venue houses: the venue written first is the scene
    ("Ministers arrive for talks at the Palais Bourbon, the French finance ministry, on May 2 in Paris.",
     "Palais Bourbon"),
    ("Envoys meet at Villa Madama, the Italian foreign ministry, in Rome on Tuesday.", "Villa Madama"),
    # a venue inside a larger one, written after ", in the", is still the larger one
    ("Divers swim by the Blue Arch, in the Marsa Bay marine reserve, on Monday.", "Marsa Bay marine reserve"),
])
def test_an_appositive_after_the_venue_describes_it(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text", [
    # an event's name written like a place's, placed in its town, is no venue
    "Runners in the 12th Great Zambezi Run, in Livingstone, Zambia, on Nov 3.",
    "Crews in the Henley Royal Regatta, in Henley-on-Thames, on July 1.",
])
def test_an_event_is_no_venue(text):
    assert sublocation(text) is None


@pytest.mark.parametrize("text, expected", [
    # a name the town owns ("the capital's ...") that no table knows is a part of that town
    ("Rickshaws queue in the capital’s Kalabagan as the rain sets in. The photo was taken yesterday.", "Kalabagan"),
    ("Vendors set up stalls in the city's Mohakhali on Monday.", "Mohakhali"),
])
def test_a_part_of_an_unnamed_town(text, expected):
    assert sublocation(text) == expected


def test_a_known_town_owned_by_a_country_word_is_no_part_of_a_town():
    found = parse("Crowds gather in the country's Chittagong on Monday.").location
    assert found.sublocation is None


@pytest.mark.parametrize("text, expected", [
    # Danish and Slavic short forms of "Saint" inside a venue's name: the dot ends no sentence
    ("Cyclists rest outside a bakery at Skt. Jørgens Torv.", "Skt. Jørgens Torv"),
    ("Pigeons gather at Sv. Marka Square in Zagreb on Sunday.", "Sv. Marka Square"),
])
def test_a_saint_written_short(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name no table knows, before a small town the gazetteer holds and its county: the ground in that town
    ("Fans watch the cup tie at Quorvan Brow, Westhoughton, Greater Manchester.", "Quorvan Brow"),
    ("Players warm up at Old Brennock, Westhoughton, Greater Manchester, on Saturday.", "Old Brennock"),
])
def test_a_site_before_its_small_town_and_county(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue's word joined to the name by a hyphen
    ("Spice-bazaar in Izmir. Photo by Anna Frei", "Spice-bazaar"),
    ("Pilgrims pray at the Quorvan Co-Cathedral in Valletta on Sunday.", "Quorvan Co-Cathedral"),
])
def test_a_venue_word_after_a_hyphen(text, expected):
    assert sublocation(text) == expected


def test_a_hyphenated_name_of_no_venue_is_no_venue():
    assert sublocation("Thai-Myanmar trade in Mae Sot rose in 2019.") is None


def test_a_town_naming_a_site_after_at():
    # after "at", a town's name before plain words and a venue's word names the site
    assert sublocation("Trucks wait at Quetta fruit market on Monday.") == "Quetta fruit market"
    # not a town's people doing something
    assert sublocation("Ukraine walk on to the pitch before the match.") is None


@pytest.mark.parametrize("text, expected", [
    # a title line that is one venue's name, the caption below naming its kind again
    ("St Olaf's Co-Cathedral\nThe nave of one of the island's oldest cathedrals, finished in 1610.",
     "St Olaf's Co-Cathedral"),
    ("Quorvan Harbour\nFishing boats rest in the little harbour at dawn.", "Quorvan Harbour"),
    # the month or year it was taken after a comma
    ("Quorvan Lake, March\nA disc of ice turns slowly on a lake near the town.", "Quorvan Lake"),
    ("Quorvan Harbour, May 2019\nFishing boats rest in the little harbour at dawn.", "Quorvan Harbour"),
    # nor its name nor its kind below, and the scene placed in a town: the title is not taken over the text's place
    ("Quorvan Harbour\nFishing boats rest on the shingle in Lisbon, Portugal, at dawn.", None),
    # ...but when nothing else is placed, a title named by its own capitalised venue word is the site (on the study
    # files 55 of 59 such title lines name the labelled venue and none is labelled empty: ``venue_own_line``)
    ("Quorvan Harbour\nFishing boats rest on the shingle at dawn.", "Quorvan Harbour"),
])
def test_a_title_naming_a_venue(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place heading, a dash, then a venue's name alone: the site in that town
    ("Halifax, Nova Scotia - Point Pleasant Park\n\nThis path leads down to the water.", "Point Pleasant Park"),
    # a date or a phrase after the dash is no venue
    ("Halifax, Nova Scotia - 30.04.2019\n\nThis path leads down to the water.", None),
    ("Halifax, Nova Scotia - A walk in the rain\n\nThis path leads down to the water.", None),
])
def test_a_venue_after_a_place_heading(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Getty's house style: the venue, then the photo's date, then the venue's town
    ("Dancers rehearse at the Velmora on September 17, 2016 in Turin, Italy. (Photo by Jo Bloggs/Getty Images)",
     ("Velmora", "Turin")),
    ("Fans queue at Quorvan Arena on Saturday, Sept. 3, 2016, in Leeds, England.", ("Quorvan Arena", "Leeds")),
])
def test_a_venue_before_the_date_and_its_town(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city) == expected


@pytest.mark.parametrize("text", [
    "Racegoers gather at Ascot on Saturday in England.",  # a town itself, and no town after the date
    "Crowds gather at Quorvan on Saturday in England.",  # no town after the date
])
def test_no_venue_before_a_date_and_a_province(text):
    assert parse(text).location.sublocation is None


@pytest.mark.parametrize("text, expected", [
    # a venue in a relative clause after the scene's town is the clause's, not the scene's
    ("Mayor Jo Lind opens a fair in Tromso on May 3, where the prizes of the Quorvan Hall contest were given.", None),
    ("Dancers rehearse in Leeds on Monday, while the Quorvan Theatre across town stays shut.", None),
    # "after" names the story's event, whose venue is the scene
    ("Trains stop in western Norway after a parcel is found at Quorvan Station.", "Quorvan Station"),
])
def test_a_venue_in_a_relative_clause_after_the_scene(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a district named apart from its large city, with a clause between: the city's part
    ("A tailor works in his shop in Quorvan district, as the heat wave goes on, in Cairo, Egypt, June 2, 2021.",
     ("Quorvan district", "Cairo")),
    ("Boys play football in Quorvan district, despite the rain, in Lagos, Nigeria.", ("Quorvan district", "Lagos")),
])
def test_a_district_named_apart_from_its_large_city(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city) == expected


def test_a_district_beside_a_small_town_is_no_part_of_it():
    # the town is too small to hold districts named apart: the district may be the larger unit around it
    place = parse("Farmers plant rice in Quorvan district, despite the rain, in Tidaholm, Sweden.").location
    assert place.sublocation is None


@pytest.mark.parametrize("text, expected", [
    # the village its residents live in is where they are pictured
    ("Residents of Quorvan Village carry water up the hill on Aug 20.", "Quorvan Village"),
    ("Villagers of Quorvan township in Hebei province dig a well on Aug 20.", "Quorvan township"),
    # and a district written with its town
    ("Residents of Quorvan, Tacloban City queue for water near the Quorvan Bridge.", "Quorvan"),
    # a town alone, or a building, after "residents of" stays their origin
    ("Residents of Wuhan queue for tests on Aug 20.", None),
    ("Crowds cheer as residents of the Quorvan Tower wait outside on Aug 20.", None),
])
def test_a_village_of_its_residents(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body's second field after "and" is part of its name
    ("Delegates meet in the Quorvan Chamber of Commerce and Industry in Osaka on Monday.",
     "Quorvan Chamber of Commerce and Industry"),
    ("Pupils sketch at the Quorvan Museum of Fine Arts and Archaeology in Lyon.",
     "Quorvan Museum of Fine Arts and Archaeology"),
    # a place after "and" is a second place, not part of the name
    ("Crowds queue at the Quorvan Museum of Art and Paris stations on Monday.", "Quorvan Museum of Art"),
])
def test_a_second_field_of_a_body(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a village or a favela named by its kind, opening the sentence; its city in a later phrase
    ("The favela of Quorvan looks down on the beaches, in Rio de Janeiro's south zone.", ("Quorvan", "Rio de Janeiro")),
    ("The village of Quorvan sits above the river, in Spain's Cuenca province, on Monday.", ("Quorvan", None)),
])
def test_a_village_named_by_its_kind_opening_the_sentence(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city) == expected


@pytest.mark.parametrize("text, expected", [
    # an island before its country is the site, not a town
    ("A piper plays at the parade held on Quorvan Island, Ireland.", ("Quorvan Island", None, "Ireland")),
    # a venue on an island people live on (the gazetteer knows it as a place) or in a range: the venue, not the
    # land it stands on
    ("Two hikers climb Quorvan Hill on Hong Kong Island near Wong Chuk Hang.", ("Quorvan Hill", None, None)),
    # a venue on an island that is itself a site: the larger venue, as the contract reads a venue inside a venue
    ("Gulls circle the Quorvan Lighthouse on Quorvan Island in Galway, Ireland.",
     ("Quorvan Island", "Galway", "Ireland")),
    ("Divers explore the Quorvan Cave in the Zagros Mountains, Iran, on Monday.", ("Quorvan Cave", None, "Iran")),
    # a town written with its state's short form stays the town
    ("A ferry docks in Mercer Island, Wash., on Monday.", (None, "Mercer Island", None)),
])
def test_an_island(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city, place.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a body acting, opening the sentence, is no scene
    ("The Quorvan Ministry of Health plans to open field hospitals. Tromso, Norway. May 20 2020", None),
    ("The Quorvan Academy announced new rules for its students on Monday.", None),
    # the building itself, pictured
    ("The Quorvan Academy is seen from the river on Monday.", "Quorvan Academy"),
])
def test_a_body_acting_is_no_scene(text, expected):
    assert sublocation(text) == expected


def test_an_appositive_before_the_date_is_no_place_of_its_own():
    # ", the Office of ..." says what the venue named before it houses
    text = "Jalan Quorvan, leading to Quorvan Putra, the Office of the Prime Minister, July 2019. Photo by Jo Lee"
    assert sublocation(text) == "Jalan Quorvan"


def test_a_site_opening_the_caption_in_its_range():
    # one capitalised word and a lower-case venue word, placed in a named range: the site
    text = "Quorvan cave in the Zagros Mountains, famous for its cave paintings (Photo: Jo Lee)"
    assert sublocation(text) == "Quorvan cave"


def test_a_village_in_the_land_around_it():
    # a village, then the delta or the range it lies in: the village
    text = "A boy fishes on a river in Quorvan community in Ogoni region of the Niger Delta June 10, 2010."
    assert sublocation(text) == "Quorvan community"


def test_a_venue_in_a_zone():
    # a development zone after a venue is the area around it, not a larger venue
    text = "The photo shows a stretch of Quorvan River, Quorvan Economic Development Zone, Hunan Province."
    assert sublocation(text) == "Quorvan River"


@pytest.mark.parametrize("text, expected", [
    # a Japanese name joined by "no", and a gloss in brackets between the venue and its town
    ("Visitors walk through the lavender at Hana no Oka (Flower hill) in Nakafurano, Hokkaido, in July.",
     "Hana no Oka"),
    ("Visitors walk through the lavender at Quorvanya (Flower hill) in Nakafurano, Hokkaido, in July.", "Quorvanya"),
])
def test_a_gloss_between_a_venue_and_its_town(text, expected):
    assert sublocation(text) == expected


def test_a_doubled_article_before_a_venue():
    assert sublocation("Pinatas on sale in the the Mercado Quorvan in the capital on Monday.") == "Mercado Quorvan"


@pytest.mark.parametrize("text, expected", [
    # a venue's name alone, in the sentence after the town and the date
    ("Montevideo, 3 March 2016.  Avenida Quorvan. The parade runs from the port to the old town.", "Avenida Quorvan"),
    # a sentence of a name that is no venue gives nothing
    ("Montevideo, 3 March 2016.  Quorvan. The parade runs from the port to the old town.", None),
])
def test_a_venue_alone_after_the_town_and_date(text, expected):
    assert sublocation(text) == expected


def test_a_township_opening_the_sentence_before_a_part_of_its_county():
    text = "Quorvan Township, in the northwest of Wenchuan County in Sichuan Province, is home to the Qiang people."
    place = parse(text).location
    assert (place.sublocation, place.city, place.province) == ("Quorvan Township", "Wenchuan County", "Sichuan")


@pytest.mark.parametrize("text, expected", [
    # a village named as one, alone at the end of the sentence
    ("Li Wei, 40, and his son Li Ming, 6, Quorvan Village.\n\nLi Wei drives a truck in Gansu.", "Quorvan Village"),
    # one name alone after a comma that is no village says nothing
    ("Li Wei, 40, and his son Li Ming, 6, Quorvan.\n\nLi Wei drives a truck.", None),
])
def test_a_village_closing_the_sentence(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a word that opens a village's name, as "village" closes one: the Philippines' barangay (and its short forms),
    # sitio and purok, Indonesia's desa; the village is the sublocation, the town after it the city
    ("Fishermen mend nets in Barangay San Roque, Tacloban, on Monday.", ("Barangay San Roque", "Tacloban")),
    ("A boy wades through a flooded lane in Brgy. Sta. Lucia, Pasig on Friday.", ("Brgy. Sta. Lucia", "Pasig")),
    ("Farmers dry rice on the road in Sitio Malinao, Iloilo, on a sunny afternoon.", ("Sitio Malinao", "Iloilo")),
    ("Villagers plant seedlings in Desa Sukamaju, Bogor, on Sunday.", ("Desa Sukamaju", "Bogor")),
])
def test_a_village_named_by_a_word_before_it(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city) == expected


def test_a_short_saint_and_barangay_end_no_sentence():
    # "Brgy." and "Sto." abbreviate: the sentence runs on past them, and so does the place's name
    place = parse("Children sing in Bgy. Sto. Domingo, Iloilo on Tuesday. Their school flooded last year.").location
    assert (place.sublocation, place.city) == ("Bgy. Sto. Domingo", "Iloilo")


@pytest.mark.parametrize("text, expected", [
    # a closing bracket of places, then the photo's date: the places as written, a name no table knows placed
    # by its position beside one the gazetteer knows
    ("A girl carries water up the hill at dawn. (Purok Maligaya, Bayugan, Agusan del Sur. March 3, 2011)",
     ("Purok Maligaya", "Bayugan", "Agusan del Sur")),
    ("Old men play chess under a tree. (Tacloban, Eastern Visayas. May 2, 2014)",
     (None, "Tacloban", "Eastern Visayas")),
])
def test_a_bracket_of_places_before_the_date(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city, place.province) == expected


def test_a_bracket_of_names_no_table_knows_is_no_place():
    # two names and a date in a closing bracket, neither known to the gazetteer: a credit or a title, no place
    place = parse("A man walks his dog on the beach. (Quorvan Lintel, Brasko Hame. March 3, 2011)").location
    assert place.city is None and place.sublocation is None


@pytest.mark.parametrize("text, expected", [
    # an appositive naming the kind of site or the part of a town: the unknown name before it is the sublocation
    ("Monks sweep the floor inside Daeungjeon, the temple's main hall, on Friday.", "Daeungjeon"),
    ("Traders sell spices in Quorvabad, the old quarter where weavers once lived.", "Quorvabad"),
    ("Children play football in Quorvita, a section of Maracay, Venezuela.", "Quorvita"),
])
def test_an_appositive_naming_the_kind_of_site(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text", [
    # a known town before the appositive stays the town; an appositive about a person names no site
    "Crowds gather in Kyoto, the old capital, on Friday.",
    "Fans wait in Quorvabad, the man who built the tower said.",
])
def test_an_appositive_of_no_site_makes_no_venue(text):
    assert sublocation(text) is None


@pytest.mark.parametrize("text, expected", [
    # a venue named by its own words and placed at once in its town, with no preposition before it
    ("Tourists have crowded Jalan Quorvan in Kuala Lumpur all week.", ("Jalan Quorvan", "Kuala Lumpur")),
    ("The old Quorvan Chapel in Lalitpur survived the earthquake.", ("Quorvan Chapel", "Lalitpur")),
    ("The prints are kept by the Museum of Quorvan Crafts in Lyon, France.", ("Museum of Quorvan Crafts", "Lyon")),
    # a season between the site and its county: the county is the province, no city
    ("Bright boats fill Polquorvan Harbour in Summer, Cornwall, England.", ("Polquorvan Harbour", None)),
])
def test_a_venue_placed_in_its_town_with_no_preposition(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city) == expected


@pytest.mark.parametrize("text", [
    # a kind after "a" or "an" is no named venue; a name no venue word makes one stays no venue
    "The minister unpacks a model of an Ikea store in India.",
    "Fans cheered Quorvan Smith in Lalitpur all week.",
])
def test_no_venue_placed_in_its_town_without_its_words(text):
    assert sublocation(text) is None


@pytest.mark.parametrize("text, expected", [
    # places of a kind, plural, capitalised only as the sentence opens, name no venue
    ("Farm fields in Niseko, Hokkaido, lie under snow on Jan. 5.", None),
    ("Temple grounds in Nara, Nara Prefecture, fill with deer on Jan. 5.", None),
    # one place of its kind is a venue (Kraków's "Market square"), so is a name in capitals or with a word of its own
    ("Market square in Tromso fills with stalls on Jan. 5, 2024.", "Market square"),
    ("Market Square in Tromso fills with stalls on Jan. 5, 2024.", "Market Square"),
    ("Shanidar cave in the Bradost Mountains draws walkers in May 2024.", "Shanidar cave"),
])
def test_words_of_a_kind_of_place_opening_a_sentence(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a neighbourhood named with its word, opening the sentence or after a preposition, kept as written
    ("The Barrio Obrero neighborhood lies under water after the storm, in San Juan, Puerto Rico.",
     ("Barrio Obrero neighborhood", "San Juan")),
    ("Boys play football in the Ajegunle neighbourhood of Lagos on Friday.", ("Ajegunle neighbourhood", "Lagos")),
    # a neighbourhood is never the town, even with no town named
    ("Boys play football in the Ajegunle neighbourhood, Nigeria, on Friday.", ("Ajegunle neighbourhood", None)),
])
def test_a_neighbourhood_named_with_its_word(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare name nothing knows after "at", the photo's time right after it: the site
    ("Stalls line the lanes of the spring fair at Quorva Manti on Sunday.", "Quorva Manti"),
    ("Pupils pictured at the sports day at Pairc Quorvan last Friday.", "Pairc Quorvan"),
    # not a name nothing follows (an employer), nor one opened by a city's name (the city's event or team)
    ("She has worked at Quorva Manti.", None),
    ("A selfie at Cork Quorvafest last August.", None),
])
def test_a_site_named_bare_after_at_before_the_time(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue written after the town is the land around the town, not a larger venue holding the first one
    ("Temple Square, Patan, Kathmandu Valley, Nepal, June 2011", "Temple Square"),
    # a venue right after a venue still holds it
    ("The White Pagoda in Beihai Park, Beijing, June 2011", "Beihai Park"),
])
def test_a_venue_after_the_town_holds_no_venue_before_it(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a part of a known city written as the city's own, after a preposition of position other than "in" or "at"
    ("Dog walkers stroll along Auckland's Quorva Strand at dawn.", ("Quorva Strand", "Auckland")),
    # a part the gazetteer also knows as a smaller city is still the larger city's part
    ("The tide runs out on Auckland's North Shore, leaving shells behind.", ("North Shore", "Auckland")),
    # not after a preposition of destination: where someone goes, not the photo
    ("Fans head to Auckland's Quorva Strand after the match.", (None, None)),
])
def test_a_part_of_a_city_written_as_its_owners(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city) == expected


@pytest.mark.parametrize("text, expected", [
    # "The" and a name nothing knows opening the sentence, a verb of standing after it: the site pictured
    ("The Quorva Rotunda (the Round House) stands on a hill above the harbour.", "Quorva Rotunda"),
    ("The Kel Quorvash towers over the old quarter at dusk.", "Kel Quorvash"),
    # not a name without "the", nor one acting
    ("Quorvash stands on a hill above the harbour.", None),
    ("The Quorva Rotunda plans new opening hours.", None),
])
def test_a_site_opening_the_sentence_with_a_verb_of_standing(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a village by its prefix word, placed in its town with no preposition before it, as a venue by its words is
    ("Dancers filled Barangay Quorvan in Iloilo City on Sunday.", "Barangay Quorvan"),
    # a town twice ("in Nanao in Nanao, ..."): the town, never its own sublocation
    ("A damaged home in Wajima in Wajima, Ishikawa Prefecture, Japan, on Jan 3, 2024.", None),
])
def test_villages_by_their_prefix_and_towns_written_twice(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a saloon, as a bar or a tavern, and a Karachi roundabout (chowrangi), as a chowk, are venues by their word
    ("Old tools hang on every wall of his Red Fox Saloon in Cody, Wyo.", "Red Fox Saloon"),
    ("Vendors sell sweets at Gulshan chowrangi, Karachi, on Friday.", "Gulshan chowrangi"),
    # Jalan abbreviated (Jl, Jln), as Indonesian and Malaysian papers write a street's name
    ("Becak drivers wait in the quiet area of Jl Quorvan on Sunday.", "Jl Quorvan"),
])
def test_venue_words_of_bars_and_roundabouts(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue's kind, then its town with no comma, then a larger place: the venue and its town
    ("Volunteers paint the fence of the Hope Community Centre Nazareth, Israel, on May 3, 2019.",
     ("Hope Community Centre", "Nazareth")),
    ("Grandmother's Kitchen Museum Tartu, Estonia |", ("Grandmother's Kitchen Museum", "Tartu")),
    # ...but a last word that is a venue's kind is part of the venue's name
    ("Fishing boats rest at Old Harbour Bay, Jamaica, on Sunday.", ("Old Harbour Bay", None)),
])
def test_a_venue_run_into_its_town(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


def test_a_town_named_again_as_a_village_is_no_sublocation():
    found = parse("Mijas, Spain\n\nThe white houses of the hill village of Mijas glow at sunset. May 2016.").location
    assert (found.sublocation, found.city, found.country) == (None, "Mijas", "Spain")


@pytest.mark.parametrize("text, expected", [
    # a venue named in Spanish or Portuguese by its opening word, with no English venue word
    ("Lisbon, Portugal\n\nTrams climb past the Largo do Carmo on a bright morning. May 2018.", "Largo do Carmo"),
    ("Madrid, Spain\n\nCrowds gather at the Puerta de Alcalá as the lights come on. March 2016.", "Puerta de Alcalá"),
])
def test_a_venue_opened_by_a_spanish_or_portuguese_word(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place heading above a venue written with another town in a background sentence: the heading's city alone
    ("Vienna, Austria\nIn summer the old riding hall serves as an opera stage. A role she had sung in the Forbidden "
     "City in Beijing in 1998 and on many stages since. August 2007.", (None, "Vienna")),
    # ...a venue written with the heading's own town stays
    ("Vienna, Austria\nIn summer the old riding hall serves as an opera stage. A role she had sung in the Quorva "
     "Opera House in Vienna in 1998 and on many stages since. August 2007.", ("Quorva Opera House", "Vienna")),
])
def test_a_venue_of_another_town_under_a_place_heading(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


def test_a_persian_venue_word_joined_by_its_ezafe_is_no_town():
    found = parse("A carpet seller waits for customers in Bazaar-e Vakil, Shiraz’s Old Bazaar.").location
    assert found.city == "Shiraz"


@pytest.mark.parametrize("text, expected", [
    # the people living in a village, written before its kind, describe it: its name is the one after "of"
    ("Women dry maize outside the Quorvan Muslim village of Telmoka on Tuesday.", ("Telmoka", None)),
    ("A potter shapes a jar in the Quorvan Indigenous community of Telmoka in Mexico's Oaxaca state, May 3, 2021.",
     (None, "Telmoka")),
    # a place the gazetteer knows before the kind owns the village
    ("A boy herds goats in the Kigali village of Telmoka on May 3, 2020.", ("Kigali village", "Telmoka")),
    # a unit after "of" holds the village: the name before the kind is the village's own
    ("Dancers perform in the Quorvapo village of Lindu county in Jiaozuo city, Central China's Henan province, "
     "July 3, 2022.", ("Quorvapo village", "Jiaozuo")),
    ("Farmers dry corn in the Quorvapo village of Lindu District on Monday.", ("Quorvapo village", "Lindu District")),
])
def test_a_people_written_before_their_village(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue the scene's phrase puts "over" or "above" is seen from the venue the sentence put people in before it
    ("Crowds fill Telmoka Garden at sunset over the Quorvo Lake in Srinagar May 3, 2015.", "Telmoka Garden"),
    # with no venue before it, it is the scene
    ("Fireworks light up the sky over Victoria Harbour in Hong Kong on Jan 1, 2020.", "Victoria Harbour"),
])
def test_a_venue_seen_below_from_the_venue_named_first(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue the scene's phrase names as where something came from, went through or leads to is no place the
    # photo is in: the venue a phrase before it puts the people in is the scene
    ("A visitor studies a painting at the Quorva Art Museum that shows works lent from the Telmoka Gallery in "
     "Vienna.", "Quorva Art Museum"),
    ("Pilgrims rest at Mount Telmoka, where the hermit is said to have passed through the Quorva cave in the holy "
     "city of Mecca.", "Mount Telmoka"),
    ("Tourists queue at the Quorva Pavilion, the glass entrance to the Telmoka Museum in Paris, on Monday.",
     "Quorva Pavilion"),
    # with no venue before it, it is the scene, as before
    ("Paintings arrive from the Telmoka Gallery in Vienna on Monday.", "Telmoka Gallery"),
    # a phrase that places the scene ("in", "at") keeps its own venue
    ("A visitor at the Quorva Art Museum looks at a painting in the Telmoka Gallery in Vienna.", "Telmoka Gallery"),
])
def test_a_venue_left_passed_or_led_to_yields_to_the_venue_named_first(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a word opening the sentence with a capital is no part of the name after it
    ("With Quorva Tower in the background, tourists stroll past the stalls.", None),
    ("Like Quorva Tower, the hall was built of local stone.", None),
    # a conjunction opening a clause: its subject is the place pictured
    ("As Quorva Tower burns, crowds watch from the street.", "Quorva Tower"),
    ("After Quorva Park closed for the night, the crowds left.", "Quorva Park"),
])
def test_a_capitalised_opening_word_is_no_part_of_a_name(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue in the background is seen beyond the scene: the venue the sentence puts the scene in is the one
    ("Quorva Plaza in the centre of Medellin, the Quorva Palace in the background.", "Quorva Plaza"),
    ("Children play in Quorva Plaza as the Quorva Palace looms in the background.", "Quorva Plaza"),
    ("The Quorva Palace is seen in the background as children play in Medellin.", None),
    # ...and a mountain rising or looming behind the scene
    ("Workers screen off the view of Mount Quorva rising behind a store in Fujikawaguchiko on Tuesday.", None),
    ("Mount Quorva looms behind the Quorva Temple in Kyoto.", "Quorva Temple"),
    # ...and what the photographer looks at from elsewhere
    ("Looking across at mountainous Quorva island from the rocky seashore of the bay", None),
    ("Tourists stroll in Quorva Park, looking at the ducks.", "Quorva Park"),
    # ...while a venue with nothing of the kind after it is the scene's
    ("Children play in Quorva Plaza in Medellin.", "Quorva Plaza"),
])
def test_a_venue_in_the_background_is_no_scene(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body named after a river or a valley is no venue
    ("The Quorva River Inter Tribal Fisheries Commission held its first meeting in Bethel.", None),
    ("Members of the Quorva Valley Water Authority meet in Quorva Hall in Bethel.", "Quorva Hall"),
    # ...while a venue's own name is read as before
    ("Crowds gather at Quorva Park in Bethel.", "Quorva Park"),
])
def test_a_body_named_after_a_place_is_no_venue(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the team beaten after "a win over" is no place
    ("Players board the buses after a 61-21 win over Quorva High School on Friday in Sedalia.", (None, "Sedalia")),
    ("Fans cheer their side's victory over Quorva College at Quorva Stadium in Sedalia.",
     ("Quorva Stadium", "Sedalia")),
    # ...while "over" after a verb still places the scene
    ("Smoke rises over Quorva Hill in Sedalia.", ("Quorva Hill", "Sedalia")),
])
def test_a_team_beaten_is_no_place(text, expected):
    location = parse(text).location
    assert (location.sublocation, location.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a name and its kind in small letters opening the sentence, then where it lies: the venue pictured
    ("Quorva lake lies in the Parang Mountains, on the Lotru River.", "Quorva lake"),
    ("Quorva church stands on the hill above the village.", "Quorva church"),
    # ...not such a name before any other verb
    ("Quorva market traders sold out of bread on Monday.", None),
])
def test_a_venue_in_small_letters_where_it_lies(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title 'Venue - Town' above the caption: the venue is the site, the town its town
    ("Quorva Mosque - Sharjah\nThe waterfront by night, the mosque lit up.", "Quorva Mosque"),
    ("The Quorva Bridge – Kisumu\nBoats pass under it at dawn.", "Quorva Bridge"),
    # ...not a phrase that only holds a venue
    ("Gathering At Quorva Hall - Strasbourg\nDelegates meet.", None),
])
def test_a_title_venue_before_its_town_and_a_dash(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text", [
    # a court's judge or magistrate and their name, alone under the credit: a person, no court
    "Photo: Daily Monitor\n\nHigh Court Judge Quorva Menda",
    "Quorva Magistrate Court Magistrate Alen Menda addresses reporters on Monday.",
    "Supreme Court Judge Quorva Menda speaks to reporters on Monday.",
])
def test_a_judge_named_with_their_court_is_no_venue(text):
    assert parse(text).location.sublocation is None


def test_a_court_named_after_a_magistrate_stays_the_venue():
    assert parse("Lawyers wait outside the Chief Magistrate Court in Kampala.").location.sublocation == (
        "Chief Magistrate Court")


@pytest.mark.parametrize("text, expected", [
    # a city ending in "s" owning a venue with its apostrophe alone, as with "'s"
    ("A stroll in Brussels' Quorva Park a few days ago.", ("Quorva Park", "Brussels")),
    ("Crowds gather at Athens’ Quorva Square on Monday.", ("Quorva Square", "Athens")),
    # ...while a saint's possessive inside a venue's name stays one name, and a closing quote owns nothing
    ("Fans queue at St James' Park in Newcastle on Saturday.", ("St James' Park", "Newcastle")),
    ("A concert by the band 'Athens' Quorva plays on Monday.", (None, None)),
])
def test_a_citys_possessive_written_with_the_apostrophe_alone(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a dateline of places alone, perhaps dated, then a sentence naming the venue in that town
    ("Kazan, Russia, 12/06/2010. Police in Quorva Square stand under a huge screen.", ("Quorva Square", "Kazan")),
    ("Kazan, Russia, June 12, 2010. Police stand in Quorva Square.", ("Quorva Square", "Kazan")),
    # ...not a venue placed in another town, nor one in a paragraph below
    ("Kazan, Russia. Police stand in Quorva Square in Moscow.", (None, "Kazan")),
    ("Kazan, Russia.\n\nPolice stand in Quorva Square.", (None, "Kazan")),
])
def test_the_venue_after_a_dateline_of_places_alone(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a built venue's possessive owning a venue inside it: the larger is the scene's sublocation
    ("Stars came down on Quorva Square's Ankor cinema last night for the premiere.", "Quorva Square"),
    ("Visitors look around Quorva Museum's Ankor Hall in Lyon on Monday.", "Quorva Museum"),
])
def test_a_venue_inside_a_built_venue_named_by_its_possessive(text, expected):
    assert parse(text).location.sublocation == expected


@pytest.mark.parametrize("text, expected", [
    # a people's adjective before common nouns only says what kind of place, never which: no sublocation
    ("Italian street\n\nA backstreet in Quorvano in the Italian Tyrol. Look at the old doors.", None),
    ("An astronaut runs tests in the European Houston science module.", None),
    ("A crew member floats in the African Nairobi wing of the exhibition.", None),
    # ...a name after the adjective keeps the venue
    ("Guards stand outside the Russian Embassy in Quorva on Monday.", "Russian Embassy"),
    ("Visitors walk around the Danish Fort in Tranquebar.", "Danish Fort"),
])
def test_a_peoples_adjective_before_common_nouns_names_no_venue(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a way named only by the town it leads from or to is no site: no sublocation
    ("ROAD FROM QUORVA : a girl walks her goat along the road from Quorva.", None),
    # ...a road's own name keeps it
    ("Hikers rest on Ankor Road in Quorva.", "Ankor Road"),
])
def test_a_way_named_by_the_town_it_leads_from_names_no_venue(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a military command's area "of operations" or "of responsibility" is no site: no sublocation
    ("Sailors handle lines aboard the destroyer USS Quorva (DDG 99) in the U.S. 5th Fleet area of operations. "
     "(U.S. Navy photo by Petty Officer Ankor Vell)", None),
    ("Marines train in the U.S. Central Command area of responsibility, March 3, 2020.", None),
    # ...a park's area keeps its venue
    ("Children play in the Quorva Park area of the town of Ankor.", "Quorva Park area"),
])
def test_a_commands_area_of_operations_names_no_venue(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a saint's possessive name, then its house's kind in small letters: one name, the venue
    ("Worshippers attend a midnight mass at the St. Quorva's church in Tallinn on December 24, 2011.",
     "St. Quorva's church"),
    ("Pilgrims light candles at St Marrowby's cathedral on Sunday.", "St Marrowby's cathedral"),
])
def test_a_saints_house_written_in_small_letters(text, expected):
    assert sublocation(text) == expected


def test_a_saints_possessive_alone_still_names_a_town():
    # no kind after it: the name stays as written, a place named after its saint's church
    assert parse("Prayers at St. Quorva's in Tallinn on Sunday.").location.city == "Tallinn"


@pytest.mark.parametrize("text, expected", [
    # a crowd's verb in the past or in "-ing" takes the venue as its object, as "fills" and "crowds" do
    ("A festive mood filled Quorvadere in Cebu City on Saturday, Jan. 20, 2024.", "Quorvadere"),
    ("Pilgrims thronged Marrowby Temple in Tallinn on Sunday.", "Marrowby Temple"),
    ("Fans packed Quorva Arena on Sunday for the final.", "Quorva Arena"),
])
def test_a_crowds_verb_in_any_form_takes_the_venue(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the preposition's object a venue's kind in small letters, its name in apposition after a comma
    ("Fans gather at the stadium, the Quorva Arena, on Sunday.", "Quorva Arena"),
    ("Crowds flock to the country's main Shinto shrine, the Marrowby Temple located in Tallinn.", "Marrowby Temple"),
    ("Prayers at the old church, Tolvenk Chapel, on Sunday.", "Tolvenk Chapel"),
])
def test_a_venue_named_in_apposition_after_its_kind(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text", [
    # an appositive that names no venue of its own word, or a clause after the comma, gives none
    "Fans gather at the stadium, the home of the Quorva Lions, on Sunday.",
    "Talks at the hotel, the Quorva Grand, on Sunday.",
    "Delegates met in the city, the Quorva Hall being closed.",
])
def test_an_appositive_naming_no_venue_gives_none(text):
    assert sublocation(text) is None


@pytest.mark.parametrize("text, expected", [
    # a title line closing with "at", "in" or "on" and a venue, whose kind or name the caption writes again
    ("Polar Bear Cub at Quorva Zoo\n\nLast week I photographed the new cub at the zoo in Munich for an agency.",
     "Quorva Zoo"),
    ("Evening on Marrowby Pier\n\nThe old pier was busy with anglers.", "Marrowby Pier"),
    # ...and nothing when the caption never writes it again and places the scene in a town
    ("Concert in Tolvenk Park\n\nThe band played in the rain in Lisbon, Portugal.", None),
])
def test_a_title_closing_with_a_venue_after_its_preposition(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue opening the sentence with its kind in small letters, then a verb of being and the site's state
    ("Quorva launch terminal is nearly deserted in the rainy afternoon; a hawker waits.", "Quorva launch terminal"),
    ("Marrowby market was flooded after the storm.", "Marrowby market"),
])
def test_a_venue_opening_the_sentence_in_a_state(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text", [
    # the same name and kind doing something, or with no state after the verb, is no scene
    "Quorva hospital said on Monday that it had hired more nurses.",
    "Marrowby market is a company owned by farmers.",
])
def test_a_venue_opening_the_sentence_without_a_state(text):
    assert sublocation(text) is None


@pytest.mark.parametrize("text, expected", [
    # the main clause's subject after a short opening clause of how or when the photo sees it
    ("Seen from the air, Quorva Camp sprawls across the desert, July 18, 2013.", "Quorva Camp"),
    ("With snow all around, the Marrowby Tower looks impressive.", "Marrowby Tower"),
    ("As the rain fell, Tolvenk Park was empty.", "Tolvenk Park"),
    # ...never a team's name and its manager
    ("With his team behind him, Quorva United manager Smith speaks.", None),
])
def test_a_venue_opening_the_main_clause_after_a_short_one(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue's word in small letters, a comma, then "called" and the name the caption gives the place
    ("I took the photo from a bridge, called Quorva Bridge, Dhaka region. The boat was carrying sand.",
     "Quorva Bridge"),
    ("Ships in front of the new row of buildings in the harbour of Oslo, called Marrowby. My friend was keen.",
     "Marrowby"),
    # ...not a thing's name, nor a town the gazetteer knows
    ("These wooden fishing boats, called Tolvenks, are hard to land.", None),
])
def test_a_place_named_after_called(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, venue, city", [
    # a name opening the sentence that an appositive calls a venue: the site, and the town the appositive names
    ("Quorva, the tallest building in Tallinn.", "Quorva", "Tallinn"),
    ("Marrowby, a military cemetery on a hilltop, holds the fallen of two wars.", "Marrowby", None),
    # ...not a person described so
    ("Smith, the tallest player in the team, scored twice.", None, None),
])
def test_a_site_opening_the_sentence_named_by_its_appositive(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # a greenhouse, a mart and a circle (a roundabout or a square: "Dupont Circle") name a site
    ("Inside the old Quorva Farms greenhouse, where tomatoes grow all winter, near Lusaka, Zambia.",
     "Quorva Farms greenhouse", "Lusaka"),
    ("A vendor sorts mangoes at Quorva Mart in Lagos, Nigeria, March 3, 2020.", "Quorva Mart", "Lagos"),
    ("Traffic crawls at Quorva Circle in Accra, Ghana, March 3, 2020.", "Quorva Circle", "Accra"),
    ("Quorva Circle is a prime landmark in Mysore.", "Quorva Circle", "Mysore"),
    # ...not a circle of latitude, a line on the map: the town is the scene
    ("Reindeer graze above the Arctic Circle in Finnmark, Norway, March 3, 2020.", None, "Finnmark"),
    ("Sled dogs rest in Kiruna, inside the Arctic Circle, Sweden, March 3, 2020.", None, "Kiruna"),
    # ...nor a town named like one, written before its state ("Brooklyn Center, Minnesota")
    ("Golfers tee off on April 8, 2017 in Social Circle, Georgia.", None, "Social Circle"),
])
def test_more_words_of_a_site(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # a French or Italian article elided onto a word of a venue's name ("l'", "dell'") keeps the name whole
    ("Students march in Place de l'Obelisque, in Paris, on December 7, 2018.", "Place de l'Obelisque", "Paris"),
    ("Students gather at Rue de l’Quorvance in Paris on Monday.", "Rue de l’Quorvance", "Paris"),
    ("Crowds fill the Place de l'Hôtel de Ville in Lyon on Monday.", "Place de l'Hôtel de Ville", "Lyon"),
    ("Crowds fill Piazza dell'Unità in Trieste, Italy, on December 7, 2018.", "Piazza dell'Unità", "Trieste"),
    # ...and nothing else joins a name so: a word in small letters after the apostrophe stays out
    ("A vendor sells crêpes at Place de l'ombre in Paris on Monday.", None, "Paris"),
])
def test_an_elided_article_inside_a_venues_name(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # a name nothing knows, glossed in brackets by words ending in a venue's word, is that venue
    ("The view this morning in Quorva Have (Quorva Garden) towards the castle.", "Quorva Have", None),
    ("Tourists walk in Marrowby Kirke (Marrowby Church) in Oslo on Monday.", "Marrowby Kirke", "Oslo"),
    # ...not a town the gazetteer knows, nor a name glossed by other words
    ("Boats moor in Hoi An (Quorva Bridge) on Monday.", None, "Hoi An"),
    ("The view this morning in Quorva Have (Quorva Family) towards the castle.", None, None),
])
def test_a_name_glossed_as_a_venue(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, expected", [
    # a short clause of the view closed by a colon, then the venue as the main clause's subject
    ("Seen from the air: the Quorva Stadium during the first game ever played there.", "Quorva Stadium"),
    ("Viewed from the hill: the Marrowby Tower at dusk.", "Marrowby Tower"),
    # ...not a label's word before a person
    ("Seen from the air: the Quorva family at home.", None),
])
def test_a_venue_after_a_clause_of_the_view_closed_by_a_colon(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, venue, city", [
    # words opening a site's name in other languages: a Khmer hill ("Phnom"), a Spanish sanctuary, chapel, convent,
    # monastery or hermitage, a French wood, a Japanese roadside station, an Israeli kibbutz or moshav
    ("Part of the ruins of an old building atop Phnom Quorva, looking out over the plains.", "Phnom Quorva", None),
    ("Pilgrims pray at the Santuario de Quorva in Chimayo, New Mexico, on Friday.", "Santuario de Quorva", "Chimayo"),
    ("Joggers run in the Bois de Quorva in Paris on Monday.", "Bois de Quorva", "Paris"),
    ("The base can be seen from the upper floor of the Michinoeki Quorva, a commercial building.",
     "Michinoeki Quorva", None),
    ("Soldiers walk in Kibbutz Quorva, southern Israel, on Oct. 10, 2023.", "Kibbutz Quorva", None),
    # ...and a Dutch theatre ("Schouwburg") closing one
    ("The King speaks in the Quorva Schouwburg in The Hague on Monday.", "Quorva Schouwburg", None),
    # ...while a city the gazetteer knows stays the city
    ("Traffic in Phnom Penh, Cambodia, on Monday.", None, "Phnom Penh"),
])
def test_more_words_opening_a_site(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # a venue's word in small letters before a people's noun is their kind, no place: "hill tribe", "forest dwellers"
    ("This picture shows Quorva hill tribe women bringing in rice in Sapa, Vietnam, on Oct. 1, 2013.", None, "Sapa"),
    ("Quorva forest dwellers gather honey near Khulna, Bangladesh, on Monday.", None, "Khulna"),
    # ...while the word closing a name before other words stays the venue's
    ("Surfers ride the waves on Quorva beach in Durban, South Africa, on Monday.", "Quorva beach", "Durban"),
])
def test_a_venues_word_before_a_peoples_noun(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, expected", [
    # a city's favela or barrio named with its word is a quarter of the town, as a neighbourhood is: the
    # sublocation, kept as written, and the town after it the city
    ("Boys play football at Quorva favela in Rio de Janeiro, Brazil.", ("Quorva favela", "Rio de Janeiro")),
    ("The Quorva favela, pictured here from a tower in downtown Rio.", ("Quorva favela", "Rio")),
    ("Vendors set up stalls in the Quorva barrio of Caracas, Venezuela.", ("Quorva barrio", "Caracas")),
    # a quarter with no town named is never the city
    ("Residents walk up the steps of Quorva favela, Brazil.", ("Quorva favela", None)),
    # the word alone names no place
    ("A favela in Rio de Janeiro, Brazil, at dusk.", (None, "Rio de Janeiro")),
])
def test_a_favela_or_barrio_named_with_its_word(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue the photo is at, then "near" a landmark placed in the town: the venue is the scene, the landmark
    # only what it stands beside
    ("A model walks during a fashion show at Quorva Park near Red Square in Moscow, Russia.",
     ("Quorva Park", "Moscow")),
    ("Crowds gather at Quorva Park near the Quorvan Tower in Moscow, Russia.", ("Quorva Park", "Moscow")),
    # the landmark alone after "near" stays the sublocation, as before
    ("Crowds gather near the Quorvan Tower in Moscow, Russia.", ("Quorvan Tower", "Moscow")),
    # a wide area "in" which the landmark lies is no point of the scene: the landmark nearer it is kept
    ("Villagers fish in the Quorva basin near the Lindt river in Manaus, Brazil.", ("Lindt river", "Manaus")),
])
def test_a_venue_before_the_landmark_it_stands_near(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue "in the heart of" (centre, center, middle of) a town is in that town, as "in" alone says: the
    # venue stays the sublocation where the heart had been read as a phrase of its own and the venue lost
    ("An old man walks his bicycle by the iconic Quorva Lake in the heart of Hanoi early on Friday.",
     ("Quorva Lake", "Hanoi")),
    ("Pigeons gather by Quorva Fountain in the centre of Lisbon, Portugal.", ("Quorva Fountain", "Lisbon")),
    # the town's heart alone still gives the town
    ("Shoppers crowd the streets in the heart of Hanoi on Friday.", (None, "Hanoi")),
])
def test_a_venue_in_the_heart_of_its_town(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a name ending in a large city's name, then "in" another town: one venue's name placed in that town, not a
    # place juxtaposed with the city it ends in (which gave the city, and the town after "in" as its province)
    ("Visitors queue at Quorva Paris in Marne-la-Vallee, France, on Monday.",
     ("Quorva Paris", "Marne-la-Vallee", None)),
    ("Pilgrims bathe in the Quorva Gaya in Varanasi on January 2.", ("Quorva Gaya", "Varanasi", None)),
    # a country after "in" still leaves the juxtaposed reading, as does nothing after the name
    ("Tourists stroll at Quorvel Kathmandu in Nepal on Sunday.", ("Quorvel", "Kathmandu", None)),
    ("Tourists stroll at Quorvel Kathmandu on Sunday.", ("Quorvel", "Kathmandu", None)),
])
def test_a_name_holding_a_citys_placed_in_another_town(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # an island named by its kind before "of" is land the venue stands on, not a larger venue holding it: the
    # venue before it is the sublocation (the island had been taken in its place)
    ("The rocket stands on the pad at Quorva Launch Center on the southwestern island of Lindtashima, Japan, "
     "on August 28, 2023.", ("Quorva Launch Center", "Japan")),
    # an island named with its word after the name is still the site holding the venue on it
    ("Tourists stand at the Quorva Monument on Liberty Island in New York on Monday.", ("Liberty Island", None)),
])
def test_an_island_named_by_its_kind_holds_no_venue(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a club named after the ground it keeps is that ground, a site, after "the" as after a bare "at"
    ("Tiger Woods tees off at the Quorva Golf Club on Sunday.", "Quorva Golf Club"),
    ("Boats race past the Royal Quorva Yacht Club.", "Royal Quorva Yacht Club"),
    # two grounds' words joined by "and" or "&" name one club
    ("Rory McIlroy chips onto the green at Quorva Golf and Country Club.", "Quorva Golf and Country Club"),
    ("Rory McIlroy chips onto the green at Quorva Golf & Country Club on Sunday.", "Quorva Golf & Country Club"),
    ("The Quorva Lawn Tennis and Croquet Club, seen from outside.", "Quorva Lawn Tennis and Croquet Club"),
    # a club named after a team's game is a team as often, and "the Golf Club" alone names nothing
    ("Fans queue at the Quorva Cricket Club on Sunday.", None),
    ("The Golf Club hosts a fundraiser.", None),
])
def test_a_club_named_after_its_ground(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a zone or a park "of" a city the gazetteer knows, then a side of the country and its province (the wires'
    # "east China's Anhui Province"): the city closes the venue's name and is the city
    ("Workers at a factory in Quorva High-tech Zone of Hefei, east China's Anhui Province, March 9, 2020.",
     ("Quorva High-tech Zone", "Hefei", "Anhui")),
    ("Tourists at the Quorva Scenic Area of Guilin, south China’s Guangxi Zhuang Autonomous Region, May 1, 2021.",
     ("Quorva Scenic Area", "Guilin", "Guangxi")),
    # a name the gazetteer does not know as a city there stays inside the venue's name
    ("Tourists at the Quorva Scenic Area of Lindtvale, south China's Guangxi Zhuang Autonomous Region, May 1.",
     ("Quorva Scenic Area of Lindtvale", None, "Guangxi")),
    # and a city of another country than the one written is no town of the venue's
    ("Workers at the Quorva Industrial Zone of Osaka, east China's Anhui Province, March 9, 2020.",
     ("Quorva Industrial Zone of Osaka", None, "Anhui")),
])
def test_a_venue_of_a_known_city_before_a_side_of_its_country(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a name after "at" placed at once in a town, where the gazetteer knows the name as a region far away: a region
    # is never inside a town, so the name is a site there
    ("Devotees gather at Cantal in Kolkata on Sunday.", ("Cantal", "Kolkata")),
    ("Shoppers stroll at Drenthe in Abu Dhabi, United Arab Emirates, Nov 6, 2017.", ("Drenthe", "Abu Dhabi")),
    # placed in a country or written before it, the region is itself
    ("Cyclists ride at Drenthe, Netherlands, on Sunday.", (None, None)),
    # a small town's name before the photo's date and a larger city after it is a site in that city (Getty's
    # "at <venue> on <date> in <town>")
    ("A golfer hits his second shot at Ilsfeld on April 8, 2017 in Augusta, Georgia.", ("Ilsfeld", "Augusta")),
    ("A jockey rides at Waipu on Saturday in Christchurch, New Zealand.", ("Waipu", "Christchurch")),
    # a town with no town after the date stays the town
    ("A jockey rides at Ascot on Saturday in England.", (None, "Ascot")),
])
def test_a_known_name_placed_in_a_town_after_at(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # two capitalised names joined by "and" after "the" and placed at once in a town: one site, whatever its last
    # word (no venue word closes "World")
    ("A sculptor carves ice at the Quorva Ice and Snow World in Harbin, northeast China's Heilongjiang Province.",
     ("Quorva Ice and Snow World", "Harbin")),
    ("Snow falls on the Quorva Mountain and Lindt Spring scenic area in Dunhuang, northwest China's Gansu province.",
     ("Quorva Mountain and Lindt Spring scenic area", "Dunhuang")),
    # without "the", two places, neither the scene alone
    ("Floods hit Paris and Lyon in France on Monday.", (None, None)),
])
def test_a_site_joined_by_and_placed_in_its_town(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a district of one of the four mainland municipalities is its level below the city, no venue
    ("Residents fan themselves on a bench in Quyang District of southwest China's Chongqing, July 9, 2022.",
     (None, "Chongqing")),
    ("Children fly kites in Lindao District, Tianjin, north China, March 3, 2021.", (None, "Tianjin")),
    # ...a venue in it stays the venue
    ("Tourists stroll in the Quyang Garden in Lindao District of Shanghai, east China, May 3, 2022.",
     ("Quyang Garden", "Shanghai")),
    # ...a Hong Kong district stays the sublocation, as the labelling rules say
    ("Shoppers crowd a street market in Quyang District, Hong Kong, May 3, 2022.", ("Quyang District", "Hong Kong")),
])
def test_a_district_of_a_municipality_is_no_venue(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a border named by its own point is a site: people gather, cross and camp at it, the town after it its city
    ("Farmers camp at Quorvi border near a highway in Karnal, on Monday.", ("Quorvi border", "Karnal")),
    ("Police stand guard at the Punjab-Haryana Dhelwan border, near Rajpura, Tuesday, Feb. 13, 2024.",
     ("Dhelwan border", "Rajpura")),
    ("Families cross the Quorvana border into Uganda on March 3, 1995.", ("Quorvana border", None)),
    # the line between two lands, a country's, a region's or a people's, is no site
    ("Migrants walk along the Peru-Chile border in Tacna on Sunday.", (None, "Tacna")),
    ("A lorry waits at the Iran border crossing in Quorva on Sunday.", (None, "Quorva")),
    ("Shepherds graze flocks near the Albanian border in Quorvane, Greece.", (None, "Quorvane")),
    ("Herders rest in Quorvak village, on the Tajik Chinese border.", ("Quorvak village", None)),
    # nor the line a land shares with its neighbour, however its point is named
    ("A sign by the road leading to the Quorvan border with Xinjiang, China.", (None, None)),
])
def test_a_border_named_by_its_point(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a nation's embassy, consulate, parliament or pavilion is one site, unlike "a Portuguese street"
    ("Protesters gather outside the Quorvan embassy in Lima, Peru, on Friday.", "Quorvan embassy"),
    ("Protesters gather outside the Chilean embassy in Lima, Peru, on Friday.", "Chilean embassy"),
    ("A man waves a flag in front of Croatian parliament building in Zagreb, Croatia, on Saturday.",
     "Croatian parliament building"),
    ("Visitors queue at the Italian pavilion in Dubai on Oct. 3, 2021.", "Italian pavilion"),
    # a people's kind of place names none
    ("Washing hangs in a Portuguese street in Lisbon.", None),
])
def test_a_nations_own_seat(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name's initials in brackets before its kind word: the kind still closes the name
    ("Traders wait outside the Karachi Stock Exchange (KSE) building in Karachi on May 2, 2019.",
     "Karachi Stock Exchange building"),
    ("Residents rally outside the Quorva Water Board (QWB) office in Lahore on August 31.",
     "Quorva Water Board office"),
    # brackets that are not the name's initials stay an aside
    ("Protesters gather outside the Commission on Elections (COMELEC) headquarters in Intramuros, Manila.",
     "Intramuros"),
])
def test_a_names_initials_inside_it(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a street's or a square's word in small letters, as Italian, French, Polish or Indonesian write it, opens the
    # venue's name after a place's preposition
    ("Lemon trees on a sunny balcony in via Quorvelli, near the old market.", "via Quorvelli"),
    ("A cat sleeps on a car in via Garibaldi, quartiere Monti.", "via Garibaldi"),
    ("A cafe terrace on rue Quorvanne in Lyon, France.", "rue Quorvanne"),
    ("Amber shops line the pavement on ul. Quorvacka in Gdansk.", "ul. Quorvacka"),
    ("Traffic crawls in jl. Quorvadi, Jakarta, on Monday.", "jl. Quorvadi"),
    # "via" with no preposition before it is a credit's, and a large city after it stays the city
    ("A crowd watches the parade in Quorvano. (Photo by Ana Ruiz via AP)", None),
    ("Traders wait for the market to open in via Milano's offices.", None),
])
def test_a_street_word_in_small_letters(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # generic words of venues the word list had missed: a seafront promenade, a city's neighbourhood in South
    # Asia, a hall's foyer
    ("Families stroll along Alexandria's Corniche on a hot evening.", "Corniche"),
    ("A manhole lies open in Karachi's Quorva Colony on Monday.", "Quorva Colony"),
    ("A painting hangs in the Council Chamber Foyer of the town hall.", "Council Chamber Foyer"),
    # written alone in small letters they name no site
    ("Gannets nest in a large colony on the cliffs.", None),
])
def test_generic_words_of_promenades_neighbourhoods_and_foyers(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a line that is nothing but a town's name and a kind of site in small letters names the site pictured
    ("Tipton cannery. Photo by Ann Lee.", "Tipton cannery"),
    ("Galway bus station (we waited an hour here for the last coach north)", "Galway bus station"),
    ("The Lismore war memorial", "Lismore war memorial"),
    # a common word opening the line with its capital, or a people's adjective, is no town's name
    ("Quarantine checkpoint", None),
    ("Portuguese street", None),
    ("Temporary checkpoint. Photo by Ann Lee.", None),
])
def test_a_towns_site_named_alone(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the dated sentence is the photo's own data, naming its town alone; the description before it places its venue
    # in that same town
    ("A ferry passes Quorva Temple in Aswan, a city hit last month by floods. Photo taken May 3, 2022 in Aswan, "
     "Egypt (Ann Lee/VOA)", "Quorva Temple"),
    ("Pilgrims queue outside the Quorva Mosque in Kano on a hot morning. This photo was taken June 1, 2019 in Kano, "
     "Nigeria.", "Quorva Mosque"),
    # a venue in another town, or a dated sentence telling of what happened, gives the scene's town no venue
    ("A ferry passes Quorva Temple in Luxor. Photo taken May 3, 2022 in Aswan, Egypt (Ann Lee/VOA)", None),
    ("The fire began at the Quorva Mill in Aswan last week. Firefighters rest in Aswan, Egypt, May 3, 2022.", None),
])
def test_a_venue_in_the_town_of_the_photos_own_data(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an ordinal numbering a court's or a city's unit, the name closed by a venue's word: the unit's building
    ("Lawyers look over papers at the 52nd District Courthouse in Novi.", "52nd District Courthouse"),
    ("Voters queue at the 12th Ward office in Chicago on Tuesday.", "12th Ward office"),
    # the unit alone, or an event's edition, is still no venue
    ("A candidate for the 7th District talks with supporters at a diner in Quorva on Monday.", None),
    ("Sheep are judged at the 173rd Quorva Pastoral in Lindt on Saturday.", None),
])
def test_a_numbered_units_building(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # every form of a verb whose object is the scene: the table names each verb once, by its lemma
    ("Pilgrims rest after reaching the Santuario de Quorva minutes before midnight.", "Santuario de Quorva"),
    ("The tram is seen passing Lindt Railway Station on its first run.", "Lindt Railway Station"),
    ("Hikers climbed Quorva Peak at dawn on Saturday.", "Quorva Peak"),
    # the verb's object must still be a named venue
    ("The tram is seen passing a station on its first run.", None),
    ("Senators passed the Quorva Act after a long debate.", None),
])
def test_every_form_of_a_verb_whose_object_is_the_scene(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a county's or a state's fair after "at" is held on its own fairground: the site, with or without its town
    ("A boy brushes his steer before the show at the Quorva County Fair.", "Quorva County Fair"),
    ("Judges taste pies at the Iowa State Fair on Saturday.", "Iowa State Fair"),
    # the year opening the name is the fair's edition, not part of the site
    ("Judges taste pies at the 2019 Ohio State Fair.", "Ohio State Fair"),
    # a fair of a trade or a people placed by nothing stays an event; a fair's title after a name is no site
    ("Publishers set out their stalls at the Quorva Book Fair.", None),
    ("Riders race at the Nadam Fair, held on the grasslands each summer.", None),
    ("Ana Ruiz poses with Quorva County Fair Queen Lia Lindt.", None),
])
def test_a_county_or_state_fair_is_its_fairground(text, expected):
    """`locations._a_local_fair`: a fair named for the unit it is held for is the site even when no town is
    written after it (before, only "at the X Fair in Town" was)."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the scene's sentence names the town alone; a sentence after it on the thing or the people pictured says
    # where in the town they are
    ("Old trees were brought down by the gale in Dunedin. This one stood at Lindt Park.", "Lindt Park"),
    ("Water shortages in Lilongwe have hit the slums. These women queue at a broken pipe in Quorva Market.",
     "Quorva Market"),
    ("A fine sunrise in Caramoan, Camarines Sur. It was taken from Quorva Island, one of the town's islands.",
     "Quorva Island"),
    ("Ganesh Chaturthi was celebrated in Pune this year. In picture, a procession makes its way on Quorva road.",
     "Quorva road"),
    # "The" and the thing's kind in small letters, then where it is: the thing told of, now pictured
    ("Hundreds of sheep died in a fire near Kilcoo, County Down. The animals were in a barn at Quorva Lane when "
     "the blaze broke out.", "Quorva Lane"),
    ("The new trams ran a last test on the line before the opening. The set is seen passing Quorvale Station.",
     "Quorvale Station"),
    ("A glass chamber at the university in Halifax is the setting for plasma research. The vessel, found in the "
     "basement of the Quorva building, holds thin gases.", "Quorva building"),
    ("Storms battered the coast near Whitby overnight. The boats, moored at Quorva Harbour, rode out the gale.",
     "Quorva Harbour"),
    # a venue in another town, the thing's history, or a sentence on something else gives no venue
    ("Old trees were brought down by the gale in Dunedin. This one stood at Lindt Park in Kearney.", None),
    ("Farmers bring in the rice in Quorva County of Yiyang, Hunan Province. The county, in the middle of the "
     "Lindt Lake area, has begun harvesting.", None),
    ("A ship rusts at its mooring in Belfast. It was built in 1911 at the Quorva Dock.", None),
    ("Old trees were brought down by the gale in Dunedin. The council met at Lindt Hall on Monday.", None),
])
def test_a_venue_of_the_thing_pictured_in_a_later_sentence(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a dateline of places and a date, a date or a title as a sentence of its own, then the body describing the photo
    ("Valletta, Malta. 12th May, 2019. A general view of the crowd as the band plays in Quorva Square in Valletta, "
     "Malta.", "Quorva Square"),
    ("Muscat, Oman - March 3rd, 2019: Waiting. A man stands outside the Quorva Museum. Sunday, March 3rd, 2019. "
     "Muscat.", "Quorva Museum"),
    # a venue of another town, or no venue in the body's first sentence, gives none
    ("Valletta, Malta. 12th May, 2019. A general view of the crowd at Quorva Square in Mdina, Malta.", None),
    ("Muscat, Oman - March 3rd, 2019: Waiting. A man waits for the bus. The Quorva Museum opened here in 1990.",
     None),
])
def test_the_bodys_venue_below_a_dateline_and_its_date(text, expected):
    """`locations._fill_the_headed_bodys_venue` and `_fill_the_datelines_venue`: a caption opening on its town and
    date, set apart as a heading or a sentence of its own ("Vatican City, Vatican. 24th Apr, 2016. A general view
    ... in St. Peter's Square"), gave the town and no venue: the body's first sentence was read only when it came
    right after the dateline. A sentence of a date alone is passed over; the venue is taken when its sentence names
    no other town."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the name after "the ruins of", "the remains of" or "the dunes of", one no table knows, is the site's
    ("A guide looks over the ruins of Quorvakert on a grey morning.", "Quorvakert"),
    ("Drivers race through the dunes of Lindtaca during the rally's fifth stage.", "Lindtaca"),
    # a town the gazetteer knows, or a name written with its country, stays a town; a home's ruins name no site
    ("Soldiers walk through the ruins of Mariupol.", None),
    ("Children play in the ruins of Quorvakert, Syria.", None),
    ("A man sits among the ruins of his home in Quorvakert.", None),
])
def test_a_site_named_by_its_ruins_or_dunes(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a performer of a troupe, a band or a school of the arts: the group's own place, not the scene
    ("A dancer of the Quorva da Vila samba school performs in Sao Paulo.", None),
    ("More than 500 actors from Lindt's School of Fine Arts began the festival on Tuesday morning.", None),
    # where they perform is the scene all the same
    ("A dancer of the Quorva samba school performs at the Lindt Sambadrome in Rio de Janeiro.", "Lindt Sambadrome"),
])
def test_a_performers_troupe_is_not_the_scene(text, expected):
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a county's or a state's fair is placed by its own name: held on that land's fairground
    ("A girl feeds her goat at the Quorva County Fair on Sunday.", "Quorva County Fair"),
    ("An exhibitor shows her hens at the Lindt State Fair.", "Lindt State Fair"),
    # a fair named by no land, placed by nothing, may be a whole land's festival: an event
    ("Two wrestlers grapple at the Quorva Fair, held on the grassland.", None),
])
def test_a_county_or_state_fair_placed_by_its_name(text, expected):
    assert sublocation(text) == expected
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a building's name that a far territory also has (a parish of Barbados is "Christ Church") is the building
    ("Fog lifts over Christ Church in the village of Lindtham in Surrey, UK on May 2, 2024.",
     {"sublocation": "Christ Church", "province": "Surrey"}),
    ("Fog lifts over Christ Church in Lindtham, Surrey, UK on May 2, 2024.",
     {"sublocation": "Christ Church", "province": "Surrey"}),
    # a territory named by islands keeps its level
    ("Tourists sunbathe on a beach in the Canary Islands.", {"sublocation": None, "province": "Canary Islands"}),
])
def test_a_buildings_name_is_no_territory(text, expected):
    """`place_names.classify`: a name closed by a building's word ("Church") is the building even where the
    gazetteer holds a territory of that name (`_BUILDING_WORDS`); it had been read as the province."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a verb of supplying, sending, going back to or setting up holds no venue's name: the clause is left out
    ("近日,湖南永州市道县石门镇的菜农忙着采收萝卜,供应节前市场。", "石门镇"),
    ("工人把刚出炉的瓷瓶送往包装车间。 王某摄", None),
    ("假期结束,学生们重返校园。 李某摄", None),
    ("图为交警在路口设起路障。 图/张某", None),
])
def test_a_clause_of_supplying_or_sending_is_no_venue(text, expected):
    """`places.clause_words` (供应, 送往, 运往, 重回, 重返, 设起, 设立): the whole run of words had been the venue."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the port of X": the port is the site, named after its town; the town stays the city when the gazetteer knows it
    ("Cranes unload a freighter in the port of Beirut on May 3, 2021.",
     {"sublocation": "port of Beirut", "city": "Beirut"}),
    ("A cruise ship docks at the Port of Port of Spain, Trinidad and Tobago.",
     {"sublocation": "Port of Port of Spain", "city": "Port of Spain"}),
    ("A porter waits for fares at the Port of Quorva Kelapa. He rises early.",
     {"sublocation": "Port of Quorva Kelapa", "city": None}),
    # a port qualified by a sea, a side or a kind of trade is its town, as before
    ("A tanker leaves the Black Sea port of Odesa on May 3, 2022.", {"sublocation": None, "city": "Odesa"}),
    ("Boats sail in the southern port of Basra on May 3, 2022.", {"sublocation": None, "city": "Basra"}),
    # no "the": the town's own name ("Port of Spain") or a port's name in a title
    ("Children walk past a puddle in Port of Spain after heavy rain.", {"sublocation": None, "city": "Port of Spain"}),
])
def test_the_port_of_a_town_is_a_site(text, expected):
    """`place_chains._a_port_of_its_town`: "the port of X" had been read as the town X alone (KIND_LEVELS' "port"),
    where the labels give the port as the sublocation and its town, when known, as the city."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a saint's or a holy figure's possessive, then the kind of its site in small letters: one name, the venue
    ("Bathers enjoy a summer day at St Quorva's beach. Photo: Ana Ruiz", "St Quorva's beach"),
    ("Pilgrims pray at Imam Quorva's holy shrine in Mashhad on Monday.", "Imam Quorva's holy shrine"),
    ("Worshippers gather at Hazrat Quorva's dargah in Lahore on Friday.", "Hazrat Quorva's dargah"),
    ("Christians attend prayers at the St. Quorva's church in Karachi.", "St. Quorva's church"),
    # a saint's day is no site; a city named after a saint owns its harbour
    ("A woman watches the St Quorva's day parade through Dublin.", None),
])
def test_a_saints_site_in_small_letters(text, expected):
    """`place_chains._a_saints_house_in_small_letters`: only a church's kinds had closed a saint's name ("St.
    Quorva's church"); a beach or a shrine after it, or a holy figure of Islam's possessive, left no venue."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bus terminus and a terrace (a street's name in Britain, Ireland and New Zealand) are sites by their word
    ("A vendor offers his goods at Quorva Musika bus terminus.", {"sublocation": "Quorva Musika bus terminus"}),
    ("An old truck left on Quorva Terrace in Woolston sits under water.",
     {"sublocation": "Quorva Terrace", "city": "Woolston"}),
    # the town of Terrace stays a town; a terrace of no name is no site
    ("Snow covers the roads in Terrace, B.C., on Monday.", {"sublocation": None, "city": "Terrace"}),
    ("People dine on a terrace in Lisbon.", {"sublocation": None, "city": "Lisbon"}),
])
def test_a_terminus_or_a_terrace_is_a_site(text, expected):
    """`vocabulary.VENUE_WORDS`: "terminus" and "terrace" were no venue words, so a name they closed placed nothing."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a site opening the sentence, its kind in small letters, placed by the town it lies near
    ("Seen from the air, the Quorva refugee camp, near the Jordanian city of Mafraq, July 18, 2013",
     {"sublocation": "Quorva refugee camp", "city": "Mafraq"}),
    ("The Quorva refugee camp near Mafraq, July 18, 2013", {"sublocation": "Quorva refugee camp", "city": "Mafraq"}),
    # people or a family near a town are no site
    ("Quorva supporters near Mafraq cheer, July 18, 2013", {"sublocation": None, "city": "Mafraq"}),
    ("The Quorva family near Mafraq, July 18, 2013", {"sublocation": None, "city": "Mafraq"}),
])
def test_a_subject_site_placed_near_its_town(text, expected):
    """`place_chains._placed_near_after`: a subject's venue of one capitalised word and its kind in small letters was
    read only when "in" placed it ("the Quorva refugee camp in Mafraq"), not when "near" did."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a word of position (边上, 之下, 旁边) stands between a place and what is beside or below it: a name begins
    # after it
    ("连日降雨,宜春市袁州城区边上河水猛涨。 王某摄", None),
    ("寒风之下街上行人稀少,市民裹紧外套匆匆走过。 图/李某", None),
    ("傍晚,游客在钟楼旁边鼓楼广场散步。 张某摄", "鼓楼广场"),
    # a common noun ending in 峰 (a rush's peak, a flood's crest) names no mountain
    ("国庆假期首日,高铁站迎来客流高峰,旅客排队进站。 赵某摄", None),
    ("受持续降雨影响,上游来水形成洪峰,水位快速上涨。 钱某摄", None),
    # standing guard (站岗) is no station
    ("寒冬深夜,一名民警正在执勤站岗。 孙某摄", None),
])
def test_a_word_of_position_or_a_common_noun_is_no_venues_name(text, expected):
    """`places.positions_in_a_run` (边上, 之下, 旁边...), read as the words of time are by
    `chinese_chain.after_words_of_time`; 高峰, 洪峰 in `places.venue_word_in_verb`, 站岗 in `places.venue_word_as_verb`:
    each had ended the run of words read as the venue."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a city-state written with 市 before its people (香港市民, 澳门市民) is the city, and the district the people are
    # in is the site
    ("图为香港市民深夜在旺角街头冒雨赶路。 图/某某", {"sublocation": "旺角", "city": "香港"}),
    ("台风过后,香港市民在铜锣湾街头清理倒下的树木。 某某摄", {"sublocation": "铜锣湾", "city": "香港"}),
    ("澳门市民在氹仔街头观看花车巡游。 某某摄", {"sublocation": "氹仔", "city": "澳门"}),
])
def test_a_city_states_people_then_its_district(text, expected):
    """`chinese_chain._district_at`: 香港市 (the city-state and 市, then 民) had been read as a district of Hong Kong, a
    town below the city, so the district named after 在 was no unit below it and no site was read."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a likeness (好比, 堪比, 宛如): the place the scene is compared with is elsewhere, no site of the photo
    ("游客在滨江公园散步,这里的地位好比北京的天安门广场。 某某摄", "滨江公园"),
    ("入夜,湖畔灯光璀璨,场面堪比上海外滩。 某某摄", None),
    ("古镇的街巷宛如苏州平江路,游人如织。 某某摄", None),
    # 镇压 (to put down) after a name: no town's suffix
    ("政府军在该国北部镇压反叛武装。 某某摄", None),
])
def test_a_likeness_or_a_verb_after_a_suffix_is_no_site(text, expected):
    """places.likeness (好比, 堪比, 宛如...), read by `chinese_chain.after_a_likeness` in the chain, the venue run, the
    reader of a venue anywhere and the venue register: no place after one in its clause is the scene's; 压 after 镇 in
    `chinese_chain._NOT_SUFFIX_AFTER`: 镇压 is a verb, no town's suffix."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a hall opening, closing or let into (开馆, 闭馆, 进馆): the name ended at 馆, or no hall is named
    ("6日,青溪美术馆建成开馆,读者排队借书。 某某摄", "青溪美术馆"),
    ("9日,首批进馆的观众在门口排队。 某某摄", None),
    ("春节期间,县博物馆閉館維修,游客在门外拍照。 某某摄", None),
    # a road race (路跑) names no road
    ("几位来自山区的选手身穿民族服饰加入路跑。 图/某某", None),
    ("周末,上百名跑友在滨江大道加入路跑。 某某摄", "滨江大道"),
])
def test_a_hall_opening_or_a_road_race_ends_no_venue(text, expected):
    """开馆, 闭馆, 进馆 ... in `places.venue_word_in_verb` (as 开园 is a park's), 路跑 in `places.venue_word_as_noun`:
    the run of words read as the venue had gone on to the verb's 馆 or the race's 路."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a racecourse named "Downs" is a site by its word, after "at" or as the object of "of"
    ("Fillies gallop in morning training at Quorvale Downs. May 1, 2019", {"sublocation": "Quorvale Downs"}),
    ("A groom holds a colt at dawn on the backside of Quorvale Downs. The colt belongs to a local trainer.",
     {"sublocation": "Quorvale Downs"}),
    ("Punters cheer the winner at Quorvale Downs in Louisville, Ky., on Saturday.",
     {"sublocation": "Quorvale Downs", "city": "Louisville"}),
    # "downs" in small letters is no site
    ("Fans ride the ups and downs of the season in Louisville.", {"sublocation": None, "city": "Louisville"}),
])
def test_a_racecourse_named_downs_is_a_site(text, expected):
    """`vocabulary.VENUE_WORDS`: "downs" (a racecourse's or a chalk down's name, "Churchill Downs", "Epsom Downs") was
    no venue word, so a racecourse named so placed nothing."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a dated line of places alone, then a sentence naming a venue: the venue is the site in the line's town
    ("Quorvale, Ohio — October 18th, 2019. A crowd lines up outside Marrow Stadium ahead of the game.",
     {"sublocation": "Marrow Stadium", "city": "Quorvale", "province": "Ohio"}),
    ("Quorvale, Ohio - October 18, 2019. Fans wait outside Marrow Arena before the final.",
     {"sublocation": "Marrow Arena", "city": "Quorvale", "province": "Ohio"}),
    # a range is the town's setting, no site
    ("Quorvale, Ohio — October 18th, 2019. Fans cross the Zembla Mountains.",
     {"sublocation": None, "city": "Quorvale", "province": "Ohio"}),
])
def test_a_venue_after_a_dated_line_of_places(text, expected):
    """`locations._a_dated_line_of_places`: a first sentence of places and the date after a dash ("Bronx, New York —
    October 18th, 2019.") placed nothing of the scene's own, and the next sentence's venue was taken only after a
    preposition of being inside it, so "outside Yankee Stadium" was lost."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # inside a venue (馆内, 公园里), then what is seen or done there: the name ends at the venue's word, even when a
    # longer venue word (雕塑, 广场) comes later in the run
    ("5月18日,观众在青溪民俗博物馆内欣赏木刻雕塑。 某某摄", "青溪民俗博物馆"),
    ("5月18日,觀眾在青溪民俗博物館內欣賞木刻雕塑。 某某攝", "青溪民俗博物館"),
    ("周末,市民在翠湖公园里观看音乐广场的演出。 某某摄", "翠湖公园"),
    # a venue word of its own right after the name goes on (a school named after a garden, a square's centre)
    ("开学首日,学生在青溪花园中学门前合影。 某某摄", "青溪花园中学"),
])
def test_inside_a_venue_then_what_is_there_ends_the_name(text, expected):
    """`chinese_chain.venue_at`: 里 or 内 after a venue word of two characters ended the run only before a venue word
    of one character, so "博物馆内欣赏象牙雕塑" was read whole, up to 雕塑."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a castle (城堡) is a site by its word, as 古堡 is
    ("4月12日,在比利时首都布鲁塞尔西郊的莫兰城堡,游客观赏花展。 某某摄", "莫兰城堡"),
    ("游客在埃及开罗的哈桑城堡内参观。 新华社记者 某某 摄", "哈桑城堡"),
    # what the place was the model of (的原型, 的前身) is elsewhere, no site of the photo
    ("青岩堡始建于1869年,据说是童话城堡的原型,也是当地最热门的景点之一。", None),
    ("青岩堡始建于1869年,据说是童话乐园的原型,也是当地最热门的景点之一。", None),
    ("据介绍,这座老厂房是青溪美术馆的前身。 某某摄", None),
])
def test_a_castle_is_a_site_and_a_model_of_one_is_elsewhere(text, expected):
    """`places.venue`: 城堡 (a castle) was no venue word, so a castle named after a city placed nothing;
    `places.model_of` (的原型, 的前身), read by `chinese_chain.venue_at`: a venue after 是 and before 的原型 is
    what the scene was the model of, not the scene."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # kinds of quarter or building, named by no name: the unit named before them is the site, or there is none
    ("3月2日,金水区青松街道翠竹社区的志愿者在居民楼院里打扫卫生。 某某摄", "翠竹社区"),
    ("志愿者在居民楼院里打扫卫生。 某某摄", None),
    ("图为某国首都郊区的贫民窟。 某某摄", None),
    ("嘉宾观看视频,回顾一年来两国交流以及总领馆暖侨工作的片段。(记者某某/摄影)", None),
    # what a place holds or grows, unnamed (a container quay, a base of wild tea): the village is the site
    ("清明前,湖南省常德市石门县城关镇青松村的茶农在天然茶基地里采春茶。 某某摄", "青松村"),
    ("工人在集装箱码头装卸货物。 某某摄", None),
    # a named container quay is a site
    ("工人在青溪国际集装箱码头装卸货物。 某某摄", "青溪国际集装箱码头"),
])
def test_a_kind_of_quarter_or_base_is_no_venues_name(text, expected):
    """`places.not_venue_names` (居民楼, 贫民窟, 总领馆...) and `places.generic_kinds` (集装箱, 天然): a common noun of
    a place had been read as the venue, over the village named before it."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an institution's people go out to a village (走进, 来到, 深入): the village is the site, the institution is
    # where they come from
    ("石门县人民法院的巡回审判法庭走进皂市镇青松村(资料照片)。 记者 某某摄", "青松村"),
    ("石门县人民医院医疗队来到皂市镇青松村,为村民义诊。 某某摄", "青松村"),
    # to a place of its own, referred back to: the institution stays the site
    ("位于天津市西青区精武镇的青松小学带学生来到学校的劳动种植基地,上了一堂课。", "青松小学"),
    # its people at work in it: the institution is the site
    ("石门县人民医院的医生在手术室为病人做手术。 某某摄", "人民医院"),
])
def test_an_institutions_people_going_out_to_a_place(text, expected):
    """`chinese_chain._its_people_go_out` (places.going_out), asked by `read_chain`: a county's court or hospital
    read as the venue kept the site when its tribunal or its medical team went out to a village named after it."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "by" after a verb of posture is "beside": the venue after it is the scene, alone or before its town
    ("Hooded brothers stand by the Quorva church before the yearly procession in Segovia, Spain.",
     {"sublocation": "Quorva church", "city": "Segovia"}),
    ("A bronze prince sits by the Quorvan Gate, on the site of the old fortress.", {"sublocation": "Quorvan Gate"}),
    ("Pilgrims waiting by the Quorva Memorial Fountain on Sunday.", {"sublocation": "Quorva Memorial Fountain"}),
    # "by" after other words names an agent or a credit, no place
    ("A question posed by the Quorva Institute during the debate in Lyon.", {"sublocation": None, "city": "Lyon"}),
    ("Fossils gathered by the Quorva Museum are shown in Lyon.", {"sublocation": None, "city": "Lyon"}),
    ("Photo by the Quorva Museum.", {"sublocation": None}),
    ("What is left of the bus at the scene, a photo released\nby Quorva's city office this morning",
     {"sublocation": None}),
])
def test_a_venue_by_which_someone_stands(text, expected):
    """`place_chains.read_chains`: "stand by the Quorva church" placed nothing ("by" was no preposition of place)
    unless a town followed the venue directly."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a venue's name before a disaster's noun in small letters names the disaster, where it was: not the scene
    ("Mourners gather outside St Quorva's Cathedral after a service for the victims of the Quorva Tower fire, in "
     "London, Britain, December 14, 2017.", {"sublocation": "St Quorva's Cathedral", "city": "London"}),
    ("Flames of the Quorva Complex fires engulf a barn in Vacaville on Aug. 19.",
     {"sublocation": None, "city": "Vacaville"}),
    ("Relatives remember the Quorva Plaza collapse in Savar.", {"sublocation": None}),
    # a site where the fire is, or a fire station, is the scene; a protest named after its square is read there
    ("A fire broke out at the Quorva Market on Monday in Leeds.", {"sublocation": "Quorva Market", "city": "Leeds"}),
    ("Crews train at the Quorva Park fire station in Leeds.",
     {"sublocation": "Quorva Park fire station", "city": "Leeds"}),
    ("Thousands march on the anniversary of the Quorva Park protests in Istanbul.",
     {"sublocation": "Quorva Park", "city": "Istanbul"}),
    # "fire" as a verb after a place written without "the"
    ("Police on the island of Quorvos fire tear gas at stone-throwers.", {"sublocation": "Quorvos"}),
])
def test_a_disaster_named_after_its_site(text, expected):
    """`place_chains._read_chain` with `place_evidence.names_a_disaster` (`[disasters]` in place_evidence.toml):
    "the Quorva Tower fire" was read as the venue "Quorva Tower", over the scene's own venue."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a team named with a venue's word ("Bay") before a player's position and name is a team, no site
    ("Quorva Lions tight end Sam Quorv shakes off Green Bay Packers safety Rudy Quorv in the first half, Thursday, "
     "Sept. 28, 2023, in Green Bay, Wis.", {"sublocation": None, "city": "Green Bay"}),
    ("Tampa Bay Quorvans wide receiver Mike Quorv catches a pass, Sunday, Oct. 1, 2023, in Tampa, Fla.",
     {"sublocation": None, "city": "Tampa"}),
    ("Tampa Bay Quorvas relief pitcher Jason Quorv throws in St. Petersburg, Fla.",
     {"sublocation": None, "city": "St. Petersburg"}),
    # a position's word before no person's name is the venue's own
    ("Fans wave at the Quorva Stadium end of the pitch in Leeds.", {"sublocation": "Quorva Stadium", "city": "Leeds"}),
])
def test_a_team_before_a_players_position(text, expected):
    """`place_evidence.names_a_players_position` (`positions`, `position_pairs` of [teams]): "Green Bay Packers
    safety Rudy Ford" was read as the venue "Green Bay Packers" (a name ending in "Bay")."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # "This is from", "scenes from": where the picture itself was taken, a venue alone as after "The picture is from"
    ("This is from Quorva Kirke (Quorva Church) on Norrebro.", {"sublocation": "Quorva Kirke"}),
    ("These pictures show scenes from the Quorvarama Temple, where devotees gathered this morning.",
     {"sublocation": "Quorvarama Temple"}),
    # "this" inside a sentence, or a festival's scenes, give no venue
    ("All of this is from the Quorva Ministry of Health.", {"sublocation": None}),
    ("Scenes from the Quorva Festival in Leeds.", {"sublocation": None, "city": "Leeds"}),
])
def test_a_venue_the_picture_is_from(text, expected):
    """`place_chains._the_photo_is_from`: only a picture's noun before "is from" ("The picture is from ...") made the
    venue after it the scene; "This is from Quorva Kirke" read none."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a name with no venue word after "at the", ending its clause: a town takes no "the", so a site
    ("Ireland captain Sam Quorv pictured at the Quorvane today. Jo Bloggs/INPHO", {"sublocation": "Quorvane"}),
    ("Volunteers served hot dinners to the homeless at the QRD. Ann Quorv, 60, was one of them.",
     {"sublocation": "QRD"}),
    ("Swimmers run into the sea at the 12 Quorva for a New Year's Day dip in Ireland on January 1, 2023.",
     {"sublocation": "12 Quorva", "country": "Ireland"}),
    # after "on the", only with the town it is in written next
    ("Crowds wait behind the barriers on the Quorva Mile, in Windsor (Jo Bloggs/PA)",
     {"sublocation": "Quorva Mile", "city": "Windsor"}),
    # events, bodies, years and ordinals, places the gazetteer knows, and names before a noun are not sites
    ("Delegates applaud at the UN.", {"sublocation": None}),
    ("Riders race at the 2010 Quorva Stampede.", {"sublocation": None}),
    ("Farmers show their sheep at the 100th Quorva Show.", {"sublocation": None}),
    ("Fans dance at the Quorva Festival today.", {"sublocation": None}),
    ("Dr Quorv speaks at the UN conference on AIDS.", {"sublocation": None}),
    ("Aid arrives on the Philippines.", {"sublocation": None}),
    ("Commuter trains stop on the Quorva Line.", {"sublocation": None}),
    ("The crew lived six months on the Quorva Orbiter, he said.", {"sublocation": None}),
])
def test_a_lone_name_after_at_the(text, expected):
    """`venue_spots.lone_english` (`[lone_names]` of place_evidence.toml): a name with no venue word after "at the"
    ("pictured at the Aviva today") gave no sublocation; events' and bodies' words, years and ordinals rule a name
    out, as "at the UN", "at the 2010 Calgary Stampede" showed when any such name was taken."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a match between two sides, then "at" and a name the gazetteer does not know, ending its clause: the ground
    ("Fans cheer outside before the match against Quorvans at Quorva Moor. Goals from Smith sealed it.",
     {"sublocation": "Quorva Moor"}),
    ("Smith heads clear during the game between Quorva and Quorvane at Quorvadale Brae, on Saturday.",
     {"sublocation": "Quorvadale Brae"}),
    # a town after "at" is the town, and a cup or a league is the event
    ("Players shake hands before the game between Quorva and Leeds at Burnley.",
     {"sublocation": None, "city": "Burnley"}),
    ("Fans gather before the match against Quorvans at Quorva Cup.", {"sublocation": None}),
])
def test_a_ground_after_a_match(text, expected):
    """`venue_spots.lone_english` (`_GROUND`): "the match against Liverpool at Turf Moor." gave no sublocation: a
    name with no venue word after "at" alone is as often a town, but after a match between two sides it is the
    ground, unless the gazetteer knows it as a town."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a train's or a line's route in brackets, then the station of the scene
    ("5月3日,中欧班列(义乌—马德里)在义乌西站装车。", {"sublocation": "义乌西站", "city": None}),
    ("5月3日,一趟中欧班列(成都—罗兹)在青白江站缓缓开动。", {"sublocation": "青白江站"}),
    ("8月9日,旅客在金华南站候车。某某高铁(杭州-温州)今年通车。", {"sublocation": "金华南站"}),
    # no route: a place in brackets stays read
    ("5月3日,游客在鼓浪屿(厦门)游览。", {"city": "厦门"}),
])
def test_a_route_in_brackets(text, expected):
    """`chinese.parse_chinese` (`_ROUTE_IN_BRACKETS`): "中欧班列(武汉—汉堡)从某站开出" read the route's first end as
    the city and lost the station: a route's two ends in brackets name where a train runs, no place of the scene."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a city's station named by a direction after 火车: the city opens the station's name
    ("1月25日,旅客在合肥火车东站候车。", {"sublocation": "合肥火车东站"}),
    ("1月25日,兰州火车西站广场上聚满了返乡旅客。", {"sublocation": "兰州火车西站广场"}),
    # a kind of school with no name of its own: the city or the province opens the school's name
    ("5月4日,学生在温州医科大学上课。", {"sublocation": "温州医科大学"}),
    ("5月4日,学生在苏州科技大学校园里散步。", {"sublocation": "苏州科技大学校园"}),
    ("5月4日,学生们在武汉体育学院训练。", {"sublocation": "武汉体育学院"}),
    # a school with a name of its own stays apart from its city
    ("5月4日,学生在广州中山大学上课。", {"sublocation": "中山大学", "city": "广州"}),
])
def test_a_city_opening_a_kind_of_venue(text, expected):
    """`chinese_chain._venue_begins` (`_GENERIC_BEFORE_A_VENUE`, places.kinds_of_school): "成都火车北站广场" and
    "杭州师范大学" were read as the city and a venue called 火车北站广场, 师范大学: a direction after 火车 and a kind of
    school (师范, 理工, 体育) are no names of their own, so the city before them opens the venue's name."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a site named by its own capitalised venue word, as a verb's object or the subject, no preposition before it
    ("Engineers survey the Quorva Hoi Bridge after the storm, May 2, 2021.", "Quorva Hoi Bridge"),
    ("Dancers bring Talmeno Street to a standstill during the parade.", "Talmeno Street"),
    ("Every spring Quorvane Gorge Dam spills over its crest.", "Quorvane Gorge Dam"),
    ("Volunteers repaint the Brenlow Memorial Library before its reopening.", "Brenlow Memorial Library"),
    ("Main entrance, Tarrow County Courthouse", "Tarrow County Courthouse"),
    # what is written around it makes it something else than the scene
    ("Fans wave flags as the Quorva Memorial School football team arrives.", None),  # a team
    ("A dancer of the Brenlow Arts Academy troupe rehearses.", None),  # a troupe's name: a body
    ("Quorva Council president Ana Ruiz speaks to reporters.", None),  # a title after the name
    ("Children pray before a Quorvane church destroyed in the war.", None),  # an unnamed kind, in small letters
    ("Firefighters battle the blaze as the Quorva Canyon Complex fires spread.", None),  # a disaster
    ("Actors perform the play \"Brenlow Tower\" for pupils.", None),  # a title in quotes
    ("Crowds fill the square as the Quorvane River rises.", None),  # a backdrop's word: no such reading
    ("Pilgrims rest near the Brenlow Cathedral at a festival in Lisbon.", None),  # the chains weighed it: a landmark
    ("Crowds cheer as Dean Hall rides his horse.", None),  # a person's surname that is a venue word
    ("Engineers join the Quorva Bridge and Road Corporation this year.", None),  # a longer name run on
    ("Workers fix a sign at Quorva Bridge, P.E.I., on Monday.", None),  # a town before its province
    ("A stage recreating Ayodhya's Quorva Temple draws crowds in Kolkata.", None),  # another town's site
])
def test_a_named_site_anywhere_in_the_scene(text, expected):
    """`venue_spots.named_site_english`: a site named by its own capitalised venue word as a verb's object or the
    subject ("to open the Cua Hoi Bridge", "kept the North Otago A&P Showgrounds busy", "Each day Burdekin Falls Dam
    spills") was read only after a preposition of place or a verb of visiting; the sentence's first such name is
    taken when nothing else named the venue, unless the words around it make it a body, a team, a person, a title,
    a disaster or another town's."""
    assert parse(text).location.sublocation == expected


@pytest.mark.parametrize("text, expected", [
    # a registered name in a later sentence, after a word a place follows: the scene's venue
    ("雪顿节的由来。当天,市民们三五成群来到什刹海之内,一起滑冰。", {"sublocation": "什刹海"}),
    # a registered name opening its clause after a picture's mark or a word of time
    ("▲陆家嘴元旦夜灯光璀璨。", {"sublocation": "陆家嘴"}),
    ("昨晚陆家嘴灯光璀璨。", {"sublocation": "陆家嘴"}),
    # in a later sentence with no place phrase before it, a registered name is a landmark nearby, no venue
    ("9月17日,江苏南京,市民排队买票。秋天过后,什刹海畔的一片草地慢慢变黄。", {"sublocation": None}),
])
def test_a_registered_venue_in_a_later_sentence_or_after_a_time(text, expected):
    """`chinese._registered_venue`, `chinese_venues.registered_venue` (`_opens_its_clause`): "某某节的由来。当天,
    群众来到罗布林卡之内" gave no sublocation: the register was asked about the scene sentence alone, and a name
    after "▲" or "昨晚" did not open its clause. A later body sentence is read when the scene sentence names no
    venue, its name taken only after a place word or the chain's city (a penalty for the other sentence)."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a time before the verb of leaving or passing: no place read anywhere, the scored venue the verb leads to
    ("3月5日8点整,一列动车准点驶离青龙湾站,开往北方。", {"sublocation": "青龙湾站"}),
    ("12月1日7时30分,首趟列车准时驶离江湾站,开始首次运营。", {"sublocation": "江湾站"}),
    # a kind of venue, or nothing a place word leads to, stays out
    ("近年来古城景区旅游蓬勃发展。图为游客在古城景区里品茶。", {"sublocation": None}),
    ("3月5日8点整,大批旅客在车站候车。", {"sublocation": None}),
    ("3月5日8点整,工人在抢修线路。", {"sublocation": None}),
])
def test_a_venue_led_to_when_no_place_is_read(text, expected):
    """`chinese_places._venue_led_to`: "12月26日9点整,某次列车准点驶离某某站,开往..." gave no sublocation: the time
    before the verb hid the station from the chain reader, and the scored finder was asked only after a chain.
    When no sentence reads any place, the scene sentence's scored venue that a place word or a verb of passing
    leads to is taken (not a kind of venue, nor a name over a unit's suffix)."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # no sentence places a town; the sentence on the pictured names the venue
    ("Prayers were held across the island for the full moon. These pictures show scenes from the Quorvana "
     "Temple, where pilgrims gathered at dawn.", "Quorvana Temple"),
    ("Crowds came out for the long weekend. In picture, families picnic at Lindtmere Park.", "Lindtmere Park"),
    # a later sentence placing another town is that town's (read as the place by its own rule)
    ("Prayers were held across the island. These pictures show scenes from Quorvana Temple in Kandy, Sri Lanka.",
     "Quorvana Temple"),
])
def test_the_pictured_things_venue_when_no_town_is_named(text, expected):
    """`locations._fill_the_pictured_things_venue`, asked also when no sentence places a town at all (it was asked
    only after the scene's sentence had named the town): a sentence after the scene's that opens on the pictured
    ("These pictures show ...", "In picture, ...") names the venue, as in "These pictures show scenes from the
    Gangarama Temple"."""
    assert parse(text).location.sublocation == expected


@pytest.mark.parametrize("text, expected", [
    # a large city owning a site named without a venue word, after a preposition of place or "to"
    ("The trade fair moved to Barcelona's Fira Quorvana, which has more room.", "Fira Quorvana"),
    ("I enjoyed my stroll in Brussels' Bois de la Quorve a few days ago.", "Bois de la Quorve"),
    ('This painted egg is on show at Brussels\' "Quorvon" square.', "Quorvon"),
    # the owner's division, a person or an agent: not a site
    ("A farmer walks in Khulna's Quorvaghata upazila yesterday.", None),
    ("Cork's Darragh Quorvan is stopped by Limerick's Michael Quorvey in the final.", None),
])
def test_a_large_citys_own_site(text, expected):
    """`venue_spots.owned_site_english`: a city of 100,000 people or more, written as an owner after a preposition
    of place, before a capitalised name no table knows ("moved to Barcelona's Fira Gran Via", "on show at Brussel's
    \\"Sablon\\" square") names a site of that city; the chains read a venue only by its venue word."""
    assert parse(text).location.sublocation == expected


@pytest.mark.parametrize("text, expected", [
    # a district or a town before a sport's kind and a venue word: the venue's name, no city of the scene
    ("▲北京队对阵辽宁队的比赛在松江体育中心进行", {"sublocation": "松江体育中心", "city": None}),
    ("市民在宝山体育场晨练。", {"sublocation": "宝山体育场", "city": None}),
    ("选手在济南奥体中心游泳馆比赛。", {"sublocation": "济南奥体中心游泳馆", "city": None}),
    ("田径测试赛在大阪奥林匹克体育场举行。", {"sublocation": "大阪奥林匹克体育场", "city": None}),
    # a venue with a name of its own after the city keeps the city, and so does a city after its province
    ("比赛在北京工人体育场进行。", {"sublocation": "工人体育场", "city": "北京"}),
    ("比赛在山东济南奥体中心进行。", {"sublocation": "奥体中心", "city": "济南"}),
])
def test_a_city_before_a_sports_kind_of_venue(text, expected):
    """`chinese_chain._venue_begins` (`_GENERIC_BEFORE_A_VENUE`): "比赛在某山体育中心进行" read the district 某山 as
    the city and 体育中心 as the venue, a name cut off a venue's front where the label holds no city. A sport's
    kind before a venue word (体育, 奥林匹克, 奥体) names no venue of its own, as 国际 in 成都国际机场 does not: the
    name before it is the venue's whole, where it opens its chain (after a province it stays the city)."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a count of people before a province's name that ends in a venue word (湾): no venue, the later one is the scene
    ("大批台湾游客在青枫公园赏花。", "青枫公园"),
    ("一批台灣球迷聚集在青枫体育场前合影。", "青枫体育场"),
    ("大量旅客在青枫火车站购票。", "青枫火车站"),
    ("许多台湾民众来到青枫广场。", "青枫广场"),
    # crowds filling a place lead to it, as crowds pouring into it do
    ("大批乘客挤满青枫公园。", "青枫公园"),
    ("清晨，乘客挤进青枫站候车。", "青枫站"),
    # a gallery is a venue, as a museum of art is
    ("书画展当晚在青枫轩画廊揭幕。", "青枫轩画廊"),
    ("作品在青枫艺廊展出。", "青枫艺廊"),
])
def test_a_crowd_a_crowds_verb_and_a_gallery(text, expected):
    """`places.not_names`, `places.before_place`, `places.passing`, `places.venue` (data): "大批台湾球迷聚集在某某
    巨蛋前" read the venue 大批台湾 (湾 a venue word; 众多 and 不少 were already no name's start, 大批, 一批, 大量
    and 许多 were not); "大批乘客挤满某某站" placed nothing, as 挤满 led to no place; "在某某画廊揭幕" placed nothing,
    as 画廊 was no venue word."""
    assert parse(text).location.sublocation == expected


@pytest.mark.parametrize("text, expected", [
    # a country's or a city-state's name, then only 馆, 展馆 or 国家馆: the expo's pavilion, no country of the scene
    ("图为在瑞士展馆,观众询问展品。", {"sublocation": "瑞士展馆", "country": None}),
    ("博览会首日,澳门馆门前排起长龙。", {"sublocation": "澳门馆", "country": None}),
    ("游客在沙特馆参观。", {"sublocation": "沙特馆", "country": None}),
    ("法國館前人潮湧動。", {"sublocation": "法國館", "country": None}),
    # the name or a word goes on: a curator, a collection, no pavilion
    ("美国馆长在仪式上致辞。", {"sublocation": None}),
    ("中国馆藏文物首次展出。", {"sublocation": None}),
])
def test_a_countrys_pavilion(text, expected):
    """`chinese_places._a_countrys_pavilion`: "圖為在瑞士展館,觀眾..." read the country 瑞士 and no venue (展館 alone
    names none), and "香港館門前排起長龍" nothing at all (a country opening a sentence and running on is a
    modifier). The country's name with a pavilion's word and nothing more is the pavilion, and the country names
    it, not the scene."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a city opens the sentence with what befell it; a later clause opens on its district, with its suffix, and a venue
    ("北京遭遇突发暴雨,朝阳区青枫路附近道路积水很深。", {"sublocation": "青枫路", "city": "北京"}),
    ("湖北武汉城区下起大到暴雨,上午8时许,武汉洪山区青枫路口积水成片。", {"sublocation": "青枫路", "city": "武汉"}),
    ("合肥市大雨倾盆,包河区青枫路积水成片。", {"sublocation": "青枫路", "city": "合肥"}),
    # a later clause that names no venue carries nothing on
    ("北京遭遇突发暴雨,朝阳区多处积水。", {"sublocation": None, "city": "北京"}),
])
def test_a_district_and_its_venue_in_a_later_clause(text, expected):
    """`chinese_places._chain_below` with `_clause_starts`: "北京遭遇突發暴雨,朝陽區某某路附近道路積水很深" read the
    city and no venue, as only a later 在 or 于 carried the chain on. A later clause that opens on a unit below the
    city, written with its suffix (the city written again before it or not), then a venue, carries it on; a bare
    city opening the sentence (武汉) is carried on only so."""
    place = parse(text).location
    assert {k: getattr(place, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a sentence wrapped onto the next line, which opens with a small letter: the first line is the body, no headline
    ("Chess is so popular here that in Quorva Park, a dozen of these\ntables stand under the plane trees, each "
     "one taken.", "Quorva Park"),
    ("Boats wait for the tide at Marrowby Harbour, where the\nferry to the islands leaves twice a day.",
     "Marrowby Harbour"),
    # a short line above a line that opens with a capital is still a headline passed over (its venue is taken only
    # when nothing else is placed, as a title's: ``locations._a_venue_named_again``)
    ("Quorva Park at dusk\nChess players gather under the plane trees in Lisbon, Portugal, on Sunday.", None),
])
def test_a_line_wrapped_mid_sentence_is_no_headline(text, expected):
    """`locations._runs_on`: `_first_body_sentence` passed over every short line without a closing stop as a
    headline, so a caption wrapped mid-sentence lost its first line, and with it the venue there. A line whose next
    line opens with a small letter, after one line break, is the body's first sentence running on."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a built site written kind first, in small letters, then what it holds or honours, after a preposition of place
    ("Mourners lay flowers at the monument to the Quorvan Defenders of Marrowgrad on Tuesday, May 9, 2026.",
     "monument to the Quorvan Defenders of Marrowgrad"),
    ("Pilgrims streamed on Sunday to the holy shrine of the eighth Quorvan Imam to pray for rain.",
     "shrine of the eighth Quorvan Imam"),
    ("Actors put on a play along the narrow street of Quorvejas, showing the life of the town's saint.",
     "street of Quorvejas"),
    ("Dancers gather each June at the nearby ruins of Quorvaman. (Photo/Ana Lima)", "ruins of Quorvaman"),
    # an area or a part of a town is no built site; nor is a statue (what is pictured, not where)
    ("Tourists stroll at the centre of Quorvaman on Sunday.", None),
    ("Crowds gather at the statue of Quorvan Marrow on Sunday.", None),
    # a place the gazetteer knows after "of" is a town's: its market is no site named apart
    ("Traders sell fruit at the market of Kabul on Monday.", None),
])
def test_a_site_named_by_its_kind_in_small_letters(text, expected):
    """`venue_spots.site_by_its_kind_english`: the chains read a venue by a capitalised venue word, and "of" a
    venue's name only when its own word closes it, so "at the monument to the Quorvan Defenders" gave nothing. When
    nothing else read a venue, a built site's kind in small letters, "of" or "to" and a name no gazetteer knows,
    after a preposition of place, is the sublocation."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue of a sentence the scene is not read from, written again, and nothing else placed: the place pictured
    ("Ana Lima: The Quorva Pier\n\nThese old timbers have stood for a century and more. The so-called Quorva Pier "
     "(Marrovian: Molo) was built by fishermen.", "Quorva Pier"),
    ("This morning.  Marrowby Airport.  The Duke and Duchess land in Marrowby for the last day of their visit. Crowds "
     "waited at Marrowby Airport.", "Marrowby Airport"),
    # a town placed: a venue written apart from the scene's sentence is not taken for the scene's, even named twice
    ("Tourists walk in Lisbon, Portugal, June 2, 2019. Marrowby Tower was restored last year; Marrowby Tower opens "
     "at nine.", None),
    # named once, it is not taken
    ("This morning. The Duke and Duchess land for the last day of their visit. Crowds waited at Marrowby Airport.",
     None),
])
def test_a_venue_named_again_when_nothing_else_is_placed(text, expected):
    """`locations._a_venue_named_again`: when no reader gave a sublocation, the venue of any sentence's place phrase
    is weighed (``venue_*`` in ``[value_scores]``, fitted out of fold on tune): the name written again in the caption
    and nothing else placed reach the threshold; either alone does not."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue heading a line of its own, by its own capitalised venue word, and nothing else placed: the place
    # pictured, as a gallery or a blog heads a picture with it (the title line first, or set below a dated line)
    ("Marrowby Wing Memorial\nWreaths laid by veterans and their families seen from the air.",
     "Marrowby Wing Memorial"),
    ("This morning.\n\nQuorvale Airport.\n\nThe prince and his wife step down to wave at the waiting crowd.",
     "Quorvale Airport"),
    ("First snow at Quorvido Shrine\n\nA print issued in 1904. Visitors sweep the steps before dawn.",
     "Quorvido Shrine"),
    # a kind of place with no name heading the line: what is pictured, not which one
    ("Train Station\n\nLindquay, the coast line (1889)", None),
    ("Bus Stop\n\nCommuters wait out the rain.", None),
    # a body's name, a name in capitals, a member's place after "of": no site pictured
    ("Marrowvian Coast Guard\n\nA cutter heads out before dawn.", None),
    ("QUORVA HARBOUR\n\nA cutter heads out before dawn.", None),
    # a line of more words than a title's, or a town placed: not taken on the line alone
    ("Volunteers spent the whole weekend at Quorvale Memorial Park\nThe grass was cut.", None),
    ("Quorvale Airport\n\nThe prince lands in Lisbon, Portugal, for his visit.", None),
])
def test_a_venue_heading_a_line_of_its_own_when_nothing_else_is_placed(text, expected):
    """`locations._a_venue_named_again` weighs a venue of any sentence when no reader gave a sublocation: a venue
    heading a short line of its own by its own capitalised venue word (``venue_own_line``, fitted out of fold on the
    study files) and nothing else placed reach the threshold, as the name written again does; a kind of place with
    no name (``[kinds]`` in ``place_evidence.toml``), a body's name, capitals, "of" or "near" give no such line."""
    assert sublocation(text) == expected


def test_only_sentences_holding_a_name_written_twice_are_read_for_a_venue_named_again():
    """`_a_venue_named_again` reads the chains of a sentence only when it holds a word not all in small letters that
    the caption writes twice (counted as `str.count` counts the venue, inside a longer word too): every venue read
    is a name, so no other sentence can hold one written again."""
    from catalog.captions.locations import _marked_words_twice

    text = "The pier at Quorva stands. The pier of Quorvan fishermen, 1939 and 1939."
    assert sorted(_marked_words_twice(text)) == ["1939", "Quorva", "The"]
    assert _marked_words_twice("Boats rest at the pier. Boats at dusk.") == ["Boats"]
    assert _marked_words_twice("boats rest at the pier at dusk") == []


@pytest.mark.parametrize("text, expected", [
    # a person's name, "of" and their home or their body opening the sentence: theirs, not the scene; a venue the
    # sentence places the scene in is taken instead
    ("Marta Quorvik of Lindow River with her two sons outside the Quorva showground after the flood.",
     "Quorva showground"),
    ("Pastor Jonah Wexley of Lindow Community Church hands over a cheque for the shelter.", None),
    ("Coach Ana Brelt of Marrow Valley High School and her team wait at Quorva Field.", "Quorva Field"),
    # whichever reader gives it: a line of places opened by a person's name
    ("Meet Dora Lindqvist of Tanauan, Batangas. At the market she weighs the fresh fish.", None),
    # a venue's own word before "of" is the venue's name, a body's noun a body's: both stay
    ("House of the Quorvan Guilds in Riga at dusk.", "House of the Quorvan Guilds"),
    ("Palace of Marrow Culture, lit for the new year.", "Palace of Marrow Culture"),
    # after "the" or a preposition it is no person's name: a room of a palace
    ("Pilgrims gather in the Sala Quorvina of the Lindt Palace.", "Sala Quorvina of the Lindt Palace"),
])
def test_a_persons_name_and_of_opening_the_sentence(text, expected):
    """`place_chains.a_person_of_a_place`: a subject read as one venue's name, "<a person's name> of <a place>", is
    the person's place (a member's, as after a titled name), not the scene; `a_persons_place` leaves out such a
    sublocation whichever reader gave it."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a site named by a capitalised name and its venue word in small letters, "the" right before it: the site
    ("Volunteers spent the weekend helping to resurface the Quorva-Lindt road. (File photo)", "Quorva-Lindt road"),
    ("Slide 4 The Marrowby Assembly building looks tiny beside the new towers.", "Marrowby Assembly building"),
    ("Beside the lake stands the Dorvane tower, which stores water for the whole district.", "Dorvane tower"),
    # a capitalised venue word needs no "the", as before
    ("Crews work to reopen Quorva-Lindt Road after the storm.", "Quorva-Lindt Road"),
    # no "the" before it: an unnamed kind, a person's trade, a verb
    ("A typical Marrowvian house near the coast.", None),
    ("Quorvan street artist Lindo paints a mural on a wall.", None),
    ("Pilgrims stream out of a chapel after the evening service.", None),
    # an owner's part named by its owner after "the": no site's own name; a common noun that "of" qualifies
    ("The admiral, who heads the Quorva Guard's Lindt area, speaks to the crews.", None),
    ("Critics say the Marrow complex of the league runs deep in Quorva.", None),
])
def test_a_site_named_with_its_venue_word_in_small_letters(text, expected):
    """`venue_spots.named_site_english` weighs a site's own words (``named_site*`` in ``[value_scores]``): a venue
    word in small letters after a capitalised name reaches the threshold only with "the" right before the name."""
    assert sublocation(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a sentence after a first that places nothing, placing the scene "outside" a venue: the venue, as "at" does
    ("This afternoon.\n\nOutside Quorva House.\n\nNurses and porters protest over pay.", "Quorva House"),
    ("Last week.\n\nThe vans park outside the Quorvane Museum, where every tour of the old quarter begins.",
     "Quorvane Museum"),
    # "near" a venue stays a landmark beside the scene
    ("Early light.\n\nNear Quorva House.\n\nNurses and porters protest over pay.", None),
])
def test_a_venue_outside_which_the_scene_is(text, expected):
    """`locations._placed_by_its_venue`: "outside" puts the photo at the venue's door, among the words that place
    the scene in a venue (``_INSIDE_THE_VENUE``), where "near" does not."""
    assert sublocation(text) == expected
