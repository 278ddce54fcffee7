"""The caption parser against the shared labelled caption set, and the evaluator's own scoring rules."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tools.evaluate_captions import (
    FIELDS,
    OUR_SETS,
    THRESHOLD,
    corpus_root,
    corpus_score,
    evaluate,
    evaluate_ours,
    fold,
    main,
    matches,
    report,
)

SHARED = Path(os.environ.get("CATALOG_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
DEV = SHARED / "captions" / "dev.jsonl"
needs_dev = pytest.mark.skipif(not DEV.is_file(), reason=f"no labelled caption set at {DEV}")


@needs_dev
def test_every_field_is_at_least_95_percent_right():
    score = evaluate(DEV)
    below = {name: round(score.accuracy(name), 3) for name in FIELDS if score.accuracy(name) < THRESHOLD}
    assert score.total > 0
    assert not below, report(score, show_errors=True)


@needs_dev
def test_command_line_prints_every_field_and_exits_zero(capsys):
    assert main([str(DEV), "--speed"]) == 0
    printed = capsys.readouterr().out
    assert all(f"  {name} " in printed for name in FIELDS)
    assert "captions/s" in printed


# --- our own labelled set (tests/data/captions): the tune split, and the held-out split in aggregate only -----

#: What the parser reaches on the tune split, field by field: a change must not fall below these. The targets
#: (95% English, 90% Chinese) are what `python -m tools.evaluate_captions` holds every split to; where a floor is
#: lower, the target is not met yet (see the README's caption section). Re-based on 2026-12-03 when 422 new
#: captions (en_more_world, en_more_asia, zh_more) joined the set, and on 2026-12-04 when en_fresh (220
#: captions from 100+ outlets new to the set, 135 of them in tune) and zh_fresh (145 Chinese captions from 56
#: sites new to the set) joined: a floor holds a fixed set, and the new captions were never tuned on before
#: they joined. Re-based again later on 2026-12-04 when en_fresh2 (162 English captions, 89 in tune) and
#: zh_fresh2 (77 Chinese, 49 in tune) from outlets new to the set joined (branch capdata3): English tune
#: date_kind 96.6, sublocation 88.5, city 91.5; Chinese tune date_kind 96.7, sublocation 90.7. Chinese floors as the
#: Chinese tuning on branch capzh left them: sublocation 94.4, date_kind 98.1. English agency 96.5: the confidence
#: gate (branch capprec) leaves out outlet initials the registry does not know (675 of 696 right). Re-based
#: once more late on 2026-12-04 when en_fresh3 (88 English tune captions) and zh_fresh3 (37 Chinese) from
#: outlets new to the set joined (branch capdata4), measured before any tuning on them: English tune photographer
#: 97.7, agency 95.7, city 90.2 (91.1 after branch capen2), country 96.9; the Chinese floors hold after branch
#: capzh2 (Chinese tune photographer 98.0, date_kind 98.4, sublocation 95.4 with zh_fresh3 in). Raised after
#: branch capen4 (English tune photographer 99.0, city 92.9), so that its credit and place shapes hold.
#: Re-based on 2026-12-05 when en_fresh4 and en_fresh5 (192 English tune captions) and zh_fresh4 (79 Chinese)
#: joined, measured before any tuning on them: English tune photographer 97.8, date 96.6, date_kind 95.6, city
#: 91.0, province 97.4; Chinese tune date_kind 97.4, sublocation 91.9. Chinese floors re-based again when
#: zh_fresh5 (79 Chinese tune captions, branch capdatazh7) joined, before any tuning on it: photographer 95.9,
#: agency 93.5, date 97.8, date_kind 96.1, sublocation 88.6, city 94.6, province 98.7. English photographer and
#: city re-based when en_fresh6 (101 English tune captions, branch capdata7) joined, before tuning: 97.4 and 90.0.
#: English photographer and agency raised after branch capcred6 (tune 99.1 and 98.4 with en_fresh6 in), so that
#: its credit shapes of outlets outside the wires hold.
#: English date and date_kind raised after branch capdate6 (page stamps, headings, relative days, clauses of
#: other events): tune 99.4 and 98.4 with en_fresh6 in. Chinese floors raised after branch capzh6 (Chinese kinds
#: from zh_fresh4's and zh_fresh5's tune parts, the contract's levels): tune photographer 97.0, agency 95.9,
#: date 98.3, date_kind 97.6, sublocation 94.0, city 95.7, so that its place and credit kinds hold.
#: English sublocation and city raised after branch capen6 (place kinds of the fresh sets' tune parts): tune
#: 89.9 and 91.5 with every fresh set in.
#: Chinese photographer and agency raised after branch capzhcred6 (Chinese credit shapes): tune 98.7 and 97.6.
#: English floors re-based on 2026-12-05 when en_fresh7 (104 English tune captions from 79 sites, 61 of them new to
#: the set, branch capdata8) joined, measured before any tuning on it: photographer 98.5, sublocation 88.9, city
#: 90.0, province 96.8 (en_fresh7's own tune part: city 75.0, sublocation 78.8).
#: Chinese floors re-based the same day when zh_fresh6 (79 Chinese tune captions from sites new to the set, branch
#: capdatazh8) joined, before any tuning on it: photographer 98.0, date 98.0, sublocation 91.0, city 94.1
#: (zh_fresh6's own tune part: sublocation 74.7, city 84.8).
#: English sublocation, city, province and country raised after branch capen7 (place reading made to hold on
#: unseen captions: towns no table knows written as towns are, reference points, state short forms, ships,
#: joined street words, possessive countries in place lines): tune 89.7, 91.7, 97.2 and 97.8 with en_fresh7 in
#: (on en_fresh7, which the branch never saw: tune part 91.8% -> 92.0% of all fields, held-out part 89.2% -> 89.7%).
#: English photographer and agency raised after branch capcred7 (places are no credited names; credit shapes of
#: outlets not in the set, names of more styles, a page's controls and markup): tune 98.8 and 98.2 with en_fresh7
#: in (99.3 and 98.6 without it).
#: English province and country raised after branch capen8 (provinces and countries beyond the US and China:
#: counties, districts and states as the province, reference points, demonyms no place, a country's possessive):
#: tune 97.6 and 98.3 with capen7 and capcred7 merged (on en_fresh7, which the branch never saw until it joined:
#: tune part province 91.3 -> 93.3, country 97.1 -> 99.0).
#: English sublocation and city raised after branch capen9 (kinds of en_fresh7's tune part: site-like names that
#: are towns, a registered venue placed in another country, initials and "the" no small town abroad, a town's
#: centre, a state's short form closing its sentence, a description of the town, quarters): tune 90.3 and 92.5
#: with capen8 merged, wrong sublocations 33 -> 26, wrong cities 16 -> 13.
#: Chinese credit and date floors raised after branch capzhcd7 (labelled-field captions, Taiwan's calendar and a
#: wire's date stamp, 近日 naming no day, print-issue and statistics dates as background, transliterated names of
#: several parts, correspondents filing from a city, offices as providers): tune photographer 99.3, agency 98.9,
#: provider 100, date 99.3, date_kind 98.9 (zh_fresh6's own tune part: photographer 98.7, date 100, date_kind 100).
#: Chinese place floors raised after branch capzh7 (place kinds from zh_fresh6's tune part, each changed as a
#: signal or a word list): tune sublocation 92.8, city 95.8, province 99.1 with capzhcd7 merged (zh_fresh6's tune
#: part: sublocation 83.5, city 92.4).
#: English floors re-based on 2026-12-05 (session 14) when en_fresh8 (101 English tune captions from 98 outlets, 78
#: new to the set, branch capdata9) joined, measured before any tuning on it: photographer 98.4, sublocation 89.9,
#: city 90.6, province 97.0, country 97.5 (en_fresh8's own tune part: city 69.3, sublocation 84.2, all 89.2).
#: Chinese floors re-based the same day when zh_fresh7 (55 Chinese tune captions from 74 sites, 45 new to the set,
#: branch capdatazh9) joined, before any tuning on it: agency 98.2, sublocation 92.1, city 95.3, province 99.0,
#: country 99.0 (zh_fresh7's own tune part: sublocation 85.5, all 94.7).
#: English sublocation raised after branch capen10 (venue kinds that hold on unseen captions: a venue below a
#: line that places nothing, venue heads in more languages and joined by a hyphen, an appositive after ", the"
#: describing the venue, counties and upazilas no sublocation, parts of an unnamed town, a site before a small
#: town and its county, event words, titles naming a venue): tune 92.3 with en_fresh8 in (which the branch never
#: tuned on: 89.9 before it), wrong sublocations 29 -> 24.
#: Chinese place floors raised after branch capzh8 (wrong values first: clause words, a person's body, kinds of
#: place, list items and outlets' names read as no place; then chains carried on by a later 在 or a direction's
#: part, long township names, titles that are venues): tune sublocation 94.1, city 95.8, province 99.7 with
#: zh_fresh7 in (95.0, 96.3, 99.8 on the branch's 543). Chinese agency raised the same day (the registry's
#: agency ending a run of an archive's text, outlets in Latin letters after a source label): tune 98.7.
#: English city, province and country raised after branch capen11 (a city named like a province before its real
#: province, British counties opening a chain or after "in", sides and "region" naming provinces, a city after a
#: site its province owns, "seen from" a town and its state, postal codes as data, a district "of" an unknown town,
#: reference points before the date, bureau datelines giving way, gallery lines, dated title lines, signs' words):
#: tune 92.4, 97.8, 97.7 with capen10 merged and en_fresh8 in (city 91.0 before it).
#: Chinese sublocation, city and country raised after branch capzh9 (zh_fresh7's kinds, each a signal or a word list:
#: words of going, origin or manner in no venue's name, sides of a province, a country's bracketed qualifier, a city's
#: one-character short name after 在, a venue word inside a long unit's name, a landmark 脚下 as a reference point, a
#: district's city written elsewhere, a city's old town, the hour's sentence and a trailer line giving the venue,
#: parts of a city before a venue, overseas papers' short province names): tune sublocation 96.0, city 96.7,
#: country 99.3 (zh_fresh7's tune part: sublocation 85.5 -> 94.5, city 90.9 -> 92.7); held-out sublocation
#: 80.6 -> 80.9, city 87.7 -> 88.1, wrong values 84 -> 82.
#: English sublocation, city and country raised after branch capen12 (en_fresh8's place kinds: a title line above a
#: body that places nothing, a town closing its clause at a semicolon, regencies as counties, Qld without a stop, a
#: town after its country, a title's words before the places beside the date, the places closing the scene
#: sentence filling its levels, a town after "at" measured from a reference point, places closed by a bar): tune
#: 92.5, 93.1, 97.9 (en_fresh8's tune part: city 72.3 -> 80.2, sublocation 85.1 -> 88.1), no wrong value added.
#: English sublocation, city and country raised after branch capen13 (English sublocation kinds: a venue before the
#: date and its town, relative clauses after the scene, districts and villages read apart, a body's second field,
#: islands, zones and ranges as the land around a venue, bodies acting, appositives before the date): tune 93.8,
#: 93.2, 98.0 before en_fresh9 joined (sublocation 92.5 -> 93.8, 24 -> 17 wrong values); held-out sublocation
#: 82.6 -> 83.0.
#: English city and country raised after branch capen14 (a town holding a named venue, a small known town after
#: "at"/"above", a town before a province named like its capital, the country owning the scene's province, a later
#: sentence placing a town, "the X area of Y", the "Caption:" label, a city as the subject, a city owning the
#: venue, another year's first sentence, a district then its city, places then a year opening a line): tune city
#: 93.1 -> 94.3, country 97.9 -> 98.2 (province 97.9 -> 98.0), wrong city values 12 -> 9.
#: Re-based on 2026-12-05 (session 15) when en_fresh9 (100 English tune captions, branch capdata10) and zh_fresh8
#: (72 Chinese, branch capdatazh10) joined, measured before any tuning on them: English tune photographer 98.0,
#: sublocation 91.7, city 92.3, province 97.7, country 97.5; Chinese tune sublocation 94.6, city 96.4
#: (en_fresh9's own tune part: 92.2% of all fields, sublocation 81.0, city 82.0; zh_fresh8's: 96.8%, sublocation 83.3).
#: English sublocation, city, province and country then raised to capen13's and capen14's figures with en_fresh9 in:
#: 93.1, 93.6, 97.8, 97.8.
#: Chinese sublocation and city raised after branch capzh10 (a picture's caption above its story, numbered pictures'
#: lines, trails, lanes and high grounds, a person's home or school and a named pupil's school, 由 of a doer, a park
#: named by its county, light falling into a place, 站成了): tune sublocation 96.0 -> 97.7, city 96.7 -> 96.8;
#: held-out sublocation 80.9 -> 81.4, wrong values 82 -> 79 (before zh_fresh8 joined; with it, tune 96.1 and 96.6).
#: Chinese photographer, date kind and city raised after branch capzh11 (kinds from probes written for the purpose,
#: each a signal or a word list: short autonomous prefectures before their county, a bare county before its town,
#: province look-alikes, a kind of city before its name, origins before people, city-states' districts, cities
#: abroad, labels and notes of credits, 发布 of things that are no picture): tune 99.3, 98.8, 97.0 (96.7 before).
#: English credit and date fields raised after branch capen15 (credits of outlets outside the wires: angle brackets,
#: a gallery title's "Name/Outlet", "Xinhua via AP Name", contest and blog bylines, families and bodies' courtesy
#: photos as providers, a byline line beside an agency credited alone; no credit from a "Location:" line, a field
#: label, a story's writers or a place line; yearless dates closing a line or after a headline, past disasters'
#: and history sentences' dates left out): tune photographer 99.1, agency 99.3, provider 99.3, date 99.6,
#: date_kind 99.1 (en_fresh9's tune part: photographer 90.0 -> 98.0, agency 94.0 -> 100).
#: English city, province and country raised after branch capen16 (places of en_fresh9's outlets: Vietnamese names
#: ending in "An", Korea's hyphened villages and short provinces, a region named as a country before its country,
#: the neighbour after "the border of", labelled place lines with a stop or without commas): tune 93.9, 98.0, 98.0.
#: English city raised after branch capen17 (fewer wrong values taken: a place line's closing full stop, an
#: organisation's initials left alone by its credit, a country after "border of", "the town of X" apart): tune
#: city 93.6 -> 93.8, country 97.8 -> 98.0, sublocation 93.1 (the last two floors unchanged at three decimals).
#: English sublocation, city and country and Chinese country raised after branch capen20 (fewer wrong values taken:
#: a history sentence opening with its year, a place after "to" before the date, a person's place in an
#: appositive, plural kinds of place opening a sentence, a country sending a mission 驻 ...): tune sublocation
#: 93.2 -> 93.3, city 94.1 -> 94.2, country 98.1 -> 98.3; Chinese country 99.4 -> 99.6; wrong values 62 -> 57, 17 -> 16.
TUNE_FLOORS = {
    # capen19 raised en sublocation, city, province and country: provinces ISO lists below a grouping level, names
    # closed by a lower-case kind in place lines, a venue's town from the next sentence, "&" in a prefecture's name
    # capen20 cut wrong values taken (history sentences, destinations, plural kinds of place); capen18 raised en
    # sublocation: villages by a prefix word (Barangay, Brgy.), a bracket of places before the date, an
    # appositive naming a site's kind, a venue placed in its town with no preposition
    # re-based for en_fresh10 (96 fresh tune captions from 117 sites, not tuned on yet): its tune part scores 92.4
    # capen21 raised en photographer, sublocation, city, province and country on en_fresh10's kinds (sub-districts
    # under their district, Irish counties, dated and capitalised headings, user names beside photo sites, ...)
    # re-based for en_fresh11 (85 fresh tune captions from 82 sites, not tuned on yet): its tune part scores 92.7
    # capen22 raised en sublocation, city and province: upazilas before their district, a unit before its town and
    # province, a part named after its word, places after an ellipsis, a town and year set apart, "outside of"
    # capen24 raised en province and country by cutting wrong values taken: Taiwan a country unless a country owns it,
    # a saint's possessive owning nothing kept in the name (St Ann's), a two-letter word alone no place, "Somali"
    # re-based for en_fresh12, en_fresh13 and en_fresh14 (198 fresh tune captions, not tuned on yet): their tune
    # parts score 93.7
    # capen23 raised en sublocation and city on places missed: a site bare after "at" before the photo's time, a
    # day before its month, a city's part after any preposition, a city owning the venue in its appositive, a
    # hyphenated particle in a heading, a "Place" field on its own line, "The X stands ..."
    # capen25 raised en photographer, agency, provider, sublocation, city, province and country on their kinds
    # (districts after "at", "into" and a village, states named like countries, a venue after the town, credits
    # by "Pic via", "uploaded by", " /Agency", an agency in capitals opening the caption, Panay News)
    # capen26 raised en photographer, date, date_kind, sublocation, city and province on en_fresh14's kinds (dates
    # in French, Spanish, German, in small letters; headline prepositions, "Canton X", regions named with "and", a
    # venue run into its town, a city modifying a place's kind after an adjective, titled city names, open waters)
    # capen27 raised en photographer on credit shapes (a name line above a closing place line, a label line above
    # its value, "Name/PR", "AP Photo/The Paper, Name", the outlet in "photographed for the X by")
    # capen28 raised en province, city and country (figures 0.9818, 0.9415, 0.9852; floors to the fourth place):
    # provinces named like their capital after a town ('Xalapa, Veracruz', 'Moalboal, Cebu', 'Manavgat, Antalya'),
    # a side before a province that is a small city ('southern Idlib'), wide-area words before a state ('upstate
    # New York'), a day without its year before a dateline ('9 FEBRUARY: KUALA LUMPUR, MALAYSIA -')
    # capen31 raised en sublocation, city, province and country by cutting wrong values taken (figures 0.9336,
    # 0.9461, 0.9830, 0.9864): a people before their village, 'X town' outside China, places of a thing's making,
    # of an original copied, of an aside of what was done, of an intention; a unit after a plain adjective
    # capen30 raised en photographer, city, province and country on en_fresh15's and en_fresh16's kinds (figures
    # 0.9916, 0.9384, 0.9810, 0.9847): Reuters' 'Livepic', 'Agency / Name' run on after the prose, 'Name of VPO',
    # an image number after the name, 'X town' outside China, 'Metro Manila', 'on the outskirts of', geotag lines
    # re-based for en_fresh30, en_fresh31 and en_fresh32 (197 fresh tune captions, not tuned on yet): their tune
    # parts score 94.8, 97.8 and 96.0 (sublocation 79.4 on en_fresh30's regional pages)
    # re-based for en_fresh34 to en_fresh37 (213 fresh tune captions: European and Asian agencies, outlets of
    # Africa, the Middle East and Latin America, Chinese media in English, handouts; not tuned on yet): their tune
    # parts score 93.8 (sublocation 81.7, city 90.1, photographer 93.4)
    # the session's eleven caption branches (capen58-61, capcred5-6, capprec13-14 and the Chinese ones) raised en
    # photographer, agency, provider, sublocation, city, province and country on tune
    # re-based for en_fresh38 and en_fresh39 (96 fresh tune captions: North American local papers, TV sites,
    # universities and handouts; venues of sport, culture, heritage and politics; not tuned on yet): their tune
    # parts score 93.5 (photographer 84.4, agency 90.6: local-paper credit shapes; sublocation 83.3)
    # re-based for en_fresh40 (51 fresh tune captions from Asia-Pacific pages, not tuned on yet): its tune part
    # scores 92.6 (city 82.4, province 88.2)
    # the session's caption branches (capen62-64, capcity1, capcred8, capprec15) raised en photographer, agency,
    # provider, date_kind, sublocation, city and province on tune
    # re-based for en_fresh42, en_fresh43 and en_fresh44 (137 fresh tune captions: the Middle East, Africa and
    # Latin America; European venues; sport and events at named venues; not tuned on yet)
    # the session's caption branches (capen65-68, capcred9, capprec16) raised every en field but date on tune
    # re-based for en_fresh47 (51 fresh tune captions: venues and cities of Africa, Latin America, the Middle
    # East, Asia and Europe, not tuned on yet): its tune part scores 98.0 (date_kind 96.1, sublocation 94.1)
    # re-based for en_fresh48 (35 fresh tune captions: capitals datelines, towns with their county, district or
    # prefecture, boroughs and wards, not tuned on yet): its tune part scores 93.0 (city 80.0, agency 88.6)
    # the session's caption branches (capen74-78, capprec18) raised en photographer, sublocation, city, province
    # and country on tune
    # re-based for en_fresh49 (42 fresh tune captions: towns, villages and their sites in Africa, South Asia, Latin
    # America and Eastern Europe, not tuned on yet): its tune part scores 93.4 (sublocation 83.3, city 85.7)
    # re-based for en_fresh50 (33 fresh tune captions: European agencies' English services, resellers and
    # everyday local news at named grounds, squares and halls, not tuned on yet): its tune part scores 88.9
    # (sublocation and city 69.7, photographer 87.9)
    # the session's caption branches (capen79-82, capprec19) raised en photographer, date_kind, sublocation and
    # city on tune
    # capen83 and capprec20 raised en photographer, agency, provider and sublocation on tune
    # re-based for en_fresh51 (31 fresh tune captions at named venues and sites, not tuned on yet): its tune part
    # scores 94.6 (sublocation and city 83.9, photographer 90.3); capen85 raised en sublocation on tune
    # re-based for en_fresh52 (62 fresh tune captions: archive and photo-library galleries, regional papers of the
    # Caribbean, the Pacific, South-East Asia and West Africa, credits first; not tuned on yet): its tune part
    # scores 88.0 (city 71.0, sublocation 80.6, photographer 83.9)
    # re-based for en_fresh53 (37 fresh tune captions: sport, courts, parliaments, protests and culture in Europe,
    # North America, the Middle East and South Asia; not tuned on yet): its tune part scores 94.3 (sublocation
    # 83.8, city 86.5)
    # re-based for en_fresh54 (69 fresh tune captions from Central Asia, the Caucasus, Eastern Europe, Africa and
    # Latin America, not tuned on yet): its tune part scores 92.8 (sublocation 81.2, city 84.1, date kind 91.3)
    # re-based for en_fresh55 (78 fresh tune captions from Africa, Central Asia, the Caucasus, Eastern Europe and
    # Latin America, mostly blogs and galleries, not tuned on yet): its tune part scores 93.3 (sublocation 80.8)
    "en": {"photographer": 0.98, "agency": 0.985, "provider": 0.989, "date": 0.990, "date_kind": 0.984,
           "sublocation": 0.923, "city": 0.936, "province": 0.977, "country": 0.983},
    # capzh12 raised zh sublocation, city, country and agency: places kept with a mirror's pinyin, a city the
    # caption calls one (小城), a venue's end before 里, numbered schools, landmarks that are towns, 东说念主 for 人
    # capzh13 raised zh sublocation: a title before a bare credit, villages named 长X after their
    # town, a verb's aspect ending a venue, a venue gone to (到) beside a dateline
    # re-based for zh_fresh9 (75 fresh tune captions from 67 sites, not tuned on yet): its tune part scores 91.0
    # capzh14 raised every zh field: zh_fresh9's credit shapes (新华社发(X供图), X记者(Y摄), 【图片=X】, 圗, a posted
    # correspondent), Taiwan's county-township levels, a route's origin, a wire stamp of another day, bracketed years
    # re-based for zh_fresh10 (48 fresh tune captions from 61 sites, not tuned on yet): its tune part scores 94.0
    # capzh15 raised zh sublocation, city, province and country: a country opening a venue's name after its city,
    # city nicknames, streets named after cities, a credit's city, villages after 的, routes, states after a country
    # capen24 raised zh city: '一日' inside a word (民族统一日) no longer a date hiding the scene's city
    # re-based for zh_fresh11, zh_fresh12 and zh_fresh13 (141 fresh tune captions, not tuned on yet): their tune
    # parts score 94.9
    # capzh16 raised zh sublocation, city, agency and date on their kinds: wires' short names (新华社/美联, 中新),
    # (outlet/name) in brackets, 采访人员, a 图为 line's own date, 摄于 lines, a country after a comma behind a
    # chain, 乡长 and 举办 after townships, a village's own square, traditional 著, kinds of neighbourhood
    # capzh17 raised zh sublocation, city, province and country on zh_fresh13's kinds (foreign towns in sounds after
    # their country, troupes' homes beside the fair, departures, venue sections, autonomous counties named with
    # venue words)
    # capzh18 raised zh city: words of time opening the sentence before the city (一年一度, 今年), a city before an
    # existential 有, a river named like a city-state's district (九龙江) no longer Hong Kong
    # capzh20 raised zh date, date_kind, sublocation, city, province and country on zh_fresh14's and zh_fresh15's
    # kinds (figures 0.9943, 0.9866, 0.9522, 0.9713, 0.9952, 0.9914; floors to the fourth place): words that only
    # look like a venue (a side's hills, 大部分, a title then a person, 池塘, negations, 于), quoted epithets, X城市
    # before its town, streets named by a direction, a year field (拍摄年代:2010), 整个, 村里, a unit's event
    # re-based for zh_fresh27, zh_fresh28 and zh_fresh29 (163 fresh tune captions, not tuned on yet): their tune
    # parts score 95.6, 90.8 and 96.2 (sublocation 70.6 on zh_fresh28's Taiwan and Hong Kong pages)
    # re-based for zh_fresh30 (56 fresh tune captions of city papers and county media, not tuned on yet): its tune
    # part scores 94.4 (photographer 87.5, agency 85.7: bylines with no 摄, 本报记者 and county media brands)
    # re-based for zh_fresh31 to zh_fresh34 (187 fresh tune captions: party and city papers, Taiwan and Hong Kong
    # pages, the armed forces, railways and county media; not tuned on yet): their tune parts score 95.4
    # (sublocation 84.5)
    # capzh44-46, capcred5 and capprec13-14 raised zh photographer, agency, sublocation, city, province and country
    # re-based for zh_fresh35 and zh_fresh36 (80 fresh tune captions: local media of the provinces the set had
    # fewest of; venues of sport, culture, transport and pictures abroad; not tuned on yet): their tune parts score
    # 96.5 (sublocation 86.2)
    # re-based for zh_fresh37 (40 fresh tune captions from provincial channels, gateways and pages abroad, not
    # tuned on yet): its tune part scores 94.4 (sublocation 82.5, city 85.0)
    # capzh47-48, capcity1, capcred8 and capprec15 raised zh agency, sublocation and city on tune
    # re-based for zh_fresh39 to zh_fresh42 (164 fresh tune captions: provincial and county outlets, Taiwan, Hong
    # Kong and Malaysian pages, pictures abroad, trade fairs and sport; not tuned on yet), and for the agency's
    # second reading in Chinese captions (tools/chinese_agency_alts.py), which raised agency
    # capzh49-52 and capprec16 raised zh photographer, agency, sublocation, city, province and country on tune
    # re-based for zh_fresh45 (35 fresh tune captions aimed at venues and place chains, not tuned on yet): its
    # tune part scores 96.2 (photographer, sublocation and city 91.4)
    # re-based for zh_fresh46 (36 fresh tune captions from Singapore, Malaysian, Hong Kong, Taiwan and Japanese
    # papers' Chinese pages, not tuned on yet): its tune part scores 92.0 (sublocation 69.4)
    # capzh58-60 and capprec18 raised zh date_kind, sublocation, city and country on tune
    # re-based for zh_fresh47 (36 fresh tune captions of provincial papers and county media, not tuned on yet):
    # its tune part scores 96.0 (sublocation 83.3)
    # re-based for zh_fresh48 (34 fresh tune captions at named venues, not tuned on yet): its tune part scores 97.1
    # (sublocation 82.4); capzh61-63, capen81 and capprec19 raised zh date, date_kind, sublocation, city, province
    # and country on tune
    # capzh64 and capprec20 raised zh agency and sublocation on tune
    # re-based for zh_fresh49 (31 fresh tune captions at named places below the city, not tuned on yet): its tune
    # part scores 93.9 (sublocation 77.4, photographer and city 87.1)
    # re-based for zh_fresh50 (55 fresh tune captions: bare venues, township chains, places abroad, county media
    # and handouts, not tuned on yet): its tune part scores 94.3 (city 81.8, sublocation 83.6)
    # re-based for zh_fresh51 (49 fresh tune captions: bare venues in district chains, Hong Kong, Macau and Taiwan
    # pages, county media, not tuned on yet): its tune part scores 96.1 (sublocation 83.7, photographer and provider
    # 95.9)
    # re-based for zh_fresh52 (60 fresh tune captions: bare venues, Hong Kong, Macau and Taiwan pages, places
    # abroad in Chinese, county media and handouts, not tuned on yet): its tune part scores 93.9 (sublocation 83.3)
    "zh": {"photographer": 0.986, "agency": 0.987, "provider": 0.993, "date": 0.993, "date_kind": 0.986,
           "sublocation": 0.931, "city": 0.963, "province": 0.988, "country": 0.989},
}
#: The held-out split is scored in aggregate only (the share of all fields right), never caption by caption.
HELDOUT_AGGREGATE_FLOORS = {"en": 0.90, "zh": 0.85}


@pytest.mark.parametrize("language", sorted(TUNE_FLOORS))
def test_the_tune_split_keeps_its_floors(language):
    score = evaluate_ours(language, "tune")
    below = {name: round(score.accuracy(name), 3) for name, floor in TUNE_FLOORS[language].items()
             if score.accuracy(name) < floor}
    assert score.total > 50
    assert not below, report(score, show_errors=True)


@pytest.mark.parametrize("language", sorted(HELDOUT_AGGREGATE_FLOORS))
def test_the_held_out_split_in_aggregate(language):
    score = evaluate_ours(language, "heldout")
    floor = HELDOUT_AGGREGATE_FLOORS[language]
    assert score.total > 40
    assert score.aggregate >= floor, f"{language} held-out aggregate {score.aggregate:.3f} is below {floor}"


def test_the_command_scores_each_split_and_never_lists_a_held_out_caption(tmp_path, monkeypatch, capsys):
    """On a set written here (so the real held-out split is not read caption by caption)."""
    import hashlib

    from tools import evaluate_captions

    right = {"text": "Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)",
             "credit": {"photographer": "Li Xin", "agency": "Xinhua", "provider": None}, "date": "2025-10-02",
             "date_kind": "taken", "location": {"sublocation": None, "city": "Chengdu", "province": None,
                                                "country": None}}
    wrong = {**right, "text": "Pandas play in Leshan, Oct. 2, 2025. (Xinhua/Li Xin)"}
    (tmp_path / "zh.jsonl").write_text(json.dumps(right) + "\n" + json.dumps(wrong) + "\n", encoding="utf-8")
    key = {item["text"]: hashlib.sha1(item["text"].encode()).hexdigest()[:16] for item in (right, wrong)}
    (tmp_path / "split.json").write_text(json.dumps({"split": {key[right["text"]]: "tune",
                                                                key[wrong["text"]]: "heldout"}}))
    monkeypatch.setattr(evaluate_captions, "OUR_SETS", tmp_path)
    monkeypatch.setattr(evaluate_captions, "TARGETS", {"en": 0.95, "zh": 0.90})
    code = main(["--lang", "zh", "--no-dev", "--no-precision", "--show-errors"])
    printed = capsys.readouterr().out
    assert "Chinese, tune: 1 captions" in printed and "Chinese, heldout: 1 captions" in printed
    # the held-out caption's city is wrong, a value taken wrong ...
    assert f"  {'city':<13}{0:7.1%}  {'(0/1)':<11} wrong   1 of    1 taken   below 90%" in printed
    assert "Leshan" not in printed and "\nline " not in printed  # ... and never listed
    assert code == 1


def test_files_scores_one_fresh_set_on_its_own(tmp_path, monkeypatch, capsys):
    """--files keeps only the files whose names match, so a fresh set's held-out part can be read alone."""
    import hashlib

    from tools import evaluate_captions

    right = {"text": "Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)",
             "credit": {"photographer": "Li Xin", "agency": "Xinhua", "provider": None}, "date": "2025-10-02",
             "date_kind": "taken", "location": {"sublocation": None, "city": "Chengdu", "province": None,
                                                "country": None}}
    wrong = {**right, "text": "Pandas play in Leshan, Oct. 2, 2025. (Xinhua/Li Xin)"}
    (tmp_path / "en_old.jsonl").write_text(json.dumps(right) + "\n", encoding="utf-8")
    (tmp_path / "en_fresh9.jsonl").write_text(json.dumps(wrong) + "\n", encoding="utf-8")
    keys = {hashlib.sha1(item["text"].encode()).hexdigest()[:16]: "heldout" for item in (right, wrong)}
    (tmp_path / "split.json").write_text(json.dumps({"split": keys}), encoding="utf-8")
    monkeypatch.setattr(evaluate_captions, "OUR_SETS", tmp_path)
    arguments = ["--split", "heldout", "--no-dev", "--no-precision"]
    assert main([*arguments, "--files", "en_fresh9*"]) == 1  # only the wrong caption is scored
    printed = capsys.readouterr().out
    assert "English, heldout: 1 captions" in printed and "Chinese" not in printed
    assert main([*arguments, "--files", "en_old*"]) == 0
    assert "English, heldout: 1 captions" in capsys.readouterr().out
    assert main([*arguments]) == 1  # both files
    assert "English, heldout: 2 captions" in capsys.readouterr().out
    assert main([*arguments, "--files", "!en_fresh*"]) == 0  # a group left out: the wrong caption's file
    assert "English, heldout: 1 captions" in capsys.readouterr().out
    assert main([*arguments, "--files", "en_nothing*,en_fresh9*"]) == 1  # several patterns
    assert "English, heldout: 1 captions" in capsys.readouterr().out


