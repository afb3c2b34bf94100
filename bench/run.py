#!/usr/bin/env python3
"""newsprint benchmarks (issue 7): whole-process wall time and peak memory.

    python bench/run.py [--runs N] [--only NAME[,NAME]] [--no-typst] [--no-batch] [--out FILE]

Every figure is a fresh `python -m layout ...` process: median wall time of N runs
(default 3) after one untimed warm-up, and its peak resident memory (ru_maxrss of that
child, from os.wait4).  Each job runs with the font cache empty (a fresh
NEWSPRINT_CACHE_DIR per run: metrics and subsets rebuilt) and warm (a cache filled by
the warm-up).  Jobs: the sample edition, the peer job (bench/peer/), a one-page preview
PNG at 100 dpi, a synthetic 64-page edition (the sample's pages repeated), the peer job
in Typst when it is installed, a batch build of 4 sample copies with 1 and 2 jobs, and
characters composed per second (bench/compose_bench.py).

Prints a table and JSON; the JSON is also written to bench/results.json (or --out).
Benchmarks measure, tests assert: no figure ever makes this script fail.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "editions" / "shijingshan" / "2020-02-24"
PEER = ROOT / "bench" / "peer" / "2020-03-02"
PEER_TYP = ROOT / "bench" / "peer" / "peer.typ"
TYPST_REFERENCE_S = 0.44      # the figure for Typst on this kind of machine
REPEAT_PAGES = 64


# ------------------------------------------------------------------ measuring

def measure(cmd: list[str], env: dict, cwd: Path | None = None) -> tuple[float, float, int, float]:
    """(wall s, peak RSS MiB, exit code, CPU s user+system) of one child process (and the
    children it waited for); a failure's stderr is shown."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            print(f"  exit {code}: {' '.join(cmd[-6:])}\n    " + "\n    ".join(tail), flush=True)
    return wall, usage.ru_maxrss / 1024.0, code, usage.ru_utime + usage.ru_stime


