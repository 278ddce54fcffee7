"""The words the caption readers know: months, place suffixes, countries, states, provinces, cue words.

Everything here is data. The readers in ``credits.py``, ``dates.py`` and ``locations.py`` look words up in
these tables rather than spelling them out in code, so a new month abbreviation, venue word or country is a
one-line change. Agency names are not here: they are house rules, in ``catalog/rules/default.toml``.
All look-ups are by ``casefold()`` unless a table says otherwise.
"""

from __future__ import annotations

# --- dates -------------------------------------------------------------------------------------------------

#: month number -> the ways captions write it ("Sept." is AP style, "Oct" without a dot is China Daily style).
MONTHS: dict[int, tuple[str, ...]] = {
    1: ("January", "Jan.", "Jan"),
    2: ("February", "Feb.", "Feb"),
    3: ("March", "Mar.", "Mar"),
    4: ("April", "Apr.", "Apr"),
    5: ("May",),
    6: ("June", "Jun.", "Jun"),
    7: ("July", "Jul.", "Jul"),
    8: ("August", "Aug.", "Aug"),
    9: ("September", "Sept.", "Sept", "Sep.", "Sep"),
    10: ("October", "Oct.", "Oct"),
    11: ("November", "Nov.", "Nov"),
    12: ("December", "Dec.", "Dec"),
}

#: month number -> its name in the languages whose dates English captions from Europe and Latin America keep as
#: written ("le 28 juin 2019", "5 de mayo de 2018", "3. Oktober 2020"). Read only between a day and a year, where
#: none of them is an English word's place.
FOREIGN_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("janvier", "januar", "enero", "gennaio", "janeiro"),
    2: ("février", "fevrier", "februar", "febrero", "febbraio", "fevereiro"),
    3: ("mars", "märz", "marzo", "março"),
    4: ("avril", "abril", "aprile"),
    5: ("mai", "mayo", "maggio", "maio"),
    6: ("juin", "juni", "junio", "giugno", "junho"),
    7: ("juillet", "juli", "julio", "luglio", "julho"),
    8: ("août", "aout", "agosto"),
    9: ("septembre", "septiembre", "settembre", "setembro"),
    10: ("octobre", "oktober", "octubre", "ottobre", "outubro"),
    11: ("novembre", "noviembre", "novembro"),
    12: ("décembre", "decembre", "dezember", "diciembre", "dicembre", "dezembro"),
}

#: AP writes the weekday before the date: "Tuesday, March 4, 2014".
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Days named relative to an unknown day: kept as ``date_text``, never a date and never a kind.
RELATIVE_DAYS = (
    "yesterday", "today", "tonight", "last night", "this morning", "this afternoon", "this evening",
)

#: Words right before a date that make it a release date: "released by X on Oct. 1, 2025".
RELEASE_WORDS = frozenset({"released", "issued", "distributed", "published", "provided", "handed", "made"})

#: Words right before a date that make it the photo's date for certain: "taken on", "In this ... photo".
TAKEN_WORDS = frozenset({"taken", "shot", "captured", "photographed", "pictured", "filmed", "snapped"})

#: A date is background, not the photo's, when one of these words stands just before it (after skipping
#: "on", "in", "of", "the"): "born on", "since", "falls on", "until", "ahead of".
BACKGROUND_WORDS = frozenset({
    "born", "since", "until", "till", "before", "after", "between", "from", "through", "throughout", "by",
    "due", "scheduled", "slated", "expected", "planned", "falls", "fell", "founded", "established", "opened",
    "died", "killed", "began", "begins", "started", "starting", "ends", "ended", "ending", "last", "next",
    "ahead", "during", "as", "to", "prior",
})

#: Words within the five before a date that put it in the future or the past of the story: "will open on".
BACKGROUND_NEARBY = frozenset({"will", "shall", "would", "born", "since", "until", "till", "between", "posted",
                               "uploaded", "updated"})

#: Words within the four before a date without a year that make it another day than the photo's: "ahead of the
#: anniversary of its founding on April 23".
BACKGROUND_CLOSE = frozenset({"anniversary", "founding", "ahead", "falling", "falls", "scheduled", "due"})

# --- sentences and tokens ----------------------------------------------------------------------------------

#: Words ending in a dot that do not end a sentence.
ABBREVIATIONS = frozenset(
    [f"{m.casefold()}" for names in MONTHS.values() for m in names if m.endswith(".")]
    + """mon. tue. tues. wed. thu. thur. thurs. fri. sat. sun. st. skt. sv. mt. ft. pt. jr. sr. dr. mr. mrs. ms. prof.
    gen. gov. sen. rep. rev. lt. col. capt. sgt. no. nos. vs. ave. blvd. rd. co. corp. inc. ltd. approx. est.
    a.m. p.m. u.s. u.k. u.n. e.g. i.e. etc. ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan.
    ky. la. md. mass. mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa.
    r.i. s.c. s.d. tenn. vt. va. wash. w.va. wis. wyo. d.c. alta. nfld. n.w.t. ont. p.e.i. que. sask. qld.
    brgy. bgy. sto. sta. ul. jl. jln.
    """.split()  # (Canada's and Queensland's short forms, as their wires write them; the Philippines' barangay,
    # and Santo and Santa in Spanish and Filipino place names: "Brgy. Sto. Nino", "Sta. Cruz"; the street's word
    # of Poland and of Indonesia and Malaysia: "ul. Mariacka", "Jl. Sudirman")
)

#: Of those, the places' short forms: after one, a capitalised word that opens sentences ("in Yucaipa, Calif. A
#: couple's party ...", "in Washington, D.C. The fire ...") shows that the dot also ends the sentence.
PLACE_ABBREVIATIONS = frozenset("""u.s. u.k. ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. ky.
    la. md. mass. mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c.
    s.d. tenn. vt. va. wash. w.va. wis. wyo. d.c. sask. ont. que. nfld. qld.""".split())
#: Words that open a sentence and never continue a place's name or a title after a state's short form.
SENTENCE_OPENERS = frozenset({"a", "an", "the", "this", "these", "those", "he", "she", "it", "they", "we", "his",
                              "her", "their", "its", "there", "in", "on", "at", "after", "when", "some", "many"})

# --- places ------------------------------------------------------------------------------------------------

