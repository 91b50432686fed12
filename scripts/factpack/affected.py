"""The files an edit can affect: whose cross-file findings may change when some fact files change.

Every cross-file finding has an owner and depends on some files; an edit affects the owner when the
edited file, before or after the edit, is one of them:

- a finding on one record (a reference, a date, a code, a participant) or one file (its name, the
  records resting on it alone) depends on that file, and on facts of the whole dataset that `Whole`
  answers from the index (the kinds of an id, the first file and number of sources of a record);
- an id used for two kinds, a disagreement and an event without participants depend on the files that
  define the id;
- a pair of look-alike names or of probable duplicate events depends on the files that define either id;
  whether a pair of names is reported depends on which id comes first among those sharing the name, so
  every id sharing a name with a changed record is affected;
- an organization that is its own parent depends on the files that name a parent or define one;
- an unknown reference's hint names the closest id of the whole dataset, which any edit may change: a
  file with an unknown reference is always affected.

`files` returns every file an affected owner depends on: the cross-file stage run on those files alone,
before and after the edit, gives every affected owner's findings exactly (incremental.py).
"""

from factpack.context import id_tables


class Mentions(dict):
    """file → what it mentions, each read when first asked for (`load`); `every` reads them all."""

    def __init__(self, names, load):
        super().__init__()
        self.names, self.load = names, load

    def __missing__(self, name: str) -> dict:
        self[name] = found = self.load(name)
        return found

    def every(self) -> list:
        return [self[name] for name in self.names]


AT_MOST_CHANGED = 1 / 20  # of the files: beyond this, a whole run costs about the same
LOOKUPS = ("defined_by", "referred_by", "named", "taking_part", "sources", "unmerged")
PARENTS = "parents"


def edited(now: dict, before: dict) -> set | None:
    """The files whose cache key (file → key) differs between two runs, new and removed files included (a file
    without a key, refused before it was read, always counts); None when they are more than AT_MOST_CHANGED of
    every file before and after, and a whole run costs about the same. Validation and the row store both ask."""
    names = now.keys() | before.keys()
    changed = {name for name in names if not now.get(name) or now.get(name) != before.get(name)}
    return changed if len(changed) <= max(1, len(names) * AT_MOST_CHANGED) else None


def _as_kept(lookup: dict) -> dict:
    """Sets as sorted tuples, which compare equal when the files are the same; None (a key taken out) as it is."""
    return {key: tuple(sorted(files)) if isinstance(files, set) else files for key, files in lookup.items()}