def newsprint_env(cache: Path) -> dict:
    env = dict(os.environ, NEWSPRINT_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    env.pop("NEWSPRINT_DEBUG", None)
    return env


def bench_job(name: str, args: list[str], runs: int, tmp: Path, cache_modes=("cold", "warm"),
              pages: int = 0) -> list[dict]:
    """Median wall/peak of `python -m layout ARGS` with the cache cold and warm."""
    rows = []
    cmd = [sys.executable, "-m", "layout", *args]
    for mode in cache_modes:
        walls, peaks, codes, cpus = [], [], [], []
        warm_cache = Path(tempfile.mkdtemp(prefix="cache-warm-", dir=tmp))
        for i in range(runs + 1):                    # run 0 = warm-up, not counted
            cache = warm_cache if mode == "warm" else Path(tempfile.mkdtemp(prefix="cache-cold-", dir=tmp))
            wall, peak, code, cpu = measure(cmd, newsprint_env(cache), cwd=tmp)
            if i:
                walls.append(wall)
                peaks.append(peak)
                codes.append(code)
                cpus.append(cpu)
        row = {"job": name, "cache": mode, "runs": runs, "wall_s": round(statistics.median(walls), 3),
               "wall_min_s": round(min(walls), 3), "cpu_s": round(statistics.median(cpus), 3),
               "peak_mib": round(max(peaks), 1), "exit_codes": sorted(set(codes))}
        if pages:
            row["pages"] = pages
            row["s_per_page"] = round(row["wall_s"] / pages, 4)
        rows.append(row)
        print(_row_text(row), flush=True)
    return rows


# ------------------------------------------------------------------ the 64-page edition

def make_repeated_edition(tmp: Path, pages: int = REPEAT_PAGES) -> Path:
    """The sample's pages repeated to `pages` pages in tmp/rep/<date>/ (ids, numbers, jumps fixed)."""
    src = yaml.safe_load((SAMPLE / "edition.yaml").read_text(encoding="utf-8"))
    paper_dir = tmp / "rep"
    if paper_dir.exists():
        shutil.rmtree(paper_dir)
    shutil.copytree(SAMPLE.parent, paper_dir, ignore=shutil.ignore_patterns("20*"))
    folder = paper_dir / SAMPLE.name
    shutil.copytree(SAMPLE, folder)
    base = src["pages"]
    out_pages = []
    for n in range(1, pages + 1):
        rep, k = divmod(n - 1, len(base))
        page = json.loads(json.dumps(base[k], default=str))
        page["number"] = n
        offset = rep * len(base)
        for a in page.get("articles", []):
            a["id"] = f"{a['id']}-r{rep}"
            if a.get("continues_on"):
                a["continues_on"] += offset
        for c in page.get("continuations", []):
            c["article"] = f"{c['article']}-r{rep}"
        out_pages.append(page)
    src["pages"] = out_pages
    src["page_count"] = pages
    src["date"] = str(src["date"])
    (folder / "edition.yaml").write_text(yaml.safe_dump(src, allow_unicode=True, sort_keys=False),
                                         encoding="utf-8")
    return folder


def make_batch_dir(tmp: Path, copies: int = 4) -> Path:
    """`copies` copies of the sample edition (dates one day apart) under tmp/batch/."""
    root = tmp / "batch"
    if root.exists():
        shutil.rmtree(root)
    paper = root / "shijingshan"
    shutil.copytree(SAMPLE.parent, paper, ignore=shutil.ignore_patterns("20*"))
    src = (SAMPLE / "edition.yaml").read_text(encoding="utf-8")
    day0 = dt.date(2020, 2, 24)
    for i in range(copies):
        day = day0 + dt.timedelta(weeks=i)
        folder = paper / day.isoformat()
        shutil.copytree(SAMPLE, folder)
        text = re.sub(r"^date: .*$", f"date: {day.isoformat()}", src, count=1, flags=re.M)
        text = re.sub(r"^weekday: .*$", "", text, count=1, flags=re.M)
        (folder / "edition.yaml").write_text(text, encoding="utf-8")
    return root


# ------------------------------------------------------------------ other figures

def typst_command() -> tuple[list[str], str] | None:
    """A command that compiles the peer job in Typst, or None."""
    out = "peer-typst.pdf"
    exe = shutil.which("typst")
    fonts = str(ROOT / "fonts")
    if exe:
        return [exe, "compile", "--ignore-system-fonts", "--font-path", fonts, str(PEER_TYP), out], "typst CLI"
    try:
        import typst  # noqa: F401
    except ImportError:
        return None
    code = (f"import typst; typst.compile({str(PEER_TYP)!r}, output={out!r}, font_paths=[{fonts!r}], "
            f"ignore_system_fonts=True)")
    return [sys.executable, "-c", code], "typst (PyPI package, in a python process)"


def bench_typst(runs: int, tmp: Path) -> dict:
    found = typst_command()
    if found is None:
        return {"job": "typst peer job", "available": False, "reference_wall_s": TYPST_REFERENCE_S}
    cmd, how = found
    walls, peaks, codes, cpus = [], [], [], []
    for i in range(runs + 1):
        wall, peak, code, cpu = measure(cmd, dict(os.environ), cwd=tmp)
        if i:
            walls.append(wall)
            peaks.append(peak)
            codes.append(code)
            cpus.append(cpu)
    row = {"job": "typst peer job", "cache": "-", "available": True, "how": how, "runs": runs,
           "wall_s": round(statistics.median(walls), 3), "wall_min_s": round(min(walls), 3),
           "cpu_s": round(statistics.median(cpus), 3), "peak_mib": round(max(peaks), 1),
           "exit_codes": sorted(set(codes))}
    print(_row_text(row), flush=True)
    return row


_LIBRARIES_OF_A_BUILD = """
import sys, sysconfig
from layout.cli import main      # main(), not the program: that exits without returning
main(["build", sys.argv[1], "-o", sys.argv[2], "-q"])
lib = (sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"])
names = [n for n, m in list(sys.modules.items())
         if (getattr(m, "__file__", None) or "").startswith(lib) and not n.startswith(("layout", "_"))]
print(" ".join(sorted(names)))
"""


def bench_floor(runs: int, tmp: Path) -> list[dict]:
    """What any Python program built on these libraries pays before doing any work: the
    interpreter's start-up, then start-up plus importing every third-party module (from
    site-packages) that a warm build of the peer job loads.  newsprint's own work is the
    peer job's time minus the second figure."""
    cache = Path(tempfile.mkdtemp(prefix="cache-floor-", dir=tmp))
    env = newsprint_env(cache)
    subprocess.run([sys.executable, "-m", "layout", "build", str(PEER), "-o", str(tmp / "out"), "-q"],
                   env=env, cwd=tmp, capture_output=True, timeout=600)       # fills the font cache
    found = subprocess.run([sys.executable, "-c", _LIBRARIES_OF_A_BUILD, str(PEER), str(tmp / "out")],
                           env=env, cwd=tmp, capture_output=True, text=True, timeout=600)
    modules = found.stdout.split()
    rows = []
    for name, code in (("floor: python start-up", "pass"),
                       ("floor: + the build's imports", "import " + ", ".join(modules) if modules else "pass")):
        walls, peaks, cpus = [], [], []
        for i in range(runs + 1):
            wall, peak, _, cpu = measure([sys.executable, "-c", code], env, cwd=tmp)
            if i:
                walls.append(wall)
                peaks.append(peak)
                cpus.append(cpu)
        row = {"job": name, "cache": "-", "runs": runs, "wall_s": round(statistics.median(walls), 3),
               "wall_min_s": round(min(walls), 3), "cpu_s": round(statistics.median(cpus), 3),
               "peak_mib": round(max(peaks), 1), "exit_codes": [0]}
        if "imports" in name:
            row["modules"] = len(modules)
            row["packages"] = sorted({m.split(".")[0] for m in modules})
        rows.append(row)
        print(_row_text(row), flush=True)
    return rows


def chars_per_second() -> dict:
    try:
        out = subprocess.run([sys.executable, str(ROOT / "bench" / "compose_bench.py")], capture_output=True,
                             text=True, timeout=300, env=dict(os.environ, PYTHONPATH=str(ROOT))).stdout
        m = re.search(r"([\d,]+) characters/s", out)
        return {"chars_per_s": int(m.group(1).replace(",", "")) if m else None, "line": out.strip()}
    except (OSError, subprocess.SubprocessError) as exc:
        return {"chars_per_s": None, "line": f"compose_bench failed: {exc}"}


def _row_text(row: dict) -> str:
    extra = f"  {row['s_per_page']:.3f} s/page" if "s_per_page" in row else ""
    bad = "" if row.get("exit_codes", [0]) == [0] else f"  exit {row['exit_codes']}"
    return (f"{row['job']:<28} {row.get('cache', '-'):<5} {row['wall_s']:>7.3f} s  {row.get('cpu_s', 0):>7.3f} s "
            f"{row['peak_mib']:>7.1f} MiB{extra}{bad}")


def goals(rows: list[dict], typst: dict) -> list[dict]:
    """The issue's goals, each with the measured figure and met/unmet (never an exception)."""
    def get(job, cache):
        return next((r for r in rows if r["job"] == job and r.get("cache") == cache), None)

    out = []
    t = typst["wall_s"] if typst.get("available") else TYPST_REFERENCE_S
    src = "paired run" if typst.get("available") else "issue's reference figure"
    for cache, limit in (("warm", 1.0), ("cold", 2.0)):
        r = get("peer job", cache)
        if r:
            ratio = r["wall_s"] / t
            out.append({"goal": f"peer job, {cache} cache, ≤ {limit:g}× Typst ({src})",
                        "figure": f"{r['wall_s']:.3f} s / {t:.3f} s = {ratio:.2f}×", "met": ratio <= limit})
    for job in ("sample build", "peer job"):
        for cache in ("cold", "warm"):
            r = get(job, cache)
            if r:
                out.append({"goal": f"{job} ({cache}) peak < 150 MiB", "figure": f"{r['peak_mib']:.1f} MiB",
                            "met": r["peak_mib"] < 150})
    r = get("preview p1 100 dpi", "warm")
    if r:
        out.append({"goal": "one-page preview, warm, < 0.5 s", "figure": f"{r['wall_s']:.3f} s",
                    "met": r["wall_s"] < 0.5})
    for cache in ("cold", "warm"):
        big, small = get("64 pages", cache), get("sample build", cache)
        if big and small:
            per4 = small["wall_s"] / 4
            out.append({"goal": f"64 pages ({cache}): s/page ≤ 4-page s/page",
                        "figure": f"{big['s_per_page']:.3f} vs {per4:.3f} s/page",
                        "met": big["s_per_page"] <= per4})
            out.append({"goal": f"64 pages ({cache}) peak < 400 MiB", "figure": f"{big['peak_mib']:.1f} MiB",
                        "met": big["peak_mib"] < 400})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="timed runs per figure (after one warm-up)")
    ap.add_argument("--only", default="", help="comma-separated: sample,peer,typst,floor,preview,check,64,batch,compose")
    ap.add_argument("--no-typst", action="store_true")
    ap.add_argument("--no-batch", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.json"))
    ap.add_argument("--no-compile", action="store_true",
                    help="leave newsprint's bytecode alone (with PYTHONDONTWRITEBYTECODE set, every "
                         "run then compiles the package's sources: ~0.05-0.1 s)")
    args = ap.parse_args()
    bytecode = "left as found" if args.no_compile else precompile()
    only = set(filter(None, args.only.split(",")))

    def want(name):
        return not only or name in only

    runs = max(1, args.runs)
    rows: list[dict] = []
    typst: dict = {"available": False, "reference_wall_s": TYPST_REFERENCE_S}
    extra: dict = {}
    with tempfile.TemporaryDirectory(prefix="newsprint-bench-") as t:
        tmp = Path(t)
        print(f"{'job':<28} {'cache':<5} {'wall':>9}  {'cpu':>9} {'peak RSS':>11}")
        if want("sample"):
            rows += bench_job("sample build", ["build", str(SAMPLE), "-o", str(tmp / "out"), "-q"], runs, tmp,
                              pages=4)
        if want("peer"):
            rows += bench_job("peer job", ["build", str(PEER), "-o", str(tmp / "out"), "-q"], runs, tmp, pages=4)
        if want("typst") and not args.no_typst:
            typst = bench_typst(runs, tmp)
            if not typst.get("available"):
                print(f"typst peer job: unavailable (pip install typst); the issue's figure is {TYPST_REFERENCE_S} s")
        if want("floor"):
            rows += bench_floor(runs, tmp)
        if want("preview"):
            rows += bench_job("preview p1 100 dpi", ["preview", str(SAMPLE), "--page", "1", "--dpi", "100",
                                                    "-o", str(tmp / "p1.png")], runs, tmp)
        if want("check"):
            rows += bench_job("check sample", ["check", str(SAMPLE)], runs, tmp, cache_modes=("warm",))
        if want("64"):
            big = make_repeated_edition(tmp)
            rows += bench_job("64 pages", ["build", str(big), "-o", str(tmp / "out"), "-q"], runs, tmp,
                              pages=REPEAT_PAGES)
        if want("batch") and not args.no_batch:
            batch = make_batch_dir(tmp)
            for jobs in (1, 2):
                rows += bench_job(f"batch 4 editions --jobs {jobs}",
                                  ["build", "--all", str(batch), "--jobs", str(jobs), "-o", str(tmp / "out"), "-q"],
                                  runs, tmp, cache_modes=("warm",), pages=16)
        if want("compose"):
            extra["compose"] = chars_per_second()
            print(extra["compose"]["line"])
    ratio = None
    peer_warm = next((r for r in rows if r["job"] == "peer job" and r["cache"] == "warm"), None)
    if peer_warm:
        t_ref = typst["wall_s"] if typst.get("available") else TYPST_REFERENCE_S
        ratio = round(peer_warm["wall_s"] / t_ref, 2)
    result = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_avg_at_end": [round(x, 2) for x in os.getloadavg()],
                    "bytecode": bytecode},
        "git": _git_head(),
        "rows": rows, "typst": typst, "peer_over_typst_warm": ratio, **extra,
        "goals": goals(rows, typst),
    }
    print()
    for g in result["goals"]:
        print(f"{'MET  ' if g['met'] else 'UNMET'} {g['goal']}: {g['figure']}")
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    try:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        print(f"could not write {args.out}: {exc}", file=sys.stderr)
    return 0


def precompile() -> str:
    """Byte-compile the package first, as `pip install` does: a process started with
    PYTHONDONTWRITEBYTECODE=1 (some sandboxes and CI set it) writes no __pycache__ and
    would compile every newsprint module on every run.  __pycache__ is git-ignored."""
    import compileall

    ok = compileall.compile_dir(str(ROOT / "layout"), quiet=1)
    return "compiled" if ok else "compile failed"


def _git_head() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


if __name__ == "__main__":
    sys.exit(main())
