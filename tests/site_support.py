"""Helpers for the site tests: build a dataset's site with mkdocs, serve it on 127.0.0.1."""

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from contextlib import contextmanager

from conftest import MINI_FACTS, REPO, run_cli

HOSTILE_NAME = '</title><script>alert("title")</script> Evil | Name'
HOSTILE_TEXT = ('<img src=x onerror=alert("img")> **bold** [click](javascript:alert("md")) a | b <script>alert("s")</script>'
                " it's R&D #1")


def make_hostile(root):
    """Turn a copy of the mini dataset into one whose contributed text is hostile (and still valid)."""
    archive = root / "datasets/archive/mini-article.txt"
    archive.write_text(archive.read_text(encoding="utf-8") + f"\n{HOSTILE_NAME}\n{HOSTILE_TEXT}\n", encoding="utf-8")
    facts = root / MINI_FACTS
    text = facts.read_text(encoding="utf-8")
    text = text.replace("    name: Marat Seitkali\n", f"    name: {json.dumps(HOSTILE_NAME)}\n")
    text = text.replace(
        "    evidence: her lawyer Marat Seitkali said",
        f"    evidence: [her lawyer Marat Seitkali said, {json.dumps(HOSTILE_NAME)}]",
    )
    text = text.replace("    summary: Seitkali called the detention unlawful.", f"    summary: {json.dumps(HOSTILE_TEXT)}")
    text = text.replace("  title: Activist Detained In Almaty, Lawyer Says", f"  title: {json.dumps(HOSTILE_NAME)}")
    text = text.replace(
        "    evidence: '\"This detention was unlawful,\" Seitkali told reporters.'",
        f"    evidence: {json.dumps(HOSTILE_TEXT)}",
    )
    facts.write_text(text, encoding="utf-8")
    result = run_cli("--root", root, "build")
    assert result.code == 0, result.out


def build_site(root, out):
    env = {**os.environ, "FACTPACK_ROOT": str(root), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(REPO / "mkdocs.yml"),
                           "-d", str(out)], env=env, capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(folder):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