#: Prepositions that introduce a place. "any": the place may be a venue, a city, a province or a country
#: ("in Hefei", "march through Nanjing"); "venue": only a named site with a venue or village word ("at the
#: Luogang Park", "on Liberty Island", "to Haikou Meilan International Airport"); "near": a venue, or a
#: reference point whose province and country are kept ("a camp near Kabul, Afghanistan": Afghanistan, not
#: Kabul). "from" counts only after a verb of viewing
#: ("viewed from the Shanghai Financial Center building"); otherwise it gives an origin
#: ("from Dakar, Senegal").
PREPOSITIONS: dict[str, str] = {
    "in": "any", "inside": "any", "at": "venue", "on": "venue", "to": "venue", "of": "venue", "near": "near",
    "nearby": "near", "along": "venue", "across": "any", "around": "any", "outside": "near",
    "over": "any", "above": "venue", "beside": "venue", "into": "venue", "onto": "venue", "within": "venue",
    "through": "any", "under": "venue", "below": "venue", "atop": "venue", "from": "venue", "past": "venue",
    "behind": "venue", "beneath": "venue", "underneath": "venue", "alongside": "venue", "toward": "venue",
    "towards": "venue", "down": "venue", "up": "venue", "off": "venue",
}

#: Nouns in "in the outskirts of X", "in front of X", "at the foot of X": the preposition is taken whole.
#: The level says what X may be.
PREPOSITION_NOUNS: dict[str, str] = {
    "outskirts": "any", "suburbs": "any", "heart": "any", "downtown": "any", "centre": "any", "center": "any",
    "front": "venue", "foot": "venue", "top": "venue", "bank": "venue", "banks": "venue", "shore": "venue",
    "shores": "venue", "edge": "venue", "middle": "venue", "entrance": "venue", "gate": "venue",
    "summit": "venue", "side": "venue", "grounds": "venue", "site": "venue", "courtyard": "venue",
}

#: Words before "from" that make what follows a reference point ("40km from Zhangye city, ... Gansu
#: Province"): the point itself is left out, the larger places after it are kept.
DISTANCE_WORDS = frozenset({
    "km", "kilometers", "kilometres", "miles", "mi", "meters", "metres", "away", "far",
})

#: Verbs after which "from" gives the photographer's standpoint, a real place.
VIEWING_VERBS = frozenset({
    "viewed", "seen", "taken", "shot", "photographed", "pictured", "captured", "looking", "off", "departs",
    "departing", "launched", "launches", "leaves", "leaving", "emerges",
})

#: Words that may stand between a preposition and a name: "in the ancient city of Kashgar",
#: "in remote Jiaxian", "in northwest China's Gansu Province".
DESCRIPTORS = frozenset({
    "ancient", "old", "historic", "remote", "rural", "scenic", "downtown", "coastal", "mountainous", "border",
    "capital", "regional", "provincial", "southern", "northern", "eastern", "western", "central", "port",
    "southeastern", "southwestern", "northeastern", "northwestern", "north", "south", "east", "west",
    "northeast", "northwest", "southeast", "southwest", "mainland", "inland", "frontier", "famous",
    "picturesque", "small", "tiny", "new", "suburban", "nearby", "neighboring", "neighbouring",
    "eastern-most", "far", "upstate", "downstate", "outback", "northernmost", "southernmost", "easternmost",
    "westernmost",
})

#: Of those, the words that describe a wide area, no part of a city: "in upstate New York", "in rural Washington"
#: are the states (a side may be a city's quarter: "in northwest Washington" is the District's).
WIDE_AREA_DESCRIPTORS = frozenset({"rural", "upstate", "downstate", "outback", "coastal", "remote", "inland",
                                   "mountainous"})

#: Compass words before a country or province: "east China", "western Turkey", "the southern Gaza Strip".
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central",
    "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-east", "north-west", "south-east", "south-west", "far", "mainland",
    # hyphenated adjectives, as British and Asian English write them: "China's north-western Gansu province"
    "north-eastern", "north-western", "south-eastern", "south-western", "north-central", "south-central",
})

#: The kind of place in "the city of Kashgar", "the town of Xinshi", "the Mongkok district of Hong Kong".
KIND_LEVELS: dict[str, str] = {
    "city": "city", "town": "town", "village": "town", "township": "town", "county": "county",
    "district": "county", "prefecture": "county", "province": "province", "region": "province",
    "state": "province", "island": "venue", "capital": "city", "port": "city", "municipality": "city",
    "suburb": "town", "neighbourhood": "town", "neighborhood": "town", "favela": "town", "barrio": "town",
    "hamlet": "town", "commune": "town", "section": "town",
    "borough": "town", "settlement": "town", "pueblo": "town",
}

#: Words that end a place name, tried longest first, with the level the name then has and whether the
#: word is dropped from the value ("Anhui province" -> province "Anhui"; "Deqing County" -> city stand-in
#: "Deqing County", kept whole as the labelling rules ask).
PLACE_SUFFIXES: tuple[tuple[str, str, bool], ...] = (
    ("special administrative region", "city", True),
    ("autonomous region", "province", True),
    ("autonomous prefecture", "county", False),
    ("autonomous county", "county", False),
    ("new area", "county", False),
    ("new district", "county", False),
    ("province", "province", True),
    ("municipality", "city", True),
    ("governorate", "province", True),
    ("oblast", "province", False),  # "Kyiv Oblast": kept as written, as "Deqing County" is
    ("prefecture", "county", False),
    ("county", "county", False),
    ("district", "county", False),
    ("banner", "county", False),
    ("regency", "county", False),  # Indonesia's kabupaten: "Gianyar Regency", kept as written, as a county is
    ("upazila", "county", False),  # Bangladesh's sub-districts: "Batiaghata upazila", kept as written
    ("league", "county", False),  # Inner Mongolia's prefecture-level leagues: "Xilin Gol League"
    ("city", "city", True),
    ("sar", "city", True),
    ("township", "town", False),
    ("subdistrict", "town", False),
    ("ward", "county", False),
    ("community", "town", False),
    ("town", "town", False),
    ("village", "town", False),
    # the units below a district in Vietnam, France and Italy ("A Lu commune, Bat Xat district"), and the
    # settlement below a village ("Xa Phin hamlet"): kept as written, as a village is
    ("commune", "town", False),
    ("hamlet", "town", False),
    ("settlement", "town", False),  # an informal or a new village: "Kwa Quorva settlement of Machakos county"
    # a town's neighbourhood, below it as a village is ("the Puerto Nuevo neighborhood"), kept as written
    ("neighbourhood", "town", False),
    ("neighborhood", "town", False),
    # a Brazilian city's hillside quarter and a Spanish-speaking city's quarter, below it as a neighbourhood is
    # ("the Quorva favela of Rio de Janeiro", "the Quorva barrio of Caracas"), kept as written
    ("favela", "town", False),
    ("barrio", "town", False),
    # as the US wires write a city's neighbourhood ("the Kensington section of Philadelphia")
    ("section", "town", False),
    ("borough", "town", False),  # "the Brooklyn borough of New York"
)