def test_the_precision_count_names_the_fields_that_hold_the_wrong_values(tmp_path, monkeypatch, capsys):
    """On sets written here: one tune caption whose city is wrong, a non-caption, no corpus."""
    import hashlib

    from tools import evaluate_captions

    wrong = {"text": "Pandas play in Leshan, Oct. 2, 2025. (Xinhua/Li Xin)",
             "credit": {"photographer": "Li Xin", "agency": "Xinhua", "provider": None}, "date": "2025-10-02",
             "date_kind": "taken", "location": {"sublocation": None, "city": "Chengdu", "province": None,
                                                "country": None}}
    nothing = {"text": "OLYMPUS DIGITAL CAMERA", "credit": {"photographer": None, "agency": None, "provider": None},
               "date": None, "date_kind": None,
               "location": {"sublocation": None, "city": None, "province": None, "country": None}}
    (tmp_path / "en_test.jsonl").write_text(json.dumps(wrong) + "\n", encoding="utf-8")
    (tmp_path / "not_captions.jsonl").write_text(json.dumps(nothing) + "\n", encoding="utf-8")
    key = hashlib.sha1(wrong["text"].encode()).hexdigest()[:16]
    (tmp_path / "split.json").write_text(json.dumps({"split": {key: "tune"}}), encoding="utf-8")
    monkeypatch.setattr(evaluate_captions, "OUR_SETS", tmp_path)
    monkeypatch.setenv("CATALOG_SHARED", str(tmp_path / "no shared data"))
    assert main(["--lang", "en", "--split", "tune", "--no-dev"]) == 1
    printed = capsys.readouterr().out
    assert "labelled sets above                    5 values taken,    1 wrong (20.00%)" in printed
    assert ("    by field: photographer 0, agency 0, provider 0, date 0, date_kind 0, sublocation 0, city 1, "
            "province 0, country 0\n") in printed


