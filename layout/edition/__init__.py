"""Edition stage: paper + edition YAML -> `Edition` model, or diagnostics with positions."""
from layout.edition.load import load_edition, load_edition_pages, load_paper
from layout.edition.placement import check_placements

__all__ = ["load_edition", "load_edition_pages", "load_paper", "check_placements"]
