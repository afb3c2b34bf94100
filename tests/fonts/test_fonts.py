"""Fonts stage: FontSet metrics, cache and embedding subsets; the shipped fonts."""
from __future__ import annotations

import hashlib
import json
import marshal
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

import layout.fonts.metrics as metrics_mod
from layout.fonts.metrics import FORMAT as METRICS_FORMAT
from layout.compose.model import Metrics
from layout.fonts import FontError, FontSet, default_fonts_dir

from fixtures.synthfonts import UPEM, build_font, write_manifest  # noqa: F401


def test_synthetic_metrics_are_exact(synth):
    folder, cache = synth
    fs = FontSet.load(folder, cache_dir=cache)
    assert fs.ids() == ("a", "b")
    assert fs.advance("a", "A") == 1229 / UPEM
    assert fs.advance("a", "中") == 1.0
    assert fs.advance("a", "，") == 0.5
    assert fs.advance("a", " ") == 0.25
    assert fs.advance("a", "B") == 1.0          # missing: one em
    assert fs.advance("b", "B") == 1100 / UPEM
    assert fs.ascent("a") == 1802 / UPEM
    assert fs.descent("a") == 246 / UPEM
    assert fs.covers("a", "中") and not fs.covers("a", "B") and not fs.covers("a", "\x00")


def test_fontset_has_every_method_of_compose_metrics():
    import inspect
    wanted = [n for n, v in vars(Metrics).items() if callable(v) and not n.startswith("_")]
    assert "advance" in wanted and "covers" in wanted
    for name in wanted:
        ours = inspect.signature(getattr(FontSet, name)).parameters
        theirs = inspect.signature(getattr(Metrics, name)).parameters
        assert list(ours) == list(theirs), name


def test_face_fields(synth):
    folder, cache = synth
    face = FontSet.load(folder, cache_dir=cache).face("b")
    assert face.id == "b" and face.family == "B" and face.style == "Regular"
    assert face.path == folder / "b.ttf"
    assert face.sha256 == hashlib.sha256((folder / "b.ttf").read_bytes()).hexdigest()
    assert face.coverage["cmap"] == 4
    with pytest.raises(KeyError, match="unknown font id 'nope'"):
        FontSet.load(folder, cache_dir=cache).face("nope")


def test_resolve_and_missing(synth):
    folder, cache = synth
    fs = FontSet.load(folder, cache_dir=cache)
    assert fs.resolve(("a", "b"), "中") == "a"
    assert fs.resolve(("a", "b"), "한") == "b"
    assert fs.resolve(("b", "a"), "A") == "a"
    assert fs.resolve(("a", "b"), "Z") is None
    assert fs.resolve((), "A") is None
    assert fs.missing(("a", "b"), "A中Z한ZQ\n") == ["Z", "Q"]
    assert fs.missing(("a",), "中한") == ["한"]


def test_metrics_cached_and_loaded_lazily(synth, monkeypatch):
    folder, cache = synth
    fs = FontSet.load(folder, cache_dir=cache)
    assert not (cache / "metrics").exists()          # nothing read yet
    fs.advance("a", "A")
    entries = sorted(p.name for p in (cache / "metrics").iterdir())
    assert entries == [f"{fs.face('a').sha256}.v{METRICS_FORMAT}.marshal"]   # only font a so far

    def no_parse(path):
        raise AssertionError("font parsed although cached")
    monkeypatch.setattr(metrics_mod, "extract", no_parse)
    warm = FontSet.load(folder, cache_dir=cache)
    assert warm.advance("a", "A") == 1229 / UPEM
    assert warm.descent("a") == 246 / UPEM


_WRONG_INSIDE = {     # right shape, wrong types or sizes inside
    "advances a dict": lambda e: e.update(advances={"x": "y"}),
    "advances not numbers": lambda e: e.update(advances=["y"] * len(e["advances"])),
    "one advance short": lambda e: e.update(advances=e["advances"][:-1]),
    "chars not a string": lambda e: e.update(chars=list(e["chars"])),
    "no ink": lambda e: e.pop("ink"),
}


@pytest.mark.parametrize("garbage", [b"", b"\x00garbage", marshal.dumps([1, 2]),
                                     marshal.dumps({"format": 1, "size": -1}),
                                     *_WRONG_INSIDE])
