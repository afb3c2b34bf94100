"""fonts/manifest.json: which fonts newsprint ships, and what each covers."""
from __future__ import annotations

import json
from dataclasses import field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from layout.base.diagnostics import record


class FontError(Exception):
    """A font, its manifest or its cache cannot be used."""


@record
class FontFace:
    """One shipped font: its file, content hash and coverage, from fonts/manifest.json."""
    id: str
    family: str
    style: str
    path: Path
    sha256: str
    licence: str
    coverage: Mapping[str, object] = field(
        default_factory=lambda: MappingProxyType({}), hash=False, compare=False)
    version: str = ""


def read_manifest(fonts_dir: Path) -> dict[str, FontFace]:
    """Faces listed in fonts_dir/manifest.json, in manifest order."""
    path = fonts_dir / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["fonts"]
        faces = {}
        for font_id, e in entries.items():
            faces[font_id] = FontFace(
                id=font_id,
                family=e["family"],
                style=e["style"],
                path=fonts_dir / e["file"],
                sha256=e["sha256"],
                licence=e["licence"],
                coverage=MappingProxyType(dict(e.get("coverage", {}))),
                version=e.get("version", ""),
            )
    except FileNotFoundError:
        raise FontError(f"{path}: no font manifest (run fonts/build_fonts.py)") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FontError(f"{path}: malformed font manifest ({exc!r})") from None
    return faces