#: The last words of a sub-district's name, a unit below a district that the labels give as the city, the district
#: holding it as the province ("Kamalganj upazila of Moulvibazar district"): Bangladesh's upazilas.
SUB_DISTRICT_WORDS = frozenset({"upazila"})

#: Korea's units below a county, written joined to the name by a hyphen ("Seongsan-ri, Hwachon-myeon, Hongcheon
#: county"): a village (-ri), a township (-myeon), a town (-eup) and a city's neighbourhood (-dong), each at the
#: level of a village, kept as written. The hyphen is required: "Pyeongchang" or "Andong" stay one name.
HYPHENED_TOWN_SUFFIXES = frozenset({"ri", "myeon", "eup", "dong"})

#: Words that open the name of a village or a neighbourhood, below the town, as "village" ends one: the Philippines'
#: barangay (written "Brgy." and "Bgy." too), sitio and purok ("Barangay Santo Nino, Bayugan", "Bgy. Taliptip,
#: Bulacan"), Indonesia's desa, kelurahan and dusun ("Desa Sukamaju"), Mexico's colonia, the Spanish aldea. Such a
#: name is a village (the sublocation), unless the gazetteer knows it as a city ("Colonia del Sacramento").
TOWN_PREFIXES = frozenset({"barangay", "brgy.", "bgy.", "brgy", "bgy", "sitio", "purok", "desa", "kelurahan", "dusun",
                           "colonia", "aldea"})

#: Words that open a region's name as Swiss and German usage writes it ("Canton Schwyz", "Kanton Bern"): the name
#: after the word is the province, when the gazetteer knows it as one.
PROVINCE_PREFIXES = frozenset({"canton", "kanton"})

#: Words that make a name a venue or site: the sublocation ("Luogang Park", "Great Hall of the People",
#: "al-Our village" is a village, above; "the Toowoomba range", a mountain range, holds no city).
VENUE_WORDS = frozenset("""
park square hall temple museum street road avenue lane alley hutong bridge lake river beach harbor harbour
pier wharf bay island islands mountain mountains hill hills peak valley canyon gorge forest grassland
grasslands desert wetland wetlands reserve garden gardens zoo aquarium stadium arena gymnasium gym center
centre station airport terminal market mall plaza hotel palace pagoda tower gate wall building church
cathedral mosque monastery shrine school university college campus library hospital base laboratory lab
institute academy theater theatre cinema farm port dam reservoir canal shoal reef atoll glacier cave caves
grottoes ruins site relics tomb tombs mausoleum memorial monument statue cemetery area zone courtyard
residence mansion factory plant mine dock shipyard workshop field fields oilfield orchard pasture ranch
terraces resort spot compound embassy consulate headquarters office ministry parliament capitol villa castle
fort fortress pavilion arch house waterfall falls spring springs pass plateau basin delta estuary lagoon
marsh coast peninsula cape prairie quarter bazaar avenue boulevard highway expressway railway tunnel
crossing checkpoint camp port
dome grandstand green greens arboretum cosmodrome spaceport circuit raceway racecourse racetrack speedway
velodrome ballpark promenade boardwalk esplanade quay marina embankment yard yards depot estate apartments
store chapel basilica abbey synagogue stupa convent priory minster kirk courthouse prison jail clinic
point headland cliff cliffs bluff crater volcano geyser fjord loch creek pond oasis isle islet archipelago
plantation vineyard masjid mandir mandapam gurdwara dargah ghat chowk maidan souk ballroom
jingu jinja taisha dera gung sanctuary chateau château palais schloss kloster stadion stade campus
pavillion lighthouse observatory planetarium gallery galleries pier terminal hangar bunker dockyard ground
grounds gateway stream intersection crossroads roundabout junction border
pool pools barn barns cannery showground showgrounds fairground fairgrounds bar pub tavern cafe café restaurant
bakery brewery distillery winery teahouse lookout viewpoint overlook court courts
lodge inn hostel guesthouse motel chalet cottage cottages bungalow bungalows homestay
strasse straße gasse platz allee straat plein gracht torv gade vej torg gatan katu
conservancy marae slum complex auditorium amphitheatre amphitheater coliseum citadel cenotaph fountain
waterfront seafront riverfront beachfront foreshore jetty slipway footbridge viaduct aqueduct causeway flyover
overpass barracks airbase airfield airstrip aerodrome casino arcade manor hacienda infirmary hospice seminary
mangroves swamp refuge dunes haor facility facilities shed sheds dzong riverbank riverside lakeside lakeshore
trail trails path peaks plain plains oval refinery smelter warehouse quarry colliery pyramid pyramids baths
co-cathedral conservatory kindergarten madrasa madrassa hermitage belfry parkway freeway motorway bypass turnpike
bagh mahal manjil manzil qila kund sarovar talab pokhari ashram haveli gurudwara mandi chowrangi saloon
meydanı meydani camii sarayı sarayi caddesi sokak köprüsü kulesi parkı çarşısı kirche brücke kerk brug kirke kyrka
slott havn hamn koen kōen yokocho ulitsa prospekt naberezhnaya sobor lavra náměstí namesti hrad tér tere utca híd
väljak laukums aikštė
barrage coastline meadow meadows clubhouse mawatha agora range ranges
greenhouse greenhouses mart circle schouwburg corniche colony foyer
terminus termini terrace downs
""".split())

#: Words that open a venue's name: "Wat Intharam Worawiharn", "Jalan Silang", "Parc des Princes", "Fort Hood",
#: "Mount Fuji", "Lake Baikal". A name the gazetteer knows as a city is a city all the same ("Fort Worth").
VENUE_PREFIXES = frozenset("""
wat jalan lebuh lorong gunung pura candi kampung masjid mount mt. lake fort camp parc place rue piazza
plaza praça praca parque plaza avenida calle via paseo stade stadio estadio palacio palazzo castello
schloss museo musee musée mercado marché gare estación pont ponte bahnhof platz tempio iglesia chiesa col
persiaran lebuhraya taman pantai pulau tasik dataran menara istana danau pasar jambatan gedung klenteng vihara
monumen alun-alun praia playa plage rua igreja mosteiro castelo puente catedral castillo teatro basilica duomo
lungomare galleria château chateau porte quai jardin église cathédrale basilique boulevard avenue palais hôtel
jebel jabal wadi qasr souq souk midan maydan thanon soi sanam chùa cầu phố chợ ploshchad rynek plac ulica zamek
dworzec plateia piața piata strada trg jl jl. jln jln. puerta porta portão largo cerro mirador
masjed meydan bagh khiaban borj kakh
santuario capilla convento monasterio ermita phnom bois michinoeki kibbutz moshav
""".split())
#: Persian joins a venue's word to its name with an ezafe ("Bazaar-e Vakil", "Masjed-e Jameh", "Bagh-e Fin"): such a
#: first word, without it, is a venue's word or one of VENUE_PREFIXES.
EZAFE_ENDINGS = ("-ye", "-e")

