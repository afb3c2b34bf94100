"""A photo is decoded whole once: later loads of the same bytes skip the decoding, and a
file whose bytes changed (damaged) is decoded and refused again."""
from __future__ import annotations

import pytest
from PIL import Image

import layout.edition.assets as assets
from layout.edition import load_edition
from fixtures.editing import edit


@pytest.fixture
def decodes(monkeypatch, tmp_path):
    """Count whole-picture decodes, with a cache folder of the test's own."""
    monkeypatch.setenv("NEWSPRINT_CACHE_DIR", str(tmp_path / "cache"))
    calls = []
    real = assets._decode

    def counting(im):
        calls.append(im.size)
        return real(im)

    monkeypatch.setattr(assets, "_decode", counting)
    return calls


def test_same_bytes_are_decoded_once(copy, decodes):
    edition, diags = load_edition(copy / "2020-02-24")
    assert edition is not None, diags
    first = len(decodes)
    assert first >= 1
    again, _ = load_edition(copy / "2020-02-24")
    assert again is not None and len(decodes) == first
    assert again == edition


def test_changed_bytes_are_decoded_again_and_a_damaged_file_refused(copy, decodes):
    photo = copy / "2020-02-24/images/photo.jpg"
    Image.new("RGB", (400, 300), (200, 120, 40)).save(photo, quality=95)
    edit(copy, "images/photo.png", "images/photo.jpg")
    edition, diags = load_edition(copy / "2020-02-24")
    assert edition is not None, diags
    seen = len(decodes)
    photo.write_bytes(photo.read_bytes()[: photo.stat().st_size // 2])
    edition, diags = load_edition(copy / "2020-02-24")
    assert len(decodes) == seen + 1
    assert edition is None
    assert any("is damaged (image file is truncated" in d.message for d in diags)


def test_a_read_only_cache_only_costs_the_decoding(copy, decodes, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("NEWSPRINT_CACHE_DIR", str(blocker))
    for _ in range(2):
        edition, diags = load_edition(copy / "2020-02-24")
        assert edition is not None, diags
    assert len(decodes) >= 2 and len(decodes) % 2 == 0
