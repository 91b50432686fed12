"""The progress display: on a terminal a person watches, and nowhere else."""

import os
import pty
import subprocess
import sys

STAGE = "Checking each fact file"


def _on_a_terminal(root, *args, **env) -> str:
    """Run factpack with its standard error on a pseudo-terminal; what the terminal received."""
    leader, follower = pty.openpty()
    environment = {**{k: v for k, v in os.environ.items() if k != "CI"}, "TERM": "xterm", "COLUMNS": "100", **env}
    process = subprocess.Popen([sys.executable, "-m", "factpack", "--root", str(root), *args], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=follower, env=environment)
    os.close(follower)
    received = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the process has closed its end
            break
        if not chunk:
            break
        received += chunk
    assert process.wait(timeout=120) == 0
    os.close(leader)
    return received.decode("utf-8", errors="replace")


def test_a_terminal_is_shown_the_stages_and_the_files_done(mini):
    shown = _on_a_terminal(mini, "build")
    assert STAGE in shown
    assert "1/1" in shown  # files done out of the total
    assert "Writing the tables" in shown


def test_ci_gets_no_progress_even_on_a_terminal(mini):
    shown = _on_a_terminal(mini, "build", CI="true")
    assert STAGE not in shown
    assert "factpack: wrote" in shown  # the terminal did receive the command's own messages


def test_redirected_output_gets_no_progress(mini):
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    done = subprocess.run([sys.executable, "-m", "factpack", "--root", str(mini), "build"], capture_output=True,
                          text=True, env=environment, timeout=120)
    assert done.returncode == 0, done.stderr
    assert STAGE not in done.stderr and "\x1b[" not in done.stderr
