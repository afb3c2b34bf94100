"""`newsprint place`: the makeup table, and --write freezing an automatic layout into the
edition file (comments kept), which then builds to the byte-identical PDF."""
import json
import re
import shutil
from pathlib import Path

import pytest

from layout.cli.app import main
from layout.edition.placewrite import PlaceLine, insert_placements

ROOT = Path(__file__).resolve().parents[2]
PLACE = re.compile(r"^[ ]*place: \{[^\n]*\}[^\n]*(\n|$)", re.M)


@pytest.fixture()
def auto_edition(tmp_path):
    root = tmp_path / "shijingshan"
    shutil.copytree(ROOT / "editions" / "shijingshan", root)
    ed = root / "2020-02-24" / "edition.yaml"
    ed.write_text(PLACE.sub("", ed.read_text(encoding="utf-8")), encoding="utf-8")
    return ed.parent


def test_place_prints_where_each_story_went(auto_edition, capsys):
    assert main(["place", str(auto_edition), "--page", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    rows = report["placements"]
    assert {r["page"] for r in rows} == {1}
    assert rows[0]["article"] == "epidemic-leading-group-31st-meeting"
    assert rows[0]["column"] == 1 and rows[0]["row"] == 1 and rows[0]["automatic"]
    assert sum(r["span"] * r["rows"] for r in rows) == 6 * 64     # the page, exactly


def test_place_write_round_trips_to_the_same_pdf(auto_edition, tmp_path, capsys):
    before = auto_edition / "edition.yaml"
    comments = [line for line in before.read_text(encoding="utf-8").splitlines() if "#" in line]
    assert main(["build", str(auto_edition), "-o", str(tmp_path / "a"), "-q"]) == 0
    assert main(["place", str(auto_edition), "--write"]) == 0
    text = before.read_text(encoding="utf-8")
    assert text.count("fit: true") == 31          # 30 stories and continuations, the 导读 (the ad is fixed)
    assert all(line in text.splitlines() for line in comments)      # the editor's comments stay
    assert main(["build", str(auto_edition), "-o", str(tmp_path / "b"), "-q"]) == 0
    a = sorted((tmp_path / "a").rglob("*.pdf"))
    b = sorted((tmp_path / "b").rglob("*.pdf"))
    assert [p.name for p in a] == [p.name for p in b] and len(a) == 5
    for x, y in zip(a, b):
        assert x.read_bytes() == y.read_bytes(), x.name
    capsys.readouterr()
    assert main(["place", str(auto_edition), "--json"]) == 0      # now all by hand, same places
    rows = json.loads(capsys.readouterr().out)["placements"]
    assert not any(r["automatic"] for r in rows)


def test_insert_keeps_everything_else_byte_for_byte():
    text = ("pages:\n  - number: 1\n    articles:\n      - id: a   # the lead\n        kind: news\n"
            "        headline: 标题\n      - {id: b, kind: news, headline: x}\n")
    new, refused = insert_placements(text, [PlaceLine(1, "a", False, 1, 4, 1, 20, 26.0),
                                            PlaceLine(1, "b", False, 5, 2, 1, 20)])
    assert refused == ["b"]                   # a flow mapping cannot take a line
    assert new == ("pages:\n  - number: 1\n    articles:\n      - id: a   # the lead\n"
                   "        place: {column: 1, span: 4, row: 1, rows: 20, fit: true}\n"
                   "        headline_size: 26\n        kind: news\n        headline: 标题\n"
                   "      - {id: b, kind: news, headline: x}\n")


def test_variants_offers_different_makeups_side_by_side(auto_edition, tmp_path, capsys):
    out = tmp_path / "v.png"
    # page 3: page 2 has one exact arrangement since page 1 holds the 导读 (its stories continue longer)
    assert main(["place", str(auto_edition), "--page", "3", "--variants", "2", "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "variant 1:" in text and "variant 2:" in text
    tables = text.split("variant 2:")
    assert tables[0].split("\n", 1)[1] != tables[1].split("\n", 1)[1]      # another arrangement
    from PIL import Image

    with Image.open(out) as im:
        assert im.width > 2 * im.height * 0.6        # two pages side by side
    assert main(["place", str(auto_edition), "--variants", "9"]) == 2
