"""The registry of diagnostic codes: the one list the checks, the error-code
reference page and its tests all read.

A code never changes meaning once published; retire it instead of reusing it.
"""

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    title: str
    explanation: str
    retired: str = ""  # why and when the code stopped being reported; a retired code is never reused


_RULES = [
    # Reading the file
    Rule("FP101", ERROR, "File is not UTF-8", "Fact files and archives must be UTF-8. Re-save the file as UTF-8 in your editor."),
    Rule("FP102", ERROR, "YAML syntax error", "The file is not well-formed YAML. The position given is where the parser gave up; the mistake is often on the line before (a missing colon, a bad indent, an unclosed quote)."),
    Rule("FP103", ERROR, "Duplicate key", "A key appears twice in the same mapping. Most YAML readers silently keep the last one; factpack refuses, so that nothing you wrote is lost. Merge the two entries."),
    Rule("FP104", ERROR, "Anchor, alias or merge key", "YAML anchors (`&a`), aliases (`*a`) and merge keys (`<<`) are refused: they hide repeated data and can expand enormously. Write the values out."),
    Rule("FP105", ERROR, "YAML tag", "Explicit tags (`!!python/…`, `!!binary`, `!!set`, `!!str` …) are refused. Remove the tag; quote the value if it must stay text."),
    Rule("FP106", ERROR, "More than one YAML document", "A fact file holds exactly one document. Remove the extra `---` line or split the file."),
    Rule("FP107", ERROR, "Nested too deeply", "The file nests mappings and lists deeper than any fact file needs. Check the indentation."),
    Rule("FP108", ERROR, "File too large", "The file is larger than a fact file for one article can reasonably be. Split it, or check that nothing was pasted by mistake."),
    Rule("FP109", ERROR, "Not a mapping", "A fact file is a mapping with the keys `source`, `actors`, `organizations`, `events`, `affiliations`, `relationships`."),
    Rule("FP110", ERROR, "Mapping key is not text", "Keys must be plain text."),
    Rule("FP111", ERROR, "Not a regular file", "Fact files are read only if they are regular files inside the dataset: a symbolic link, a folder, a device or a FIFO named `*.yaml` is refused unread. Replace it with the file itself."),
    Rule("FP120", ERROR, "Dataset description invalid", "`datasets/package.json` must follow `schema/package.schema.json`: a Semantic Version, http(s) URLs that pass the URI check, text without control characters, no unknown keys. Its values reach datapackage.json and the site."),
    # The fact-file schema
    Rule("FP201", ERROR, "Unknown key", "The key is not part of the fact-file schema (often a typo). The hint lists the keys allowed there."),
    Rule("FP202", ERROR, "Missing key", "A required key is missing from the record."),
    Rule("FP203", ERROR, "Wrong kind of value", "The value has the wrong shape: text where a list is expected, a list where text is expected, and so on."),
    Rule("FP204", ERROR, "Empty value", "The key is present but has no value. Give a value or remove the key."),
    Rule("FP205", ERROR, "Badly formed value", "The value does not have the form the field requires (an id, a date, a code)."),
    Rule("FP206", ERROR, "Too long or too short", "The text or list is longer or shorter than the field allows."),
    Rule("FP207", ERROR, "Unknown code", "The value is not in the field's codelist. The hint gives the closest codes and the page that lists them all."),
    Rule("FP209", ERROR, "Not an http(s) URL", "URLs must be absolute and start with http:// or https://."),
    # Identifiers and references
    Rule("FP301", ERROR, "Duplicate id", "Two records in the same fact file have the same id, or one id is used for records of different kinds. Ids must be unique within a file and name one kind of thing across the dataset."),
    Rule("FP302", ERROR, "Unknown reference", "The id referred to is not defined in any fact file. The hint suggests the closest ids."),
    Rule("FP303", ERROR, "Participant not identified one way", "Each participant is a named person (`actor`), an organization (`organization`), or people the source does not name (`description`, optionally with the `organization` they act for and a `count`): not an actor and an organization, not an actor with a description, not none of them."),
    Rule("FP304", ERROR, "File name does not match source id", "A fact file is named after its source: `datasets/facts/<source id>.yaml`."),
    Rule("FP305", ERROR, "Listed twice", "The same name or participant is listed twice in one record."),
    Rule("FP306", ERROR, "Reference to itself or a cycle", "A record cannot respond to itself, and an organization cannot be its own parent (directly or through others)."),
    Rule("FP307", ERROR, "Reference to the wrong kind of record", "The id exists but names another kind of record (an organization where a person is expected, for example)."),
    Rule("FP308", ERROR, "Malformed row of a curated table", "A table curated by hand (such as `datasets/retired-ids.csv`) must have exactly the table's columns, in order, and every row must fit the data dictionary: required cells filled, codes from the allowed list, ids and versions well formed."),
    Rule("FP309", ERROR, "Retired id in use", "An id listed in `datasets/retired-ids.csv` was published before and retired; ids are never reused, so a fact file may not define it again. Choose another id, or remove the row if the retirement was a mistake."),
    Rule("FP310", ERROR, "Retired id without a valid replacement", "A merged id must name, in `replaced_by`, an id that exists in the same table (consumers join on it); a withdrawn id names none."),
    # Dates
    Rule("FP401", ERROR, "Not an EDTF date", "Dates are written in EDTF: `2019-03-10`, `2019-03`, `2019`, `2017-21` (spring), `2019-03-10?` (uncertain), `2019-03~` (approximate), `2019-03-11/2019-08-17` (interval)."),
    Rule("FP402", ERROR, "Start after end", "In an interval, or between `start` and `end`, the start must not be later than the end."),
    Rule("FP403", ERROR, "Date in the future", "A fact in a news article cannot have happened after today."),
    Rule("FP404", ERROR, "Open interval", "Open or unknown interval ends (`..`, empty) are not supported yet: give the latest possible date instead, e.g. the publication date."),
    # Text
    Rule("FP501", ERROR, "Control character", "The text contains an invisible control character (or a line break where one line is expected). Retype the text or remove the character."),
    Rule("FP502", ERROR, "Invisible formatting character", "Bidirectional overrides, zero-width and other invisible formatting characters can make text display differently from what it says. Remove them (zero-width joiners are allowed in names and quotes)."),
    Rule("FP503", ERROR, "Text starts like a spreadsheet formula", "Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return runs as a formula when the CSV is opened in a spreadsheet. Reword the start of the text (for a negative number, write it in words or add the unit first)."),
    Rule("FP504", ERROR, "Text not in Unicode NFC form", "The text uses decomposed characters (a letter followed by a combining accent). The hint shows the composed form; most editors can convert the file to NFC."),
    Rule("FP505", ERROR, "Unusable character", "Surrogates, private-use characters and non-characters are not text and cannot be published."),
    Rule("FP506", ERROR, "Leading or trailing spaces", "Remove the spaces around the value; they are invisible in the tables and break matching."),
    # Evidence
    Rule("FP601", ERROR, "Quote not found in the archived article", "Every evidence quote must appear verbatim in `datasets/archive/<source id>.txt` (differences in whitespace and typographic quotes are ignored). Copy the quote again from the archive."),
    Rule("FP602", ERROR, "Archived article missing", "Every fact file needs its article's plain text at `datasets/archive/<source id>.txt`."),
    Rule("FP603", ERROR, "Archived article unreadable", "The archived article must be a UTF-8 text file."),
    Rule("FP604", ERROR, "Archived article refused", "The archived article is read only if it is a regular file inside the dataset and at most 16 MiB: a symbolic link (which could point at any file on the machine), a folder, a device or a FIFO is refused unread."),
    Rule("FP605", ERROR, "Quote does not name the record", "A person, organization or place is established by a quote that names it. None of the record's quotes contains its name or any name listed under `names`: quote the words that name it, or add the name the article uses under `names`."),
    Rule("FP606", ERROR, "Quote too short for an event", "An event's quote must be at least three words: one or two words (\"the\", \"police\") appear in almost any article and prove nothing. Quote the sentence that says what happened."),
    Rule("FP607", ERROR, "Quote too long", "A quote is the publisher's words, published as a short quotation so that the fact can be checked (see the Quotations page). One quote may be at most 200 characters: quote the clause that establishes the fact, not the paragraph around it."),
    Rule("FP608", ERROR, "Article quoted too much", "The quotes of one fact file together may cover at most half of the archived article's text (overlapping quotes count once). Shorten the longest quotes to the words that establish each fact; a person or organization is established by a quote that names it."),
    # Codes from international standards
    Rule("FP701", ERROR, "Unknown country code", "Countries are ISO 3166-1 alpha-2 codes such as `KZ`, `CN`, `US`."),
    Rule("FP702", ERROR, "Invalid language tag", "Languages are BCP 47 tags such as `en`, `kk`, `ru`, `kk-Cyrl`."),
    Rule("FP703", ERROR, "Unknown script code", "Scripts are ISO 15924 codes such as `Latn`, `Cyrl`, `Arab`."),
    Rule("FP704", ERROR, "Unknown unit", "An amount's unit is an ISO 4217 currency code such as `KZT`, `USD`, `EUR`, or one of `people`, `days`, `months`, `years`."),
    # Merging records across fact files
    Rule("FP801", ERROR, "Conflicting values for one record", "The same id was described in two fact files with different values for a field that holds one value.",
         retired="Since data version 0.2.0 each file's values are that source's claims: a disagreement is kept and reported as FP905."),
    # A built package (factpack validate datapackage.json); the frictionless error type is named in the message
    Rule("FP951", ERROR, "File size differs from the descriptor", "The file's byte count is not the `bytes` datapackage.json declares (frictionless: byte-count). The file was changed or truncated after the build."),
    Rule("FP952", ERROR, "File hash differs from the descriptor", "The file's SHA-256 is not the `hash` datapackage.json declares (frictionless: hash-count). Download it again or rebuild."),
    Rule("FP953", ERROR, "Header does not match the Table Schema", "A column is missing, extra or misnamed in the header (frictionless: missing-label, extra-label, incorrect-label)."),
    Rule("FP954", ERROR, "Row has the wrong number of cells", "A row has fewer or more cells than the header, or none at all (frictionless: missing-cell, extra-cell, blank-row)."),
    Rule("FP955", ERROR, "Value of the wrong type", "A cell cannot be read as its field's type, e.g. text in an integer column (frictionless: type-error)."),
    Rule("FP956", ERROR, "Value breaks a constraint", "A cell is empty where a value is required, or breaks a pattern, codelist or length limit (frictionless: constraint-error)."),
    Rule("FP957", ERROR, "Duplicate primary key", "Two rows have the same primary key (frictionless: primary-key)."),
    Rule("FP958", ERROR, "Foreign key not found", "A reference points at a row that the referenced table does not have (frictionless: foreign-key)."),
    Rule("FP959", ERROR, "Resource unreadable", "A file named by the descriptor is missing or not in its declared encoding (frictionless: scheme-error, source-error), or is refused unread: a symbolic link, a device, a FIFO or a remote URL (stock frictionless would follow or download it). Put the file itself inside the package folder."),
    Rule("FP960", ERROR, "Package could not be checked", "Stock frictionless raised an exception on the package, or did not finish within the time limit (`--time-limit`; a pattern that backtracks can run for ever) or its 4 GiB memory limit. The package is not certified."),
    Rule("FP962", ERROR, "Descriptor invalid", "frictionless finds the descriptor itself invalid (package-error, resource-error, schema-error, field-error, dialect-error); an unsafe path is reported here."),
    # Warnings
    Rule("FP901", WARNING, "Probably the same entity under two ids", "Two records have names that are the same after folding case, accents and common transliterations. If they are the same entity, use one id."),
    Rule("FP902", WARNING, "Cited by only one source", "The record rests on a single source. Corroborate it from another article when you can."),
    Rule("FP903", WARNING, "Event without participants", "Name who took part, and in what role, when the article says."),
    Rule("FP961", WARNING, "Stricter than frictionless", "frictionless accepts this (a byte-order mark, spaces around a header label); factpack's own packages never have it, so it is pointed out."),
    Rule("FP906", WARNING, "Probably the same event under two ids", "Two events have the same type, dates that overlap and a participant in common: probably one event reported by two articles. If so, keep the existing id and give your article's account under it; its date, summary and participants become claims beside the other's."),
    Rule("FP905", WARNING, "Sources disagree", "Another fact file gives a different value for this field of the same record. Both are kept as claims in the statements table, the record lists the field under `disputed`, and the published value is resolved by the rule the methodology gives for the field. Nothing needs fixing when both articles describe the same thing; if they describe different things, give your record its own id."),
    Rule("FP904", WARNING, "Event dated after the source was published", "An article cannot report what happened after it was published: check the year."),
]

RULES = {rule.code: rule for rule in _RULES}


def rule(code: str) -> Rule:
    return RULES[code]