#: Venue words that also end towns' names ("Green Bay", "Beaver Creek", "Palm Springs"): a name the gazetteer
#: knows as a city of 40,000 or more is the city, and so is one written right before its state or country.
TOWN_LIKE_VENUE_WORDS = frozenset({
    "green", "point", "creek", "park", "springs", "spring", "falls", "harbor", "harbour", "beach", "heights",
    "hills", "bay", "gardens", "lake", "valley", "forest", "grove", "ridge", "rapids", "fort",
    "port", "bluff", "bluffs", "landing", "crossing", "station", "wells", "field", "fields", "center",
    "centre", "circle",  # "in Brooklyn Center, Minnesota", "Rockville Centre, N.Y.", "Social Circle, Georgia"
})

#: Venue words that end a few large towns' names too ("Highlands Ranch", "Staten Island"), but a site's far more
#: often before a state or a country ("the Quorvan Ranch, Montana", "on Achill Island, Ireland"): only a name the
#: gazetteer knows as a city of 40,000 or more is the city.
LARGE_TOWN_VENUE_WORDS = frozenset({"ranch", "island"})

#: Names of a quarter that many cities have ("Chinatown", "Little India", "Old Town"): a venue, never a town,
#: however a sentence writes it ("Smith Street in Chinatown.").
QUARTER_NAMES = frozenset({"chinatown", "koreatown", "japantown", "little italy", "little india", "little tokyo",
                           "little havana", "old town", "french quarter", "latin quarter"})
#: A city's parts by their position ("at the library in Midtown"): neither a town nor a venue of their own.
CITY_PART_NAMES = frozenset({"midtown", "uptown", "downtown"})

#: Venue words that name one place even alone after "the": "the Capitol", "the Kremlin".
PROPER_VENUES = frozenset({"capitol", "kremlin", "pentagon", "vatican", "parliament", "acropolis", "colosseum"})

#: Words that make a name an event, not a place: "Tokyo Olympics", "Auto China 2016 show", "World Wildlife Day".
EVENT_WORDS = frozenset("""
olympics olympic games festival fair expo week show conference congress summit forum championship
championships cup tournament match session sessions ceremony gala carnival parade marathon race exhibition
biennale concert competition contest celebration anniversary meeting assembly dialogue talks rally league
series open derby prix war day run regatta triathlon jamboree pageant
procession perahera matsuri jatra
""".split())
#: The weather's words closing a name make it an event too, as a picture's title names one ("Porthleven Storm -
#: January 2014"); only as the name's last word ("the Chena River Lakes Flood Control Project" is a site).
WEATHER_EVENT_WORDS = frozenset({"storm", "storms", "flood", "floods", "flooding", "blizzard"})

#: Prefixes of ships' names (navies', coast guards', research and merchant vessels'): "USS Gerald R. Ford", "HMS
#: Duncan", "HS Elli", "TCG Tokceada", "RV Investigator". A ship is no place on the map: the sea around it is.
VESSEL_PREFIXES = frozenset({"uss", "usns", "uscgc", "cgc", "hms", "hmas", "hmcs", "hmnzs", "ins", "rfs", "jds", "js",
                             "tcg", "hs", "fs", "bns", "pns", "kri", "rv", "r/v", "mv", "m/v"})

#: Words that open an event's name: "Operation Mountain Viper", "Exercise Cobra Gold".
EVENT_PREFIXES = frozenset({"operation", "exercise", "op."})

#: A person's titles: a name holding one is no place ("the 16th President"), and "of" after one names a title's
#: country, not the scene ("President of the United States", "Governor of Texas").
TITLE_WORDS = frozenset({
    "president", "presidents", "minister", "ministers", "premier", "governor", "mayor", "king", "queen",
    "prince", "princess", "emperor", "empress", "secretary", "ambassador", "chairman", "chairwoman",
    "chairperson", "ceo", "senator", "congressman", "congresswoman", "lawmaker", "envoy", "consul",
    "commissioner", "chancellor", "sultan", "emir", "sheikh", "pope", "archbishop", "bishop", "cardinal",
    "vice-president", "vice-premier", "spokesman", "spokeswoman", "spokesperson", "chief", "commander",
    "general", "director", "champion", "champions", "delegate", "delegates", "representative",
})

#: Occupations and ranks written before a person's name: "Nurse Gökalp Ballı of the Gevaş Public Health Center"
#: is a person and their post, no venue; "High Court Judge Quorva Menda" a court's judge, no court.
OCCUPATION_TITLES = frozenset({
    "nurse", "doctor", "dr.", "dr", "teacher", "professor", "prof.", "officer", "sgt.", "capt.", "lt.", "col.",
    "maj.", "pvt.", "cpl.", "sergeant", "captain", "lieutenant", "colonel", "major", "private", "corporal",
    "judge", "magistrate",
})

#: People named by where they come from: "of" after one names their origin, not the scene ("residents of
#: Beijing", "the people of Gaza").
ORIGIN_NOUNS = frozenset({"citizen", "citizens", "people", "residents", "resident", "native", "natives", "team",
                          "nationals", "delegation", "villagers", "students", "fans", "workers", "survivors"})

#: Off Earth: a name holding one of these is no place on Earth ("International Space Station", "lunar
#: farside"), so a photo taken there gets no location (the labelling rules).
OFF_EARTH = ("space station", "spacecraft", "lunar", "moon", "mars", "orbit", "orbiter")

#: Words for open water and the sky: never a city ("the South China Sea", "the Milky Way").
WATER_WORDS = frozenset({"sea", "ocean", "strait", "straits", "gulf", "channel", "way", "space", "orbit", "firth",
                         "sound"})

#: Lower-case nouns after a possessive that make the possessor a place: "in Beijing's northern suburb".
AREA_NOUNS = frozenset({
    "suburb", "suburbs", "outskirts", "downtown", "countryside", "border", "area", "areas", "region",
    "outskirt", "streets", "centre", "center", "east", "west", "north", "south", "coast", "capital", "port",
    "hinterland", "neighborhood", "neighbourhood", "quarter",
})

#: Administrative words of China whose autonomous-region names are shortened: "Guangxi Zhuang" -> "Guangxi".
ETHNIC_WORDS = frozenset({"zhuang", "hui", "uygur", "uyghur", "uighur"})

