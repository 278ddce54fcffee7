"""English cities: the shapes of a town the parser must take as the scene's (a title line above a body that places
nothing, ...) and the shapes it must leave alone, with captions written for these tests."""

from __future__ import annotations

import pytest

from catalog.captions import parse


def city(text: str) -> str | None:
    return parse(text).location.city


@pytest.mark.parametrize("text, expected", [
    # a title line naming a town the gazetteer knows, above a body that places nothing
    ("Morning nets on the lake shore in Kisumu\n\nMen mend the nets before the boats go out.", "Kisumu"),
    ("Harvest festival in Tamale\n\nDancers wait their turn behind the stage.", "Tamale"),
    # the body's own place wins over the title's
    ("Harvest festival in Tamale\n\nDancers wait their turn in Kumasi on Saturday.", "Kumasi"),
    # a name no table knows, read as a town by its shape alone, is as often an event's or a thing's
    ("Wrestling in Quorvandy\n\nTwo men grapple on the grass before the crowd.", None),
])
def test_a_title_line_above_a_body_that_places_nothing(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title naming a venue, then the town it stands in, above a body that places nothing: both are the scene's
    ("Quorva Library in Hue\n\nThe library went up around 115 AD and held thousands of scrolls.",
     ("Quorva Library", "Hue")),
    ("The Quorva Bridge in Kisumu\nMerchants built the bridge long ago, and it still carries carts.",
     ("Quorva Bridge", "Kisumu")),
    # the town after a named venue is the venue's town, known to the gazetteer or not
    ("Quorva Library in Quorvandy\n\nThe library went up around 115 AD.", ("Quorva Library", "Quorvandy")),
    # a line of places alone stays a place heading, with no venue
    ("Quorvandy, Ghana\n\nDancers wait their turn behind the stage.", (None, "Quorvandy")),
])
def test_a_title_naming_a_venue_and_its_town(text, expected):
    location = parse(text).location
    assert (location.sublocation, location.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a Vietnamese name closed by "An": a title's last words, or a place the gazetteer knows before a word
    ("Quorva Bridge in Hoi An\n\nThe bridge is older than the town's market.", "Hoi An"),
    ("As the mist lifts, the Quorva Bridge in Hoi An slowly comes into focus.", "Hoi An"),
    ("Boats wait for tourists in Hoi An on Monday.", "Hoi An"),
    # ...while "An" opening a phrase after a town is the article
    ("Boats moor in Hanoi An old man rows past them.", "Hanoi"),
])
def test_a_name_closed_by_an(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a lone name after "in" closing its clause at a semicolon, as at the sentence's end
    ("Fields lie under water in Quorvandy; the river rose overnight.", "Quorvandy"),
    # not a name running on into the clause
    ("Fields lie under water in Quorvandy fashion; the river rose overnight.", None),
])
def test_a_town_by_its_shape_closing_a_clause(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name no table knows, after a named venue and "in": the town holding the venue
    ("Volunteers sort rice sacks at the Mercy Grain Store in Quorvandy, before the rains come.",
     ("Mercy Grain Store", "Quorvandy")),
    ("Pupils sing in the yard of the Hope Primary School in Quorvandy on Monday.",
     ("Hope Primary School", "Quorvandy")),
    # beside a city the gazetteer knows, such a name is as often one of its districts: left out
    ("Shoppers crowd the Lucky Noodle House in Quorvandy. Rents in Chicago keep rising.",
     ("Lucky Noodle House", None)),
    # a name running on into the clause is no town
    ("Nurses meet at the Mercy Grain Store in Quorvandy style dresses.", ("Mercy Grain Store", None)),
])
def test_a_town_holding_the_venue_before_it(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # an Indonesian regency is a county: the town written before it is the city
    ("Kuta, Badung Regency\nSurfers wait for the swell off the reef.", "Kuta"),
    ("Quorvandy, Badung Regency\nSurfers wait for the swell off the reef.", "Quorvandy"),
])
def test_a_town_before_its_regency(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Queensland, Victoria and Tasmania as Australian blogs shorten them, after a town
    ("Blue Pool, Mackay, Qld\nKids cool off on a hot afternoon.", ("Mackay", "Qld")),
    ("Farmers sell mangoes at the market in Mackay, Qld, on Saturday.", ("Mackay", "Qld")),
    # and New South Wales, after "in" with a side of it
    ("Residents shovel mud in the small town of Quorvale in northern NSW on Monday.", ("Quorvale", "NSW")),
])
def test_an_australian_state_shortened(text, expected):
    found = parse(text).location
    assert (found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # the country written first, then a town too small for any table, before the date
    ("Peru, Quorvan Alto, march 2009 Women spin wool outside the school.", ("Quorvan Alto", "Peru")),
    # a town the gazetteer knows, so written, as before
    ("Peru, Cusco, march 2009 Women spin wool outside the school.", ("Cusco", "Peru")),
    # three names with the unknown one between: nothing placed by its position alone
    ("Peru, Quorvan Alto, Quorvan Bajo, march 2009 Women spin wool outside the school.", (None, None)),
])
def test_a_town_after_its_country(text, expected):
    found = parse(text).location
    assert (found.city, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a title's words before the places beside the date are left out, and the places after them read
    ("Girl + Kite, Quorvan Friends Trust, Quorvan Nagar, India, November 5, 2013 We walked the road at dusk.",
     ("Quorvan Nagar", "India")),
    # a venue first is the site of the unknown name after it, which is no town by its position alone
    ("Shoppers queue, Smith Street, Quorvandy, Singapore, May 3, 2019. The sale opened at noon.", (None, None)),
])
def test_the_places_after_a_title_beside_the_date(text, expected):
    found = parse(text).location
    assert (found.city, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # the places closing the scene sentence name its province again, and give the levels it left out
    ("Fishermen dry octopus in the sun in rural Crete, on 2 May 1984, Quorvan Gorge, Crete, Greece.",
     ("Quorvan Gorge", None, "Crete", "Greece")),
    # a closing list that names another province fills nothing
    ("Fishermen dry octopus in the sun in rural Crete, on 2 May 1984, Quorvan Gorge, Rhodes, Greece.",
     (None, None, "Crete", None)),
])
def test_places_closing_the_scene_sentence(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a short label of one line, its subject then a large city after a comma
    ("A spice seller, old bazaar, Karachi", "Karachi"),
    # a long sentence that names a city so in passing is no label
    ("The rally drew more people than any before it this year, organisers told reporters, Karachi", None),
    # after a town of the province of the second level that shares the city's name, the name is the province's
    ("Kawasan Falls near Moalboal, Cebu.", None),
    ("A fish stall by the Kawasan Falls, Cebu.", "Cebu"),
])
def test_a_label_closed_by_its_city(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name after "at", measured from a reference point, is a town, whatever tables know of it
    ("Herders water camels at Quorvandy, about 120 miles north of the capital Nairobi, where wells ran dry.",
     "Quorvandy"),
    ("Herders water camels in Quorvandy, 40 km east of the capital, Nairobi.", "Quorvandy"),
    # ...and a town on the outskirts of a city is the scene, the city its reference point
    ("Pilgrims light lamps in Quorvandy, on the outskirts of Kathmandu, on March 3, 2024.", "Quorvandy"),
    # a name after "at" with nothing measuring it stays no town
    ("Herders water camels at Quorvandy, where wells ran dry.", None),
])
def test_a_town_measured_from_a_reference_point(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # places set apart between bars at the caption's end
    ("Meet Jo, who keeps the old pumps running. | Quorvan Mine, Mackay |", ("Quorvan Mine", "Mackay")),
    ("Meet Jo, who keeps the old pumps running. | Quorvan Mine, Mackay", ("Quorvan Mine", "Mackay")),
])
def test_places_set_apart_between_bars(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # Vietnam's communes and hamlets below a district: the unit below the city, the district standing in for it
    ("Farmers plant rice in Quorvan commune, Bat Xat district, Lao Cai province, Vietnam, on Sept. 12, 2023.",
     ("Quorvan commune", "Bat Xat district", "Lao Cai")),
    ("Children walk to school in Quorvan hamlet of Dong Van district.", ("Quorvan hamlet", "Dong Van district", None)),
])
def test_a_commune_or_hamlet_below_its_district(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a small town the gazetteer knows, bare after "at" or "above", then the sentence's end or the photo's time
    ("Gulls wheel in the spray above Stornoway", "Stornoway"),
    ("The lifeboat crew trains at Llandudno on Sunday.", "Llandudno"),
    # a shop's name with its possessive, or a name running on, is no town
    ("Cars queue at McDonald's.", None),
    ("The lifeboat crew trains at Llandudno Pier Pavilion rooms.", None),
])
def test_a_small_town_bare_after_at_or_above(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # nothing dated, the first two sentences place nothing: a later one naming a town with its country places it
    ("Pictured: the boats at rest.\n\nThe crews wait for the tide before they load the nets.\n\nNets dry on the "
     "sand in Quorvantu, Sri Lanka, as the catch is sold.", ("Quorvantu", "Sri Lanka")),
    # a town alone, with nothing placing it, is as often background: left out
    ("Pictured: the boats at rest.\n\nThe crews wait for the tide before they load the nets.\n\nNets dry on the "
     "sand in Quorvantu as the catch is sold.", (None, None)),
])
def test_a_later_sentence_placing_a_town(text, expected):
    found = parse(text).location
    assert (found.city, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # "the X area of Y": a part of the town, then the town
    ("Rickshaws fill the lanes in the Quorvan area of Savar on Monday.", ("Quorvan area", "Savar")),
    # a name with a capitalised venue word before "of" stays one name
    ("Pilgrims gather at the Great Hall of the People on Monday.", ("Great Hall of the People", None)),
    # two names no gazetteer knows, then the large city holding them after "in"
    ("Boys fish at dusk in Quorvan, Tarrabel in Nairobi, Kenya.", ("Quorvan", "Nairobi")),
    # ... but after "of" the larger place is a district's territory, not a city holding the names
    ("Boys fish at dusk in Quorvan, Tarrabel of Barishal.", ("Tarrabel", "Quorvan")),
])
def test_a_part_of_a_town_named_before_it(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a labelled-field layout: the place is read from what "Caption:" opens, not from the fields above it
    ("Faculty researcher: Dr. Ana Ruiz, professor of Spanish in the Department of Languages, Literatures and "
     "Cultures\n\nPhoto credit: Dr. Ana Ruiz\n\nResearch Focus: What do we picture when we imagine the Andes?\n\n"
     "Caption: A first edition of the novel is kept in Arequipa, where she read it.", ("Arequipa", None)),
    ("Headline: Rally for the miners\n\nCaption:\n\nMarchers carry flags through the streets of Arequipa on Sunday.",
     ("Arequipa", None)),
])
def test_the_place_after_a_caption_label(text, expected):
    found = parse(text).location
    assert (found.city, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a city the gazetteer knows well opening the sentence as its subject: the place, when nothing else places it
    ("Harbour lights: Valparaíso glows at dusk as the ferries come in.", "Valparaíso"),
    ("Quorvandy City has two markets.", "Quorvandy"),
    # another phrase of the sentence places the scene: that one
    ("Lima has sent aid to the flood victims in Piura, Peru.", "Piura"),
    # a name no table knows, or a verb that makes it an actor, is no scene
    ("Quorvandy is decked with flags.", None),
    ("Lima announced new rules for buses.", None),
])
def test_a_city_as_the_sentences_subject(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a city the gazetteer knows, written as the owner of a thing before the scene's venue: the venue's town
    ("Hawkers crowd a stretch of Nairobi's busiest market on Biashara Street on Monday.",
     ("Biashara Street", "Nairobi")),
    # a club's player, win or fans: the team's, not the town of the ground
    ("Liverpool's striker celebrates against Newcastle at St James' Park on Sunday.", ("St James' Park", None)),
    ("Liverpool's late win at Stamford Bridge on Sunday.", ("Stamford Bridge", None)),
])
def test_a_city_owning_the_scenes_venue(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # Korea's village and township, joined to the name by a hyphen, below the county that stands in for the city
    ("Villagers plant rice by hand in Dogok-ri, Seomyeon-myeon, Yanggu county, Gangwon province, on Sunday.",
     ("Dogok-ri", "Yanggu county", "Gangwon")),
    ("Fishermen mend nets in Gampo-eup, Gyeongju, on Sunday.", ("Gampo-eup", "Gyeongju", None)),
])
def test_a_korean_village_written_with_its_hyphened_suffix(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a sub-district before the district that holds it: the sub-district stands in for the city, the district is
    # the province, whether written "of X district", "of X" or as the owner "X's"
    ("Boys fish in a pond at Koltapara village in Sadar upazila of Jhenaidah district on Friday.",
     ("Koltapara village", "Sadar upazila", "Jhenaidah district")),
    ("Women sort jute in Dhunat upazila of Bogura on Sunday.", (None, "Dhunat upazila", "Bogura")),
    ("Boats lie stranded in Rangpur's Gangachara upazila yesterday.", (None, "Gangachara upazila", "Rangpur")),
    # a sub-district owned by its district, through "'s" or "of": the sub-district stands in for the city
    ("Boys fish from a bamboo raft at Dhalgaon village of Jamalpur's Islampur upazila on Friday.",
     ("Dhalgaon village", "Islampur upazila", "Jamalpur")),
    ("Photo taken from Kumarpara area in Gabtali upazila of Bogura on 3 August.",
     ("Kumarpara area", "Gabtali upazila", "Bogura")),
])
def test_a_sub_district_before_its_district(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a town whose own name holds a possessive is one name, not an owner and its place
    ("Refugees queue for rice in Cox's Bazar, Bangladesh, on Monday.", "Cox's Bazar"),
    # an owner before its site still owns it
    ("Crowds fill Beijing's Tiananmen Square on Monday.", "Beijing"),
])
def test_a_town_named_with_a_possessive(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a large city the gazetteer holds under another spelling of its name ("Marrakesh")
    ("Tourists haggle over lamps in a Marrakech market on Sunday.", "Marrakech"),
    # a city named and then its district stays two names
    ("Veterans lay wreaths at the memorial in Washington DC on Monday.", "Washington"),
])
def test_a_city_spelled_another_way(text, expected):
    assert city(text) == expected


