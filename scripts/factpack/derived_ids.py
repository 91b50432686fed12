"""The ids of rows made from nested records (names, participants, amounts), from the record and its owner.

Each is made from what the record itself says, so the same record gets the same id in every build.
"""

from factpack.records import digest, participant_who


def _name(owner_id: str, record) -> str:
    v = record.values
    return f"{owner_id}/{v.get('kind')}/{digest(v.get('name'), v.get('lang'), v.get('script'), length=10)}"


def _participant(owner_id: str, record) -> str:
    return f"{owner_id}/{participant_who(record.values)}/{record.get('role')}"


def _amount(owner_id: str, record) -> str:
    """One amount per event, kind, unit and source."""
    return f"{owner_id}/{record.get('kind')}/{record.get('unit')}/{record.file.source.id}"


_OF_TABLE = {"names": _name, "participants": _participant, "amounts": _amount}


def of(record) -> str:
    """The id of a nested record's row; its owner (record.parent) has an id of its own."""
    return _OF_TABLE[record.table](record.parent.id, record)
