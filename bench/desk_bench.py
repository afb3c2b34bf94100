#!/usr/bin/env python3
"""The desk's latency: from writing a one-paragraph edit of the sample edition to the
updated page image being available to the browser.

A real `newsprint serve` runs in a child process; this script listens to its event
stream as the browser does, writes an edit, waits for the state naming a new version of
the page and fetches that page's PNG.  Each edit is new text (nothing comes from a
cache of an earlier round).  Also: a change that reflows every page (paper.yaml's body
size), and Typst's warm incremental recompile of the peer job (PyPI `typst`, a warm
Compiler, one paragraph of peer.txt changed) beside it.

    python3 bench/desk_bench.py [--edits N] [--dpi D] [--no-typst]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT / "editions" / "shijingshan"
PEER = ROOT / "bench" / "peer"
DIGITS = "〇一二三四五六七八九"


class Events:
    """The desk's server-sent events, read as the browser reads them."""

    def __init__(self, url: str):
        u = urlsplit(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        self.conn.request("GET", "/events?lang=zh")
        self.resp = self.conn.getresponse()

    def next_state(self) -> dict:
        data = b""
        while True:
            line = self.resp.fp.readline()
            if not line:
                raise RuntimeError("event stream closed")
            if line.startswith(b"data: "):
                data = line[6:].strip()
            elif line in (b"\n", b"\r\n") and data:
                return json.loads(data)


def settle(pid: int, events: Events) -> None:
    """Wait until the server is idle again (the confirming full make-up that follows a
    partial one done), so it does not run into the next edit's figures."""
    time.sleep(0.3)
    before = process_cpu(pid)
    for _ in range(100):
        time.sleep(0.2)
        now = process_cpu(pid)
        if now - before < 0.02:
            return
        before = now


def fetch(url: str, path: str) -> bytes:
    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    try:
        conn.request("GET", path)
        body = conn.getresponse().read()
    finally:
        conn.close()
    assert body.startswith(b"\x89PNG"), body[:60]
    return body


def until_page(events: Events, page: int, version: int) -> dict:
    while True:
        state = events.next_state()
        if state["broken"]:
            raise RuntimeError(state["broken"][0]["text"])
        p = next(p for p in state["pages"] if p["number"] == page)
        if p["version"] > version:
            return state


def start(edition: Path, dpi: float):
    proc = subprocess.Popen([sys.executable, "-m", "layout", "serve", str(edition), "--port", "0",
                             "--dpi", str(dpi)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, env=dict(os.environ, LC_ALL="C.UTF-8"))
    for _ in range(20):
        m = re.search(r"http://\S+/", proc.stdout.readline())
        if m:
            return proc, m.group(0)
    proc.kill()
    raise RuntimeError(proc.stderr.read())


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def one_edit(url, events, path: Path, old: str, new: str, page: int) -> tuple[float, dict]:
    """Seconds from writing the file to the new page image received."""
    state = events.last
    version = next(p for p in state["pages"] if p["number"] == page)["version"]
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    t0 = time.perf_counter()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    state = until_page(events, page, version)
    p = next(p for p in state["pages"] if p["number"] == page)
    fetch(url, f"/page/{page}.png?v={p['version']}")
    seconds = time.perf_counter() - t0
    events.last = state
    return seconds, state


def bench_desk(edits: int, dpi: float) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    shutil.copytree(PAPER, tmp / "shijingshan")
    edition = tmp / "shijingshan" / "2020-02-24" / "edition.yaml"
    paper = tmp / "shijingshan" / "paper.yaml"
    proc, url = start(edition.parent, dpi)
    try:
        events = Events(url)
        events.last = events.next_state()
        times, changed, cpus, server_cpu = [], [], [], []
        mark = "田利跃参加会议"
        for i in range(edits + 2):
            tag = "".join(DIGITS[int(c)] for c in str(i + 10))
            new = f"田利跃{tag}参加会议"
            c0 = process_cpu(proc.pid)
            s, state = one_edit(url, events, edition, mark, new, 1)
            c1 = process_cpu(proc.pid)
            mark = new
            if i >= 2:                       # the first two warm the server up
                times.append(s)
                changed.append(tuple(state["changed"]))
                cpus.append(state.get("cpu_seconds", 0.0))
                server_cpu.append(c1 - c0)
            settle(proc.pid, events)         # an editor's pause: the confirm pass runs here
        text = paper.read_text(encoding="utf-8")
        m = re.search(r"^(\s*body:\s*\{[^}]*size:\s*)([\d.]+)", text, re.M)
        reflow = None
        if m:
            sizes = []
            for size in ("9.2", m.group(2), "9.2", m.group(2)):
                t = paper.read_text(encoding="utf-8")
                cur = re.search(r"^(\s*body:\s*\{[^}]*size:\s*)([\d.]+)", t, re.M)
                s, _ = one_edit(url, events, paper, cur.group(0), cur.group(1) + size, 1)
                sizes.append(s)
                settle(proc.pid, events)
            reflow = sizes
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    row = {"job": "desk: one-paragraph edit -> page 1 PNG received", "dpi": dpi, "edits": len(times),
           "median_s": round(statistics.median(times), 4), "worst_s": round(max(times), 4),
           "best_s": round(min(times), 4), "pages_changed": sorted(set(changed)),
           "build_thread_cpu_median_s": round(statistics.median(cpus), 4),
           "server_process_cpu_median_s": round(statistics.median(server_cpu), 4)}
    if reflow:
        row["reflow_all_pages_median_s"] = round(statistics.median(reflow), 4)
        row["reflow_all_pages_worst_s"] = round(max(reflow), 4)
    return row


def bench_typst(edits: int) -> dict:
    """A warm typst.Compiler recompiling the peer job after a one-paragraph edit of peer.txt:
    to PDF, and to PNG pages at 100 ppi."""
    try:
        import typst
    except ImportError:
        return {"job": "typst warm recompile", "available": False}
    tmp = Path(tempfile.mkdtemp(prefix="desk-bench-typst-"))
    for name in ("peer.typ", "peer.txt"):
        shutil.copy(PEER / name, tmp / name)
    txt = tmp / "peer.txt"
    compiler = typst.Compiler(str(tmp / "peer.typ"), font_paths=[str(ROOT / "fonts")], ignore_system_fonts=True)
    compiler.compile(format="pdf")
    compiler.compile(format="png", ppi=100)
    out = {"pdf": [], "png": []}
    cpu = {"pdf": [], "png": []}
    base = txt.read_text(encoding="utf-8")
    for i in range(edits):
        for fmt in ("pdf", "png"):
            tag = "".join(DIGITS[int(c)] for c in str(i + 10)) + fmt
            lines = base.split("\n")
            lines[3] = lines[3][:20] + tag + lines[3][20:]     # one paragraph of page 1
            txt.write_text("\n".join(lines), encoding="utf-8")
            t0, c0 = time.perf_counter(), time.process_time()
            compiler.compile(format=fmt, ppi=100 if fmt == "png" else None)
            out[fmt].append(time.perf_counter() - t0)
            cpu[fmt].append(time.process_time() - c0)
    shutil.rmtree(tmp, ignore_errors=True)
    return {"job": "typst warm recompile of the peer job after a one-paragraph edit", "available": True,
            "version": getattr(typst, "__version__", "?"),
            "pdf_median_s": round(statistics.median(out["pdf"]), 4), "pdf_worst_s": round(max(out["pdf"]), 4),
            "png_4_pages_100ppi_median_s": round(statistics.median(out["png"]), 4),
            "png_4_pages_100ppi_worst_s": round(max(out["png"]), 4),
            "pdf_cpu_median_s": round(statistics.median(cpu["pdf"]), 4),
            "png_cpu_median_s": round(statistics.median(cpu["png"]), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edits", type=int, default=15)
    ap.add_argument("--dpi", type=float, default=100.0)
    ap.add_argument("--no-typst", action="store_true")
    args = ap.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    rows = [bench_desk(args.edits, args.dpi)]
    if not args.no_typst:
        rows.append(bench_typst(args.edits))
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    print(json.dumps({"load_average_at_start": load, "cores": os.cpu_count()}))


if __name__ == "__main__":
    main()