def test_another_name_altogether_is_no_spelling_of_a_city():
    from catalog.captions.gazetteer import name_levels

    assert name_levels("Hayden").city_population == 0  # an alternate name of Mesa, Arizona


@pytest.mark.parametrize("text, expected", [
    # "the village of X" with only its country named: the one settlement placed, the city
    ("Farmers who grow olives in the hill village of Quorvane talk about the harvest in Lebanon.",
     (None, "Quorvane")),
    # with a town or province named beside it, the village stays the sublocation
    ("Farmers pick olives in the village of Quorvane, near Tyre, Lebanon.", ("Quorvane", "Tyre")),
])
def test_a_village_placed_only_by_its_country(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a wire's picture number glued before the dateline's town
    ("APP23-150522ISLAMABAD: Children play cricket in a park on the eve of the holiday.", "Islamabad"),
    # the town alone opening the caption, as before
    ("ISLAMABAD: Children play cricket in a park on the eve of the holiday.", "Islamabad"),
])
def test_a_dateline_town_after_a_picture_number(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a part of a large city named by the city, opening the caption before a colon
    ("Downtown Nairobi: commuters queue for buses at dusk on Friday.", "Nairobi"),
    # a name that is itself known keeps its own reading ("Central Java" is a province)
    ("Central Java: farmers plant rice on the terraces.", None),
])
def test_a_part_of_a_city_heading_the_caption(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # three bare names ending with a province: the town's unit, the town, the province
    ("Pilgrims climb the steps around Bomunsa in Habdong, Jeolla Province, on Sunday.",
     ("Bomunsa", "Habdong", "Jeolla")),
    ("Fishermen haul their nets ashore in Bagumbayan, Tacloban, Leyte, on Monday.",
     ("Bagumbayan", "Tacloban", "Leyte")),
    # two names stay a town and its province
    ("Fishermen haul their nets ashore in Tacloban, Leyte, on Monday.", (None, "Tacloban", "Leyte")),
])
def test_a_unit_before_its_town_and_province(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # the city written as the modifier of the part's word, the part named after it
    ("Traders set up stalls in the Nairobi suburb of Kawangware on Saturday.", ("Kawangware", "Nairobi", None)),
    ("Boys play football in the Accra neighbourhood of Jamestown on Sunday.", ("Jamestown", "Accra", None)),
    # the part first, its city after the word
    ("Boys play football in the Jamestown neighbourhood of Accra on Sunday.",
     ("Jamestown neighbourhood", "Accra", None)),
])
def test_a_part_of_a_town_named_after_its_word(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # places closing a caption after an ellipsis, with no space after it: a sentence of places of its own
    ("The last bus home is always late…Linstead, St. Catherine", ("Linstead", "St. Catherine")),
    # a town before a parish that shares its name with a city abroad (England's Manchester): the parish
    ("Boys race their carts down the hill… Porus, Manchester", ("Porus", "Manchester")),
])
def test_a_town_and_its_parish_after_an_ellipsis(text, expected):
    found = parse(text).location
    assert (found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a town too small for the gazetteer and the year, set apart after the description: the town
    ("Girls carry water up from the river.  Vunisea, 2014", "Vunisea"),
    # a season or an agency's initials before the year is no town
    ("Girls carry water up from the river.  Spring, 2014", None),
    ("Girls carry water up from the river.  AFP, 2014", None),
])
def test_a_town_and_its_year_set_apart(text, expected):
    assert parse(text).location.city == expected


@pytest.mark.parametrize("text, expected", [
    # a state's postal code closing the sentence keeps no stop ("MT." is no "Mt.", a mountain's short form)
    ("Ranchers gather their cattle in Bozeman, MT.", ("Bozeman", "MT", None)),
    # "outside of" is "outside": a reference point whose state and country are the scene's
    ("Refugees queue for water outside of Mafraq, Jordan.", (None, None, "Jordan")),
    ("Ranchers gather their cattle outside of Bozeman, MT.", (None, "MT", None)),
])
def test_a_postal_code_and_outside_of(text, expected):
    found = parse(text).location
    assert (found.city, found.province, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a part of a town described by a word before its kind, then "of" and its town: the part, below the city
    ("Children queue for water in the Kibera shanty town of Nairobi, Kenya, on Monday.",
     ("Kibera", "Nairobi", "Kenya")),
    ("Boys play in the Baseco squatter district of Manila, Philippines, on Monday.",
     ("Baseco", "Manila", "Philippines")),
])
def test_a_described_part_of_a_town(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # the photo's day written before its month closes the town's phrase, as "on August 20" does
    ("Boats ferry families through the floods in Quorvandy on 14 September.", "Quorvandy"),
    ("Boats ferry families through the floods in Quorvandy on the 3rd of March.", "Quorvandy"),
    # a number that is no day of a month does not
    ("Boats ferry families through the floods in Quorvandy on 14 boats.", None),
])
def test_a_town_before_a_day_and_its_month(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a city whose name opens with a title, which the gazetteer knows as a sizeable city
    ("Volunteers sort donated coats at the food bank in Prince George on Tuesday.", "Prince George"),
    ("Tuna boats unload their catch at dawn in General Santos on Friday.", "General Santos"),
    # ...but a royal met at a place is no town
    ("Crowds wave flags as Prince Harry arrives in Cardiff on Tuesday.", "Cardiff"),
])
def test_a_city_named_with_a_title(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an appositive right after the scene's venue that calls it one of a known city's things: the city
    ("Pigeons gather in front of the Quorva Library, one of Kampala's oldest buildings.", "Kampala"),
    ("Pigeons gather in front of the Quorva Library, Kampala's oldest building.", "Kampala"),
    # not a possessive in a clause after the venue, nor a club's
    ("Pigeons gather in front of the Quorva Library, where Kampala's students meet.", None),
    ("Fans sing at the Quorva Library, Liverpool's fan base, before the match.", None),
])
def test_a_city_owning_the_venue_in_its_appositive(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a city written as the modifier of a public place's kind, a plain adjective before it
    ("Shoppers haggle over fish in a crowded Lagos market on Saturday.", "Lagos"),
    ("A boy kicks a ball down a quiet Lisbon street at dusk.", "Lisbon"),
    # ...but a maker's name before a factory is no town
    ("Workers assemble cars in a new Toyota factory.", None),
])
def test_a_city_as_the_modifier_of_a_place_after_an_adjective(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place heading whose town holds a particle joined by a hyphen, as Arabic names write their article
    ("Khan al-Quorva, Syria\nA boy carries bread home past shuttered shops on Sunday.", "Khan al-Quorva"),
    ("Ras el-Quorva, Lebanon\nFishermen mend their nets at dawn.", "Ras el-Quorva"),
])
def test_a_heading_town_with_a_hyphenated_particle(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a gallery's fields, one a line: the label "Place" alone, its value on the next line
    ("Morning market\nA vendor weighs chillies for a customer.\nShooting Date\nMay 2014\nPlace\nQuorva Market, "
     "Hanoi\nCamera\nNikon FM2", ("Quorva Market", "Hanoi")),
    # a line "Place" that is a sentence's word, not a field's label, gives nothing
    ("A vendor weighs chillies.\nPlace\nsettings were laid for the guests.", (None, None)),
])
def test_a_place_field_on_the_line_after_its_label(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a district written with its kind word after "at" is a unit of the map, as a known settlement is; the state
    # after a side and a people's adjective written without "the" is its province
    ("Boys wade through the flood at Quorvandi district, northeastern Indian state of Assam, on Monday.",
     ("Quorvandi district", "Assam")),
    ("A bus lies on its side at Quorvandi District, in Assam.", ("Quorvandi District", "Assam")),
    ("Water pours into Quorvandi district in Punjab province on Monday.", ("Quorvandi district", "Punjab")),
    ("Boats line the bank in Kochi, southern Indian state of Kerala.", ("Kochi", "Kerala")),
    # "at" before a name no table knows, without a kind word, is still no town
    ("A bus lies on its side at Quorvandi, after the rains.", (None, None)),
])
def test_a_district_by_its_kind_after_at(text, expected):
    found = parse(text).location
    assert (found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a district after a town, before the country, is the largest unit the caption gives: the province
    ("Tea pickers at work in Quorvandi, Belmora District, Nepal.", ("Quorvandi", "Belmora District")),
    # after a village or a site, the district holds it and stands in for the city
    ("Children play in the village of Quorvandi, Belmora District, Ukraine.", ("Belmora District", None)),
    ("Sacks of rice wait at Quorvandi Market in Belmora District, Malawi.", ("Belmora District", None)),
])
def test_a_district_after_a_village_or_a_town(text, expected):
    found = parse(text).location
    assert (found.city, found.province) == expected


@pytest.mark.parametrize("text", [
    "Whitby Storm - March 2015\n\nWaves break over the pier and the road behind it.",
    "Tamale Floods - August 2020\n\nFamilies carry their beds to higher ground.",
])
def test_a_title_naming_the_weather_is_no_town(text):
    # a name closed by a weather word is the storm's or the flood's title, never a town called "Whitby Storm"
    assert city(text) in (None, text.split(" ", 1)[0])


def test_a_site_with_a_weather_word_inside_its_name_stays_a_site():
    found = parse("Rangers count eggs at the Quorvan Lakes Flood Control Project in North Pole, Alaska.").location
    assert found.sublocation == "Quorvan Lakes Flood Control Project"


@pytest.mark.parametrize("text, expected", [
    # a picture "of" a town written with its state or country: the town is the scene
    ("Two pictures of Long Beach, Mississippi, after the surge.", ("Long Beach", "Mississippi")),
    # a town alone after "a picture of" is as often the subject of a story: left out
    ("A picture of Quorvandi hangs in the hall.", (None, None)),
])
def test_a_picture_of_a_town_placed_in_its_state(text, expected):
    found = parse(text).location
    assert (found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a dash before an appositive naming the kind of place joins as a comma would
    ("Shacks climb the hills of Quorvandi - a township in KwaZulu-Natal, South Africa.",
     ("Quorvandi", "KwaZulu-Natal", "South Africa")),
    # a dash before anything else closes the chain
    ("Shacks climb the hills in Durban - the rain has stopped.", ("Durban", None, None)),
])
def test_an_appositive_after_a_dash(text, expected):
    found = parse(text).location
    assert (found.city, found.province, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # "the picture is from" a town: the scene, even after sentences about the whole country
    ("Buses in Peru come in every colour. In Peru, a bus is never too full.\n\nThis photo is from Cusco, where the "
     "buses climb the steep streets.", "Cusco"),
    # ...while a person "from" a town comes from it, and is no scene
    ("A man from Cusco sells hats at the market.", None),
])
def test_the_town_a_picture_is_from(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text", [
    "A message in a bottle, sent across the North Atlantic by a trawler crew in June, washed up on a beach.",
    "Yachts race across the Tasman on the first day of the regatta.",
])
def test_an_ocean_named_without_its_water_word_is_no_town(text):
    assert city(text) is None


@pytest.mark.parametrize("text, expected", [
    # "X town" with its province outside China: the municipality, the city field, without the word
    ("Women queue for water in Kutum town, North Darfur, May 2, 2015.", ("Kutum", None)),
    # ...in China a township below the county (镇), the sublocation
    ("Farmers dry corn in Qiaotou town, Shanxi province, Oct. 2, 2024.", (None, "Qiaotou town")),
])
def test_a_town_named_with_its_word_after_it(text, expected):
    found = parse(text).location
    assert (found.city, found.sublocation) == expected


