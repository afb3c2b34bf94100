"""The mixed-text proof set (tests/fixtures/mixed/proof.txt) set by newsprint and by Typst at
the same measures, with both engines' loose-line figures side by side, read from each PDF's
own glyphs by the same code (tests/mixed_proof.py).

    python bench/mixed_text.py [--out DIR] [--png] [--loose]

Typst is the `typst` package from PyPI (pip install typst; not a newsprint dependency),
given the shipped fonts only (Noto Serif CJK SC at 10 pt, justified, 2-character indent,
lang zh). `--out DIR` keeps both PDFs; `--png` also renders the page of each engine's
widest gap at 100 dpi with the line marked; `--loose` lists every line with a gap beyond
¼ em by what stands at its break (a URL, e-mail, path, number or English word across it,
else Han only), then counts them by measure. A figure to read, not a test.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from mixed_proof import EM, MARGIN, MEASURES, measure_pdf, newsprint_pdf, paragraphs  # noqa: E402

from layout.compose import normalize_text  # noqa: E402
from layout.compose.classes import link_spans  # noqa: E402


def typst_source(texts: list[str], measures=MEASURES, em: float = EM) -> str:
    """One page per measure: the proof set's paragraphs in a column `measure` ems wide."""
    head = (f'#set text(font: "Noto Serif CJK SC", size: {em}pt, lang: "zh", region: "cn", '
            'top-edge: 0.88em, bottom-edge: -0.12em)\n'
            f'#set par(justify: true, leading: {0.5 * em}pt, spacing: {0.5 * em}pt, '
            'first-line-indent: (amount: 2em, all: true))\n')
    body = "\n".join(f"#par[{_escape(t)}]" for t in texts)
    pages = [f"#page(width: {m * em + 2 * MARGIN}pt, height: auto, margin: {MARGIN}pt)[\n{body}\n]"
             for m in measures]
    return head + "\n".join(pages) + "\n"


def _escape(text: str) -> str:
    """Typst markup characters written literally."""
    return "".join("\\" + c if c in "\\#*_`$<>@[]~/=-+\"'" else c for c in text)


def typst_pdf(texts: list[str]) -> bytes:
    import typst

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "proof.typ"
        src.write_text(typst_source(texts), encoding="utf-8")
        return typst.compile(str(src), font_paths=[str(ROOT / "fonts")], ignore_system_fonts=True)


def table(rows: dict[str, list]) -> str:
    head = ("measure  engine     lines  justified  start/end violations  gaps>½em  "
            "lines with gap>¼em  widest gap  widest word space  not flush  hyphens  text read back")
    out = [head, "-" * len(head)]
    for i, m in enumerate(MEASURES):
        for engine, figs in rows.items():
            f = figs[i]
            out.append(f"{m:>7}  {engine:<9}  {f.lines:>5}  {f.justified:>9}  {len(f.violations):>20}  "
                       f"{len(f.over_half):>8}  {f.over_quarter:>7} ({f.share_over_quarter:5.1%})  "
                       f"{f.widest:>7.2f} em  {f.widest_word_space:>14.2f} em  {len(f.not_flush):>9}  "
                       f"{len(f.hyphenated):>7}  {'yes' if f.text_ok else 'NO'}")
    for engine, figs in rows.items():
        j = sum(f.justified for f in figs)
        q = sum(f.over_quarter for f in figs)
        w = max(figs, key=lambda f: f.widest)
        out.append(f"all      {engine:<9}  {sum(f.lines for f in figs):>5}  {j:>9}  "
                   f"{sum(len(f.violations) for f in figs):>20}  {sum(len(f.over_half) for f in figs):>8}  "
                   f"{q:>7} ({q / j if j else 0:5.1%})  {w.widest:>7.2f} em (at {w.measure}: '{w.widest_line}')")
    return "\n".join(out)


_LATIN_TAIL = re.compile(r"[\x21-\x7e]+$")
_LATIN_HEAD = re.compile(r"^[\x21-\x7e]+")
KINDS = ("URL", "e-mail", "path", "number", "English", "Han only")


def break_kind(line: str, after: str) -> str:
    """What stands at the break after `line`: the Latin piece ending it and the one
    starting the next line, read together."""
    tail, head = _LATIN_TAIL.search(line), _LATIN_HEAD.search(after)
    piece = (tail.group() if tail else "") + (head.group() if head else "")
    if not piece:
        return "Han only"
    if "@" in piece and re.search(r"[A-Za-z0-9]@[A-Za-z0-9]", piece):
        return "e-mail"
    if "://" in piece or piece.startswith("www") or link_spans(piece) and "." in piece.strip("."):
        return "URL" if not re.match(r"^(/|[A-Za-z]:\\)", piece) else "path"
    if re.search(r"[/\\]", piece):
        return "path"
    if re.fullmatch(r"[-+0-9.,:%]+", piece):
        return "number"
    return "English"


def loose_table(figs) -> str:
    out = []
    counts = {f.measure: dict.fromkeys(KINDS, 0) for f in figs}
    for f in figs:
        for (line, gap), after in zip(f.loose, f.loose_next):
            kind = break_kind(line, after)
            counts[f.measure][kind] += 1
            out.append(f"{f.measure:>3}  {gap:.3f} em  {kind:<9}  {line} | {after}")
    out.append("")
    out.append("measure  " + "  ".join(f"{k:>8}" for k in KINDS) + "     all")
    for m, c in counts.items():
        out.append(f"{m:>7}  " + "  ".join(f"{c[k]:>8}" for k in KINDS) + f"  {sum(c.values()):>6}")
    return "\n".join(out)


def render_worst(pdf: Path, figs, engine: str, out: Path) -> Path:
    """PNG of the page holding the engine's widest gap (100 dpi)."""
    import pypdfium2 as pdfium

    worst = max(range(len(figs)), key=lambda i: figs[i].widest)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        img = doc[worst].render(scale=100 / 72).to_pil()
    finally:
        doc.close()
    path = out / f"worst-{engine}-{figs[worst].measure}.png"
    img.save(path)
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path)
    ap.add_argument("--png", action="store_true")
    ap.add_argument("--loose", action="store_true")
    args = ap.parse_args()
    texts = [normalize_text(p, ascii_punct=True)[0] for p in paragraphs()]
    ours, _ = newsprint_pdf(paragraphs())
    rows = {"newsprint": measure_pdf(ours, texts, left=MARGIN)}
    try:
        theirs = typst_pdf(texts)
    except ImportError:
        theirs = None
        print("typst is not installed (pip install typst): newsprint's figures only\n")
    if theirs is not None:
        rows["typst"] = measure_pdf(theirs, texts, left=MARGIN)
    print(table(rows))
    if args.loose:
        print("\nnewsprint's lines with a gap beyond ¼ em, by what stands at the break:")
        print(loose_table(rows["newsprint"]))
    for engine, figs in rows.items():
        for f in figs:
            if f.over_half or f.violations:
                print(f"{engine} at {f.measure}: gaps > ½ em {f.over_half[:5]}, violations {f.violations[:5]}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "newsprint.pdf").write_bytes(ours)
        if theirs is not None:
            (args.out / "typst.pdf").write_bytes(theirs)
        if args.png:
            for engine, figs in rows.items():
                print("wrote", render_worst(args.out / f"{engine}.pdf", figs, engine, args.out))


if __name__ == "__main__":
    main()