def test_nothing_is_read_from_our_non_captions():
    score = evaluate(OUR_SETS / "not_captions.jsonl")
    assert score.total >= 40
    assert score.taken == 0, report(score, show_errors=True)


@pytest.mark.skipif(corpus_score(corpus_root()) is None, reason="no ExifTool or no corpus of real files")
def test_every_corpus_caption_is_labelled_and_few_values_are_wrong():
    score, unlabelled = corpus_score(corpus_root())
    assert unlabelled == 0
    assert score.wrong <= 2, report(score, show_errors=True)


# --- the scoring rules of ../shared/captions/README.md, on a set written here -------------------------------


@pytest.mark.parametrize("field_name, got, expected, right", [
    ("city", "Kraków", ["KRAKOW"], True),  # case and accents folded
    ("city", "Laibin City", ["Laibin"], True),  # a trailing "City" does not count
    ("province", "Anhui Province", ["Anhui"], True),  # nor "Province" after a province
    ("sublocation", "the Luogang Park", ["Luogang Park"], True),  # nor a leading "the"
    ("sublocation", "Luogang Park", ["the Luogang Park area"], True),  # one name inside the other
    ("city", "Luogang", ["Luogang Park"], False),  # containment is for sublocations only
    ("sublocation", None, ["Xincheng County", None], True),  # an alt value
    ("date", None, ["2025-10-14"], False),
    ("date_kind", None, [None], True),
])
def test_scoring_rules(field_name, got, expected, right):
    assert matches(field_name, got, expected) is right