@pytest.mark.parametrize("text, expected", [
    # a two-word name ending in "Center" right before its state is the town, the venue inside it the sublocation
    ("Neighbours hold candles outside the library in Quorvan Center, Minnesota, May 4, 2021.", "Quorvan Center"),
    # ...and so is a name of three words that GeoNames holds as a town, written with its state
    ("Waves break over the dunes in Pine Knoll Shores, N.C., Saturday, Sept. 9, 2023.", "Pine Knoll Shores"),
    ("Residents bail out a flooded kitchen in Indian Rocks Beach, Fla., on Monday.", "Indian Rocks Beach"),
    # ...while a longer name no table holds stays the site
    ("Hikers rest in Quorva Cascades National Park, Washington, on Monday.", None),
])
def test_a_town_named_like_a_centre_before_its_state(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a town named like a site ("Creek"), after the venue and the photo's date, is the venue's town
    ("Fans rush the field at Quorvan High School on Friday, Sept. 9, 2022, in Maple Creek.", "Maple Creek"),
])
def test_a_town_named_like_a_site_after_the_date(text, expected):
    assert city(text) == expected
@pytest.mark.parametrize("text, expected", [
    # the small words inside a town's name in other languages join its capitalised words into one name
    ("Cyclists climb the pass above Quorvano di Sotto, Italy, May 4, 2024.", "Quorvano di Sotto"),
    ("Rowers train on the river at Quorvheim an der Elbe, Germany, on Sunday.", "Quorvheim an der Elbe"),
    ("Stalls line a street in Quorva de los Reyes, Mexico, Dec. 2, 2023.", "Quorva de los Reyes"),
    ("Boys play football in Tell el Quorva, Egypt, March 1, 2022.", "Tell el Quorva"),
    # and so in a heading before the date, with no preposition
    ("Quorvheim an der Elbe, Germany - 30.04.2019 A band plays on the square.", "Quorvheim an der Elbe"),
    # "an" is English's article unless "der" follows; a capitalised word ends the name ("Agusan del Sur")
    ("Crowds gathered in Dresden an hour before the match on Sunday.", "Dresden"),
    ("Pupils sing at a school in Bayugan, Agusan del Sur, on Monday.", "Bayugan"),
])
def test_a_towns_name_with_the_small_words_of_its_language(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name nothing knows, then a town GeoNames knows and nothing else does: the town, and its district
    ("Shoppers queue at a bakery in Quorvanda, Tidaholm, May 3, 2024.", ("Quorvanda", "Tidaholm", None)),
    ("A boy fishes off the pier at Quorvanda, Tidaholm.", ("Quorvanda", "Tidaholm", None)),
    ("A guide shows visitors round at Quorvanda, Tidaholm, where she has worked for years.",
     ("Quorvanda", "Tidaholm", None)),
    # after "at", a phrase running on past the town is no site in it
    ("A guide shows visitors round at Quorvanda, Tidaholm market stalls.", (None, None, None)),
    # a province after the name stays the province: the town's, not a town holding it
    ("Divers rest on the beach in Quorvanda, Bohol, May 3, 2024.", (None, "Quorvanda", "Bohol")),
])
def test_a_district_before_its_small_town(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city, place.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a town GeoNames knows, owning a public place named with its word: the town, and the place
    ("Worshippers leave after prayers at Tidaholm's Quorva Mosque on Friday.", ("Quorva Mosque", "Tidaholm")),
    ("Stalls fill Tidaholm's old Quorva Market on Saturday.", ("Quorva Market", "Tidaholm")),
    # a business is a person's as often as a town's: the possessive stays part of its name
    ("Craft lessons at Tidaholm's Quorva Art Centre on Friday.", ("Tidaholm's Quorva Art Centre", None)),
])
def test_a_small_town_owning_a_public_place(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a town GeoNames knows, qualifying a public place after "a", is weighed as a city is ("a Nuku'alofa cemetery")
    ("A family tends a grave in a Tidaholm cemetery.", "Tidaholm"),
    ("A man wheels a trolley past graffiti in a poor Tidaholm neighbourhood, Jan. 30, 2012.", "Tidaholm"),
    # a maker's or a faith's word before a place is no town
    ("Mourners gather in a Catholic church on Sunday.", None),
])
def test_a_small_town_qualifying_a_public_place(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a town GeoNames knows, right before the photo's date, outweighs a farther phrase naming a province as a city
    # would: the scene's town and day written together
    ("A guard keeps watch in Tidaholm on 4 August 2019 as the unrest in Kashmir goes on.", "Tidaholm"),
    ("Marchers wave flags in Tidaholm, Thursday, March 25, against the visit of a minister to Turkey.", "Tidaholm"),
    # beside a city the gazetteer knows, such a name is as often one of its districts: the city stays the answer
    ("A guard keeps watch in Tidaholm on 4 August 2019 as the unrest in Srinagar goes on.", "Srinagar"),
])
def test_a_small_town_right_before_the_date(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a named site, then a town GeoNames knows, written right before the photo's date: the site and its town
    ("Guards parade for the old Quorva Palace, Tidaholm, Sunday. A band plays.", ("Quorva Palace", "Tidaholm")),
    ("Two professors talk at Quorva Labs, St Quorva Street, Tidaholm, last night.", ("St Quorva Street", "Tidaholm")),
    # a name nothing knows there places nothing, as before
    ("Guards parade for the old Quorva Palace, Quorvandy, Sunday. A band plays.", (None, None)),
])
def test_a_site_then_its_small_town_before_the_date(text, expected):
    place = parse(text).location
    assert (place.sublocation, place.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a town outside China written "X town" is a municipality: the city field, no site within one
    ("At the bus station in Telmoka town.", (None, "Telmoka")),
    ("Women sort chillies at a market in Telmoka town in Sagar, Madhya Pradesh, India, 23 November 2014.",
     (None, "Sagar")),
    # China's towns are units below a county: the sublocation, with a Chinese province or a county beside them
    ("Farmers cut rice in Telmoka town, Sichuan province, on Sept 18, 2021.", ("Telmoka town", None)),
    ("Farmers cut rice in Telmoka town, Longnan county, on Sept 18, 2021.", ("Telmoka town", "Longnan county")),
])
def test_a_town_written_with_its_word_in_small_letters(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # the US wires' "the X section of City": a neighbourhood, then its city
    ("A man walks his dog in the Quorva section of Philadelphia on Monday.", ("Quorva section", "Philadelphia")),
    ("Playground in the Quorva section of Quorvandy\n\nThe area is old.", ("Quorva section", "Quorvandy")),
    # and a borough the same way: the city is the one it is a borough of
    ("Protesters gather outside City Hall in the Quorva borough of New York on Monday.", ("City Hall", "New York")),
    # ...while a section of a venue or a road is no neighbourhood
    ("Fans cheer in the VIP section of Quorva Stadium in Accra.", ("Quorva Stadium", "Accra")),
    ("Crews repair a section of Highway 1 near Quorvandy.", ("Highway 1", None)),
])
def test_a_section_of_a_city(text, expected):
    location = parse(text).location
    assert (location.sublocation, location.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a town's possessive before a word or two and a place's word: the town owns the place
    ("Stalls crowd in Hue's main market before dawn.", "Hue"),
    ("A man walks in Kisumu's busiest street on Monday.", "Kisumu"),
    # ...while a person's possessive before a thing owns no place
    ("In Mandela's memory, crowds sing in Soweto.", "Soweto"),
])
def test_a_towns_possessive_before_its_unnamed_place(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a lone name no table knows, called a town or a city by the appositive after it: the scene's town
    ("We stopped for lunch in Quorvandy, a small fishing town.", (None, "Quorvandy")),
    ("Carts wait in Quorvandy, a busy town at the foot of the hills, on Monday.", (None, "Quorvandy")),
    # ...while a village stays the village readers' (a sublocation as often as a town)
    ("Boats moor in Quorvandy, a village on the lake.", ("Quorvandy", None)),
])
def test_a_town_called_so_by_its_appositive(text, expected):
    location = parse(text).location
    assert (location.sublocation, location.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a gallery's label 'Site, Town' closing the line: the name after the named venue is its town
    ("Fishing boats at Quorva Harbour, Quorvandy.", ("Quorva Harbour", "Quorvandy")),
    ("Quorva Harbour, Quorvandy", ("Quorva Harbour", "Quorvandy")),
    # ...not a name that runs on into the sentence after its comma
    ("Fans at Quorva Stadium, Quorvandy, cheer the home side.", ("Quorva Stadium", None)),
])
def test_a_town_after_its_venue_and_a_comma_closing_the_line(text, expected):
    location = parse(text).location
    assert (location.sublocation, location.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a labelled place line 'Site, Quarter, City': the quarter nothing knows between the site and a large city
    ("Stalls sell dates before iftar.\nLocation: Quorva Bazaar, Quorvatown, Nairobi", ("Quorva Bazaar", "Nairobi")),
    # ...while a name before a country stays the town
    ("Stalls sell dates before iftar.\nLocation: Quorva Park, Quorvatown, Kenya", ("Quorva Park", "Quorvatown")),
])
def test_a_quarter_between_a_site_and_its_city_on_a_labelled_line(text, expected):
    location = parse(text).location
    assert (location.sublocation, location.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a picture site's labelled fields: "Shot At:", "Taken in:" give the place as "Location:" does
    ("Quorva Bazaar is the old town's market.\n\nShot At: Quorva Bazaar, Quorvatown, Nairobi.\nShot By: Nikon D60",
     ("Quorva Bazaar", "Nairobi")),
    ("A boy runs along the sea wall.\nTaken in: Quorvandy, Ghana", (None, "Quorvandy")),
    # ...not a time after the label
    ("A boy runs along the sea wall. Shot at: dawn", (None, None)),
])
def test_a_shot_at_label_gives_the_place(text, expected):
    location = parse(text).location
    assert (location.sublocation, location.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a side of a city the gazetteer knows, written before it in a name it does not know: the city
    ("Crowds fill the streets in Quorva East Beirut on Monday.", "Beirut"),
    ("Traders open their shops in Quorva Old Sanaa at dawn.", "Sanaa"),
])
def test_a_side_of_a_city_before_it_is_the_city(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an appositive calling the name a part of a larger place: "the heart of", "the edge of"
    ("Sunset in Quorvaville, the heart of old Beirut.", ("Quorvaville", "Beirut")),
    ("Stalls open in Quorvaville, the edge of Kisumu, at dawn.", ("Quorvaville", "Kisumu")),
])
def test_a_part_of_a_town_in_apposition(text, expected):
    location = parse(text).location
    assert (location.sublocation, location.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a picture's title: a city the gazetteer knows well, then the time of day it was seen
    ("Nairobi at dusk.", "Nairobi"),
    ("Kisumu by night", "Kisumu"),
    # ...not a name nothing knows, nor a clause about the city
    ("Quorvandy at dusk.", None),
    ("Nairobi at night has become dangerous, police say.", None),
])
def test_a_city_at_a_time_of_day(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a heading 'Region: Town' on a line of its own (a gallery's picture number may close it): the town
    ("Kenya: Kisumu\n\nFishermen mend their nets at dawn.", ("Kisumu", "Kenya")),
    ("Ghana: Quorvandy  picture 6\n\nFishermen mend their nets at dawn.", ("Quorvandy", "Ghana")),
    # ...not a sentence after the colon
    ("Kenya: Fishermen mend their nets at dawn.", (None, "Kenya")),
])
def test_a_town_after_its_region_in_a_heading(text, expected):
    location = parse(text).location
    assert (location.city, location.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a title's word before a spaced dash, then a city the gazetteer knows well: the city
    ("Sunset - Sharjah\nThe waterfront lights up by night.", "Sharjah"),
    # ...while a place heading's date or venue after its dash stays as read
    ("Berlin - 30.04.2019\nCrowds march through the centre.", "Berlin"),
    ("Regina, Saskatchewan - Wascana Waterfowl Park\nGeese land on the lake.", "Regina"),
])
def test_a_city_after_a_titles_dash(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a well-known city's possessive opening the sentence, then its own sights: the city pictured
    ("Nairobi's skyline at dusk.", "Nairobi"),
    ("Nairobi's streets are empty on Monday.", "Nairobi"),
    # ...not a city's official, nor a name nothing knows
    ("Nairobi's governor speaks to reporters in Mombasa on Monday.", "Mombasa"),
    ("Quorvandy's skyline at dusk.", None),
])
def test_a_citys_possessive_before_its_sights(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a city's centre written with a capital inside the sentence: the city, as "central Helsinki" is
    ("Police keep watch from a rooftop in Central Helsinki on Monday.", "Helsinki"),
    ("Commuters queue for buses in Downtown Nairobi at dusk.", "Nairobi"),
    # ...while a side that is a city of its own stays whole, and no city stands behind a region or a station
    ("Police patrol the streets in South Jakarta on Monday.", "South Jakarta"),
    ("Farmers plant rice in Central Java on Monday.", None),
    ("Commuters queue in Downtown Quorva at dusk.", "Downtown Quorva"),
])
def test_a_citys_centre_written_with_a_capital(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a town that ISO lists as a first-level municipality named after it, too small for the city table: the town
    ("A cold, windy day in Ulcinj, near the Albanian border.", ("Ulcinj", None)),
    ("Cruise ships moor in Kotor on Monday.", ("Kotor", None)),
    ("ULCINJ, Montenegro - Tourists walk along the beach.", ("Ulcinj", None)),
    # ...and so is one of Malta's local councils, named alone or as a possessive, with or without its dotted letters
    ("A van lies on its side on a hill road in Zebbug on June 2.", ("Zebbug", None)),
    ("Boys play football in Għaxaq’s square after school.", ("Għaxaq", None)),
    ("Pilgrims walk to the chapel in Gudja on Sunday. Photo: Quorva Lindt", ("Gudja", None)),
    # ...while a parish, which captions write as the province, stays one
    ("Fishermen haul their nets in Spanish Town, St Catherine, on Tuesday.", ("Spanish Town", "St Catherine")),
])
def test_a_town_named_as_its_municipality(text, expected):
    found = parse(text).location
    assert (found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a later sentence calling the scene's city its country's capital names the country
    ("Drummers lead a parade in Lusaka on May 2, 2019. Image copyright AFP\n\nIn Zambia's capital Lusaka, "
     "a drummer leads the parade.", ("Lusaka", "Zambia")),
    ("Crowds fill a square in Nairobi on Monday. In Kenya's capital city, Nairobi, the crowds kept growing.",
     ("Nairobi", "Kenya")),
    # ...but not another city's title, a capital of another name, nor a city the gazetteer puts elsewhere
    ("Crowds fill a square in Kumasi on Monday. In Ghana's capital Accra, the crowds kept growing.", ("Kumasi", None)),
    ("Crowds fill a square in Tripoli on Monday, as Lebanon's northern capital Tripoli marks the day.",
     ("Tripoli", None)),
    ("Crowds fill a square in Nairobi on Monday. In Ghana's capital Nairobi, the crowds kept growing.",
     ("Nairobi", None)),
])
def test_a_country_named_by_calling_the_city_its_capital(text, expected):
    found = parse(text).location
    assert (found.city, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a large city whose name the gazetteer also matches to its country through another language's name: the city
    ("Unionists march past the ministry in Tunis on Monday.", ("Tunis", None)),
    ("Unionists march past the ministry in Tunis, Tunisia, on Monday.", ("Tunis", "Tunisia")),
    # ...a country's own English name stays the country, its capital's namesake or not
    ("Unionists march past the ministry in Kuwait on Monday.", (None, "Kuwait")),
    ("Unionists march past the ministry in Djibouti on Monday.", (None, "Djibouti")),
])
def test_a_large_city_the_gazetteer_also_names_its_country_by(text, expected):
    found = parse(text).location
    assert (found.city, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a settlement is a unit below the town, as a village is: the sublocation, and a reference point after it
    # ("near Nairobi") is no city of the scene
    ("Residents wade through water in Kwa Quorva settlement of Machakos county near Nairobi, Kenya, on Monday.",
     ("Kwa Quorva settlement", None)),
    ("Families rebuild their homes in Quorva settlement, Kenya, on Monday.", ("Quorva settlement", None)),
])
def test_a_settlement_is_below_the_town(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a town GeoNames knows owns the public place named after its possessive: a pool, a bazaar, an arch, a hall
    ("Swimmers wait for the lanes to open in Colville's Quorva Memorial pool.", ("Quorva Memorial pool", "Colville")),
    ("Traders set out their stalls in Heatherton's Quorva Bazar area on Monday.", ("Quorva Bazar area", "Heatherton")),
    ("A wreath lies at the foot of Colville's Arch of Quorva.", ("Arch of Quorva", "Colville")),
    # ...while a name nothing knows is as likely a person's or a firm's: one venue, no town
    ("Swimmers wait for the lanes to open in Quorvale's Vintan pool.", ("Quorvale's Vintan pool", None)),
])
def test_a_towns_possessive_before_its_public_place(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a name described as a part of the place after "of" is that place's unit, and the place after "of" its town,
    # whichever of the two the gazetteer knows
    ("Graffiti covers a wall in Quorvel, an area of Veltrano whose history goes back centuries.",
     ("Quorvel", "Veltrano")),
    ("Fans gather in Quorvel, a busy suburb of Dunedin, on Friday.", ("Quorvel", "Dunedin")),
    ("Graffiti covers a wall in Zemun, an area of Surduk, on Monday.", ("Zemun", "Surduk")),
    ("A boy walks home in the Quorvel shanty town of Veltrano, Haiti, Friday, Oct. 1, 2021.", ("Quorvel", "Veltrano")),
    ("A boy walks home in the Cite Soleil shanty town of Port-au-Prince, Haiti, on Friday.",
     ("Cite Soleil", "Port-au-Prince")),
])
def test_a_part_described_before_its_town(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a heading's town closed by the line's full stop: the stop is no part of its name, known or not
    ("Ah here.\n\nQuorva Street, Carrick-on-Suir.\n\nVia a reader", ("Quorva Street", "Carrick-on-Suir", None)),
    # ...while a state's short form keeps its own
    ("Quorva Market, Salem, Ore.\n\nShoppers on Monday.", ("Quorva Market", "Salem", "Ore.")),
    # a town GeoNames knows, written right before its country or a province of two words with no comma
    ("Quorva Square, Boz-Beshik Kyrgyzstan\n\nDancers at Quorva Square.", ("Quorva Square", "Boz-Beshik", None)),
    ("Games were played at Quorva Pond in Mabou Nova Scotia on January 21, 2017.",
     ("Quorva Pond", "Mabou", "Nova Scotia")),
    # ...not a firm's name before its country, nor a name ending in a one-word province ("Tien Shan": Shan State)
    ("Customers queue at Safaricom Kenya offices in Nairobi on Monday.", (None, "Nairobi", None)),
])
def test_a_town_closed_by_a_stop_or_by_its_region(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a named venue in a town GeoNames knows weighs as a venue in a known city does, against a later phrase naming
    # only a country or a region
    ("Models walk on the Quorva Bridge in Bridgnorth, marking the end of restrictions in England from Monday.",
     ("Quorva Bridge", "Bridgnorth")),
    ("Members shave their heads at a rally outside the Quorva Embassy in Heatherton, urging an end to interference "
     "in South Korea's affairs.", ("Quorva Embassy", "Heatherton")),
    # ...a name GeoNames does not hold stays out
    ("Models walk on the Quorva Bridge in Quorvandel, marking the end of restrictions in England from Monday.",
     ("Quorva Bridge", None)),
])
def test_a_venue_in_a_town_geonames_knows(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a country's capital named after its people's adjective is its city, whether the gazetteer knows it or not
    ("Crowds march in the Sudanese capital Quorvel on Saturday, after two shootings.", "Quorvel"),
    ("Crowds march in the Serbian capital Belgrade on Saturday.", "Belgrade"),
    # ...while "the capital" alone before a name nothing knows places nothing
    ("Crowds march in the capital, Quorvel said on Saturday.", None),
])
def test_a_capital_after_its_peoples_adjective(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a dateline in capitals naming a town GeoNames knows, opening the caption before its colon or dash
    ("KIRKNEWTON: Cattle graze in the rain on Monday. - AFP", "Kirknewton"),
    ("SHIRLAND - Cattle graze in the rain on Monday.", "Shirland"),
    # ...not a heading's word, nor a name GeoNames does not hold, nor a town written in small letters
    ("WATCH: Cattle graze in the rain on Monday.", None),
    ("QUORVANDEL: Cattle graze in the rain on Monday.", None),
    ("Shirland: cattle graze in the rain on Monday.", None),
])
def test_a_small_towns_dateline_in_capitals(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a large city written as the owner of a thing, opening the title or after a preposition of place, when no
    # phrase places the photo: its city
    ("Mostar's old bridge glows at dusk as divers wait on the parapet.", "Mostar"),
    ("Festive crowds gather at Moscow's landmark squares", "Moscow"),
    ("Gdańsk's loveliest street is lined with amber shops.", "Gdańsk"),
    # ...not a town the gazetteer does not know, a person, a club's match, a player, nor a city of another country
    ("Quorva's old market at dawn.", None),
    ("Kant's home stands empty.", None),
    ("Barcelona's win sends the fans home happy.", None),
    ("Barcelona's Lionel Messi celebrates a goal.", None),
    ("Mostar's old bridge is copied in a park in Poland.", None),
])
def test_a_large_city_owning_the_thing_pictured(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a smaller town (or a hyphenated one) owning what only a town has, opening the title or after a preposition
    # of place: its city, as a large city's possessive is
    ("Kotor's historic walls glow at dusk.", "Kotor"),
    ("Festive crowds gather at Trebinje's landmark squares", "Trebinje"),
    ("Festive crowds gather at Khanty-Mansiysk's landmark squares", "Khanty-Mansiysk"),
    ("Shoppers fill Kotor's old town on Saturday.", None),  # (no preposition of place, not opening the sentence)
    # ...not before what a person, a team or a day owns as well, nor a town no table holds
    ("Trebinje's main square is busy on market day.", None),
    ("Trebinje's new coach watches from the bench.", None),
    ("Quorvandy's historic walls glow at dusk.", None),
])
def test_a_small_town_owning_a_towns_sight(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an event's name among the places beside the date, after a title of the match: the places after it
    ("Umpires walk off after the toss, Quorva v Veltria, Asia Cup, Lahore, June 26, 2008", "Lahore"),
    ("Fans cheer the team, World Cup, Rio de Janeiro, July 13, 2014", "Rio de Janeiro"),
    # ...but a town no table knows after the event stays out
    ("Fans cheer the team, Quorva Cup, Quorvaville, July 13, 2014", None),
])
def test_the_places_after_an_event_beside_the_date(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a sea's or a coast's name qualifying a port's or a town's kind: the town is the city, no venue
    ("Ships unload grain at the Black Sea port of Odesa on Monday.", (None, "Odesa")),
    ("Dockers rest at the Gulf port of Dammam, Saudi Arabia.", (None, "Dammam")),
    ("Fishermen mend nets in the Red Sea town of Quorva on Friday.", (None, "Quorva")),
])
def test_a_town_of_a_named_sea(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, venue, city", [
    # a sentence after one of background saying where the photo was: its place, read before the first sentence's
    ("A deputy minister speaks at the launch of a documentary on unsafe abortions in Zambia. This was at the "
     "Tolvenk Hotel in Marrowby.", "Tolvenk Hotel", "Marrowby"),
    ("Volunteers hand out food parcels to families across Kenya. This is in Quorvandi, a small fishing town.",
     None, "Quorvandi"),
])
def test_a_sentence_saying_this_was_there(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, city", [
    # an unnamed place after "at", "outside"..., then "in" and a town nothing knows, written as a town is
    ("A heron sits on a branch at a farm in Quorvenby", "Quorvenby"),
    ("Children play outside a school in Marrowdale on Monday.", "Marrowdale"),
    # ...but not after "from": where people come from
    ("Workers from a farm in Tolvenkby protest on Monday.", None),
])
def test_a_town_holding_an_unnamed_place(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, venue, city", [
    # a named village, then "in" and a town nothing knows closing the sentence: the village, in that town
    ("Quorva village in Marrowdale. The houses are under water now.", "Quorva village", "Marrowdale"),
    ("Visitors walk in Tolvenk village in Quorvenby.", "Tolvenk village", "Quorvenby"),
])
def test_a_town_holding_a_named_village(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, city", [
    # a small word that joins a town's name only where the gazetteer holds the whole: the whole town
    ("Cyclists gather in Bergen op Zoom, Netherlands, on a wet Sunday.", "Bergen op Zoom"),
    ("Pickets stand outside the distillery in Grantown on Spey on Tuesday.", "Grantown on Spey"),
    ("A ski jumper sails off the ramp in Mühldorf bei Feldbach, Austria.", "Mühldorf bei Feldbach"),
    ("Carpenters repair a statue in San Juan y Martínez on Friday.", "San Juan y Martínez"),
    # ...and elsewhere a word of the sentence: the town before it
    ("Commuters queue for buses in Quorvany on Monday morning.", "Quorvany"),
    ("Fans celebrate in Madrid y Barcelona after the final.", "Madrid"),
])
def test_a_town_named_with_a_small_word(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, city", [
    # "An" with a capital inside a sentence opening a town the gazetteer knows: the town, not the article
    ("Tanks roll past the old market in An Khê on April 30, 1975.", "An Khê"),
    ("Schoolchildren wave flags in An Lão in November 1965.", "An Lão"),
    # ...and the article where the two words are no town
    ("Students in Lyon stage An Evening with Quorva on Friday.", "Lyon"),
])
def test_an_opening_a_town(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, city", [
    # a gallery's line of fields, "Name | Town | Country": a town too small for the city table is the city when
    # GeoNames' towns hold it, or countrystatecity places it in the country written
    ("Inés | Huancané | Peru\nInés's photo: \"Reed boats wait on the shore at dawn.\"", "Huancané"),
    ("Tomás | Armero-Guyabal | Colombia\nTomás's photo: \"Children play football after school.\"", "Armero-Guyabal"),
    # ...and a name no table holds stays out
    ("Marta | Quorvany | Peru\nMarta's photo: \"A market at noon.\"", None),
])
def test_a_town_in_a_gallerys_field_line(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, city", [
    # the scene's phrase names only a country; another phrase names a town too small for the city table that the
    # town table places in that country: the town is the city
    ("Back home in Samarai last week, I walked past stalls of fish, the freshest in Papua New Guinea.", "Samarai"),
    # ...and a name no table places there stays out
    ("Back home in Quorvany last week, I walked past stalls of fish, the freshest in Papua New Guinea.", None),
])
def test_a_small_town_of_the_named_country(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, city", [
    # a named venue, a comma and a town GeoNames knows: weighed as "the venue in the town" is, against a later
    # phrase naming only a country
    ("Penguins keep cool at the zoo in Quorva Park, Haughley, as the heatwave goes on across the UK.", "Haughley"),
    ("Penguins keep cool at the zoo in Quorva Park in Haughley as the heatwave goes on across the UK.", "Haughley"),
    # ...and a name no table holds still gives way to the country's phrase
    ("Penguins keep cool at the zoo in Quorva Park, Quorvany, as the heatwave goes on across the UK.", None),
])
def test_a_known_town_after_its_venue_and_a_comma(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, venue, city, country", [
    # "Republic of", "Kingdom of" before a country: the state's own name, never a town between the scene's and it
    ("Ambulances arrive at the clinic in Quorvany, Republic of North Macedonia.", None, "Quorvany",
     "North Macedonia"),
    ("Pilgrims gather in Marrowby, Kingdom of Saudi Arabia, on Friday.", None, "Marrowby", "Saudi Arabia"),
    # ...and the town of that name where no country follows
    ("Storm damage on Main Street in Republic, Mo., on Monday.", "Main Street", "Republic", None),
])
def test_a_states_own_name_after_the_town(text, venue, city, country):
    found = parse(text).location
    assert (found.sublocation, found.city, found.country) == (venue, city, country)


