"""Pictures a plate cannot take as they are: converted (1-bit, 16-bit grey, CIE Lab, a dark
RGB logo set with its grey in black), or refused by `check` with the position and the reason
(a float picture, a CMYK file or colour logo over the paper's ink limit) — never passing
check and then failing the build or its preflight."""
from PIL import Image

from fixtures.builder import article, page, place, write_edition
from layout.base.pictures import for_plate, max_ink_pct
from layout.pipeline import build, load


def photo_story(id, file, column):
    return article(id, "图片新闻", kind="photo", photo={"file": file, "caption": "说明", "rows": 8},
                   place=place(column, 2, 1, 12))


def edition_with(tmp_path, pictures: dict, logo=None, **paper):
    """An edition with one photo story per picture (name -> Pillow image) in images/."""
    stories = [photo_story(f"p{i}", f"images/{name}", 1 + 2 * i) for i, name in enumerate(pictures)]
    masthead = {"logo": "logo.png"} if logo is not None else {}
    folder = write_edition(tmp_path, [page(1, stories)], paper={"masthead": masthead, **paper})
    (folder / "images").mkdir()
    for name, im in pictures.items():
        im.save(folder / "images" / name)
    if logo is not None:
        logo.save(tmp_path / "logo.png")
    return folder


def gradient(mode="L", size=(800, 600)):
    return Image.linear_gradient("L").resize(size).convert(mode)


def sixteen_bit_grey(value, size=(800, 600)):
    return Image.frombytes("I;16", size, value.to_bytes(2, "little") * (size[0] * size[1]))


def test_sixteen_bit_grey_is_scaled_not_clipped():
    plate = for_plate(sixteen_bit_grey(32768, (4, 4)), colour=False)
    assert plate.mode == "L" and plate.getpixel((0, 0)) == 127      # Pillow's convert gives 255


def test_lab_photo_is_set_by_its_lightness_and_a_lab_logo_in_cmyk():
    lab = Image.new("RGB", (4, 4), (200, 30, 30)).convert("LAB")
    assert for_plate(lab, colour=False).mode == "L"
    assert for_plate(lab, colour=True).mode == "CMYK"


def test_a_dark_rgb_logo_keeps_within_200_percent_ink():
    dark = Image.new("RGB", (8, 8), (20, 15, 10))
    assert max_ink_pct(dark.convert("CMYK")) > 280                   # Pillow's own: K = 0
    assert max_ink_pct(for_plate(dark, colour=True)) <= 200


def test_one_bit_sixteen_bit_and_lab_photos_and_a_dark_logo_pass_the_builds_preflight(tmp_path):
    folder = edition_with(tmp_path, {"bw.png": gradient("1"), "g16.png": sixteen_bit_grey(40000),
                                     "lab.tif": Image.new("RGB", (800, 600), (90, 60, 40)).convert("LAB")},
                          logo=Image.new("RGB", (2400, 800), (25, 20, 20)))
    loaded = load(folder)
    assert loaded.ok, [str(d) for d in loaded.diagnostics]
    result = build(folder, tmp_path / "out")
    failed = [line for r in result.failed_preflight for line in str(r).splitlines() if "FAIL" in line]
    assert result.ok and result.replaced, failed


def test_a_float_picture_is_refused_by_check_at_its_place(tmp_path):
    folder = edition_with(tmp_path, {"f.tif": Image.new("F", (800, 600), 0.5)})
    loaded = load(folder)
    (d,) = [d for d in loaded.diagnostics if d.code == "image-mode"]
    assert d.pos.path.endswith("edition.yaml") and d.pos.line > 0
    assert "'images/f.tif' is a picture of Pillow mode F, which a plate cannot take" in d.message


def test_a_cmyk_photo_over_the_ink_limit_is_refused_by_check(tmp_path):
    folder = edition_with(tmp_path, {"heavy.jpg": Image.new("CMYK", (800, 600), (200, 200, 200, 200))})
    (d,) = [d for d in load(folder).diagnostics if d.code == "image-ink"]
    assert "has 314 % ink at its darkest, more than the paper's ink_limit of 240 %" in d.message


def test_a_colour_logo_over_a_low_ink_limit_is_refused_by_check(tmp_path):
    folder = edition_with(tmp_path, {}, logo=Image.new("RGB", (600, 200), (200, 0, 0)), ink_limit=150)
    (d,) = [d for d in load(folder).diagnostics if d.code == "image-ink"]
    assert d.pos.path.endswith("paper.yaml") and "logo 'logo.png' has 178 % ink" in d.message