#: Place names that are cities, never provinces (the labelling rules: province stays empty).
MUNICIPALITIES = frozenset({"beijing", "shanghai", "tianjin", "chongqing", "hong kong", "macao", "macau"})

#: Countries that are one city: written alone they are the city ("on Orchard Road in Singapore").
CITY_STATES = frozenset({"singapore", "hong kong", "macao", "macau", "monaco", "vatican city", "vatican"})

#: China's provincial-level names, as captions write them without the word "province".
CHINA_PROVINCES = frozenset("""
anhui fujian gansu guangdong guizhou hainan hebei heilongjiang henan hubei hunan jiangsu jiangxi jilin
liaoning qinghai shaanxi shandong shanxi sichuan yunnan zhejiang guangxi ningxia xinjiang tibet
xizang
""".split() + ["inner mongolia"])

#: US states and the AP abbreviations for them, and other first-level regions written after a city
#: ("Rome, New York", "Beaver Creek, Minnesota", "Portland, Ore.", "Liverpool, England"); Canada's provinces
#: and territories with the Canadian Press abbreviations ("Biggar, Sask."), and Australia's states; South Korea's
#: provinces in the short forms its press writes ("Taean, Chungnam" for South Chungcheong).
STATES = frozenset(name.casefold() for name in """
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|
Illinois|
Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|
Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|
Oklahoma|
Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|
West Virginia|Wisconsin|Wyoming|D.C.|DC|Ala.|Ariz.|Ark.|Calif.|Colo.|Conn.|Del.|Fla.|Ga.|Ill.|Ind.|Kan.|Ky.|
La.|
Md.|Mass.|Mich.|Minn.|Miss.|Mo.|Mont.|Neb.|Nev.|N.H.|N.J.|N.M.|N.Y.|N.C.|N.D.|Okla.|Ore.|Pa.|R.I.|S.C.|S.D.|
Tenn.|Vt.|Va.|Wash.|W.Va.|W. Va.|Wis.|Wyo.|Qld.|Qld|Vic.|Tas.|NSW|N.S.W.|
England|Scotland|Wales|Northern Ireland|Ontario|Quebec|British Columbia|
Alberta|Manitoba|Nova Scotia|New South Wales|Queensland|Victoria|Tasmania|Bavaria|Catalonia|Gaza Strip|
West Bank|Kashmir|Punjab|Sindh|Okinawa|Hokkaido|Gyeonggi|Siberia|
Chungnam|Chungbuk|Gyeongnam|Gyeongbuk|Jeonnam|Jeonbuk|
Saskatchewan|New Brunswick|Newfoundland and Labrador|Newfoundland|Prince Edward Island|Yukon|Nunavut|
Northwest Territories|Alta.|B.C.|N.B.|N.L.|Nfld.|N.S.|N.W.T.|Ont.|P.E.I.|Que.|Sask.|
Western Australia|South Australia|Northern Territory|Australian Capital Territory
""".replace("\n", "").split("|"))

#: States that are also a city's name: alone ("in New York", "in Washington") they are the city.
STATE_CITIES = frozenset({"new york", "washington"})

#: Continents and wide regions: never a city, a province or a country.
REGIONS = frozenset({
    "africa", "asia", "europe", "antarctica", "arctic", "oceania", "latin america", "south america",
    "north america", "central asia", "southeast asia", "middle east", "east asia", "south asia",
    "west africa", "east africa", "the middle east", "moon", "earth", "mars",
})

#: Oceans and seas that captions name without their water word ("across the North Atlantic", "in the
#: Mediterranean"), a side word before them or not: open water, no town ("Atlantic" alone is a town in Iowa too,
#: but a caption's "the Atlantic" is the ocean). Read as no place, as "the North Sea" is.
OPEN_WATERS = frozenset({
    "atlantic", "pacific", "mediterranean", "caribbean", "adriatic", "aegean", "baltic", "tasman", "arabian gulf",
    "persian gulf",
})

#: Countries as captions write them. Names that stand for a longer one map to it ("U.S." -> "United States"),
#: following the labelling rules; the rest map to themselves.
COUNTRY_ALIASES: dict[str, str] = {
    "u.s.": "United States", "us": "United States", "usa": "United States", "u.s.a.": "United States",
    "united states of america": "United States", "uae": "United Arab Emirates",
    "u.a.e.": "United Arab Emirates",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "Britain", "great britain": "Britain",
    "the netherlands": "Netherlands", "the philippines": "Philippines", "the gambia": "Gambia",
    "the bahamas": "Bahamas", "the united states": "United States", "the united kingdom": "United Kingdom",
    "the united arab emirates": "United Arab Emirates", "the czech republic": "Czech Republic",
    "the democratic republic of congo": "Democratic Republic of Congo", "the maldives": "Maldives",
    "prc": "China", "the people's republic of china": "China", "people's republic of china": "China",
    "rok": "South Korea", "republic of korea": "South Korea", "dprk": "DPRK",
}

COUNTRIES = frozenset(name.casefold() for name in """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|
Botswana|
Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|
Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|
Dominica|Dominican Republic|Democratic Republic of Congo|Democratic Republic of the Congo|East Timor|
Timor-Leste|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|
Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Cote d'Ivoire|Jamaica|Japan|Jordan|
Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|
Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|
Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|
Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|
Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
Switzerland|
Syria|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkiye|Türkiye|Turkmenistan|
Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Vanuatu|
Vatican City|Venezuela|Vietnam|Viet Nam|Yemen|Zambia|Zimbabwe|Korea|Burma|Macedonia|
Democratic People's Republic of Korea
""".replace("\n", "").split("|"))

# --- credits -----------------------------------------------------------------------------------------------