@pytest.mark.parametrize("text, city", [
    # a town GeoNames knows whose name holds a title's or a water's word, placed by a comma and its state
    ("Mushers leave the start chute in King Cove, Alaska, on Sunday.", "King Cove"),
    ("Fans fill the bleachers at Quorva Stadium in Gulf Shores, Ala.", "Gulf Shores"),
    # ...and a person with a title, or a name no table holds, stays no town
    ("Crowds greet Prince William, Duke of Cambridge, in Cardiff.", "Cardiff"),
    ("Mushers leave the start chute in King Quorva, Alaska, on Sunday.", None),
])
def test_a_town_with_a_titles_word_before_its_state(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, venue, city", [
    # one bare local name "of" a city the gazetteer knows, smaller than the 100,000 a longer name needs: the name
    # is a place inside the city
    ("A fisherman casts his net near a beel in Quorvadi of Madaripur yesterday.", "Quorvadi", "Madaripur"),
    # ...not a body's, a title's or an event's word before "of", nor a city of few people
    ("Members of the Quorva Chamber of Commerce meet on Monday.", None, None),
    ("A fisherman casts his net near a beel in Quorvadi of Sayani yesterday.", None, None),
])
def test_a_local_name_of_a_smaller_city(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, city", [
    # "As" with a capital inside a sentence opening a town the gazetteer knows: Arabic's article, not "as"
    ("A boy tries on a mask in As Sūsah, Syria, on September 3.", "As Sūsah"),
    ("Rescuers dig through rubble in rebel-held As Salamīyah, Syria, on Monday.", "As Salamīyah"),
    # ...and the English word where the two words are no town
    ("As Quorva burns, a boy tries on a mask in Idlib.", "Idlib"),
    ("Crowds gather in Damascus as Quorva marks the day.", "Damascus"),
])
def test_as_opening_a_town(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, venue, city", [
    # a city the gazetteer knows written after "the" as the modifier of a part's word: the city, its part after "of"
    ("Two women walk along a dirt road in the Cyangugu suburb of Quorvamura at night.", "Quorvamura", "Cyangugu"),
    # ...and two names no table holds stay out
    ("Two women walk along a dirt road in the Quorva suburb of Marrowby at night.", None, None),
])
def test_a_smaller_city_before_its_suburb(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # a town's centre with a word describing it before "of" reads as "the centre of": the town after it
    ("Tourists walk in the historic center of Borgarnes on a cold morning.", None, "Borgarnes"),
    ("A church spire towers over the old centre of Pierzchnica.", None, "Pierzchnica"),
    # ...a venue after it stays the venue, and a name no table holds stays out
    ("Protesters march in the historic centre of the Quorva Estate.", "Quorva Estate", None),
    ("Tourists walk in the historic center of Quorvatown on a cold morning.", None, None),
])
def test_a_described_centre_of_a_town(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, city", [
    # a place the scene is compared with, after "like", "than" or "same as", is another town's, not the scene's
    ("The two stations in Charmouth are called Central and Queen St, same as in Glasgow.", "Charmouth"),
    ("Fans queue at the gates in Borgarnes, just like in Reykjavik.", "Borgarnes"),
    ("Streets in Pierzchnica are quieter than in Warsaw on a Sunday.", "Pierzchnica"),
    # ...and with no other place named, the scene is left out rather than taken from the comparison
    ("Fans queue outside, like in Glasgow.", None),
])
def test_a_place_compared_with_the_scene(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, venue, city", [
    # a town GeoNames knows owning a named part of itself: the part the venue, the town the city
    ("Red lanterns hang across an alleyway in Sekinchan's China Town area.", "China Town area", "Sekinchan"),
    ("Children play in Pierzchnica's Quorva area on Sunday.", "Quorva area", "Pierzchnica"),
    ("Children play in Pierzchnica's Chinatown on Sunday.", "Chinatown", "Pierzchnica"),
    # ...and an owner no table holds stays out of the city
    ("People in face masks walk in Quorvatown's Umeda area on Jan. 12, 2021.", "Quorvatown's Umeda area", None),
])
def test_a_towns_named_part_after_its_possessive(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city, agency", [
    # a site then its town set apart at a line's end, with no lead-in: where the picture is, not who gave it, though
    # the site's name holds a paper's word ("Times", "Herald", "Daily") that made it read as an outlet
    ("Meet the crew. | Quorva Times Mine, Townsville |", "Quorva Times Mine", "Townsville", None),
    ("Meet the crew. | Quorva Times Mine, Seacliff |", "Quorva Times Mine", "Seacliff", None),
    ("Crowds at dusk. | Quorva Herald Square, Townsville |", "Quorva Herald Square", "Townsville", None),
    ("Crowds. | Daily Quorva Market, Townsville |", "Daily Quorva Market", "Townsville", None),
    # ...an outlet's own name before a town stays a credit, and so does a site before a name no gazetteer knows
    ("Crowds. | Quorva Times, Townsville |", None, None, "Quorva Times"),
    ("Meet the crew. | Quorva Times Mine, Quorvandy |", None, None, "Quorva Times Mine"),
])
def test_a_site_and_its_town_closing_a_gallery_line(text, venue, city, agency):
    found = parse(text)
    assert (found.location.sublocation, found.location.city, found.credit.agency) == (venue, city, agency)



