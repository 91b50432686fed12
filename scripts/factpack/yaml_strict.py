"""Strict YAML: plain values with the line and column of every node.

PyYAML's own loaders resolve YAML 1.1 types (`NO` → False, `014` → 12,
`2019-03-10` → a date), keep the last of two duplicate keys and expand aliases.
Here the C parser's event stream is turned into dicts, lists and strings
directly, so every scalar stays exactly the text written; the only exception is
a plain empty value (``key:``, ``~``, ``null``), which becomes None so the
schema can say "empty". Tags, anchors, aliases, merge keys, duplicate keys and
extra documents are refused before anything walks the data.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import yaml

from factpack.rule_codes import Code

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# (SafeLoader when PyYAML was built without libyaml)

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 12
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class Loaded:
    """A parsed document: `data`, and for each path the (line, column) of its value and of its key.

    The positions are the bulk of a parsed file; a large build keeps only `data` in memory
    and gives `reload`, which fetches the positions again if a finding needs them.
    """

    data: object = None
    values: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)
    reload: Callable[[], tuple[dict, dict]] | None = None

    def where(self, path, key: bool = False):
        """The position of the value at `path` (or of its key), else of its nearest ancestor."""
        path = tuple(path)
        if self.reload is not None:
            kept = self.keys if key else self.values
            if path in kept:  # the few positions kept in memory (see file_stage.split_positions)
                return kept[path]
            self.values, self.keys = self.reload()
            self.reload = None
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        while path:
            path = path[:-1]
            if path in self.values:
                return self.values[path]
        return (1, 1)


class StrictYamlError(Exception):
    def __init__(self, finding_args: dict):
        super().__init__(finding_args["message"])
        self.finding_args = finding_args


def _pos(mark):
    return (mark.line + 1, mark.column + 1)


def _refuse(code, message, mark, hint=""):
    line, column = _pos(mark)
    raise StrictYamlError(dict(code=code, message=message, line=line, column=column, hint=hint))


class _Builder:
    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.stack: list = []  # frames: [container, path, pending_key, key_marks]
        self.documents = 0

    def _check_node(self, event):
        if getattr(event, "anchor", None):
            _refuse(Code.ANCHOR_OR_ALIAS, f"anchor '&{event.anchor}' is not allowed", event.start_mark,
                    "write the value out in full instead of using anchors and aliases")
        tag = getattr(event, "tag", None)
        if tag and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
            _refuse(Code.YAML_TAG, f"YAML tag '{tag}' is not allowed", event.start_mark,
                    "remove the tag; put the value in quotes if it must stay text")

    def _place(self, value, event):
        """Put a finished node into its parent; return the path it got (None for a mapping key).

        The hot loop of loading: it runs for every node of every file, hence the plain code."""
        stack = self.stack
        if not stack:
            self.loaded.data = value
            path = ()
        else:
            frame = stack[-1]
            container = frame[0]
            if container.__class__ is list:
                path = frame[1] + (len(container),)
                container.append(value)
            elif frame[2] is None:
                return self._take_key(value, event, frame)
            else:
                key, key_mark = frame[2]
                path = frame[1] + (key,)
                container[key] = value
                self.loaded.keys[path] = (key_mark.line + 1, key_mark.column + 1)
                frame[2] = None
        mark = event.start_mark
        self.loaded.values[path] = (mark.line + 1, mark.column + 1)
        return path

    def _take_key(self, value, event, frame):
        if not isinstance(value, str):
            _refuse(Code.KEY_NOT_TEXT, "a mapping key must be plain text", event.start_mark)
        if value == "<<" and isinstance(event, yaml.ScalarEvent) and event.implicit[0]:
            _refuse(Code.ANCHOR_OR_ALIAS, "merge keys ('<<') are not allowed", event.start_mark,
                    "write the merged keys out in full")
        if value in frame[3]:
            first = frame[3][value]
            _refuse(
                Code.DUPLICATE_KEY,
                f"key '{value}' appears twice: first on line {first[0]}, again on line {_pos(event.start_mark)[0]}",
                event.start_mark,
                "merge the two entries into one; YAML keeps only one of them",
            )
        frame[3][value] = _pos(event.start_mark)
        frame[2] = (value, event.start_mark)
        return None

    def _open(self, container, event):
        self._check_node(event)
        if len(self.stack) >= MAX_DEPTH:
            _refuse(Code.TOO_DEEP, f"nesting deeper than {MAX_DEPTH} levels", event.start_mark,
                    "check the indentation; fact files nest at most a few levels")
        if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None:
            _refuse(Code.KEY_NOT_TEXT, "a mapping key must be plain text", event.start_mark)
        path = self._place(container, event)
        self.stack.append([container, path, None, {}])

    def _document(self, event):
        self.documents += 1
        if self.documents > 1:
            _refuse(Code.SEVERAL_DOCUMENTS, "a second YAML document starts here", event.start_mark,
                    "a fact file holds one document: remove the '---' line and what follows, or move it to its own file")

    def _alias(self, event):
        _refuse(Code.ANCHOR_OR_ALIAS, f"alias '*{event.anchor}' is not allowed", event.start_mark,
                "write the value out in full instead of using anchors and aliases")

    def _scalar(self, event):
        if event.anchor or (event.tag and event.tag != "!"):
            self._check_node(event)
        plain = not event.style and event.implicit[0]
        self._place(None if plain and event.value in _NULLS else event.value, event)

    def _close(self, event):
        self.stack.pop()

    def handlers(self) -> dict:
        """Event class → what to do; stream and document ends need nothing."""
        return {yaml.ScalarEvent: self._scalar, yaml.MappingStartEvent: lambda e: self._open({}, e),
                yaml.SequenceStartEvent: lambda e: self._open([], e), yaml.MappingEndEvent: self._close,
                yaml.SequenceEndEvent: self._close, yaml.AliasEvent: self._alias,
                yaml.DocumentStartEvent: self._document}


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise StrictYamlError(dict(
            code=Code.NOT_UTF8, line=line, column=column,
            message=f"byte 0x{raw[error.start]:02x} at offset {error.start} is not valid UTF-8",
            hint="re-save the file with UTF-8 encoding")) from None


def load_bytes(raw: bytes) -> Loaded:
    """Parse one fact file; raise StrictYamlError (carrying one finding's fields) on refusal."""
    if len(raw) > MAX_BYTES:
        raise StrictYamlError(dict(code=Code.FILE_TOO_LARGE, line=1, column=1,
                                   message=f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}",
                                   hint="split the article's facts or remove pasted material"))
    text = _decode(raw)
    loaded = Loaded()
    builder = _Builder(loaded)
    parser = _Loader(text)
    handlers = builder.handlers()
    try:
        # get_event returns None after the stream's end (both the C and the Python parser)
        while (event := parser.get_event()) is not None:
            handler = handlers.get(event.__class__)
            if handler is not None:
                handler(event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _pos(mark) if mark else (1, 1)
        problem = " ".join(filter(None, [error.context, error.problem]))
        raise StrictYamlError(dict(code=Code.YAML_SYNTAX, line=line, column=column, message=problem or "not valid YAML",
                                   hint="check indentation, colons and quotes here and on the line above")) from None
    except yaml.YAMLError as error:
        raise StrictYamlError(dict(code=Code.YAML_SYNTAX, line=1, column=1, message=str(error).strip())) from None
    finally:
        parser.dispose()
    return loaded


