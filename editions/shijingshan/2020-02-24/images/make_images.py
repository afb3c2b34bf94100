"""Draw the sample edition's three photos (greyscale PNG, 1600 x 1100 px).

Run from anywhere: `python3 make_images.py`; the PNGs are written next to this file.
Every random choice comes from a fixed seed, so the output is the same on every run.

- meeting-hall.png   会场: podium, rostrum with a banner, rows of seats (page 1 photo story)
- checkpoint.png     社区卡口: a tent, a table, volunteers in vests, a gate (page 2)
- park-spring.png    早春公园: bare willows, a path, a pavilion, a few walkers (page 3)
"""
from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

W, H = 1600, 1100
HERE = Path(__file__).resolve().parent


def vertical_gradient(top: int, bottom: int) -> Image.Image:
    """A greyscale canvas shading from `top` (first row) to `bottom` (last row)."""
    column = Image.new("L", (1, H))
    column.putdata([round(top + (bottom - top) * y / (H - 1)) for y in range(H)])
    return column.resize((W, H))


def grain(img: Image.Image, rng: random.Random, amount: int = 6) -> Image.Image:
    """Fine film grain: a small noise field, scaled up softly and blended in."""
    noise = Image.new("L", (W // 4, H // 4))
    noise.putdata([128 + rng.randint(-amount, amount) for _ in range((W // 4) * (H // 4))])
    noise = noise.resize((W, H), Image.BILINEAR)
    return Image.blend(img, noise, 0.12).point(lambda v: min(255, max(0, round(v * 1.14 - 18))))


def person(d: ImageDraw.ImageDraw, x: float, y: float, h: float, tone: int, vest: int | None = None) -> None:
    """A standing figure, feet at (x, y), height h: head, body, legs (optionally a light vest)."""
    head = h * 0.13
    d.ellipse([x - head / 2, y - h, x + head / 2, y - h + head], fill=tone)
    body_top, body_bottom = y - h + head * 1.1, y - h * 0.45
    d.rounded_rectangle([x - h * 0.12, body_top, x + h * 0.12, body_bottom], radius=h * 0.04,
                        fill=vest if vest is not None else tone)
    d.rectangle([x - h * 0.09, body_bottom, x - h * 0.01, y], fill=tone)
    d.rectangle([x + h * 0.01, body_bottom, x + h * 0.09, y], fill=tone)


def meeting_hall(rng: random.Random) -> Image.Image:
    img = vertical_gradient(150, 95)
    d = ImageDraw.Draw(img)
    # back wall with vertical panels, a banner and the rostrum
    for i in range(0, W, 80):
        d.rectangle([i, 0, i + 74, 430], fill=172 + (i // 80) % 2 * 6)
    d.rectangle([260, 70, 1340, 150], fill=60)                      # 会标 banner
    for i in range(14):                                              # its characters, as blocks
        d.rectangle([330 + i * 68, 92, 372 + i * 68, 128], fill=215)
    d.rectangle([180, 330, 1420, 470], fill=110)                     # 主席台 table front
    d.rectangle([160, 310, 1440, 335], fill=205)                     # table top (white cloth)
    for i in range(11):                                              # people seated at the rostrum
        x = 250 + i * 110
        d.ellipse([x - 20, 245, x + 20, 290], fill=55)
        d.rectangle([x - 34, 288, x + 34, 318], fill=45)
        d.rectangle([x - 10, 300, x + 10, 312], fill=230)            # name card
    for side in (120, 1480):                                         # flower stands
        d.ellipse([side - 60, 380, side + 60, 470], fill=90)
    # rows of seats with the backs of heads, perspective towards the camera
    y = 520
    row = 0
    while y < H:
        scale = 1 + row * 0.28
        step = 70 * scale
        d.rectangle([0, y + 30 * scale, W, y + 52 * scale], fill=70 - min(row * 4, 30))   # desk row
        x = rng.uniform(0, step)
        while x < W:
            if rng.random() < 0.9:
                r = 16 * scale
                d.ellipse([x - r, y - r * 1.2, x + r, y + r * 0.8], fill=40 + rng.randint(0, 25))
                d.rectangle([x - r * 1.5, y + r * 0.7, x + r * 1.5, y + 30 * scale], fill=60 + rng.randint(0, 20))
            x += step
        y += 62 * scale
        row += 1
    img = img.filter(ImageFilter.GaussianBlur(1.6))
    return grain(img, rng)


def checkpoint(rng: random.Random) -> Image.Image:
    img = vertical_gradient(210, 160)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 620, W, H], fill=150)                            # pavement
    for i in range(0, W, 120):                                       # paving joints
        d.line([i, 620, i - 300, H], fill=138, width=3)
    # residential blocks behind
    for bx, bw, bh in ((0, 420, 430), (460, 360, 520), (860, 330, 390), (1230, 370, 480)):
        d.rectangle([bx, 620 - bh, bx + bw, 620], fill=125)
        for wy in range(620 - bh + 30, 600, 60):
            for wx in range(bx + 25, bx + bw - 40, 70):
                d.rectangle([wx, wy, wx + 36, wy + 30], fill=95)
    # a bare tree on the left
    d.line([170, 640, 190, 300], fill=60, width=18)
    for _ in range(40):
        a = rng.uniform(300, 560)
        d.line([185, a, 185 + rng.uniform(-150, 150), a - rng.uniform(60, 180)], fill=70, width=4)
    # the gate: two posts and a barrier arm
    d.rectangle([1320, 420, 1350, 820], fill=80)
    d.rectangle([1350, 560, 1560, 585], fill=235)
    for i in range(1350, 1560, 60):
        d.rectangle([i, 560, i + 30, 585], fill=90)
    # the tent: canopy and legs
    d.polygon([(430, 390), (1150, 390), (1230, 470), (350, 470)], fill=200)
    d.rectangle([350, 470, 1230, 510], fill=175)
    for x in (370, 1200):
        d.rectangle([x, 505, x + 16, 860], fill=75)
    # volunteers behind the table (light vests), then the table with a register
    for x in (620, 800, 960):
        person(d, x, 860, 400, 50, vest=205)
    d.rectangle([520, 700, 1060, 730], fill=225)
    d.rectangle([540, 730, 1040, 870], fill=110)
    d.rectangle([640, 680, 760, 700], fill=245)
    # a resident in front
    person(d, 1180, 980, 430, 40)
    img = img.filter(ImageFilter.GaussianBlur(1.4))
    return grain(img, rng)


def park_spring(rng: random.Random) -> Image.Image:
    img = vertical_gradient(225, 175)
    d = ImageDraw.Draw(img)
    d.ellipse([-300, 420, 900, 760], fill=150)                       # a far hill
    d.ellipse([600, 450, 1900, 780], fill=140)
    d.rectangle([0, 600, W, H], fill=165)                            # lawn, still brown
    d.polygon([(700, 600), (900, 600), (1300, H), (300, H)], fill=200)   # path
    d.rectangle([0, 640, 520, 700], fill=190)                        # a strip of the lake
    # a pavilion on the right
    d.polygon([(1150, 380), (1420, 380), (1500, 440), (1070, 440)], fill=70)
    d.rectangle([1100, 440, 1470, 455], fill=90)
    for x in (1120, 1230, 1340, 1440):
        d.rectangle([x, 455, x + 14, 620], fill=85)
    # willows: trunks with hanging strands, the first green only as a lighter haze
    for tx, th in ((150, 520), (420, 470), (1560, 560)):
        d.line([tx, 700, tx + 10, 700 - th], fill=55, width=22)
        for _ in range(140):
            sx = tx + rng.uniform(-170, 170)
            sy = 700 - th + rng.uniform(-30, 90)
            d.line([sx, sy, sx + rng.uniform(-15, 15), sy + rng.uniform(160, 330)], fill=rng.randint(95, 130),
                   width=2)
    # a few walkers on the path, small and far
    for x, y, h in ((820, 690, 90), (880, 720, 110), (1040, 880, 190)):
        person(d, x, y, h, 50)
    img = img.filter(ImageFilter.GaussianBlur(1.5))
    return grain(img, rng)


PICTURES = {"meeting-hall.png": (meeting_hall, 2020_0223),
            "checkpoint.png": (checkpoint, 2020_0222),
            "park-spring.png": (park_spring, 2020_0221)}


def main() -> None:
    for name, (draw, seed) in PICTURES.items():
        picture = draw(random.Random(seed))
        picture.save(HERE / name, optimize=True)


if __name__ == "__main__":
    main()
