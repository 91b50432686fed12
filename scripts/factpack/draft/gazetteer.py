"""The words that tell what a capitalised name is: organization keywords, titles, and place names from
ISO 3166 (countries and their subdivisions, via pycountry, so that no list of places is kept here)."""

from functools import lru_cache

import pycountry

# Keyword in a name → organization kind (first match wins; codes of schema/codelists/organization-kinds.csv).
ORGANIZATION_WORDS = [
    ({"Court", "Tribunal"}, "court"),
    ({"Police"}, "police"),
    ({"Ministry"}, "ministry"),
    ({"Security", "KNB", "FSB", "Intelligence"}, "security-service"),
    ({"Party"}, "political-party"),
    ({"Radio", "News", "Press", "Times", "Post", "Television", "TV", "Reuters", "Agency", "Journal"}, "media"),
    ({"Nations", "OSCE", "NATO"}, "intergovernmental"),
    ({"Office", "Department", "Prosecutor", "Prosecutor's", "Administration", "Akimat", "Government", "Parliament",
      "Senate", "Commission"}, "government-office"),
    ({"Company", "Inc", "Corp", "Ltd", "Bank", "Group"}, "company"),
    ({"Watch", "Amnesty", "Foundation", "Association", "Committee", "Network", "Movement", "Society", "Center",
      "Centre", "Bureau", "Union", "Council", "Institute", "University", "Organization", "Organisation", "Federation",
      "Eriktileri"}, "ngo"),
]
# A word before a name that says it names an organization ("the group Qorgau").
ORGANIZATION_CUES = {"group", "organization", "organisation", "movement", "party", "newspaper", "outlet", "NGO",
                     "association", "foundation", "agency"}
TITLES = {"President", "Prime", "Minister", "Secretary", "Judge", "Lawyer", "Mr", "Mrs", "Ms", "Dr", "General",
          "Deputy", "Foreign", "Chief", "Prosecutor", "Spokesman", "Spokeswoman", "Ambassador", "Senator", "Governor",
          "Mayor", "Chairman", "Director", "Head", "Sheikh", "Imam", "Colonel", "Captain", "Officer", "Activist",
          "State", "U.S.", "US", "UN", "Interior", "Justice", "Defense", "Defence", "Vice", "Acting", "Former"}
# Capitalised words that start sentences or name peoples, days and months, never a person or organization alone.
STOP = {"The", "A", "An", "In", "On", "At", "As", "He", "She", "It", "His", "Her", "Its", "They", "Their", "We", "I",
        "But", "And", "Or", "After", "Before", "When", "While", "According", "This", "That", "These", "Those", "If",
        "Since", "Until", "During", "For", "From", "To", "With", "Without", "By", "Of", "Also", "However", "Meanwhile",
        "Last", "Earlier", "Later", "Some", "Many", "One", "Two", "Three", "There", "Here", "Now", "Then", "Under",
        "Kazakh", "Kazakhs", "Chinese", "Uyghur", "Uyghurs", "Uighur", "Uighurs", "Muslim", "Muslims", "Turkic",
        "American", "Russian", "Kyrgyz", "Western", "Soviet", "Islamic", "Communist", "English", "Ethnic", "Human",
        "Rights", "Facebook", "Twitter", "YouTube", "Instagram", "Telegram", "WhatsApp", "God", "Allah",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Photo", "Copyright", "Updated", "Read", "More", "Related", "What", "Who", "Why",
        "How", "Where", "Our", "Your", "My", "You", "Mr.", "Mrs.", "Ms.", "Dr."}
# Lower-case words inside a name ("Committee for National Security"); not "and" or "on", which join two names.
# Words of a place's name that no person has: such a name is a place, even one ISO 3166 does not know.
GEOGRAPHIC = {"Region", "Autonomous", "Province", "City", "District", "Republic", "Oblast", "County", "Street",
              "Square", "Avenue", "Valley", "Mountains", "River", "Lake", "Prefecture"}
# ISO 3166-2 subdivisions named by an ordinary word ("West" in Cameroon): in an article, a direction.
_DIRECTIONS = {"North", "South", "East", "West", "Central", "Centre", "Center", "Northern", "Southern", "Eastern",
               "Western", "Capital", "Coast", "Islands"}
CONNECTORS = {"of", "for", "the", "of the", "for the", "de", "al", "el", "bin", "van", "von"}


def organization_kind(words: list[str]) -> str | None:
    for keywords, kind in ORGANIZATION_WORDS:
        if keywords & set(words):
            return kind
    return None


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, str]]:
    """name → (place kind, ISO country code), for countries and the subdivisions of ISO 3166-2."""
    places: dict[str, tuple[str, str]] = {}
    divisions = [(d.name, "city" if d.type == "City" else "region", d.country_code) for d in pycountry.subdivisions]
    for name, kind, country in divisions:
        if name not in _DIRECTIONS:
            places.setdefault(name, (kind, country))
    for name, kind, country in divisions:  # "Xinjiang Uygur Zizhiqu" is called Xinjiang, unless a name is that word
        first = name.split()[0]
        if len(first) >= 5 and first != name:
            places.setdefault(first, (kind, country))
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            places[name] = ("country", country.alpha_2)
    return places


def place(name: str) -> tuple[str, str] | None:
    """(kind, country) of a place name ISO 3166 knows, else None."""
    return _places().get(name)
