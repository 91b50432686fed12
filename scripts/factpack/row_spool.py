"""The fact files' own rendered rows (citations and statements, file_rows.py), set aside on disk from the moment each
file's result arrives until the tables are written.

A build needs these rows only to write two tables and to keep them for the next build (row_store), yet they are
the largest part of every file's result: about 900 MB of CSV and JSON at 20,000 articles, held through the checks
and the merge. Set aside, each file's parts are pieces of one anonymous temporary file, made in the system's
temporary folder (TMPDIR, as Python's tempfile finds it). The system removes it when the build ends, however it
ends; it is never in the dataset, and nothing but this process can open it. A table is read back once, into one
buffer of its final size (`joined`), so its parts are never held beside the whole.
"""

import os
import tempfile
from dataclasses import dataclass


class Spool:
    """An append-only temporary file of byte strings."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="factpack-rows-")
        self._end = 0
        self._flushed = True

    def put(self, data: bytes) -> "Piece":
        self._file.write(data)
        self._flushed = False
        piece = Piece(self, self._end, len(data))
        self._end += len(data)
        return piece

    def read(self, piece: "Piece") -> bytes:
        self._flush()
        data = os.pread(self._file.fileno(), piece.length, piece.offset)
        if len(data) != piece.length:
            raise _ended_early(piece.offset + len(data))
        return data

    def read_into(self, piece: "Piece", view: memoryview) -> None:
        """Fill `view` (of the piece's length) with the piece's bytes."""
        self._flush()
        done = 0
        while done < piece.length:
            read = os.preadv(self._file.fileno(), [view[done:]], piece.offset + done)
            if read <= 0:
                raise _ended_early(piece.offset + done)
            done += read

    def _flush(self) -> None:
        if not self._flushed:
            self._file.flush()
            self._flushed = True

    def set_aside(self, result: dict) -> dict:
        """A file's result with its rendered rows (table → (CSV bytes, JSON bytes, count)) as pieces of the spool."""
        rows = result.get("rows")
        if isinstance(rows, dict):
            result["rows"] = {name: (self._piece(csv_part), self._piece(json_part), count)
                              for name, (csv_part, json_part, count) in rows.items()}
        return result

    def _piece(self, part: "bytes | Piece") -> "Piece":
        return part if isinstance(part, Piece) else self.put(part)


@dataclass(frozen=True, slots=True)
class Piece:
    """Bytes set aside in a spool."""

    spool: Spool
    offset: int
    length: int

    def __len__(self) -> int:
        return self.length

    def read(self) -> bytes:
        return self.spool.read(self)


def _ended_early(at: int) -> OSError:
    return OSError(f"the temporary file of rendered rows ended early, at byte {at}")


def plain(part: "bytes | Piece") -> bytes:
    """The bytes of a part, read back if it was set aside."""
    return part.read() if isinstance(part, Piece) else part


def plain_tables(rendered: dict) -> dict:
    """A file's rendered tables with their parts as bytes: what the row store keeps (marshal writes plain values)."""
    return {name: (plain(csv_part), plain(json_part), count) for name, (csv_part, json_part, count) in rendered.items()}


def joined(parts: list, separator: bytes = b"", head: bytes = b"", tail: bytes = b"") -> bytearray:
    """head + the parts (bytes, or pieces read back) with `separator` between them + tail, made in one buffer of its
    final size: at 20,000 articles the statements' JSON is 497 MB, and a join of bytes would hold it twice."""
    size = len(head) + sum(map(len, parts)) + len(separator) * max(len(parts) - 1, 0) + len(tail)
    buffer, at = bytearray(size), 0
    with memoryview(buffer) as view:
        for index, part in enumerate([head, *parts]):
            if index > 1:
                view[at:at + len(separator)] = separator
                at += len(separator)
            end = at + len(part)
            if isinstance(part, Piece):
                part.spool.read_into(part, view[at:end])
            else:
                view[at:end] = part
            at = end
        view[at:] = tail
    return buffer