#: Words in an organisation's name that make it a news or photo outlet (an agency), not an outside provider:
#: "Animal News Agency", "eastday.com", "Rex Features". An organisation without them is a provider when it
#: stands alone ("China Manned Space Agency", "CNSA/CLEP"), and an employer (agency) beside a photographer.
MEDIA_WORDS = frozenset({
    "news", "press", "daily", "times", "post", "online", "images", "image", "photo", "photos", "pictures",
    "media", "features", "television", "tv", "broadcasting", "herald", "tribune", "journal", "gazette",
    "wire", "newspaper", "magazine", "weekly", "telegraph", "guardian", "chronicle", "stock", "photography",
    "photographic",  # "(c) Octane Photographic": a picture firm, the agency, no person
    "publishing", "publications", "productions", "network", "channel", "radio", "studio", "studios",
    # newspapers' own nouns ("Windsor Star", "Irish Examiner", "Daily Mirror", "Orlando Sentinel")
    "star", "express", "observer", "courier", "examiner", "mirror", "sentinel", "inquirer", "enquirer",
    "bulletin", "dispatch", "globe", "independent", "advertiser", "gleaner", "clarion",
    # more of them, for papers our sets do not hold ("The Coastal Ledger", "Valley Courant", "Evening Standard");
    # not "Sun", "Bee", "Eagle", "Echo", which are as often a person's names
    "ledger", "register", "recorder", "telegram", "transcript", "courant", "intelligencer", "bugle",
    "messenger", "tidings", "argus", "beacon", "review", "statesman", "monitor", "citizen", "banner",
    "democrat", "republican", "leader", "record", "standard", "nation", "mail", "voice", "advocate", "patriot",
    "pioneer", "today",  # "USA Today", "Finland Today", "Malta Today"
    "pilot",  # "The Pilot", "The Quorvan-Pilot": a paper's title noun as old as "Courier"
    # an army's picture units, named as its credits name them ("Valcartier Imaging Services", "Combat Camera")
    "imaging",
    # the word for a newspaper in Japanese and Korean papers' names ("Asahi Shimbun", "Chosun Ilbo", "Hokkaido
    # Shinbun", "Kyunghyang Sinmun"): a paper's own file photo is the paper's, not a handout it was given
    "shimbun", "shinbun", "ilbo", "sinmun",
})

#: The media words that are people's names too ("Sean Weekly", "Emily Post", "Heath Ledger"): the only ones a name in
#: a byline's photographer slot may hold and still read as a person's. A name with another media word is an outlet
#: wherever it stands ("Quorva Herald/QNS", "Daily Lindt/Ana Ruiz", "Vellmar Media/CNSA"), as a paper's title
#: nouns ("Herald", "Sentinel", "Gazette", "Daily", "Media") are nobody's name.
MEDIA_WORDS_IN_NAMES = frozenset({"weekly", "post", "press", "star", "stock", "ledger", "messenger", "banner",
                                  "leader", "nation", "argus", "pioneer"})

#: The last words of a street's name, which no person's name ends with: "St. Vincent Street", "Gandhi Road".
STREET_WORDS = frozenset({"street", "road", "avenue", "boulevard", "highway", "expressway", "st", "rd", "ave",
                          "blvd"})

#: Web addresses that make a name an outlet: "chinadaily.com.cn", "eastday.com".
MEDIA_DOMAINS = (".com", ".cn", ".net", ".co", ".tv", ".news")

#: Words in an organisation's name (beyond the media words): "China National Space Administration".
ORGANISATION_WORDS = frozenset({
    "agency", "administration", "ministry", "department", "bureau", "office", "center", "centre",
    "university", "institute", "library", "museum", "archive", "archives", "association", "committee",
    "government", "police", "army", "navy", "force", "forces", "corporation", "company", "co.", "ltd", "ltd.",
    "group", "foundation", "society", "council", "authority", "commission", "team", "club", "fc", "afc", "project",
    "program", "programme", "observatory", "academy", "laboratory", "service", "services", "organization",
    "organisation", "federation", "union", "party", "court", "embassy", "coast", "guard", "military",
    "station", "administrative", "hospital", "school", "college", "zoo", "park", "nasa", "esa", "un", "who",
    "inc", "inc.", "llc", "studio", "studios", "collection", "command", "corps", "airlines", "airways",
    "republic", "kingdom", "china", "chinese", "global", "international", "national", "world", "asia",
    "pacific", "visual", "feature", "cf", "palace",
    "commons", "google",  # "Wikimedia Commons", "Google Street View": sites, never a person
    # an emergency service's words ("Quorva Fire and Rescue", "Lindt Wildfire"), never a person's name ("Fire" alone
    # is left out: "AFP PHOTO /Quorva Fire" cut at "and" is read with the provider the prose names)
    "rescue", "wildfire", "emergency", "emergencies",
    # bodies named in one word that hand pictures out ("Photo by Greenpeace"), never a person
    "greenpeace", "oxfam", "amnesty", "caritas", "interpol", "frontex", "wikipedia", "wikimedia",
})

#: Words that make an organisation a body handing out its own pictures (a handout's source), as against a picture
#: agency or a brand ("Feature China", "Global Look"): "Queensland Fire and Emergency Services", "Lindt Zoo".
HANDOUT_BODY_WORDS = frozenset({
    "department", "ministry", "office", "service", "services", "police", "fire", "wildfire", "rescue", "emergency",
    "sheriff", "sheriff's", "zoo", "aquarium", "university", "college", "school", "hospital", "museum", "library",
    "archive", "archives", "council", "authority", "administration", "bureau", "commission", "embassy", "government",
    "army", "navy", "guard", "command", "corps", "institute", "observatory", "laboratory", "foundation", "committee",
})

#: Last words of a place's name that no person's name ends with: "— Kent County" closing a caption is a
#: place, not a photographer. (Words that are also surnames, "Hall", "Park", "Ward", "Hill", "Bay", "Lane",
#: "Beach", "Street" (Ann Street/AFP), are left out; a street alone is STREET_WORDS' business.)
#: Last words of a body's name that no person's name ends with, though alone they are not an organisation's word
#: in every place ("Rural Metro Fire", "Quorva Fire": a fire service; "fire" inside a note stays a plain word).
BODY_NAME_ENDS = frozenset({"fire", "ems", "paramedics", "lifeguards"})

PLACE_NAME_ENDS = frozenset({
    "county", "district", "province", "prefecture", "municipality", "governorate", "oblast", "township",
    "subdistrict", "village", "city", "square", "airport", "stadium", "island", "islands", "river", "valley",
    "harbour", "harbor", "mountains",
})

#: Parts of a credit that are labels, not names: "REUTERS/Go Nakamura/File Photo",
#: "(AP Photo/Andy Wong, File)".
CREDIT_TAGS = frozenset({
    "file", "file photo", "files", "handout", "ho", "pool", "pool photo", "stringer", "str", "staff",
    "illustration", "photo illustration", "via", "-", "photo", "photos", "file image", "released", "release",
    # words that stand where a source would and name none ("Photo: Collected", "Photo: Supplied")
    "collected", "supplied", "agencies", "internet", "social media",
    # a community paper's words for a reader's picture, naming nobody ("Photo: Submitted", "/ Contributed")
    "submitted", "contributed", "submitted photo", "contributed photo", "supplied photo", "courtesy photo",
    "staff photo", "staff photographer", "photographer",
    # Indian and other papers' words for a picture whose source they do not name ("Photo: Special Arrangement",
    # "Photo: Representational Image", "Photo: Sourced")
    "special arrangement", "by arrangement", "arrangement", "courtesy", "sourced", "official", "archive",
    "representational", "representational image", "representational photo", "representative image",
    "representative photo", "representative", "illustrative image", "illustrative photo", "stock image",
    "stock photo", "reader submitted", "readers", "reader",
    "crown copyright",  # "[Picture: Richard Watt, Crown copyright]": the UK government's rights notice
    # how the picture was made, naming nobody who gave it: "(Screenshot)", "Video grab/Ann Ray"
    "screenshot", "screen shot", "screengrab", "screen grab", "screen capture", "video grab", "video still",
    "video screengrab", "video screenshot", "video screen grab", "public domain", "file picture", "file pic",
    "handout photo", "handout picture", "handout image",
    "pr",  # "Photograph: Ana Ruiz/PR": a public-relations picture, the firm or body that gave it unnamed
    "livepic",  # Reuters' tag on a sports desk's live pictures: "Reuters / Ana Ruiz Livepic"
    # AFP's tag on its best pictures of the day, as the first link of a chain: "TOPSHOTS/AFP PHOTO/Ana Ruiz"
    "topshot", "topshots",
})