def test_corrupt_cache_entry_is_rebuilt(synth, garbage):
    """Entries whose digest matches but whose content is unsound (as a bug or an old
    version might write them) are rebuilt too; damaged bytes: tests/base/test_cache_trust.py."""
    from layout.base.files import read_entry, write_entry

    folder, cache = synth
    fs = FontSet.load(folder, cache_dir=cache)
    fs.covers("a", "A")
    entry = cache / "metrics" / f"{fs.face('a').sha256}.v{METRICS_FORMAT}.marshal"
    sound = entry.read_bytes()
    payload, status = read_entry(entry, 1 << 24)
    assert status == "hit"
    if isinstance(garbage, str):
        good = marshal.loads(payload)
        _WRONG_INSIDE[garbage](good)
        garbage = marshal.dumps(good)
    write_entry(entry, garbage)
    again = FontSet.load(folder, cache_dir=cache)
    assert again.advance("a", "A") == 1229 / UPEM
    assert entry.read_bytes() == sound                      # rebuilt, not trusted
    rebuilt = marshal.loads(read_entry(entry, 1 << 24)[0])
    assert rebuilt["advances"][rebuilt["chars"].index("A")] == 1229 / UPEM
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]   # no temp files left
    assert [d.code for d in again.take_notes()] == ["cache.damaged-metrics"]     # said, not silent


def test_cached_metrics_equal_the_font_files(synth):
    """The cache's characters-and-em-advances form holds exactly what the font says."""
    folder, cache = synth
    for font_id in ("a", "b"):
        face = FontSet.load(folder, cache_dir=cache).face(font_id)
        raw = metrics_mod.extract(face.path)
        expected = {chr(cp): adv / raw["units_per_em"] for cp, adv in raw["advances"].items()}
        cold = FontSet.load(folder, cache_dir=cache).metrics(font_id)      # writes the entry
        warm = FontSet.load(folder, cache_dir=cache).metrics(font_id)      # reads it
        assert cold == warm
        assert warm.advances == expected and list(warm.advances) == list(expected)


def test_wrong_sha256_is_an_error(synth):
    folder, cache = synth
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["fonts"]["a"]["sha256"] = "0" * 64
    (folder / "manifest.json").write_text(json.dumps(manifest))
    fs = FontSet.load(folder, cache_dir=cache)
    with pytest.raises(FontError, match="does not match manifest"):
        fs.advance("a", "A")
    assert fs.advance("b", "B") == 1100 / UPEM


def test_missing_or_bad_manifest(tmp_path):
    with pytest.raises(FontError, match="no font manifest"):
        FontSet.load(tmp_path)
    (tmp_path / "manifest.json").write_text('{"fonts": {"x": {"file": "x.ttf"}}}')
    with pytest.raises(FontError, match="malformed"):
        FontSet.load(tmp_path)


def test_environment_chooses_folders(synth, monkeypatch, tmp_path):
    folder, _ = synth
    monkeypatch.setenv("NEWSPRINT_FONTS_DIR", str(folder))
    monkeypatch.setenv("NEWSPRINT_CACHE_DIR", str(tmp_path / "envcache"))
    assert default_fonts_dir() == folder
    FontSet.load().advance("b", "B")
    assert any((tmp_path / "envcache" / "metrics").iterdir())
    monkeypatch.delenv("NEWSPRINT_FONTS_DIR")
    assert default_fonts_dir() == Path(__file__).resolve().parents[2] / "fonts"


def test_synthetic_subset(synth):
    folder, cache = synth
    fs = FontSet.load(folder, cache_dir=cache)
    path = fs.subset_for_embedding("a", "中A中Z")
    first = path.read_bytes()
    assert fs.subset_for_embedding("a", ["A", "中"]) == path      # order, duplicates, Z ignored
    path.unlink()
    again = fs.subset_for_embedding("a", "A中")
    assert again == path and again.read_bytes() == first            # rebuilt byte for byte
    font = TTFont(path)
    assert set(font.getBestCmap()) == {ord("A"), ord("中")}
    assert font.getGlyphOrder()[0] == ".notdef"
    assert font["hmtx"][font.getBestCmap()[ord("A")]][0] == 1229
    assert fs.subset_for_embedding("a", "A") != path


# ------------------------------------------------------------ shipped fonts

SHIPPED = default_fonts_dir()