@pytest.mark.parametrize("text, venue, city", [
    # a dam, a coast, a meadow, a club's house and a Sinhala road ("Mawatha") name a site as a park or a beach does,
    # the town after it the city
    ("Dancers perform at Quorva barrage in Kathmandu on Thursday.", "Quorva barrage", "Kathmandu"),
    ("A supporter stands on the Quorva coastline in Los Angeles, California.", "Quorva coastline", "Los Angeles"),
    ("Cattle graze on Quorva meadow in Colombo on Friday.", "Quorva meadow", "Colombo"),
    ("Members gather at the Quorva clubhouse in Lilongwe, Malawi.", "Quorva clubhouse", "Lilongwe"),
    ("Navam Mawatha, Kadugannawa. Vesak Poya, May 2023.", "Navam Mawatha", "Kadugannawa"),
    ("A visitor walks on Quorva Mawatha, Kadugannawa.", "Quorva Mawatha", "Kadugannawa"),
])
def test_more_kinds_of_site(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # a site's kind written in small letters before a state is no town's name: a town writes "Beach" with a capital
    ("A man walks into the waves at Quorva beach, Nova Scotia, Aug. 29.", "Quorva beach", None),
    ("Hikers rest at Quorva creek, Minnesota, on Sunday.", "Quorva creek", None),
    # ...while the town's own name before its state stays the town
    ("A man walks into the waves at Quorva Beach, Nova Scotia, Aug. 29.", None, "Quorva Beach"),
])
def test_a_sites_kind_in_small_letters_before_its_state(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # a name ending in a word that ends towns' and sites' names alike, before its state or island, is the town
    # only where GeoNames or the city table holds a place of that name; else it is the harbour or the bay
    ("Fishing Boat Heading Home, Quorva Harbour, Crete.", "Quorva Harbour", None),
    ("Quorva Bay, Tobago", "Quorva Bay", None),
    # ...and a town of the name stays the town
    ("Storm clouds gather over Queen Creek, Arizona, on Monday.", None, "Queen Creek"),
    ("Firefighters work in Boiling Springs, Pennsylvania.", None, "Boiling Springs"),
])
def test_a_site_named_like_a_town_before_its_state(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # "a visitor to" puts the visitor at the place, as "visit" does: a bare name in its town is the venue
    ("A visitor to Quorva in northern Taipei makes the most of the fine weather on Sunday.", "Quorva", "Taipei"),
    ("Visitors to Quorvadale in Kathmandu watch the dancers on Saturday.", "Quorvadale", "Kathmandu"),
    # ...while a destination after another word's "to" stays no venue
    ("Buses to Quorva in northern Taipei were cancelled on Sunday.", None, "Taipei"),
])
def test_a_visitor_to_a_place(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue", [
    # a building's possessive before a named part of it: the building is the scene's venue, the larger one, as a
    # stadium's is before its gate ("General" in a hospital's name is no title's)
    ("Lawrence Menda became the first patient admitted to Quorva General Hospital's Duncan Wing on March 15.",
     "Quorva General Hospital"),
    ("Graduates gather at Quorva University's Menda Hall on Saturday.", "Quorva University"),
])
def test_a_named_part_of_a_building_after_its_possessive(text, venue):
    assert parse(text).location.sublocation == venue


@pytest.mark.parametrize("text, venue, city", [
    # a fair placed in its town is held on its fairground, the site the photo is at
    ("A girl shows her calf at the Quorva County Fair in Hayden on Aug. 18, 2022.", "Quorva County Fair", "Hayden"),
    ("Children race at the Quorvale Fair in New Hampshire on August 30, 2018.", "Quorvale Fair", None),
    # ...a fair placed by nothing stays an event, and other events after "at" are no venue
    ("Two wrestlers grapple at the Quorva Fair, held on the grassland of Hexigten.", None, None),
    ("Fans cheer at the Quorva Festival in Hayden on Aug. 18, 2022.", None, "Hayden"),
])
def test_a_fair_in_its_town(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue", [
    # a blog's date heading above the post's title: the title after it names the venue, as it would first
    ("Sunday, April 29, 2007\n\nQuorva Harbour\n\nA yacht under full sail heads out at the entrance to Quorva.",
     "Quorva Harbour"),
    ("29 April 2007\n\nQuorva Harbour\n\nA yacht under full sail heads out at the entrance to Quorva.",
     "Quorva Harbour"),
    # ...and a title the text never names again stays out, date or not, when the text places the scene in a town
    ("Sunday, April 29, 2007\n\nQuorva Harbour\n\nA yacht under full sail heads out to sea in Cascais, Portugal.",
     None),
])
def test_a_title_after_a_blogs_date_heading(text, venue):
    assert parse(text).location.sublocation == venue


