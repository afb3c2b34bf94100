"""`newsprint new` keeps the standing elements of issue 19: a booked ad runs on (its file copied
along), the 导读 stays (it makes itself; last week's `stories` ids are dropped)."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from layout.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "editions" / "shijingshan"


def test_new_keeps_the_ad_and_the_index(tmp_path, capsys):
    paper = tmp_path / "shijingshan"
    shutil.copytree(SAMPLE, paper)
    src = paper / "2020-02-24" / "edition.yaml"
    text = src.read_text(encoding="utf-8")
    src.write_text(text.replace("        kind: index\n", "        kind: index\n        stories: [classes-online]\n"),
                   encoding="utf-8")
    assert main(["new", str(paper / "2020-03-02"), "--from", str(paper / "2020-02-24")]) == 0
    out = capsys.readouterr().out
    assert "28 article(s) to fill in" in out                      # 30 articles less the ad and the 导读
    data = yaml.safe_load((paper / "2020-03-02" / "edition.yaml").read_text(encoding="utf-8"))
    arts = {a["id"]: a for p in data["pages"] for a in p["articles"]}
    ad = arts["ad-library-online"]
    assert ad["kind"] == "ad" and ad["ad"]["file"] == "ads/library.pdf" and "paragraphs" not in ad
    assert (paper / "2020-03-02" / "ads" / "library.pdf").read_bytes() == \
        (paper / "2020-02-24" / "ads" / "library.pdf").read_bytes()
    index = arts["daodu"]
    assert index["kind"] == "index" and "stories" not in index and "headline" not in index
