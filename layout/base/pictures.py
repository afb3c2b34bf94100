"""Pictures as a plate takes them: greyscale (photos) or CMYK (a colour logo), whatever the
file holds — 1-bit, 16-bit grey, CIE Lab, palette, transparency, RGB — and the highest ink of
a CMYK picture. The edition stage uses these to refuse, at check time, what the plate would
get wrong; render uses them to convert. Pillow is imported by the caller (an open image)."""
from __future__ import annotations

SIXTEEN_BIT = ("I;16", "I;16L", "I;16B", "I;16N", "I")     # grey in 0..65535 (I: as 16-bit PNGs open)
TRANSPARENT = ("RGBA", "RGBa", "LA", "La", "P", "PA")
CONVERTIBLE = ("1", "L", "CMYK", "RGB", "RGBX", "YCbCr", "HSV", "LAB") + SIXTEEN_BIT + TRANSPARENT
PLATE_MODES = ("L", "CMYK")     # what goes onto a plate as it is


def convertible(mode: str) -> bool:
    """Can a picture of this Pillow mode be set on a plate (F, a float image, cannot)?"""
    return mode in CONVERTIBLE


def for_plate(pic, colour: bool):
    """The picture in L (a photo: plates print pictures in black) or, for a colour logo,
    CMYK with its grey in black only (full grey component replacement, so no pixel has more
    than 200 % ink); a CMYK file stays CMYK."""
    mode = pic.mode
    if mode in PLATE_MODES:
        return pic
    if mode == "1":
        return pic.convert("L")
    if mode in SIXTEEN_BIT:         # Pillow clips 16-bit grey to 255 when converting: scale it
        return pic.convert("I").point(lambda v: v / 257).convert("L")
    if mode == "LAB":
        if not colour:
            return pic.getchannel("L")          # L* is the picture's lightness
        from PIL import ImageCms

        rgb = ImageCms.applyTransform(pic, ImageCms.buildTransform(
            ImageCms.createProfile("LAB"), ImageCms.createProfile("sRGB"), "LAB", "RGB"))
        return _black_replaces_grey(rgb)
    if mode in TRANSPARENT:         # PDF/X-1a has no transparency: flattened on white
        from PIL import Image

        rgba = pic.convert("RGBA")
        pic = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    rgb = pic.convert("RGB")
    return _black_replaces_grey(rgb) if colour else rgb.convert("L")


def _black_replaces_grey(rgb):
    """RGB -> CMYK with K = min(C, M, Y) taken out of C, M and Y (Pillow's own conversion
    leaves K at 0: a dark logo at 300 % ink)."""
    from PIL import Image, ImageChops

    c, m, y, _ = rgb.convert("CMYK").split()
    k = ImageChops.darker(ImageChops.darker(c, m), y)
    return Image.merge("CMYK", (ImageChops.subtract(c, k), ImageChops.subtract(m, k),
                                ImageChops.subtract(y, k), k))


def max_ink_pct(cmyk) -> float:
    """The highest C+M+Y+K of any pixel of a CMYK picture, in %."""
    from PIL import ImageMath

    c, m, y, k = (band.convert("I") for band in cmyk.split())
    if hasattr(ImageMath, "lambda_eval"):         # Pillow ≥ 11
        total = ImageMath.lambda_eval(lambda e: e["c"] + e["m"] + e["y"] + e["k"], c=c, m=m, y=y, k=k)
    else:
        total = ImageMath.eval("c + m + y + k", c=c, m=m, y=y, k=k)
    return 100 * total.getextrema()[1] / 255