@pytest.mark.parametrize("text, venue, city, province", [
    # a heading "Town, State" whose state is named like its capital: a town GeoNames knows far from the capital is a
    # town of the state, as the scene's phrase reads it, not a quarter of the capital
    ("Tamiahua, Veracruz\nMarch 3: Fishermen mend their nets by the lagoon. (PHOTO: ANA RUIZ/CUARTOSCURO.COM)",
     None, "Tamiahua", "Veracruz"),
    # ...a community within the capital's reach stays its quarter, and a name no table holds stays the venue
    ("Lerma, Campeche\nMarch 3: Fishermen mend their nets by the shore. (PHOTO: ANA RUIZ/CUARTOSCURO.COM)",
     "Lerma", "Campeche", None),
    ("Quorvales, Veracruz\nMarch 3: Fishermen mend their nets by the lagoon. (PHOTO: ANA RUIZ/CUARTOSCURO.COM)",
     "Quorvales", "Veracruz", None),
])
def test_a_town_in_a_heading_before_a_state_named_like_its_capital(text, venue, city, province):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == (venue, city, province)


@pytest.mark.parametrize("text, city", [
    # a town GeoNames knows opening the sentence, which the sentence says is a town or a city: the scene's town
    ("Besleti is a city of churches, many packed tightly into the old town.", "Besleti"),
    ("Kohlu is a small market town in the hills; here traders weigh wool.", "Kohlu"),
    # ...a name no table holds, and a town's name the sentence says is something else, stay out
    ("Quorvandy is a city of churches, many packed tightly into the old town.", None),
    ("Kohlu is a word the traders use for their presses.", None),
])
def test_a_town_the_sentence_says_is_one(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, venue, city, province", [
    # a name after "the" that the gazetteer knows only as a city abroad (Ganja, Azerbaijan, spelt Ganga), then "in" a
    # city of another country: a river or a site in that city, never a city holding it
    ("Pilgrims bathe in the Ganga in Mirzapur at dawn on Monday.", "Ganga", "Mirzapur", None),
    ("Pilgrims bathe in the Ganga in Chāmpa at dawn on Monday.", "Ganga", "Chāmpa", None),
    # ...a city and a state after it keep their levels
    ("Fans gather in Rome, New York, on Monday.", None, "Rome", "New York"),
])
def test_a_water_named_like_a_city_abroad(text, venue, city, province):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == (venue, city, province)


@pytest.mark.parametrize("text, city, country", [
    # a town GeoNames knows, then "near" a city: the scene is the town, placed by the city it is near
    ("Devotees draw holy water in Bhojpur near Kathmandu, Nepal, February 12, 2016.", "Bhojpur", "Nepal"),
    ("Farmers plant rice in Kusma near Pokhara, Nepal, on June 3, 2019.", "Kusma", "Nepal"),
    # ...a name no table holds before "near" leaves the city it is near, as before
    ("Devotees draw holy water in Quorvale near Kathmandu, Nepal, February 12, 2016.", "Kathmandu", "Nepal"),
])
def test_a_town_near_a_city(text, city, country):
    found = parse(text).location
    assert (found.city, found.country) == (city, country)


@pytest.mark.parametrize("text, venue, city", [
    # "the pueblo of X" names a town as "the town of X" does: the city field, whether the gazetteer knows it or not
    ("A Quechua woman sells bread in the pueblo of Tupiza in the south of the country.", None, "Tupiza"),
    ("A weaver at her loom in the small pueblo of Quorvale on a cold morning.", None, "Quorvale"),
    # ...a pueblo's own name, its word written after it, is left as it was read
    ("Dancers perform at Taos Pueblo, New Mexico, on Monday.", None, "Taos Pueblo"),
])
def test_the_pueblo_of_a_town(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, city", [
    # a town written after "the" as the owner of what only a whole town has, its skyline or its medina: the city,
    # though a town of under 100,000 people after "the" alone is no city
    ("A view over the Balanbale skyline towards the market, 05 August, 2013.", "Balanbale"),
    ("A madrasa right in the heart of the El Aïoun medina.", "El Aïoun"),
    # ...a name no table holds stays out
    ("A view over the Quorvandy skyline at dusk.", None),
])
def test_a_towns_skyline_or_medina(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, city", [
    # a picture's label, its title, its place and its year: a town too small for the city table, that GeoNames has
    ("Policeman, Gomunice (2023)", "Gomunice"),
    ("Market day, Kolbudy (c. 1985)", "Kolbudy"),
    # ...a name no table holds stays out
    ("Policeman, Quorvandy (2023)", None),
])
def test_a_labelled_pictures_small_town(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, venue, city", [
    # a short label of one line closed by a smaller city or a GeoNames town after a comma: the label's place
    ("St. Giles Church and square, Los Altos", "St. Giles Church", "Los Altos"),
    ("A fish stall, Mozang chowngi, Goth Garelo", None, "Goth Garelo"),
    # ...a name no table holds stays out, and a long sentence names a town so only in passing
    ("A fish stall, Mozang chowngi, Quorvandy", None, None),
    ("The stall has sold fish to the same families for three generations now, said Los Altos.", None, None),
])
def test_a_short_label_closed_by_a_small_town(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city, provider", [
    # brackets closing a line labelled "location:" hold the place's town, whatever the gazetteer knows of it, never
    # a credit: a town GeoNames alone holds is the city
    ("Mural by two artists location: Haarlemmerstraat (Papendrecht)", "Haarlemmerstraat", "Papendrecht", None),
    ("Mural by two artists location: Haarlemmerstraat (Amsterdam)", "Haarlemmerstraat", "Amsterdam", None),
])
def test_a_town_in_brackets_after_a_location_label(text, venue, city, provider):
    found = parse(text)
    assert (found.location.sublocation, found.location.city, found.credit.provider) == (venue, city, provider)


@pytest.mark.parametrize("text, city", [
    # a heading "Downtown X:" opening the caption, X a smaller city or a GeoNames town: only a town has a downtown
    ("Downtown Përmet: a statue of a war leader graces the main square.", "Përmet"),
    ("Downtown Tërbuf: a statue of a war leader graces the main square.", "Tërbuf"),
    # ...a name no table holds stays out
    ("Downtown Quorvandy: a statue of a war leader graces the main square.", None),
])
def test_a_downtown_heading_of_a_small_town(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, venue, city", [
    # a town GeoNames knows before ", outskirts of" a city (no article) is a town of its own beyond the city, as a
    # known city there is ("in Irpin, outskirts of Kyiv") and as "on the outskirts of" reads
    ("Troops cross a wrecked bridge in Okonsk, outskirts of Kyiv, Ukraine, Saturday, March 12, 2022.", None, "Okonsk"),
    ("A market in Okonsk, suburbs of Kyiv, on Monday.", None, "Okonsk"),
    # ...a name no table holds, "a suburb of" (the labels' part of the city) and "heart of" stay the city's part
    ("Troops cross a wrecked bridge in Quorvandy, outskirts of Kyiv, Ukraine, Saturday.", "Quorvandy", "Kyiv"),
    ("Troops cross a wrecked bridge in Okonsk, a suburb of Kyiv, Ukraine, Saturday.", "Okonsk", "Kyiv"),
    ("A market in Okonsk, heart of Kyiv, on Monday.", "Okonsk", "Kyiv"),
])
def test_a_town_before_outskirts_of_a_city(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # a site's word, then "of" a town GeoNames' table of towns holds in the country (or province) written right
    # after it: the site's town, as a known city there is ("the RA NA building of Yerevan, Armenia")
    ("Vases stand in the Ancient Agora of Diavatós, Greece, on Monday.", "Ancient Agora", "Diavatós"),
    ("Protesters outside the Quorva Freedom Hall of Meghradzor, Armenia, on Monday.", "Quorva Freedom Hall",
     "Meghradzor"),
    # ...a name no table holds stays a part of the site's name
    ("Tourists walk in the Roman Agora of Quorvandy, Greece, on Monday.", "Roman Agora of Quorvandy", None),
])
def test_a_site_of_a_small_town_before_its_country(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # a name closing in a word that closes towns' names as often as sites', written after a bare "in": the city the
    # table holds of it with 30,000 people or more (below 40,000 the words alone read a site)
    ("Fans cheer a touchdown at Quorva High School on Saturday, Oct. 8, 2022, in Oak Creek.", "Quorva High School",
     "Oak Creek"),
    ("Shoppers queue for the sales in Manhattan Beach.", None, "Manhattan Beach"),
    # ...not after "at" or "the", nor a smaller city of the table (a quarter as often), nor a name no table holds
    ("Surfers wait for a wave at Manhattan Beach.", "Manhattan Beach", None),
    ("Shoppers queue for the sales in Agoura Hills.", None, None),
    ("Shoppers queue for the sales in Quorva Creek.", None, None),
])
def test_a_city_named_like_a_site_after_in(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, city", [
    # a heading of two or three capitalised words opening the caption before its colon, a town GeoNames holds
    ("Chowki Jamali: Hens and camels gathered in crowds at the Quorva Centre on Saturday.", "Chowki Jamali"),
    ("Banatski Despotovac : old tanks and guns on show outside the Quorva Citadel", "Banatski Despotovac"),
    # ...one word stays out (a heading's word is a GeoNames town as often: "Hope"), and so do words no table holds
    ("Kohlu: Hens and camels gathered in crowds at the Quorva Centre on Saturday.", None),
    ("Quorva Lindt: Hens and camels gathered in crowds at the Quorva Centre on Saturday.", None),
])
def test_a_heading_town_of_two_words(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, city", [
    # one name set off by commas right before the photo's date, a town GeoNames holds: the scene's town and day
    ("Players leave the pitch; the home side lost 0-1, Neder Vindinge, 12 June 2021.", "Neder Vindinge"),
    ("Voters queue after two terms of the president, Shahrak-e Nāmjū, June 18, 2021.", "Shahrak-e Nāmjū"),
    # ...a name no table holds, and a region after a side's word, are none
    ("Players leave the pitch; the home side lost 0-1, Quorvandy, 12 June 2021.", None),
    ("Farmers pray at the graves in central Quorvandy, July 25, 2011, before the holy month.", None),
])
def test_a_town_set_off_before_the_date(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, venue, city", [
    # "in" a town GeoNames holds right after a site its province owns: the site's town, as a known city there is
    ("Crowds fill the Quorva Garden at sunset over Kashmir's Dal Lake in Anantpur May 3, 2015.", "Quorva Garden",
     "Anantpur"),
    # ...a name no table holds stays out
    ("Crowds fill the Quorva Garden at sunset over Kashmir's Dal Lake in Quorvandy May 3, 2015.", "Quorva Garden",
     None),
])
def test_a_town_after_a_site_its_province_owns(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, venue, city", [
    # names nothing knows before "in" a town GeoNames holds (no city of the table, no province): the town's sites
    ("Tourists pack the site in Quorvanon, Lindtopolis in Árma, Greece, on Monday.", "Quorvanon", "Árma"),
    ("A fisherman heads home near a beel in Quorvashan in Sayani yesterday.", "Quorvashan", "Sayani"),
    # ...before "in" a name no table holds, nothing is the city
    ("A fisherman heads home near a beel in Quorvashan in Lindtpur yesterday.", None, None),
])
def test_unknown_names_before_in_a_geonames_town(text, venue, city):
    found = parse(text).location
    assert (found.sublocation, found.city) == (venue, city)


@pytest.mark.parametrize("text, city", [
    # a city the table holds whose last word is an event's word too: the city ("Khai Gala", "Lee's Summit")
    ("A vintage car is shown at a show in Khai Gala on Thursday November 24, 2011.", "Khai Gala"),
    # ...a name no table holds so ended stays an event, and the city after it is read
    ("Stars arrive at the Quorva Gala in New York on Monday.", "New York"),
])
def test_a_city_named_with_an_events_word(text, city):
    assert parse(text).location.city == city


@pytest.mark.parametrize("text, expected", [
    # an archive's tag in square brackets naming the story, then the dateline opening the caption: the dateline's
    # town and state, not a town the body names later
    ("[Hurricane Quorva] Lafayette, La., May 3, 2006 - A volunteer, who taught at a school in Houston, sorts "
     "donated clothes.", ("Lafayette", "La.")),
    ("[Quorva Storms/Flooding] Bismarck, ND, 04/12/1997 -- Residents fill sandbags to hold back the river.",
     ("Bismarck", "ND")),
    # a tag before a sentence that opens with no place leaves the scene's phrase to be read as before
    ("[Video] A volunteer sorts donated clothes at a shelter in Houston.", ("Houston", None)),
])
def test_a_dateline_after_a_topic_tag_in_brackets(text, expected):
    found = parse(text).location
    assert (found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a village abroad, qualified by its country's adjective, that GeoNames holds as a town: the city field, as
    # "the Syrian town of ..." is
    ("Penitents walk in a procession in the Spanish village of Tarazona on Thursday.", ("Tarazona", None)),
    # a name the gazetteer does not know stays a village, the sublocation
    ("Penitents walk in a procession in the Spanish village of Quorvanes on Thursday.", (None, "Quorvanes")),
])
def test_a_village_abroad_named_with_its_countrys_adjective(text, expected):
    found = parse(text).location
    assert (found.city, found.sublocation) == expected


