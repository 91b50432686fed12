"""The files an edit can affect: whose cross-file findings may change when some fact files change.

Every cross-file finding has an owner, and depends on the files that mention its owner:

| finding                                   | owner                 | depends on the files that …                     |
|-------------------------------------------|-----------------------|-------------------------------------------------|
| per record (references, dates, codes …)   | the record's file     | … are that file (an id's kinds: `whole_dataset`) |
| an id used for two kinds, disagreements, | the id                | … define it                                     |
| no participants                           |                       |                                                 |
| records resting on one source             | the first file of each | … define one of that file's ids                |
| similar names                             | a pair of ids         | … define either (which id is first: `whole_dataset`) |
| similar events                            | a pair of events      | … define either                                 |
| an organization its own parent            | the record            | … hold a parent, or define an id that is one    |

An edit affects an owner when the edited file, before or after the edit, is among the files it depends on.
`files` returns every file an affected owner depends on: the cross-file stage run on those files alone,
before and after the edit, gives every affected owner's findings exactly (incremental.py).
"""


class Index:
    """What every file mentions (mentions.py), looked up the other way round: which files mention a given id."""

    def __init__(self, by_name: dict):
        self.defined_by: dict = {}  # id → files that define it
        self.referred_by: dict = {}  # id → files that refer to it
        self.defines: dict = {}  # file → the ids it defines
        self.folds_of: dict = {}  # id → (table, folded name) of its names
        self.ids_with_fold: dict = {}  # (table, folded name) → ids
        self.who_of: dict = {}  # event id → participant ids
        self.events_with: dict = {}  # participant id → event ids
        self.parents: set = set()  # files with an organization that names its parent, and those parents' ids
        self.parent_ids: set = set()
        for name, found in by_name.items():
            self.add(name, found)

    def add(self, name: str, found: dict) -> None:
        for _, record_id in found["defines"]:
            self.defined_by.setdefault(record_id, set()).add(name)
            self.defines.setdefault(name, set()).add(record_id)
        for record_id in found["refers"]:
            self.referred_by.setdefault(record_id, set()).add(name)
        for table, record_id, fold in found["names"]:
            self.folds_of.setdefault(record_id, set()).add((table, fold))
            self.ids_with_fold.setdefault((table, fold), set()).add(record_id)
        for event_id, who in found["participants"]:
            self.who_of.setdefault(event_id, set()).add(who)
            self.events_with.setdefault(who, set()).add(event_id)
        if found["parents"]:
            self.parents.add(name)
            self.parent_ids.update(found["parents"])

    def defining(self, ids) -> set:
        return set().union(*(self.defined_by.get(record_id, ()) for record_id in ids))

    def referring(self, ids) -> set:
        return set().union(*(self.referred_by.get(record_id, ()) for record_id in ids))

    def sharing_a_name(self, ids) -> set:
        folds = set().union(*(self.folds_of.get(record_id, ()) for record_id in ids))
        return set().union(*(self.ids_with_fold[fold] for fold in folds))

    def sharing_a_participant(self, ids) -> set:
        who = set().union(*(self.who_of.get(record_id, ()) for record_id in ids))
        return set().union(*(self.events_with[someone] for someone in who))


def files(index: Index, versions: list) -> set:
    """The files an edit can affect, `versions` being (file, mentions) of each changed file before and after
    (`index` holding both)."""
    changed = {name for name, _ in versions}
    ids = {record_id for _, found in versions for _, record_id in found["defines"]}
    owners = index.defining(ids)  # files whose records are merged with a changed file's
    touched = changed | index.referring(ids)
    touched |= index.defining(set().union(ids, *(index.defines.get(name, ()) for name in owners)))
    touched |= index.defining(index.sharing_a_name(ids) | index.sharing_a_participant(ids))
    return touched | index.parents | index.defining(index.parent_ids)


def whole_dataset(by_name: dict) -> tuple:
    """(id → the tables that define it, table → {folded name: its first id}) of the files' mentions:
    what the subset's checks need to know of the whole dataset."""
    known: dict = {}
    firsts: dict = {}
    for found in by_name.values():
        add_to(known, firsts, found)
    return known, firsts


def add_to(known: dict, firsts: dict, found: dict) -> None:
    for table, record_id in found["defines"]:
        if table not in known.get(record_id, ()):
            known[record_id] = tuple(sorted((*known.get(record_id, ()), table)))
    for table, record_id, fold in found["names"]:
        first = firsts.setdefault(table, {})
        if fold not in first or record_id < first[fold]:
            first[fold] = record_id


def with_files(whole: tuple, founds: list) -> tuple:
    """`whole_dataset` of more files: a copy of `whole` with theirs added."""
    known, firsts = dict(whole[0]), {table: dict(first) for table, first in whole[1].items()}
    for found in founds:
        add_to(known, firsts, found)
    return known, firsts
