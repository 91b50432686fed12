"""People, organizations and places found in an article's text (factpack/draft/mentions.py)."""

from factpack.draft.known import Known
from factpack.draft.mentions import find


def found(text, known=()):
    return {(e.table, e.id, e.name, e.kind, e.country, e.known) for e in find(text, list(known))}


def test_a_known_spelling_reuses_the_dataset_id():
    text = "The activist Serikjan Bilash was detained."
    known = [Known("actors", "serikzhan-bilash", "Serikjan Bilash")]
    assert found(text, known) == {("actors", "serikzhan-bilash", "Serikjan Bilash", "", "", True)}


def test_a_title_is_not_part_of_a_name_and_a_surname_is_the_same_person():
    [pompeo] = find("U.S. Secretary of State Mike Pompeo spoke. Later, Pompeo left.", [])
    assert (pompeo.table, pompeo.id, pompeo.name) == ("actors", "mike-pompeo", "Mike Pompeo")
    assert len(pompeo.mentions) == 2


def test_organizations_by_keyword_and_by_cue_and_places_from_iso_3166():
    text = ("Officers of the Committee for National Security questioned members of the group Qorgau in Almaty, "
            "Kazakhstan.")
    assert found(text) == {
        ("organizations", "committee-for-national-security", "Committee for National Security", "security-service", "",
         False),
        ("organizations", "qorgau", "Qorgau", "ngo", "", False),
        ("places", "almaty", "Almaty", "city", "KZ", False),
        ("places", "kazakhstan", "Kazakhstan", "country", "KZ", False),
    }


def test_headlines_and_sentence_openers_are_not_names():
    text = "Court Fines Rights Group In Almaty\n\nThe police said nothing. On Monday, Aigerim Nurlanova spoke."
    assert {name for _, _, name, *_ in found(text)} == {"Aigerim Nurlanova"}


def test_a_lower_case_word_never_names_a_known_record():
    assert found("the police came", [Known("organizations", "almaty-police", "Almaty police")]) == set()


def test_a_region_is_never_a_person_and_a_cue_is_not_part_of_the_name():
    text = "He set up the NGO Atajurt Eriktileri to help families in Xinjiang Uighur Autonomous Region."
    assert {(table, name) for table, _, name, *_ in found(text)} == {("organizations", "Atajurt Eriktileri")}
