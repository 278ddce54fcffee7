"""A credit list reads a few columns of each photo and works out each distinct credit once: its entries are those
of each photo's own credit (`credit_entry` on the whole record), in the order of the search or the story.
SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from catalog.credits import credit_entry, credit_list, records


def _as_rows(credited):
    return [(photo.id, photo.path, entry.line, entry.name, entry.kind, entry.paths) for photo, entry in credited]


def _each_own(lib, photos):
    return [(photo.id, photo.path, e.line, e.name, e.kind, e.paths)
            for photo, e in ((photo, credit_entry(lib, photo)) for photo in photos)]


def test_a_list_is_each_photos_own_credit_in_search_order(cli, lib, imported):
    # two photos by one photographer written in capitals, the caption of one spelling the name
    for name, caption in (("gansu-bullet-train.jpg", "A train in Gansu. (Photo/Xu Gang)"),
                          ("hefei-aircraft.jpg", "A flying car in Hefei.")):
        assert cli("set", name, "photographer=XU GANG", f"caption={caption}").exit_code == 0
    for terms in ([], ["in:China"], ["by:xu"], ["gang"]):
        searched = lib.search(terms).photos
        assert searched, terms
        assert _as_rows(credit_list(lib, terms)) == _each_own(lib, searched)
    lines = [entry.line for _, entry in credit_list(lib, [])]
    assert lines.count("Photo/Xu Gang") == 2  # shown as the caption spells it, and as the other photo does


def test_a_story_list_keeps_its_order_ids_paths_and_repeats(lib, imported):
    photos = {photo.path.rsplit("/", 1)[-1]: photo for photo in lib.all_photos()}
    train, car, probe = (photos[name] for name in ("gansu-bullet-train.jpg", "hefei-aircraft.jpg",
                                                    "tianwen2-probe.jpg"))
    refs = [str(car.id), "gansu-bullet-train.jpg", str(probe.id), str(car.id)]
    assert _as_rows(credit_list(lib, [], files=refs)) == _each_own(lib, [car, train, probe, car])


def test_the_template_format_reads_whole_records(cli, lib, imported):
    searched = json.loads(cli("search", "--format", "json").output)
    credited = credit_list(lib, [])
    whole = records(lib, credited, [photo.path for photo, _ in credited], searched=True)
    assert sorted(whole) == sorted(record["path"] for record in searched)
    assert all(whole[record["path"]].variant_info == record["variants"] for record in searched)
    out = cli("credits", "--format", "template", "--template", "{id} {location.city}: {line} ({count})").output
    expected = [f"{r['id']} {r['location']['city'] or ''}: {credit_entry(lib, whole[r['path']]).line} (1)"
                for r in searched]
    assert sorted(out.splitlines()) == sorted(expected)


@pytest.mark.parametrize("name", ["Xu Gang", "DUANE A. LAVERTY", "McDONALD", "MacLEAN", "Macdonald", "Mcdonald",
                                  "O'BRIEN", "WANG Zhao", "Li", "XU GANG", "ǅemal ČAR", "ßtraße", "McD", "Ma", "Mac",
                                  "A. B", "张大刚", "ZHANG Da-gang", "Zhang DA-GANG", "de la CRUZ", "  Xu   Gang "])
def test_a_name_not_in_capitals_is_told_without_reading_every_word(name):
    # credits._plain skips display_name for a name with a lower-case letter in each word: it must answer as
    # display_name does, a name in capitals (None) or the name as shown.
    from catalog import credits
    from catalog.people import display_name

    shown = display_name(name)
    credits._plain.cache_clear()
    assert credits._plain(name) == (shown if shown == " ".join(name.split()) else None)


def test_a_table_of_credits_is_each_photos_own_credit_line():
    # credits.credit_lines (the table of `search`, column by column, each distinct credit once) against credit_entry
    # of each photo: names plain, in capitals, with doubled spaces, no photographer, a provider alone. (A name of
    # spaces alone is not here: the table prints the credit line as stored, credit_entry the bare template.)
    from types import SimpleNamespace

    from catalog.captions.rules import load_rules
    from catalog.credits import CreditedPhoto, credit_lines

    lib = SimpleNamespace(rules=load_rules())
    credits = [
        ("Zhang Dagang", "Photo/Zhang Dagang", None, None, "A train."),
        ("Li Xin", "Xinhua/Li Xin", "Xinhua", None, "A bridge."),
        ("XU GANG", "Photo/XU GANG", None, None, "A train in Gansu. (Photo/Xu Gang)"),
        ("XU GANG", "Photo/XU GANG", None, None, "A flying car."),
        ("Zhang  Dagang", "Photo/Zhang  Dagang", None, None, None),
        (None, "Photo by a reader", None, None, None),
        (None, None, "Xinhua", None, None),
        (None, None, None, "Getty Images", None),
        ("", "", "", "", ""),
        (None, None, None, None, None),
        ("Mary McDonald", "AP Photo/Mary McDonald", "AP", None, None),
        ("Zhang Dagang", "Photo/Zhang Dagang", None, None, "Again."),
    ]
    photos = [CreditedPhoto(n, f"/p/{n}.jpg", caption, raw, who, agency, provider)
              for n, (who, raw, agency, provider, caption) in enumerate(credits)]
    columns = [[photo[i] for photo in photos] for i in (4, 3, 5, 6, 2)]
    assert credit_lines(lib, *columns) == [credit_entry(lib, photo).line for photo in photos]