@pytest.mark.parametrize("text, expected", [
    # a town of several words that GeoNames holds, written after a direction: the city, as "central Tokyo" is
    ("Shoppers queue outside a bakery in central South Molton on Saturday.", "South Molton"),
    ("Neighbours clear fallen branches Tuesday in southeast Chevy Chase.", "Chevy Chase"),
    ("Stalls line the square in central Bradford-on-Avon. Jo Ruiz/Quorva Press", "Bradford-on-Avon"),
    # one word after a direction is as often a region or an island a small town shares its name with
    ("Marines train during an exercise in central Luzon.", None),
    ("Floods cut the roads in northern Bohemia on Sunday.", None),
    # several words closing in a landform's word are a region still, and a name nothing knows stays out
    ("Hikers rest by a hut in the northern Blue Ridge on Sunday.", None),
    ("Farmers bring in the harvest in central Quorva Vale on Sunday.", None),
])
def test_a_town_of_several_words_after_a_direction(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a people's adjective and "capital" before a name, with no "the" (a wire's headline style): the name is the
    # country's capital, the city, known to the tables or not, as after "the"
    ("People shop at a market in Cambodian capital Quorvapenh, Oct. 25, 2021.", "Quorvapenh"),
    ("Farmers harvest rice in Quorva Village in Lao capital Lindtane, Oct. 25, 2021.", "Lindtane"),
    ("People shop in the Lao capital Lindtane on Monday.", "Lindtane"),
    # "capital" before a word in small letters names no town
    ("Investors left Cambodian capital markets on Monday.", None),
])
def test_a_nations_capital_named_without_the(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the capital" and a name right after it, no comma: the capital's name, the city, known to the tables or not
    ("A street artist finishes a mural at a community centre in the capital Quorva-Lindt.", "Quorva-Lindt"),
    ("Troops patrol in the capital Kabul, Afghanistan, on Monday.", "Kabul"),
    # a day or a month after "the capital" is no town's name, nor is a name after a comma with nothing known
    ("Troops patrol in the capital Monday after the attack.", None),
    ("Troops patrol in the capital, Quorvabad, after the attack.", None),
])
def test_the_capital_named_right_after_it(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # below an undated title line, the body's first sentence names its city as the country's capital: the scene's
    # city by its kind, however small (a city the gazetteer knows with fewer than 100,000 people)
    ("A piece of cake, and who stops at one?\nA baker in the streets of the capital, Akim Oda. Cake is loved here.",
     "Akim Oda"),
    # the same town named without its kind below such a title is left out, as before
    ("A piece of cake, and who stops at one?\nA baker in the streets of Akim Oda. Cake is loved here.", None),
])
def test_a_capital_below_an_undated_title(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a town named like a site before its state or country, whose first word names a town elsewhere only: the town
    ("Surfers wait for a swell at Dana Point, California, on Sunday.", ("Dana Point", None)),
    ("Crews clear a fallen oak at Benton Harbor, Michigan, on Sunday.", ("Benton Harbor", None)),
    # ...while a harbour or a bay of a town lying in the state or country written after it is that town's site
    ("Fishing boats sit at Dingle Harbour, Ireland, on Sunday.", (None, "Dingle Harbour")),
    ("Fishing boats sit at Tampa Bay, Florida, on Sunday.", (None, "Tampa Bay")),
])
def test_a_town_named_like_a_site_whose_first_word_is_a_town_elsewhere(text, expected):
    found = parse(text).location
    assert (found.city, found.sublocation) == expected


@pytest.mark.parametrize("text, expected", [
    # a county written with its word before a name that is a city's too: one county, the province, never the city
    ("Swimmers brave the cold at Quorva Pier in Co Dublin on Sunday.", ("Quorva Pier", None, "Co Dublin")),
    ("Swimmers brave the cold at Quorva Pier in County Galway on Sunday.", ("Quorva Pier", None, "County Galway")),
    ("Swimmers brave the cold at Quorva Pier, Co Cork, on Sunday.", ("Quorva Pier", None, "Co Cork")),
    # ...as a county named after no town already was, and a town before it stays the city
    ("Swimmers brave the cold at Quorva Pier in Co Kerry on Sunday.", ("Quorva Pier", None, "Co Kerry")),
    ("Swimmers brave the cold in Bray, Co Wicklow, on Sunday.", (None, "Bray", "Co Wicklow")),
])
def test_a_county_named_after_its_town_written_with_its_word(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # "the streets of Paris" is a stretch of the town; so with words describing the plural noun after "the"
    ("The busy streets of Kampala, Uganda.", ("Kampala", "Uganda")),
    ("The green rolling hills of the Quorva district of Uganda.", ("Quorva district", "Uganda")),
    ("Cattle graze on the green rolling hills of Mbarara, Uganda.", ("Mbarara", "Uganda")),
    # a singular noun so described is a point, not a stretch: nothing read from it
    ("Crowds gather at the landing site of Quorva's lunar probe.", (None, None)),
])
def test_a_described_stretch_of_a_town(text, expected):
    found = parse(text).location
    assert (found.city, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a city's name written bare, with no article, before the parts only a town has: the town's, its city
    ("Council workers spruce up Lagos streets, planting flowers to beautify the city.", "Lagos"),
    ("Traffic fills Kuala Lumpur streets at dusk.", "Kuala Lumpur"),
    ("Smoke hangs over Nairobi slums after the fire.", "Nairobi"),
    # a name no town of that size, and a person's or a season's, are not
    ("Summer streets are busy with tourists.", None),
    ("Quorvale streets are decked out for the festival.", None),
])
def test_a_city_written_bare_before_its_streets(text, expected):
    assert parse(text).location.city == expected


@pytest.mark.parametrize("text, expected", [
    # "the <city> suburb of <name>": a name after the part's word that is also a province somewhere far away is
    # still the city's part, when the gazetteer knows it as a town many times smaller than the city
    ("Two women walk along a dirt road in the Kigali suburb of Cantagalo.", ("Cantagalo", "Kigali", None)),
    ("Two women walk along a dirt road in the Kigali suburb of Quorvale.", ("Quorvale", "Kigali", None)),
])
def test_a_citys_suburb_named_like_a_province(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a name opened by a water's or a mountain's word, before a state GeoNames holds a town of that name in, is the
    # town, as the wires write "Town, State"
    ("Swimmers race in the final Sunday in Lake Oswego, Ore. (AP Photo/Ann Quorv)", ("Lake Oswego", "Ore.")),
    ("Skaters train on Monday in Lake Placid, N.Y.", ("Lake Placid", "N.Y.")),
    ("Students gather after class in Bay Shore, N.Y., on Friday.", ("Bay Shore", "N.Y.")),
    # no town of that name counted in the state: the mountain, the lake
    ("Climbers rest below the summit at Mount Hood, Ore., on Friday.", (None, "Ore.")),
    ("Boats drift at Lake Tahoe, Calif., on Friday.", (None, "Calif.")),
    # written after "on": the water, whatever town shares its name
    ("Sailboats drift on Lake Geneva, Wis., on Friday.", (None, "Wis.")),
])
def test_a_town_named_like_a_water_before_its_state(text, expected):
    location = parse(text).location
    assert (location.city, location.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a province named after its seat, the city held by GeoNames under another spelling: the name is the city, as
    # "Kirkuk, Iraq" is
    ("Rescuers wade through a flooded street in Nizhny Novgorod, Russia, on Monday.",
     ("Nizhny Novgorod", None, "Russia")),
    ("Shoppers crowd a market in Hama, Syria, before the holiday.", ("Hama", None, "Syria")),
    # written with the unit's word, it stays the province
    ("Farmers harvest wheat in Hama province, Syria, before the rains.", (None, "Hama", "Syria")),
    # the seat's first vowel written otherwise (Esfahan for Isfahan): the same name transliterated
    ("Tourists cross an old bridge in Esfahan, Iran, on Friday.", ("Esfahan", None, "Iran")),
    ("Worshippers leave the great mosque in Esfahan on Friday.", ("Esfahan", None, None)),
    ("Farmers harvest saffron in Esfahan province, Iran, in the autumn.", (None, "Esfahan", "Iran")),
    # a province whose seat only holds its name among other names is no spelling of it: Hatay stays the province
    ("Rescuers search the rubble in Hatay, Turkey, on Tuesday.", (None, "Hatay", "Turkey")),
])
def test_a_province_named_after_its_seat_spelled_apart(text, expected):
    location = parse(text).location
    assert (location.city, location.province, location.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a town the gazetteer knows goes on with no "for": the words after it are the errand, not the name's
    ("Fans queue in Lyon for the cup final on Saturday.", ("Lyon", None)),
    ("I photographed the cub at the zoo in Leipzig for the city's paper.", ("Leipzig", None)),
    ("Pilgrims arrive in Mecca for the Hajj on Friday.", ("Mecca", None)),
    # an institution's kind goes on with "for" ("Museum for the History of Science")
    ("Students gather at the Museum for the History of Science in Oxford.",
     ("Oxford", "Museum for the History of Science")),
])
def test_a_town_before_for_ends_its_name(text, expected):
    location = parse(text).location
    assert (location.city, location.sublocation) == expected


@pytest.mark.parametrize("text, expected", [
    # a country's name in brackets after a town is its country, as after a comma: a heading, a dateline, a phrase
    ("Lviv (Ukraine) March 3, 2019\nA vendor sells flowers by the opera house.", ("Lviv", "Ukraine")),
    ("Dockers rest at the port in Mombasa (Kenya) on Friday.", ("Mombasa", "Kenya")),
    # a short form in capitals glosses the name before it; a person's country is no place
    ("Camps stand in the east of the Democratic Republic of the Congo (DRC).",
     (None, "Democratic Republic of the Congo")),
    ("Ana Quorv (Kenya) competes during the women's final.", (None, None)),
])
def test_a_country_in_brackets_after_its_town(text, expected):
    location = parse(text).location
    assert (location.city, location.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a cape's word opening the name of a city the city table holds: the city
    ("Volunteers hand out water at the shelter in Cape Coral on Tuesday.", {"city": "Cape Coral"}),
    ("During the parade in Cape Girardeau, a float passes the old courthouse.", {"city": "Cape Girardeau"}),
    # ...and so a port's word opening a city's name, below the size a closing venue word asks
    ("Children wade at the seawall in Port Vila after the cyclone. Picture: Getty", {"city": "Port Vila",
                                                                                     "sublocation": None}),
    ("Iron ore trucks queue at a depot in Port Hedland on Monday.", {"city": "Port Hedland"}),
    # ...but a port no city table holds stays the site
    ("A cruise ship docks at Port Everglades on Sunday.", {"city": None, "sublocation": "Port Everglades"}),
    # a cape's or a fort's name that is a small town's or a base's stays the site
    ("A rocket lifts off from Cape Canaveral on Tuesday.", {"city": None, "sublocation": "Cape Canaveral"}),
    ("Soldiers train near West Lake Pond, Fort Bragg, July 16, 2020.", {"city": None, "sublocation": "Fort Bragg"}),
])
def test_a_city_named_after_a_cape(text, expected):
    """`place_names.classify`: a venue word opening the name ("Cape", "Port") of a city the city table counts is the
    city's name (the word closing a name, "Green Bay", was already weighed by the city's size)."""
    facts = parse(text)
    assert {k: getattr(facts.location, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("During the fashion shoot in Knoxville, Ana Ruiz sits in a window of the old mill.",
     {"city": "Knoxville", "province": None}),
    ("In Knoxville, Ana Ruiz has run the corner bakery for years.", {"city": "Knoxville", "province": None}),
    # a region after the comma, followed by the sentence's words, is still the region
    ("Farmers sell corn in Woodlesford, West Yorkshire as the cold snap arrives.",
     {"city": "Woodlesford", "province": "West Yorkshire"}),
    ("Farmers sell corn in Greenback, TN on Friday.", {"city": "Greenback", "province": "TN"}),
])
def test_a_person_opening_the_sentence_after_the_towns_clause(text, expected):
    """`place_chains._a_subject_after_the_comma`: a person's name after "in Town," with a verb after it is the
    sentence's subject, not the town's province (it had been read as one)."""
    facts = parse(text)
    assert {k: getattr(facts.location, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a school team's player after its town's possessive: the team's, not the venue's town
    ("Ana Ruiz, Dayton's quarterback, looks to throw at Quorva High School on Friday.", None),
    ("Ana Ruiz, Toledo's pitcher, winds up at Quorva Field on Friday.", None),
    # a town owning a thing in its own right still places the venue
    ("Taxis line a stretch of Kampala's transport corridor on Namirembe Road.", "Kampala"),
])
def test_a_town_owning_a_sports_position(text, expected):
    """`locations._city_owning_the_scene` leaves out a town whose possessive owns a team's position; the positions
    of North American school sports are in `rules/place_evidence.toml` [teams]."""
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a town named by its kind after "the", as a verb's object or after a preposition of a stretch: the town
    ("Dancers fill the square of the old town, then the procession circles the northern Moroccan city of Tetouan "
     "at dusk.", "Tetouan"),
    ("Heavy rain lashes the Black Sea port city of Batumi on Monday, flooding cellars.", "Batumi"),
    ("Cyclists ride along the Croatian port of Split as the sun goes down.", "Split"),
    ("Fireworks light up the skies above the capital of Ghana during the celebrations.", None),
    # where something goes, comes from or is seen from: not the scene
    ("Convoys carry aid to the city of Kherson from the west on Friday.", None),
    ("The glow of the city of Tucson, 80 kilometres away, lights the clouds.", None),
    # a village is a site as often as the town: not read so
    ("A storm batters the fishing village of Quorvanly, tearing roofs from the cottages.", None),
])
def test_a_town_named_by_its_kind_as_an_object(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, not_the_city", [
    # a town's kind of an island, a capital's of a province, or a kind's word inside a name: no town after "of"
    ("Waves lash Quorvaville, the southern coastal city of Jeju Island, as the typhoon draws near.", "Jeju Island"),
    ("Ferries run from Quorvaville to Scarborough, the capital of Tobago.", "Tobago"),
    ("She heads the newly formed Port of Spain branch of the club.", "Spain"),
])
def test_no_town_named_by_its_kind(text, not_the_city):
    assert city(text) != not_the_city


