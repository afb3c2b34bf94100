"""`check` (load + make up, no PDF) finds text below the paper's min_text_size — a headline
shrunk to fit, a style set below it — which the build's preflight reports in the plates
(min-text-size): both say it, at the block, before anything is written."""
from fixtures.builder import article, page, place, write_edition
from layout.pipeline import build, load, make_up

SMALL = {"min_text_size": 8.5}      # the fixture's credit style is 8 pt, its body 9 pt


def edition(tmp_path):
    photo = article("photo", "图片", kind="photo", place=place(1, 2, 1, 14),
                    photo={"file": "images/photo.png", "caption": "春天来了", "credit": "摄影：王五", "rows": 8})
    lead = article("lead", "标题", ["正文。"], place=place(3, 2, 1, 10))
    return write_edition(tmp_path, [page(1, [photo, lead])], paper=SMALL, images=True)


def test_check_warns_at_the_block_where_text_is_set_below_the_minimum(tmp_path):
    made = make_up(load(edition(tmp_path)))
    found = {d.arguments["block"]: d for d in made.diagnostics if d.code == "text-below-minimum"}
    assert set(found) == {"photo", "masthead"}, [str(d) for d in made.diagnostics]
    assert found["photo"].message.startswith("page 1, photo: text set at 8.0 pt, below the paper's "
                                             "min_text_size of 8.5 pt")
    assert found["photo"].pos.path.endswith("edition.yaml")
    assert found["masthead"].pos.path.endswith("paper.yaml")       # the small print beside the title


def test_the_builds_preflight_says_the_same(tmp_path):
    result = build(edition(tmp_path), tmp_path / "out")
    checks = [c for r in result.preflight for c in r.checks if c.name == "min-text-size"]
    assert checks and not all(c.passed for c in checks)


def test_nothing_said_when_all_text_is_at_least_the_minimum(tmp_path):
    folder = write_edition(tmp_path, [page(1, [article("lead", "标题", ["正文。"], place=place(1, 2, 1, 10))])])
    assert not [d for d in make_up(load(folder)).diagnostics if d.code == "text-below-minimum"]


def test_check_refuses_a_logo_and_a_photo_the_builds_preflight_refuses_for_resolution(tmp_path):
    """Under 150 ppi at the printed size preflight fails the plate (image-resolution):
    check says so first, at the logo's line in the paper and at the photo."""
    from PIL import Image

    photo = article("photo", "图片", kind="photo", place=place(1, 4, 1, 30),
                    photo={"file": "images/small.png", "caption": "说明", "rows": 24})
    folder = write_edition(tmp_path, [page(1, [photo])], paper={"masthead": {"logo": "logo.png"}})
    (folder / "images").mkdir()
    Image.new("L", (200, 150), 128).save(folder / "images" / "small.png")
    Image.new("RGB", (300, 100), (200, 0, 0)).save(tmp_path / "logo.png")
    made = make_up(load(folder))
    codes = {d.code: d for d in made.diagnostics if d.severity.value == "error"}
    assert {"logo-low-resolution", "low-resolution"} <= set(codes), [str(d) for d in made.diagnostics]
    logo = codes["logo-low-resolution"]
    assert logo.pos.path.endswith("paper.yaml") and "which the build's preflight refuses" in logo.message
    assert codes["low-resolution"].pos.path.endswith("edition.yaml")