def test_fold():
    assert fold("  The   Ovacık  district ") == "ovacik district"


def test_a_set_below_the_threshold_exits_one(tmp_path, capsys):
    items = [
        {"text": "Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)",
         "credit": {"photographer": "Li Xin", "agency": "Xinhua", "provider": None},
         "date": "2025-10-02", "date_kind": "taken",
         "location": {"sublocation": None, "city": "Chengdu", "province": None, "country": None}},
        {"text": "Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)",
         "credit": {"photographer": "Someone Else", "agency": "Xinhua", "provider": None},
         "date": "2025-10-02", "date_kind": "taken",
         "location": {"sublocation": None, "city": "Chengdu", "province": None, "country": None},
         "alt": {"date": ["2025"]}},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in items) + "\n", encoding="utf-8")
    assert main([str(path), "--show-errors"]) == 1
    printed = capsys.readouterr().out
    assert "  photographer   50.0%  (1/2)       wrong   1 of    2 taken   below 95%" in printed
    assert "  agency        100.0%  (2/2)       wrong   0 of    2 taken\n" in printed
    assert "line 2 photographer: got 'Li Xin', expected ['Someone Else']" in printed


def test_an_unreadable_set_exits_two(tmp_path, capsys):
    assert main([str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_the_package_command_runs_the_checkout_scorer(tmp_path):
    """`python -m catalog.captions.evaluate` (the name the issue and docs give) scores a set as the tool does."""
    import subprocess
    import sys

    one = {"text": "Riders cross a bridge in Lanzhou, northwest China's Gansu Province, Aug. 3, 2025. "
                   "(Xinhua/Fan Peishen)",
           "credit": {"photographer": "Fan Peishen", "agency": "Xinhua", "provider": None},
           "date": "2025-08-03", "date_kind": "taken",
           "location": {"sublocation": None, "city": "Lanzhou", "province": "Gansu", "country": "China"}}
    wrong = dict(one, credit={"photographer": "Someone Else", "agency": "Xinhua", "provider": None})
    for name, item, code in (("right.jsonl", one, 0), ("wrong.jsonl", wrong, 1)):
        (tmp_path / name).write_text(json.dumps(item) + "\n", encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "catalog.captions.evaluate", str(tmp_path / name)],
                              capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1], timeout=120)
        assert done.returncode == code, done.stderr
        assert "photographer" in done.stdout and "city" in done.stdout


