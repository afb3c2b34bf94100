"""Edition stage: paper + edition YAML -> `Edition` model, or diagnostics with positions."""
from layout.edition.load import load_edition, load_paper
from layout.edition.placement import check_placements

__all__ = ["load_edition", "load_paper", "check_placements"]
