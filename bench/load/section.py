"""Generated sections of bench/RESULTS.md, between `<!-- bench:NAME:start -->` and
`<!-- bench:NAME:end -->`; everything outside the markers is hand-written history and is
left untouched.

    .venv/bin/python bench/load/section.py inventory -- .venv/bin/python bench/inventory/run.py

runs the command, passing its stderr (progress) through, and writes what it printed on
stdout (Markdown) into the section NAME under a heading, then prints it too. The exit
status is the command's; a failed command's output is still written, with a note.
run.py writes the `load` section itself (`replace`).
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "RESULTS.md"
# Where missing sections go, top of the file first.
ORDER = ("load", "inventory", "webhooks", "recipes", "batches", "billing", "security")
HEADINGS = {
    "inventory": "Inventory ledger (latest `make bench`, generated)",
    "webhooks": "Webhooks (latest `make bench`, generated)",
    "recipes": "Recipes (latest `make bench`, generated)",
    "batches": "Batches (latest `make bench`, generated)",
    "billing": "Billing (latest `make bench`, generated)",
    "security": "Security: /healthz under 200 concurrent logins (latest `make bench`, generated)",
}


def markers(name: str) -> tuple[str, str]:
    return f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"


def replace(name: str, body: str, path: Path = RESULTS) -> None:
    """Put `body` between the section's markers, adding them if missing: after the
    generated sections that precede it in ORDER, else before those that follow it, else
    before the first "## " heading (below the file's title and introduction)."""
    start, end = markers(name)
    text = path.read_text() if path.exists() else "# Benchmark results\n"
    block = f"{start}\n{body.strip()}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        path.write_text(before + block + after)
        return
    place = ORDER.index(name) if name in ORDER else len(ORDER)
    earlier = [markers(other)[1] for other in ORDER[:place]]
    later = [markers(other)[0] for other in ORDER[place + 1 :]]
    ends = [text.index(mark) + len(mark) for mark in earlier if mark in text]
    starts = [text.index(mark) for mark in later if mark in text]
    if ends:
        at = max(ends)
        path.write_text(text[:at] + "\n\n" + block + text[at:])
    elif starts:
        at = min(starts)
        path.write_text(text[:at] + block + "\n\n" + text[at:])
    elif "\n## " in text:
        at = text.index("\n## ") + 1
        path.write_text(text[:at] + block + "\n\n" + text[at:])
    else:
        path.write_text(text.rstrip("\n") + "\n\n" + block + "\n")


def main() -> None:
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        raise SystemExit(__doc__)
    name, command = sys.argv[1], sys.argv[3:]
    started = time.monotonic()
    finished = subprocess.run(  # noqa: S603 - the Makefile's own benchmark command
        command, stdout=subprocess.PIPE, text=True, cwd=ROOT, check=False
    )
    minutes, seconds = divmod(round(time.monotonic() - started), 60)
    lines = [f"## {HEADINGS.get(name, name)}", "", finished.stdout.strip(), ""]
    if finished.returncode != 0:
        lines.append(f"**The command exited with status {finished.returncode}.**\n")
    lines.append(f"Run time: {minutes} min {seconds:02d} s (`{shlex.join(command)}`).")
    body = "\n".join(lines)
    replace(name, body)
    print(body, flush=True)
    sys.exit(finished.returncode)


if __name__ == "__main__":
    main()