class Index:
    """What every file mentions (mentions.py), looked up the other way round: which files mention a given id.
    A changed file is indexed as it was and as it is (`versions`)."""

    def __init__(self, found: Mentions, kept: dict | None = None):
        self.found = found  # file → mentions, of the files the edit did not change
        self.changed: dict = {}  # file → [mentions before and/or after]
        # (table, id) → files that define it, id → files that refer to it, (table, folded name) → files with a
        # record of that name, participant id → files with an event it takes part in; file → its source's id;
        # file → the (table, id) it defines but merge leaves out; files with an organization's parent.
        # Kept as tuples (marshal reads them three times faster than sets), made sets where a run changes them.
        lookups: dict = kept or {name: {} for name in LOOKUPS} | {PARENTS: ()}
        self.defined_by, self.referred_by, self.named, self.taking_part, self.sources, self.unmerged = (
            lookups[name] for name in LOOKUPS)
        self.parents = set(lookups[PARENTS])
        self._edited: dict = {name: set() for name in LOOKUPS}  # the keys a run changed, to be kept again
        if kept is None:
            for name in found.names:
                self._add(name, found[name])

    def kept(self) -> dict:
        """The lookups, to be kept with the state and given back to the next run's Index."""
        return {name: _as_kept(getattr(self, name)) for name in LOOKUPS} | {PARENTS: tuple(self.parents)}

    def edits(self) -> dict:
        """Of each lookup, the keys a change or a settlement touched, with their values now (as `kept` gives them);
        and the files with a parent."""
        return {name: _as_kept({key: getattr(self, name).get(key) for key in self._edited[name]})
                for name in LOOKUPS} | {PARENTS: tuple(self.parents)}

    def change(self, changed: dict) -> None:
        """Index the changed files (file → [mentions before and/or after]) as they were and as they are."""
        self.changed = changed
        for name, versions in changed.items():
            for mentioned in versions:
                self._add(name, mentioned)

    def settle(self, now: dict) -> None:
        """Forget the changed files as they were (file → their mentions now, absent if removed)."""
        for name, versions in self.changed.items():
            for mentioned in versions:
                self._add(name, mentioned, forget=True)
            if name in now:
                self._add(name, now[name])
                self.found[name] = now[name]
        self.changed = {}

    def _add(self, name: str, found: dict, forget: bool = False) -> None:
        keyed = (("defined_by", found["defines"]), ("referred_by", found["refers"]),
                 ("named", [(t, fold) for t, _, fold in found["names"]]),
                 ("taking_part", [who for _, who in found["participants"]]))
        for lookup_name, keys in keyed:
            lookup, edited = getattr(self, lookup_name), self._edited[lookup_name]
            for key in keys:
                edited.add(key)
                files = lookup.get(key, ())
                if not isinstance(files, set):
                    files = lookup[key] = set(files)
                (files.discard if forget else files.add)(name)
        if found["parents"]:
            (self.parents.discard if forget else self.parents.add)(name)
        self.sources.pop(name, None)
        self.unmerged.pop(name, None)
        self._edited["sources"].add(name)
        self._edited["unmerged"].add(name)
        if not forget:
            self.sources[name] = found["source"]
            left_out = tuple(sorted(set(found["defines"]) - set(found["merged"])))
            if left_out:
                self.unmerged[name] = left_out

    def versions(self, name: str) -> list:
        return self.changed[name] if name in self.changed else [self.found[name]]

    def defining(self, ids) -> set:
        tables = id_tables()
        return set().union(*(self.defined_by.get((table, record_id), ()) for record_id in ids for table in tables))

    def referring(self, ids) -> set:
        return set().union(*(self.referred_by.get(record_id, ()) for record_id in ids))

    def sharing_a_name(self, ids) -> set:
        folds = {(table, fold) for name in self.defining(ids) for found in self.versions(name)
                 for table, record_id, fold in found["names"] if record_id in ids}
        return {record_id for key in folds for name in self.named[key] for found in self.versions(name)
                for table, record_id, fold in found["names"] if (table, fold) == key}

    def sharing_a_participant(self, ids) -> set:
        who = {someone for name in self.defining(ids) for found in self.versions(name)
               for event_id, someone in found["participants"] if event_id in ids}
        return {event_id for someone in who for name in self.taking_part[someone] for found in self.versions(name)
                for event_id, other in found["participants"] if other == someone}

    def named_parents(self) -> set:
        return {parent for name in self.parents for found in self.versions(name) for parent in found["parents"]}


def files(index: Index, hinted) -> set:
    """The files the changed files can affect, as they were and as they are; `hinted` is the files with a
    cross-file finding of an unknown reference before the change."""
    ids = {record_id for versions in index.changed.values() for found in versions for _, record_id in found["defines"]}
    touched = set(index.changed) | index.defining(ids) | index.referring(ids)
    touched |= index.defining(index.sharing_a_name(ids) | index.sharing_a_participant(ids))
    return touched | set(hinted) | index.parents | index.defining(index.named_parents())


class Whole:
    """What the checks of a subset need to know of the whole dataset, in one version of it: the changed
    files as they were or as they are (`version`), in that version's order (file → position)."""

    def __init__(self, index: Index, version: dict, order: dict):
        self.index, self.version, self.order = index, version, order

    def _given(self, name: str, part: str, key: tuple) -> bool:
        """Whether the file, in this version, lists `key` among its `part` (defines or merged); an unchanged file
        is taken from the index."""
        if name in self.index.changed:
            return key in (self.version.get(name) or {}).get(part, ())
        return part == "defines" or key not in self.index.unmerged.get(name, ())

    def _source(self, name: str) -> str:
        if name in self.index.changed:
            return (self.version.get(name) or {}).get("source", "")
        return self.index.sources.get(name, "")

    def _defines(self, key: tuple) -> bool:
        return any(self._given(name, "defines", key) for name in self.index.defined_by.get(key, ()))

    def kinds(self, record_id) -> tuple:
        return tuple(table for table in sorted(id_tables()) if self._defines((table, record_id)))

    def ids_of(self, table: str) -> list:
        return sorted(i for (kind, i) in self.index.defined_by if kind == table and self._defines((kind, i)))

    def sources(self, table: str, record_id: str) -> tuple:
        """(the first file that gives the record, the number of sources that do)."""
        giving = [name for name in self.index.defined_by.get((table, record_id), ())
                  if self._given(name, "merged", (table, record_id))]
        if not giving:  # not in this version: the counts in incremental.py then disagree, and it validates whole
            return None, 0
        return min(giving, key=self.order.__getitem__), len({self._source(name) for name in giving} - {""})