def gb2312_han() -> list[str]:
    out = []
    for a in range(0xB0, 0xF8):
        for b in range(0xA1, 0xFF):
            try:
                out.append(bytes((a, b)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def gbk_han() -> list[str]:
    import unicodedata
    out = []
    for a in range(0x81, 0xFF):
        for b in range(0x40, 0xFF):
            try:
                ch = bytes((a, b)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if unicodedata.name(ch, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEO")):
                out.append(ch)
    return out


@pytest.fixture(scope="session")
def shipped(tmp_path_factory):
    """The repo's fonts, metrics cached once per test session."""
    return FontSet.load(SHIPPED, cache_dir=tmp_path_factory.mktemp("fontcache"))


@pytest.fixture(scope="session")
def manifest():
    return json.loads((SHIPPED / "manifest.json").read_text())["fonts"]


EXPECTED_IDS = {"noto-serif-sc-regular", "noto-serif-sc-bold", "noto-sans-sc-regular",
                "noto-sans-sc-bold", "lxgw-wenkai-regular", "fandol-fang-regular"}


def test_shipped_ids_and_sha256(shipped, manifest):
    assert set(shipped.ids()) == EXPECTED_IDS
    for font_id in shipped.ids():
        face = shipped.face(font_id)
        assert hashlib.sha256(face.path.read_bytes()).hexdigest() == face.sha256 == manifest[font_id]["sha256"]
        assert face.licence and (SHIPPED / manifest[font_id]["licence_file"]).is_file()


def test_shipped_fonts_are_truetype(shipped):
    for font_id in shipped.ids():
        with open(shipped.face(font_id).path, "rb") as fh:
            assert fh.read(4) == b"\x00\x01\x00\x00", font_id
        with TTFont(shipped.face(font_id).path, lazy=True) as font:
            assert "glyf" in font and "loca" in font, font_id
            assert "CFF " not in font and "CFF2" not in font, font_id
            assert font["maxp"].tableVersion == 0x00010000


def test_shipped_coverage_matches_manifest(shipped, manifest):
    han = gb2312_han()
    assert len(han) == 6763
    for font_id in shipped.ids():
        have = sum(shipped.covers(font_id, ch) for ch in han)
        assert have == manifest[font_id]["coverage"]["gb2312_han"], font_id
        if font_id != "fandol-fang-regular":
            assert have == 6763, font_id


def test_body_face_covers_gbk_and_names(shipped, manifest):
    body = "noto-serif-sc-regular"
    gbk = gbk_han()
    assert len(gbk) == 20923
    assert all(shipped.covers(body, ch) for ch in gbk)
    assert manifest[body]["coverage"]["gbk_han"] == 20923
    for ch in "堃喆昇𠮷䶮":
        assert shipped.covers(body, ch), ch
    assert shipped.advance(body, "中") == 1.0
    assert 0.0 < shipped.advance(body, "i") < 0.5
    assert shipped.ascent(body) + shipped.descent(body) == pytest.approx(1.0)


def test_hangul_fallback(shipped):
    chain = ("noto-serif-sc-regular", "noto-sans-sc-regular")
    assert shipped.resolve(chain, "한") == "noto-serif-sc-regular"     # the serif face's own
    assert shipped.resolve(("noto-serif-sc-bold", "noto-sans-sc-regular"), "한") == "noto-sans-sc-regular"
    assert shipped.resolve(chain, "中") == "noto-serif-sc-regular"
    assert shipped.missing(chain, "한국어 신문") == []
    assert not shipped.covers("noto-sans-sc-bold", "한")


def test_shipped_subset_cached_and_loaded_by_reportlab(shipped):
    from reportlab.pdfbase.ttfonts import TTFont as RLTTFont

    text = "本报讯（记者 王小明）国务院常务会议今天召开。堃喆昇𠮷"
    one = shipped.subset_for_embedding("noto-serif-sc-regular", text)
    two = shipped.subset_for_embedding("noto-serif-sc-regular", reversed(text))
    assert one == two
    data = one.read_bytes()
    assert len(data) < 100_000
    one.unlink()
    assert shipped.subset_for_embedding("noto-serif-sc-regular", text).read_bytes() == data
    rl = RLTTFont("np-test-subset", str(one))
    assert rl.stringWidth("中国", 10) == pytest.approx(20.0)


def test_reportlab_accepts_every_shipped_font(shipped):
    from reportlab.pdfbase.ttfonts import TTFont as RLTTFont

    for font_id in shipped.ids():
        rl = RLTTFont(f"np-test-{font_id}", str(shipped.face(font_id).path))
        assert rl.stringWidth("中", 10) == pytest.approx(10 * shipped.advance(font_id, "中"))
