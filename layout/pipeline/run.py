"""load → make_up → build (plates, preflight, copyfit, proof) and preview, each returning
its result as a frozen dataclass; nothing here prints."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from layout.base.diagnostics import Diagnostic, Severity, error, has_errors
from layout.pipeline.outputs import (edition_stem, out_dir, preview_name, remove_stale_temps,
                                     write_copyfit, write_preview, write_proof)


@dataclass(frozen=True)
class Loaded:
    """An edition read with its fonts; `edition` is None when it could not be read (and,
    unless loaded `partial`, when it has errors)."""
    edition: object
    fonts: object
    diagnostics: tuple[Diagnostic, ...]
    found_on: dict = field(default_factory=dict, compare=False)   # partial: diagnostic -> its page

    @property
    def ok(self) -> bool:
        return self.edition is not None and not has_errors(self.diagnostics)


@dataclass(frozen=True)
class MadeUp:
    """A loaded edition made up; `layout` is None when loading found errors."""
    edition: object
    fonts: object
    layout: object
    diagnostics: tuple[Diagnostic, ...]    # the loader's, then makeup's

    @property
    def ok(self) -> bool:
        return self.layout is not None and not has_errors(self.diagnostics)


@dataclass(frozen=True)
class BuildOptions:
    marks: bool = False       # crop and registration marks, slug line
    strict: bool = False      # any overflow is an error
    proof: bool = False       # also the proof PDF
    preflight: bool = True    # check every plate written
    epoch: int | None = None  # SOURCE_DATE_EPOCH for the plates' dates (None: the edition date)


@dataclass(frozen=True)
class BuildResult:
    """What one build did. Nothing is written when `made_up` is False or the diagnostics
    hold an error (then `plates` is empty)."""
    edition: object                         # None when the edition could not be read
    layout: object                          # None when loading found errors
    diagnostics: tuple[Diagnostic, ...]     # load, makeup, --strict, preflight warnings of the plates
    folder: Path | None = None              # output/<paper>/<date>
    plates: tuple[Path, ...] = ()           # the edition file, then one plate per page
    page_plates: tuple[Path, ...] = ()
    copyfit_file: Path | None = None
    proof_file: Path | None = None
    preflight: tuple = ()                   # a PreflightReport per plate, in the order of `plates`
    versions: tuple = ()                    # layout.press.manifest.Plate per page: SHA-256, revision,
    #                                         status against the previous build (new/changed/unchanged)
    removed_pages: tuple[int, ...] = ()     # pages the previous build in the folder had, this one not
    manifest_file: Path | None = None       # the plate manifest
    replaced: bool = False                  # the folder holds this set (False: the previous one,
                                            # untouched, when a plate failed preflight)

    @property
    def written(self) -> tuple[Path, ...]:
        if not self.replaced:
            return ()
        return self.plates + tuple(p for p in (self.manifest_file, self.copyfit_file, self.proof_file) if p)

    @property
    def copyfit(self) -> tuple:
        return self.layout.copyfit if self.layout is not None else ()

    @property
    def failed_preflight(self) -> tuple:
        return tuple(r for r in self.preflight if not r.passed)

    @property
    def ok(self) -> bool:
        return bool(self.plates) and not self.failed_preflight


@dataclass(frozen=True)
class PreviewResult:
    edition: object
    layout: object
    diagnostics: tuple[Diagnostic, ...]
    page_missing: bool = False              # the edition has no such page: nothing made up
    path: Path | None = None                # the PNG written


def load(edition_path, fonts=None, partial: bool = False) -> Loaded:
    """The edition (its file or folder) with the fonts (`fonts` if given: watch keeps one
    FontSet), its 【待填写】 placeholders and its placements checked.  `partial` (page by
    page, layout.pipeline.pagewise): the edition as read even when some page's part of
    the file has errors, with the page each error was found on."""
    from layout.edition import load_edition_pages
    from layout.fonts import FontSet
    from layout.edition.nextweek import placeholder_diagnostics

    fonts = fonts or FontSet.load()
    edition, diags, found_on = load_edition_pages(edition_path, font_ids=fonts.ids())
    if not partial and has_errors(diags):
        edition, found_on = None, {}
    diags = list(diags)
    if edition is not None:
        diags += placeholder_diagnostics(edition_path)   # left by `newsprint new`
    if edition is None or has_errors(diags):
        return Loaded(edition, fonts, tuple(diags), found_on)
    from layout.edition.placement import check_placements
    from layout.makeup import furniture_rows, make_grid

    grid = make_grid(edition.paper)
    rows = {p.number: grid.rows - furniture_rows(edition.paper, grid, p.number) for p in edition.pages}
    diags += check_placements(edition, rows)
    if any(a.kind == "ad" for p in edition.pages for a in p.articles):
        from layout.preflight.adfile import check_pdf_ads

        diags += check_pdf_ads(edition, grid)      # a PDF ad's page, shape, fonts, colours
    return Loaded(edition, fonts, tuple(diags))


def make_up(loaded: Loaded, only=None, strict: bool = False, variant=None) -> MadeUp:
    """The layout of the pages in `only` (else all) of a loaded edition, unless loading found
    errors; with `strict` any overflow is an error too."""
    if not loaded.ok:
        return MadeUp(loaded.edition, loaded.fonts, None, loaded.diagnostics)
    from layout.makeup import make_up as make_up_edition

    from layout.makeup.verify import verify_layout

    layout = make_up_edition(loaded.edition, loaded.fonts, only=only, variant=variant)
    diags = loaded.diagnostics + tuple(layout.diagnostics) + tuple(loaded.fonts.take_notes())
    if not any(d.code.startswith(("text-outside", "text-overprints")) for d in layout.diagnostics):
        diags += _not_told(verify_layout(layout, loaded.fonts), layout.diagnostics)   # nothing hidden
    from layout.makeup.verify import small_text

    diags += small_text(layout, loaded.edition.paper.min_text_pt, _block_pos(loaded.edition))
    from layout.makeup.weights import weight_fallbacks

    diags += weight_fallbacks(loaded.edition, loaded.fonts)
    if strict and any(e.overflow_chars for e in layout.copyfit):
        diags += (error("strict"),)
    return MadeUp(loaded.edition, loaded.fonts, layout, diags)


FURNITURE_FRAMES = ("page", "masthead", "folio")     # verify's names for the furniture's text


def _not_told(found, told) -> tuple[Diagnostic, ...]:
    """What verify finds that makeup already reported, said once: text outside a block whose
    headline is too wide, furniture text on a page whose furniture is too wide or tall."""
    wide = {d.arguments.get("article") for d in told if d.code == "headline-too-wide"}
    pages = {d.arguments.get("page") for d in told if d.code.startswith("furniture-too-")}

    def told_already(d) -> bool:
        args = d.arguments
        if d.code.startswith("text-outside") and args.get("block") in wide:
            return True
        names = (args.get("block"), args.get("first"), args.get("second"))
        return args.get("page") in pages and all(n in FURNITURE_FRAMES for n in names if n is not None)
    return tuple(d for d in found if not told_already(d))


def _block_pos(edition):
    """block id -> where the edition or paper file writes it (None: nowhere known)."""
    paper = edition.paper
    furniture = {"masthead": paper.masthead.pos, "folio": paper.folio.pos}

    def where(block: str):
        art = edition.article(block)
        pos = art.pos if art is not None else furniture.get(block)
        return pos if pos is not None and pos.line else None
    return where


def _no_step(mid: str, **fields) -> None:
    pass


def build(edition_path, out, options: BuildOptions = BuildOptions(), *, fonts=None,
          on_step=_no_step) -> BuildResult:
    """Load, make up and, when nothing is wrong, write the plates into out/<paper>/<date>/,
    preflight each, write the copyfit JSON and (options.proof) the proof PDF.
    on_step(message id, **fields) is told as each slow step starts (a progress line)."""
    loaded = load(edition_path, fonts)
    if loaded.ok:
        on_step("step.makeup", pages=len(loaded.edition.pages))
    made = make_up(loaded, strict=options.strict)
    return write(made, out, options, on_step=on_step)


def write(made: MadeUp, out, options: BuildOptions = BuildOptions(), *, on_step=_no_step) -> BuildResult:
    """build() from a made-up edition."""
    if not made.ok:
        return BuildResult(made.edition, made.layout, made.diagnostics)
    from layout.press import write_edition

    edition, layout, fonts = made.edition, made.layout, made.fonts
    folder = out_dir(out, edition)
    remove_stale_temps(folder)
    from dataclasses import replace

    from layout.base.outputset import OutputSet

    diags = list(made.diagnostics)
    reports = []
    with OutputSet(folder) as outset:          # written and preflighted aside, then swapped in
        on_step("step.plates")
        plate_manifest = folder / f"{edition_stem(edition)}-manifest.json"
        if plate_manifest.is_file():            # the plates are compared with the previous build's
            shutil.copyfile(plate_manifest, outset.path(plate_manifest.name))
        press = write_edition(layout, fonts, outset.stage, marks=options.marks, epoch=options.epoch)
        diags += fonts.take_notes()             # damaged subsets rebuilt
        if options.preflight:
            from layout.preflight import preflight

            for i, path in enumerate(press.paths, 1):
                on_step("step.preflight", i=i, n=len(press.paths))
                report = preflight(path, ink_limit_pct=edition.paper.ink_limit_pct,
                                   min_text_pt=edition.paper.min_text_pt)
                report = replace(report, path=str(outset.final(path)))
                reports.append(report)
                if path in press.page_pdfs:     # preflight warnings (small text, thin rules), once per plate
                    diags.extend(d for d in report.diagnostics() if d.severity is Severity.WARNING)
        copyfit_file = write_copyfit(layout, edition, outset.stage)
        proof_file = write_proof(layout, edition, fonts, outset.stage) if options.proof else None
        replaced = all(r.passed for r in reports)
        if replaced:                            # a plate the press would refuse replaces nothing
            outset.commit()
    final = outset.final
    return BuildResult(edition, layout, tuple(diags), folder, tuple(map(final, press.paths)),
                       tuple(map(final, press.page_pdfs)), final(copyfit_file),
                       final(proof_file) if proof_file else None, tuple(reports), press.plates,
                       press.removed, final(press.manifest), replaced)


def preview(edition_path, page: int, png=None, *, dpi: float = 100.0, proof: bool = False,
            out="output", fonts=None, whole: bool = False, variant: int = 0) -> PreviewResult:
    """One page as PNG at `png` (default out/<paper>/<date>/preview-pN[-proof].png); only that
    page is made up unless `whole` (watch: the copyfit of every page).  Other pages' errors
    (and 【待填写】 placeholders, drawn grey) do not hold the page up: they are listed in the
    result's diagnostics (layout.pipeline.pagewise)."""
    from layout.pipeline.pagewise import make_up_pages, unreadable

    loaded = load(edition_path, fonts, partial=True)
    if loaded.edition is None:
        return PreviewResult(None, None, loaded.diagnostics + unreadable(loaded))
    if page not in {p.number for p in loaded.edition.pages}:
        return PreviewResult(loaded.edition, None, loaded.diagnostics, page_missing=True)
    made = make_up_pages(loaded, None if whole else {page}, variant=(page, variant) if variant else None)
    if page not in made.made:
        return PreviewResult(made.edition, None, made.diagnostics)
    path = Path(png) if png else out_dir(out, made.edition) / preview_name(page, proof)
    write_preview(made.layout, made.edition, made.fonts, page, dpi, proof, path)
    return PreviewResult(made.edition, made.layout, made.diagnostics, path=path)