def test_the_package_command_without_a_checkout_says_so(monkeypatch, tmp_path, capsys):
    from catalog.captions import evaluate as package_command

    monkeypatch.setattr(package_command, "CHECKOUT", tmp_path)
    assert package_command.main(["--split", "tune"]) == 2
    assert "needs a checkout" in capsys.readouterr().err


def test_a_chinese_captions_agency_gets_its_other_reading():
    """tools.chinese_agency_alts: a regional paper's Chinese label gains the registry's English, an English label
    outside the contract's list gains the Chinese its credit writes; the contract's wires keep one name."""
    from catalog.captions.rules import load_rules
    from tools.chinese_agency_alts import chinese_names, other_reading

    standard = load_rules().standard_agency
    names = chinese_names()

    def row(agency, raw, alt=None):
        made = {"text": f"市民在公园散步。{raw}", "credit": {"agency": agency, "raw": raw}}
        return {**made, "alt": alt} if alt else made

    assert other_reading(row("广州日报", "广州日报记者 王某 摄"), standard, names) == "Guangzhou Daily"
    assert other_reading(row("Guangzhou Daily", "广州日报记者 王某 摄"), standard, names) == "广州日报"
    assert other_reading(row("广州日报", "广州日报记者 王某 摄", {"agency": ["Guangzhou Daily"]}), standard,
                         names) is None
    assert other_reading(row("Xinhua", "新华社记者 王某 摄"), standard, names) is None
    assert other_reading(row(None, "王某 摄"), standard, names) is None


def test_every_chinese_caption_accepts_both_readings_of_its_agency(capsys):
    """The rule of tests/data/captions/README.md holds in every file (a new set labelled one way gets the other
    reading by `python -m tools.chinese_agency_alts --write`)."""
    from tools.chinese_agency_alts import main as alternatives

    assert alternatives([]) == 0, capsys.readouterr().out