#: Words that a name closing a caption with nothing saying it is a credit never holds: a web page's controls and
#: links ("Show Caption", "Enlarge This Image", "Related Stories"), greetings and holidays, topics. (Only for a name
#: alone: "Photo by Ana Good" is read as ever.)
NOT_NAME_WORDS = frozenset("""
share this that these related stories story follow us top special report reports see also full screen next
previous enlarge buy license licence more show hide toggle caption captions open close view gallery galleries
click here read thank thanks you your good morning evening night happy merry christmas eve year years new old
great human rights climate change holy lunar dead table town greater prime united nations breaking latest update
updated live watch video videos subscribe sign login comment comments print email advertisement sponsored continue
reading back home menu search page pages photo photos image images picture pictures slideshow download zoom
expand collapse credit credits copyright all rights reserved week weekend today tonight yesterday tomorrow
size filename resolution dimensions pixels megapixels
""".split())  # (the last row: a picture library's field labels, "- Image Size", set on lines like a credit's)

#: Tags that mark a handout: the organisations beside them are providers, not employers.
HANDOUT_TAGS = frozenset({"handout", "ho"})

#: A house's word for a picture supplied to it, in pinyin, which the sets keep as written for the provider ("Name /
#: Ti Gong": 提供, "provided", under a Shanghai paper's pictures): no outlet, though it reads as a name.
SUPPLIED_WORDS = frozenset({"ti gong"})

#: Sites whose one-word names a credit gives as a source, never a photographer ("Xinhua/Weibo").
PLATFORMS = frozenset({
    "instagram", "facebook", "twitter", "weibo", "youtube", "tiktok", "wechat", "douyin", "flickr", "x",
    "telegram", "snapchat", "linkedin", "reddit", "bilibili", "kuaishou", "xiaohongshu", "unsplash", "pexels",
    "pixabay",
})

#: Initials that are a person's title or degree after the name, not an outlet: "Ana Ruiz | CEO" is a name and
#: a post, where "Ana Ruiz | QDN" is a local paper's credit.
TITLE_INITIALS = frozenset({"CEO", "CFO", "COO", "MP", "MPP", "MLA", "MSP", "MD", "PHD", "DJ", "MC", "GM", "VP", "RN"})

#: Where Reuters and EPA editors' notes begin after a credit: the credit stops there.
EDITOR_NOTES = (
    "ATTENTION EDITORS", "THIS IMAGE", "EDITORIAL USE", "NO RESALES", "NO ARCHIVES", "MANDATORY CREDIT",
    "REFILE", "SEARCH ", "TPX", "PICTURE TAKEN", "Picture taken", "Purchase Licensing", "BEST QUALITY",
    "FOR EDITORIAL", "NO SALES", "NO COMMERCIAL", "HANDOUT EDITORIAL", "EDITOR'S NOTE", "Editor's note",
)

#: Parentheses that mark a position in the picture, never a credit: "(L)", "(2nd R)", "(centre)".
POSITION_WORDS = frozenset({
    "l", "r", "c", "left", "right", "center", "centre", "front", "back", "top", "bottom", "middle", "rear",
    "1st", "2nd", "3rd", "4th", "5th", "above", "below", "inset", "foreground", "background", "clockwise",
    # a picture's place in a set, spelt out: "(First photo) Cars in the first heat and (second photo) ..."
    "first", "second", "third", "fourth", "fifth", "last",
    "file", "file photo", "photo", "video", "cn", "pictured", "seated", "standing",
})

#: Nouns after which "of" names what the picture shows, not where it was taken: "takes photos of the
#: Forbidden City", "a view of the Great Wall".
SHOWN_NOUNS = frozenset({
    "photo", "photos", "picture", "pictures", "image", "images", "shot", "shots", "selfie", "selfies",
    "snapshot", "snapshots", "footage", "model", "replica", "portrait", "painting",
    # what a likeness shows is a person or a thing, not where it stands: "the statue of Athena", "a mural of Pele"
    "portraits", "paintings", "statue", "statues", "bust", "busts", "sculpture", "sculptures", "effigy",
    "effigies", "mural", "murals", "poster", "posters", "figurine", "figurines",
})

#: Nouns after which "of" names the scene itself, of any level: "A view of Yinchuan, capital of ...", "an
#: inspection tour of Kandy city".
VIEW_NOUNS = frozenset({"view", "views", "panorama", "skyline", "scenery", "landscape", "night", "aerial", "tour"})

def verb_forms(lemmas: str, *irregular: str) -> frozenset[str]:
    """Every form of each verb written as its lemma (the lemma, "-s", "-ing", "-ed"), with the `irregular` forms
    added, so a table of verbs names each verb once and no form is missed ("reach" gives "reaching" as it gives
    "reached").

    >>> sorted(verb_forms("cross leave", "left"))
    ['cross', 'crossed', 'crosses', 'crossing', 'leave', 'leaved', 'leaves', 'leaving', 'left']
    """
    forms = set(irregular)
    for lemma in lemmas.split():
        stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
        third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
        forms.update({lemma, third, stem + "ing", stem + "ed"})
    return frozenset(forms)


#: Verbs whose object, when it is a named venue, is the scene: "Tourists visit the Mogao Grottoes in ...",
#: "Photo taken on ... shows the Huajiang Grand Canyon Bridge in ...", "Fans packed Quorva Arena", "after reaching
#: the Santuario de Quorva", "The train is seen passing Quorva Railway Station". Each verb once, by its lemma.
VENUE_OBJECT_VERBS = verb_forms(
    "visit tour explore show enter overlook cross climb flock throng fill crowd pack leave depart reach pass",
    "shown", "left")

