"""The cache folder is trusted only after verification: each entry carries the digest of
its content, checked before use; a damaged entry (a flipped byte, a truncated or swapped
file, a link into a device, a FIFO, an oversized file) is rebuilt with a note; a
read-only, full or missing cache costs time, never the build."""
from __future__ import annotations

import errno
import os
import shutil

import pytest

import layout.base.files as files
from layout.base.files import read_entry, read_regular, write_entry
from layout.fonts import FontSet
from layout.fonts.metrics import FORMAT as METRICS_FORMAT
from fixtures.synthfonts import UPEM


def _metrics_entry(fs, cache, font_id="a"):
    return cache / "metrics" / f"{fs.face(font_id).sha256}.v{METRICS_FORMAT}.marshal"


def _flip(path, at=-1):
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


# ------------------------------------------------------------ the entry format

def test_entry_round_trip_and_every_single_byte_flip_is_caught(tmp_path):
    path = tmp_path / "e"
    assert write_entry(path, b"payload \x00\xff")
    assert read_entry(path, 100) == (b"payload \x00\xff", "hit")
    sound = path.read_bytes()
    for i in range(len(sound)):
        damaged = bytearray(sound)
        damaged[i] ^= 0x40
        path.write_bytes(bytes(damaged))
        assert read_entry(path, 100) == (None, "damaged"), i
    path.write_bytes(sound[:-1])                                 # truncated
    assert read_entry(path, 100) == (None, "damaged")
    assert read_entry(tmp_path / "absent", 100) == (None, "missing")


def test_entries_are_read_with_a_size_limit(tmp_path):
    path = tmp_path / "e"
    write_entry(path, b"x" * 1000)
    assert read_entry(path, 999) == (None, "damaged")
    assert read_entry(path, 1000)[1] == "hit"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_links_devices_and_fifos_are_never_read(tmp_path):
    link = tmp_path / "link"
    link.symlink_to("/dev/zero")
    assert read_regular(link, 10) == (None, "damaged")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)                      # opening it for reading would wait for a writer
    assert read_regular(fifo, 10) == (None, "damaged")
    (tmp_path / "dir").mkdir()
    assert read_regular(tmp_path / "dir", 10)[0] is None


# ------------------------------------------------------------ font metrics