@pytest.mark.parametrize("text, expected", [
    # "the <town> area", "the <town> CBD": the town the city table holds, not a venue "Ashburton area"
    ("Floodwater creeps up on houses in the Timaru area after a night of rain.", "Timaru"),
    ("Hawkers pack the pavements in the Nairobi CBD on Monday, 4 March 2019.", "Nairobi"),
    ("Cattle graze along the Quorva Highway in the Timaru area.", "Timaru"),
    # a region's or a province's name before "area" is no town
    ("Storms lash the Baltic area on Monday.", None),
])
def test_the_area_of_a_town(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "old town" in small letters before a town's name: the old part of that town, the town the city
    ("Tourists shelter from the rain in old town Tallinn, Estonia on Monday.", "Tallinn"),
    ("The guild hall in old town Vilnius was rebuilt after the war.", "Vilnius"),
    # written as a name, the old town is a venue of the town after it, as before
    ("Tourists shelter from the rain in Old Town Tallinn on Monday.", "Tallinn"),
])
def test_old_town_before_a_town(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a picture's file number glued to the town closing the line is no part of the town's name
    ("A man sells tea outside the bus station on Jinnah Road, QuettaA_10452", "Quetta"),
    ("Fishing boats come home at dusk to the harbour in MombasaIMG_2044\nThe catch is sold on the sand.", "Mombasa"),
])
def test_a_file_number_glued_to_the_town(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the ancient city of X" closed by a venue's word in small letters: the site named after the old city, the town
    # written after it the city
    ("A dancer performs at the ancient city of Quorla scenic area in Kashgar, northwest China's Xinjiang Uygur "
     "Autonomous Region, Sept. 7, 2023.", ("Quorla scenic area", "Kashgar")),
    ("Visitors stroll through the old town of Quorla square in Lijiang, southwest China's Yunnan Province, May 1, "
     "2024.", ("Quorla square", "Lijiang")),
    # a town's name ending in a venue's word written with a capital stays the town
    ("Smoke rises over the southern city of Quorla Park in Florida.", (None, "Quorla Park")),
])
def test_a_site_named_after_a_town_by_its_kind(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue "of" a town, then ", capital of" its province or country: the town is the venue's, the city
    ("The train waits at the Railway Station of Lhasa, capital of southwest China's Tibet Autonomous Region, on "
     "July 1, 2006.", ("Railway Station", "Lhasa")),
    ("Patients wait at the Quorva Hospital of Yerevan, the capital of Armenia, on May 2.",
     ("Quorva Hospital", "Yerevan")),
    # a name the gazetteer holds as no town stays inside the venue's name
    ("Visitors queue at the National Museum of Quorvania, the capital of Armenia.",
     ("National Museum of Quorvania", None)),
])
def test_a_venue_of_a_town_named_as_a_capital(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # "outside" a town, as "near" one: by that town, the city when no other phrase places the scene
    ("A farmer checks his herd on a bright morning just outside Quorlea in Co. Donegal.", ("Quorlea", "Co. Donegal")),
    ("A farmhouse outside of Kirkuk that once held prisoners.", ("Kirkuk", None)),
    # a distance measured from the town, or a region lying outside it, keeps the town a reference point
    ("A farmer checks his herd 40 km outside Kabul, Afghanistan.", (None, None)),
    ("Medics treat a girl in eastern Quorvata, a rebel-held area outside Damascus.", (None, None)),
])
def test_a_town_the_scene_is_just_outside(text, expected):
    found = parse(text).location
    assert (found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # after "at", a site nothing knows, then a town nothing knows, then a province or a large city, and the country:
    # a whole address, site first ("at Zeer, Rangsit, Bangkok, Thailand"), read as after "in"; before a large city
    # the unknown town is a part of it, as "Intramuros, Manila" is
    ("Photograph taken at Quorbel, Pugoda, Western Province, Sri Lanka",
     ("Quorbel", "Pugoda", "Western", "Sri Lanka")),
    ("Photograph taken at Quorzeer, Lamlukka, Bangkok, Thailand", ("Quorzeer", "Bangkok", None, "Thailand")),
    ("A stall-holder waits. Photo taken at Quorbel, Pugoda, Colombo, Sri Lanka.",
     ("Quorbel", "Colombo", None, "Sri Lanka")),
    # two names nothing knows before the country alone are no such address: the end of the line places the town
    ("Photograph taken at Quorbel, Pugoda, Sri Lanka", (None, "Pugoda", None, "Sri Lanka")),
])
def test_a_site_then_its_unknown_town_in_a_full_address(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a singular part of a town pointed at by "the", "this" or "another" (a plain word between allowed), then "of"
    # and a town the gazetteer knows: a part of that town, the scene's city, as "the streets of Paris" is
    ("Market Square is the historic centre of Kumasi. In view are the stalls.", "Kumasi"),
    ("A quiet morning on another side of Kisumu, seldom seen by visitors.", "Kisumu"),
    ("In this poor part of Mombasa there are no parks, only the railway lines.", "Mombasa"),
    # nothing pointing at the part: a member of a body, no place ("as part of the Quorva Unit")
    ("Marines train as part of the Quorva Unit Deployment Program.", None),
    # a name the gazetteer does not know after the part stays no town ("this part of Quorva Khal": a canal's)
    ("Unlike the others, this part of Quorva Khal is wide and clean.", None),
])
def test_a_towns_part_pointed_at_then_of(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a city the gazetteer knows opening the caption, set off by a comma, when no sentence places the scene: a
    # gallery's heading naming the town first, then what is pictured there
    ("Kumasi, Harvest Festival of the Chiefs, 12 May 2019. Photo: QRV.", "Kumasi"),
    ("Mombasa, the old harbour\nDhows wait for the tide in front of the old houses.", "Mombasa"),
    # a person named like a town: an article, an age, "who" or a place in the picture after the comma
    ("Florence, 34, waits for the bus after her shift.", None),
    ("Victoria, left, and her sister wait for the bus.", None),
    ("Charlotte, a nurse, waits for the bus after her shift.", None),
    # a list of names after it
    ("Kumasi, Tamale and Kisumu: three markets compared in pictures.", None),
])
def test_a_city_opening_the_caption(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a town's name opening with a word that opens towns' own names (San, Port, Kota), though the gazetteer holds
    # that word alone as a city (San in Mali, Kota in India): the town, not a site of that city
    ("Women grind maize in San Quorva Tlaxco July 13, 2012.", "San Quorva Tlaxco"),
    ("A ferry docks in New Quorvell on Monday.", "New Quorvell"),
    ("Fishermen sort the catch in Kota Quorvand on Sunday.", "Kota Quorvand"),
    ("Boys play football in Sidi Quorvane at dusk.", "Sidi Quorvane"),
    # a name opening with a city the gazetteer knows is a site of that city, as before
    ("Visitors queue in Portsmouth Quorva Yard on Saturday.", None),
])
def test_a_town_opening_with_a_name_opener(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a city the gazetteer knows run into its province's name closed by "province", no comma between: the city,
    # then the province, when both are the same country's
    ("Families wait for food in Sukkur Sindh province, Pakistan on Monday.", ("Sukkur", "Sindh")),
    ("Villagers wade through water in Quetta Balochistan province on Monday.", ("Quetta", "Balochistan")),
    # no city of that country opening the name: the province whole
    ("Troops patrol in Kunar province on Monday.", (None, "Kunar")),
])
def test_a_city_run_into_its_province(text, expected):
    found = parse(text).location
    assert (found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a lone name no table holds right after "in", then a clause of what happened there: a relative clause, a time
    # clause, the past verb of the phrase it closes, or where things went on from there
    ("Firefighters answered a brush fire in Quorvaxe that started in an empty barn.", "Quorvaxe"),
    ("Joe lifts his bicycle off the car in East Quorvedom before he and his friends ride off.", "East Quorvedom"),
    ("The gym in Quorvecker served the village school from 1916 to 1958.", "Quorvecker"),
    ("Coffins are carried out of the old factory in Quorvocari to the cemetery for burial.", "Quorvocari"),
    # not a preposition that makes the name a thing, a time after "that", "since" or "once", nor a kind word
    ("Every evening, locals turn the square in Quorvajia into their own stage.", None),
    ("The story ran in Quorvogue that month with six pages of pictures.", None),
    ("A man who has carved spoons in Al-Quorva since the 1960s.", None),
    ("The crowd in Quorvim once the police had gone.", None),
    ("Enumerators count a family in Quorvebes constituency on Friday.", None),
    # beside a city the gazetteer knows the name is as often one of its districts, clause or not
    ("Police block a road in Quorvandton that leads to Johannesburg.", None),
])
def test_a_town_no_table_holds_before_a_clause(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an unnamed place placed by "at" or "outside", then "in" and a name, then its province: the name holds the
    # unnamed place, a town as after "in" alone, not a site read after "at"
    ("A mother holds her son at a village clinic in Quorvala in Nigeria's northern Bauchi State.",
     (None, "Quorvala", "Bauchi State")),
    ("Children play outside a school in Quorvala in Kano State on Monday.", (None, "Quorvala", "Kano State")),
    # a name right after "at" before its province is a site there, as before
    ("Tourists linger at Quorvaco in Tibet.", ("Quorvaco", None, "Tibet")),
    # "of" after the unnamed place names it: the village's own name, not a town holding it
    ("Farmers dry maize at a village of Quorvala in Kano State.", ("Quorvala", None, "Kano State")),
])
def test_a_town_holding_an_unnamed_place_before_its_province(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city, found.province) == expected


@pytest.mark.parametrize("text, expected", [
    # a venue read whose name closes on "of" and a city the gazetteer knows, nothing else placing a town: the
    # venue stands in that city
    ("Evacuees sleep on cots at the University of Regina after the fires.", ("University of Regina", "Regina")),
    ("Tourists queue at the Palace of Versailles on a rainy Sunday.", ("Palace of Versailles", "Versailles")),
    ("Students read in the old Library of Winnipeg.", ("Library of Winnipeg", "Winnipeg")),
    # a name that is also a province's (the University of Washington stands in Seattle), a saint's, an abstract
    # word or a small town's gives none
    ("Rowers train at the University of Washington on Monday.", ("University of Washington", None)),
    ("Worshippers gather at the Church of San Jose for Mass.", ("Church of San Jose", None)),
    ("Visitors walk through the Hall of Fame on Friday.", ("Hall of Fame", None)),
    # a city of another country than the one written gives none
    ("Guards stand at the Royal Palace of Madrid, Mexico.", ("Royal Palace of Madrid", None)),
    # a town the sentence places wins
    ("Fans gather at the Museum of London in Dover on Sunday.", ("Museum of London", "Dover")),
])
def test_a_city_closing_its_venues_name(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a line opening with the photo's day, a comma, a town the tables know and a full stop, under the
    # photographer's name: the dateline written date first
    ("Anna de Vries\nMarch 3rd, Rotterdam. Dockers walk out over the new rosters.", ("Rotterdam", None)),
    ("Anna de Vries\n12 May 2019, Utrecht, Netherlands. Cyclists ride past the station.", ("Utrecht", "Netherlands")),
    ("June 9, Ghent. Students march to the town hall.", ("Ghent", None)),
    # a name no table knows, or a person's, is read as before
    ("Anna de Vries\nMarch 3rd, Quorvadam. Dockers walk out over the new rosters.", (None, None)),
    ("March 3, Biden. The president spoke to reporters.", (None, None)),
])
def test_a_line_opening_with_the_day_then_the_town(text, expected):
    found = parse(text).location
    assert (found.city, found.country) == expected