#: Lower-case words that may sit inside a place's name before its venue word: "Jiuzhaigou scenic area",
#: "Wolong national nature reserve", "Nanjing Road pedestrian street".
NAME_ADJECTIVES = frozenset({
    "scenic", "national", "nature", "ecological", "cultural", "tourist", "industrial", "high-tech",
    "economic", "development", "wetland", "forest", "geological", "memorial", "pedestrian", "commercial",
    "historic", "ancient", "old", "theme", "amusement", "wildlife", "botanical", "railway", "international",
    "science", "technology", "sports", "olympic", "exhibition", "convention", "bonded", "free", "trade",
    "pilot", "landing", "launch", "research", "training", "logistics", "border", "relocation", "ski", "tea",
    "folk", "heritage", "art", "arts", "tourism", "sightseeing", "container", "water", "night", "flower",
    "food", "snack", "music", "high-speed", "autonomous", "special", "administrative", "municipal",
    "medical", "public", "central", "main", "royal", "grand", "state",
})

#: Words that make a lone name a person's title before their name: "taken by astronaut Liu Boming".
PERSON_TITLES = frozenset({
    "astronaut", "astronauts", "photographer", "photographers", "reporter", "reporters", "correspondent",
    "journalist", "staff", "our", "xinhua", "volunteer", "resident", "villager", "photojournalist",
})

#: Short words that stay lower case inside a person's name: "Michael Noble Jr.", "Sameer Al-DOUMY",
#: "Luis de la Cruz".
NAME_PARTICLES = frozenset({
    "de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "la", "le", "bin",
    "ibn",
    "al", "el", "abu", "y", "jr.", "jr", "sr.", "ii", "iii",
    # Malay and Arabic: "Siti Aminah binti Yusof", "Nur bint Ali"; Sarawak's "anak" ("Jimmy anak Sali"); French
    "binti", "bint", "ibni", "anak", "du", "des",
})

#: Ranks and job titles written before a photographer's name in military and government credits: "U.S. Navy
#: photo by Mass Communication Specialist 2nd Class Jacob Mattingly", "U.S. Army photo by Sgt. Calab Franklin".
#: The name is what follows; each entry is a regex, matched at the start of the name, case ignored.
RANKS = (
    r"mass\s+communications?\s+specialist(?:\s+(?:seaman|1st|2nd|3rd)(?:\s+class)?)?",
    r"(?:chief\s+|senior\s+chief\s+|master\s+chief\s+)?petty\s+officer(?:\s+(?:1st|2nd|3rd)\s+class)?",
    r"(?:senior\s+|staff\s+|technical\s+|tech\.\s*|master\s+|chief\s+master\s+)?airman(?:\s+(?:1st|basic))?"
    r"(?:\s+class)?",
    r"(?:staff|tech\.?|technical|master|senior\s+master|chief\s+master|first|gunnery|1st|command)\s+sgt\.?"
    r"(?:\s+major)?",
    r"(?:staff|technical|master|first|gunnery|command)\s+sergeant(?:\s+major)?",
    r"sgt\.?(?:\s+1st\s+class|\s+maj\.?)?", r"sergeant(?:\s+first\s+class)?", r"lance\s+cpl\.?", r"cpl\.?",
    r"corporal", r"spc\.?", r"specialist", r"pfc\.?", r"pvt\.?", r"private(?:\s+first\s+class)?",
    r"(?:1st|2nd|first|second)\s+lt\.?", r"lt\.?\s*(?:col\.?|cmdr\.?|j\.?g\.?|gen\.?)?", r"lieutenant",
    r"capt\.?", r"captain", r"maj\.?", r"major", r"col\.?", r"colonel", r"cmdr\.?", r"commander",
    r"ensign", r"seaman(?:\s+(?:apprentice|recruit))?", r"cadet", r"warrant\s+officer(?:\s+[1-5])?", r"officer",
    r"chief",
    r"photographer(?:'s|’s|ís|s)?\s+mate(?:\s+(?:1st|2nd|3rd|first|second|third|airman)(?:\s+class)?)?",
    r"(?:senior\s+)?(?:staff\s+)?photographer", r"photojournalist",
    # the Royal Navy's and the RAF's photographers: "LPhot Dave Jenkins", "L(Phot) Dave Jenkins", "PO(Phot)"
    r"(?:l|po|cpo|ac|sac|cpl)\s*\(?phot\)?", r"leading\s+(?:airman\s+)?photographer",
    r"(?:special\s+|senior\s+|staff\s+|chief\s+)?correspondent", r"reporter", r"fireman(?:\s+apprentice)?",
    # academic and clerical titles, dropped as ranks are: "Photo by Dr. Ana Ruiz", "(Prof. Li Wen)"
    r"dr\.?", r"prof\.?", r"professor", r"rev\.?",
    # courtesy titles, dropped as ranks are: "Photo: Mr. Ana Ruiz", "© Mrs. Ana Ruiz"
    r"mr\.", r"mrs\.", r"ms\.",
    # police and sheriffs' offices' own: "(Photo by Deputy Ana Ruiz)", "Det. Ana Ruiz", "Sheriff's Deputy ..."
    r"(?:sheriff['’]s\s+)?deputy", r"det\.?", r"detective", r"trooper", r"constable",
    # the Canadian Armed Forces' own, as their imaging services write them: "MCpl Ana Ruiz", "Bdr Ana Ruiz"
    r"m\.?cpl\.?", r"master\s+corporal", r"m?bdr\.?", r"(?:master\s+)?bombardier", r"pte\.?", r"avr\.?",
    r"aviator", r"[mc]wo", r"s\.?lt\.?", r"l\.?col\.?", r"(?:leading|master)\s+seaman",
    # the British, Australian and New Zealand forces' own, written short with no stop: "LCpl Ana Ruiz", "Spr Ana
    # Ruiz", "Gnr", "Tpr", "Cfn", "WO2"; their navies' and air forces' imagery specialists: "ABIS", "LSIS", "LACW"
    r"l/?cpl\.?", r"spr\.?", r"gnr\.?", r"tpr\.?", r"cfn\.?", r"wo[12]", r"(?:ab|ls|po|cpo)is", r"lacw?",
)
#: Ranks written short that no given name is: after one, a surname alone is a name ("Photo by: Cpl. Ana" is
#: not, but "Cpl. Ruiz" is the corporal Ruiz), in small letters without the stop.
RANKS_WRITTEN_SHORT = frozenset({
    "cpl", "mcpl", "sgt", "ssgt", "spc", "pfc", "pvt", "pte", "bdr", "mbdr", "avr", "lt", "capt", "maj", "col",
    "lcol", "cmdr", "ens", "sra", "amn", "tsgt", "msgt", "cpo", "po1", "po2", "po3", "lcpl", "spr", "gnr", "tpr",
})