def test_metrics_entry_with_a_flipped_byte_is_rebuilt_with_a_note(synth):
    folder, cache = synth
    FontSet.load(folder, cache_dir=cache).covers("a", "A")
    fs = FontSet.load(folder, cache_dir=cache)
    entry = _metrics_entry(fs, cache)
    sound = entry.read_bytes()
    _flip(entry, len(sound) // 2)
    assert fs.advance("a", "A") == 1229 / UPEM
    assert entry.read_bytes() == sound
    (note,) = fs.take_notes()
    assert note.code == "cache.damaged-metrics" and "a.ttf were damaged; rebuilt" in note.message
    assert fs.take_notes() == []


def test_metrics_entries_of_two_fonts_swapped_are_not_used(synth):
    folder, cache = synth
    fs = FontSet.load(folder, cache_dir=cache)
    fs.covers("a", "A"), fs.covers("b", "B")
    a, b = _metrics_entry(fs, cache, "a"), _metrics_entry(fs, cache, "b")
    data_a, data_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(data_b), b.write_bytes(data_a)
    again = FontSet.load(folder, cache_dir=cache)
    assert again.covers("a", "中") and not again.covers("a", "B")
    assert again.advance("b", "B") == 1100 / UPEM
    assert len(again.take_notes()) == 2


def test_metrics_entry_linked_to_dev_zero_is_not_read(synth):
    folder, cache = synth
    fs = FontSet.load(folder, cache_dir=cache)
    fs.covers("a", "A")
    entry = _metrics_entry(fs, cache)
    entry.unlink()
    entry.symlink_to("/dev/zero")        # read whole, it would fill the memory
    again = FontSet.load(folder, cache_dir=cache)
    assert again.advance("a", "A") == 1229 / UPEM
    assert not entry.is_symlink()        # replaced by a sound entry
    assert [d.code for d in again.take_notes()] == ["cache.damaged-metrics"]


# ------------------------------------------------------------ subsets

def test_subset_with_a_flipped_byte_truncated_or_swapped_is_rebuilt(synth):
    folder, cache = synth
    fs = FontSet.load(folder, cache_dir=cache)
    one = fs.subset_for_embedding("a", "A中")
    two = fs.subset_for_embedding("a", "A")
    good_one, good_two = one.read_bytes(), two.read_bytes()
    _flip(one, len(good_one) // 2)
    assert fs.subset_for_embedding("a", "A中").read_bytes() == good_one
    one.write_bytes(good_one[:4])                           # truncated to its sfnt tag
    assert fs.subset_for_embedding("a", "A中").read_bytes() == good_one
    one.write_bytes(good_two), two.write_bytes(good_one)    # two entries swapped
    assert fs.subset_for_embedding("a", "A中").read_bytes() == good_one
    assert fs.subset_for_embedding("a", "A").read_bytes() == good_two
    # the files and their digest entries swapped together: the key tells them apart
    ref_one, ref_two = one.with_suffix(".sha256"), two.with_suffix(".sha256")
    r1, r2 = ref_one.read_bytes(), ref_two.read_bytes()
    one.write_bytes(good_two), two.write_bytes(good_one)
    ref_one.write_bytes(r2), ref_two.write_bytes(r1)
    assert fs.subset_for_embedding("a", "A中").read_bytes() == good_one
    assert len(fs.take_notes()) == 5


def test_sound_subset_is_used_without_rebuilding(synth, monkeypatch):
    import layout.fonts.embed as embed

    folder, cache = synth
    fs = FontSet.load(folder, cache_dir=cache)
    path = fs.subset_for_embedding("a", "A中")

    def no_subset(*_):
        raise AssertionError("rebuilt although sound")
    monkeypatch.setattr(embed, "make_subset", no_subset)
    assert fs.subset_for_embedding("a", "中A") == path
    assert fs.take_notes() == []


# ------------------------------------------------------------ a cache that cannot be written

@pytest.fixture(params=["read-only", "full"])
def unwritable(request, synth, monkeypatch, tmp_path):
    folder, cache = synth
    monkeypatch.setattr(files, "scratch_cache", lambda: tmp_path / "scratch")
    if request.param == "read-only":     # (root ignores mode bits: a file where the folder goes)
        cache.write_text("not a folder")
    else:
        real = files.atomic_write

        def full(path, data):
            if str(path).startswith(str(cache)):
                raise OSError(errno.ENOSPC, "No space left on device", str(path))
            return real(path, data)
        monkeypatch.setattr(files, "atomic_write", full)
    return folder, cache


def test_an_unwritable_cache_only_costs_time(unwritable, tmp_path):
    folder, cache = unwritable
    fs = FontSet.load(folder, cache_dir=cache)
    assert fs.advance("a", "A") == 1229 / UPEM
    path = fs.subset_for_embedding("a", "A中")
    assert path.is_file() and str(path).startswith(str(tmp_path / "scratch"))
    assert fs.take_notes() == []


def test_a_missing_cache_folder_is_made(synth):
    folder, cache = synth
    FontSet.load(folder, cache_dir=cache).subset_for_embedding("a", "A")
    shutil.rmtree(cache)
    assert FontSet.load(folder, cache_dir=cache).subset_for_embedding("a", "A").is_file()


# ------------------------------------------------------------ photo marks

def test_a_damaged_or_linked_photo_mark_means_decoding_again(tmp_path, monkeypatch):
    import layout.edition.assets as assets
    from layout.edition import load_edition
    from fixtures.editing import MINIMAL

    monkeypatch.setenv("NEWSPRINT_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "minimal"
    shutil.copytree(MINIMAL, copy)
    calls = []
    real = assets._decode
    monkeypatch.setattr(assets, "_decode", lambda im: calls.append(1) or real(im))
    edition, _ = load_edition(copy / "2020-02-24")
    assert edition is not None and len(calls) == 1
    (mark,) = (tmp_path / "cache" / "images").iterdir()
    _flip(mark)
    edition, diags = load_edition(copy / "2020-02-24")
    assert edition is not None and len(calls) == 2
    assert [d.code for d in diags] == ["cache.damaged-mark"] and "decoded again" in diags[0].message
    mark.unlink()
    mark.symlink_to("/dev/zero")
    edition, diags = load_edition(copy / "2020-02-24")
    assert edition is not None and len(calls) == 3 and [d.code for d in diags] == ["cache.damaged-mark"]
    edition, diags = load_edition(copy / "2020-02-24")
    assert len(calls) == 3 and diags == ()                       # the mark is sound again
