"""Product images: WebP renditions for pages, and drawn placeholder pictures for demo listings.

Renditions are derived from the source path, so one source file shared by many listings (the
demo image pool) is rendered once and every listing points at the same thumbnail and medium.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from PIL import Image, ImageDraw, ImageFont, ImageOps, features

from odopmart.catalog.models import ProductImage

RENDITIONS: dict[str, int] = {"thumbnail": 320, "medium": 800}
RENDITION_ROOT = "renditions"
WEBP_QUALITY = 80
# WebP "method" trades encoder effort (0-6) for file size; at 2 files are ~5 % larger than at
# Pillow's default of 4 and encoding takes half the time, which matters for bulk renders.
WEBP_METHOD = 2

Point = tuple[float, float]
Colour = tuple[int, int, int]


# --- renditions -----------------------------------------------------------------------------


def rendition_name(source_name: str, max_px: int) -> str:
    """Storage path of a rendition: renditions/<source path without suffix>-<size>.webp."""
    source = PurePosixPath(source_name)
    return str(PurePosixPath(RENDITION_ROOT) / source.parent / f"{source.stem}-{max_px}.webp")


def _save_replacing(storage: Storage, name: str, data: bytes) -> str:
    # Storage.save() renames on collision; a rendition must keep its derived name.
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, ContentFile(data))


def renditions_create(source_name: str, *, storage: Storage | None = None) -> dict[str, str]:
    """Render every size in RENDITIONS from a stored image; returns {kind: storage path}."""
    storage = storage or default_storage
    with storage.open(source_name, "rb") as handle:
        original = Image.open(handle)
        original = ImageOps.exif_transpose(original)
        if original.mode not in ("RGB", "RGBA"):
            original = original.convert("RGBA" if "A" in original.getbands() else "RGB")
        original.load()
    paths: dict[str, str] = {}
    # Largest first, so each smaller size is resampled from an already reduced image.
    current = original
    for kind, max_px in sorted(RENDITIONS.items(), key=lambda item: -item[1]):
        current = current.copy()
        current.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        current.save(buffer, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
        paths[kind] = _save_replacing(
            storage, rendition_name(source_name, max_px), buffer.getvalue()
        )
    return paths


def image_generate_renditions(product_image: ProductImage) -> None:
    """Make the WebP thumbnail (≤320 px) and medium (≤800 px) of a product image and record them."""
    paths = renditions_create(product_image.image.name, storage=product_image.image.storage)
    product_image.thumbnail = paths["thumbnail"]
    product_image.medium = paths["medium"]
    product_image.save(update_fields=["thumbnail", "medium"])


# --- placeholder pictures -------------------------------------------------------------------


@dataclass(frozen=True)
class Palette:
    background: Colour
    pattern: Colour
    accent: Colour
    accent2: Colour
    ink: Colour


# Warm, muted colours of natural dyes, clay and metal: calm next to each other on a shop grid.
PALETTES: dict[str, Palette] = {
    "terracotta": Palette(
        (243, 233, 220), (231, 215, 197), (172, 88, 62), (210, 158, 92), (74, 44, 34)
    ),
    "indigo": Palette(
        (236, 236, 231), (221, 223, 225), (50, 74, 110), (188, 146, 82), (34, 44, 66)
    ),
    "madder": Palette(
        (245, 234, 228), (235, 215, 209), (128, 46, 58), (204, 150, 90), (70, 30, 36)
    ),
    "brass": Palette((244, 238, 224), (233, 222, 199), (160, 121, 50), (98, 74, 42), (70, 52, 28)),
    "teal": Palette((232, 239, 236), (215, 228, 222), (46, 106, 100), (198, 140, 82), (28, 60, 56)),
    "walnut": Palette(
        (240, 232, 222), (227, 213, 197), (108, 74, 50), (172, 122, 72), (62, 42, 30)
    ),
    "leaf": Palette((239, 239, 226), (225, 227, 206), (98, 112, 58), (196, 150, 62), (50, 58, 30)),
    "saffron": Palette(
        (248, 238, 222), (240, 223, 196), (196, 118, 42), (146, 62, 42), (84, 48, 24)
    ),
    "slate": Palette((234, 234, 230), (220, 220, 214), (84, 92, 102), (176, 120, 74), (44, 48, 54)),
    "rose": Palette(
        (246, 237, 235), (237, 222, 220), (172, 96, 104), (108, 130, 118), (80, 46, 52)
    ),
}

MOTIFS = (
    "buti",
    "weave",
    "carpet",
    "pottery",
    "metal",
    "wood",
    "fibre",
    "food",
    "fragrance",
    "toys",
    "stone",
    "tools",
    "music",
)

_SERIF_FONTS = (
    "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "/Library/Fonts/Georgia Bold.ttf",
)
_DEVANAGARI_FONTS = (
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansDevanagari-Regular.ttf",
)


@cache
def _font(kind: str, size: int) -> ImageFont.FreeTypeFont | None:
    """A system font if one is installed; Pillow's bundled font for Latin text otherwise.

    Devanagari is only drawn with a real Devanagari font and a shaping engine (raqm); without
    them the matras would be misplaced, so the Hindi line is left out instead.
    """
    candidates = _DEVANAGARI_FONTS if kind == "devanagari" else _SERIF_FONTS
    for path in candidates:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    if kind == "devanagari":
        return None
    return ImageFont.load_default(size=size)  # type: ignore[return-value]


def _hindi_drawable() -> bool:
    return features.check("raqm") and _font("devanagari", 20) is not None


@cache
def _lens(steps: int) -> tuple[tuple[float, float], ...]:
    """A unit lens outline: (along, across) from (0, 0) to (1, 0) and back, half-width 0.5."""
    forward = [(i / steps, 0.5 * math.sin(math.pi * i / steps)) for i in range(steps + 1)]
    return tuple(forward + [(t, -w) for t, w in reversed(forward)])


def _petal(cx: float, cy: float, angle: float, length: float, width: float) -> list[Point]:
    """A lens-shaped petal from (cx, cy) outwards at `angle` (radians)."""
    steps = 10 if length > 60 else 5  # small petals need few points to look smooth
    cos_a, sin_a = math.cos(angle), math.sin(angle)
    return [
        (cx + t * length * cos_a - w * width * sin_a, cy + t * length * sin_a + w * width * cos_a)
        for t, w in _lens(steps)
    ]


def _rosette(
    draw: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    r: float,
    petals: int,
    fill: Colour,
    centre: Colour,
    turn: float = 0.0,
) -> None:
    for k in range(petals):
        angle = turn + 2 * math.pi * k / petals
        draw.polygon(_petal(cx, cy, angle, r, r * 0.55), fill=fill)
    draw.ellipse((cx - r * 0.22, cy - r * 0.22, cx + r * 0.22, cy + r * 0.22), fill=centre)


def _ring_of_dots(
    draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, n: int, dot: float, fill: Colour
) -> None:
    for k in range(n):
        a = 2 * math.pi * k / n
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        draw.ellipse((x - dot, y - dot, x + dot, y + dot), fill=fill)


def _dendrite(
    draw: ImageDraw.ImageDraw,
    x: float,
    y: float,
    angle: float,
    length: float,
    depth: int,
    fill: Colour,
    width: int,
    rng: random.Random,
) -> None:
    if depth == 0 or length < 2:
        return
    nx, ny = x + math.cos(angle) * length, y + math.sin(angle) * length
    draw.line((x, y, nx, ny), fill=fill, width=max(1, width))
    for turn in (-0.55, 0.45):
        _dendrite(
            draw,
            nx,
            ny,
            angle + turn + rng.uniform(-0.2, 0.2),
            length * 0.72,
            depth - 1,
            fill,
            max(1, width - 1),
            rng,
        )


# Background patterns: low contrast (palette.pattern on palette.background) over the whole tile.


def _pattern(
    draw: ImageDraw.ImageDraw,
    motif: str,
    extent: int,
    step: int,
    colour: Colour,
    rng: random.Random,
) -> None:
    """Draw the motif's pattern over extent × extent pixels, one repeat every `step` pixels."""
    if motif in ("buti", "fragrance", "food"):
        for row, y in enumerate(range(0, extent + step, step)):
            offset = step // 2 if row % 2 else 0
            for x in range(-step, extent + step, step):
                if motif == "food":
                    draw.polygon(_petal(x + offset, y, -0.8, step * 0.42, step * 0.2), fill=colour)
                else:
                    _rosette(draw, x + offset, y, step * 0.2, 5, colour, colour)
    elif motif == "weave":
        for x in range(0, extent, step // 2):
            width = step // 10 if (x // (step // 2)) % 3 else step // 5
            draw.rectangle((x, 0, x + width, extent), fill=colour)
    elif motif in ("carpet", "wood"):
        for y in range(0, extent + step, step):
            for x in range(0, extent + step, step):
                h = step / 2
                outline = [(x, y - h), (x + h, y), (x, y + h), (x - h, y)]
                draw.polygon(outline, outline=colour, width=max(2, step // 30))
                if motif == "wood":
                    draw.ellipse((x - h * 0.3, y - h * 0.3, x + h * 0.3, y + h * 0.3), fill=colour)
    elif motif == "pottery":
        for row, y in enumerate(range(0, extent + step, step // 2)):
            offset = step // 2 if row % 2 else 0
            for x in range(-step, extent + step, step):
                draw.arc(
                    (x + offset - step / 2, y - step / 2, x + offset + step / 2, y + step / 2),
                    0,
                    180,
                    fill=colour,
                    width=max(2, step // 25),
                )
    elif motif == "fibre":
        half = step // 2
        for y in range(0, extent, half):
            for x in range(0, extent, half):
                if (x // half + y // half) % 2:
                    draw.rectangle(
                        (x + 3, y + half * 0.3, x + half - 3, y + half * 0.7), fill=colour
                    )
                else:
                    draw.rectangle(
                        (x + half * 0.3, y + 3, x + half * 0.7, y + half - 3), fill=colour
                    )
    elif motif == "stone":
        for _ in range(14):
            x, y = rng.uniform(0, extent), rng.uniform(0, extent)
            angle = rng.uniform(0, 2 * math.pi)
            for _ in range(12):
                angle += rng.uniform(-0.6, 0.6)
                nx, ny = x + math.cos(angle) * step * 0.4, y + math.sin(angle) * step * 0.4
                draw.line((x, y, nx, ny), fill=colour, width=max(2, step // 30))
                x, y = nx, ny
    elif motif == "music":
        for y in range(step // 2, extent, step // 2):
            points = [
                (x, y + math.sin(x / step * math.pi) * step * 0.12) for x in range(0, extent + 8, 8)
            ]
            draw.line(points, fill=colour, width=max(2, step // 30))
    else:  # metal, toys, tools: a dot grid
        for row, y in enumerate(range(0, extent + step, step // 2)):
            offset = step // 4 if row % 2 else 0
            for x in range(0, extent + step, step // 2):
                r = step * 0.06
                draw.ellipse((x + offset - r, y - r, x + offset + r, y + r), fill=colour)


def _pattern_fill(image: Image.Image, motif: str, colours: Palette, rng: random.Random) -> None:
    """Cover the image with the motif's pattern. Regular patterns repeat every six steps, so
    one such tile is drawn and pasted across instead of drawing every shape on the image."""
    size = image.width
    step = max(8, size // 10 // 4 * 4)  # a multiple of 4, so half and quarter steps are exact
    if motif == "stone":
        _pattern(ImageDraw.Draw(image), motif, size, step, colours.pattern, rng)
        return
    period = 6 * step
    tile = Image.new("RGB", (period, period), colours.background)
    _pattern(ImageDraw.Draw(tile), motif, period, step, colours.pattern, rng)
    for y in range(0, size, period):
        for x in range(0, size, period):
            image.paste(tile, (x, y))


# Emblems: the one large figure in the middle of the tile.


def _emblem(
    draw: ImageDraw.ImageDraw,
    motif: str,
    cx: float,
    cy: float,
    r: float,
    palette: Palette,
    rng: random.Random,
) -> None:
    a, b, bg = palette.accent, palette.accent2, palette.background
    line = max(3, int(r / 40))
    if motif in ("buti", "wood"):
        petals = rng.choice((8, 10, 12))
        if motif == "wood":
            # A carved octagonal panel behind the rosette.
            octagon = [
                (
                    cx + r * 1.18 * math.cos(math.pi / 8 + k * math.pi / 4),
                    cy + r * 1.18 * math.sin(math.pi / 8 + k * math.pi / 4),
                )
                for k in range(8)
            ]
            draw.polygon(octagon, fill=palette.pattern, outline=b, width=line)
        _rosette(draw, cx, cy, r, petals, a, b)
        _rosette(draw, cx, cy, r * 0.62, petals, b, bg, turn=math.pi / petals)
        _ring_of_dots(draw, cx, cy, r * 1.12, petals * 2, r * 0.035, b)
    elif motif == "weave":
        # Folded cloth with a temple (kangura) border on each fold.
        band, half = r * 0.42, r * 0.98
        for i, colour in enumerate((a, b, a)):
            top = cy - r * 0.78 + i * (band + r * 0.13)
            draw.rectangle((cx - half, top, cx + half, top + band), fill=colour)
            teeth = 9
            width = half * 2 / teeth
            for k in range(teeth):
                x0 = cx - half + k * width
                draw.polygon(
                    [
                        (x0, top + band),
                        (x0 + width, top + band),
                        (x0 + width / 2, top + band * 0.55),
                    ],
                    fill=b if colour == a else a,
                )
    elif motif == "carpet":
        for scale, colour in ((1.0, a), (0.78, b), (0.56, a), (0.3, bg)):
            s = r * scale
            draw.polygon([(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)], fill=colour)
        _rosette(draw, cx, cy, r * 0.26, 8, b, a)
    elif motif == "pottery":
        # A matka: the profile of a round pot with a short neck, banded.
        profile = []
        for i in range(41):
            t = i / 40
            y = cy - r + t * 2 * r
            width = (
                r * (0.35 + 0.65 * math.sin(math.pi * min(1.0, t * 1.05)) ** 0.8)
                if t > 0.12
                else r * 0.42
            )
            profile.append((width, y))
        outline = [(cx - w, y) for w, y in profile] + [(cx + w, y) for w, y in reversed(profile)]
        draw.polygon(outline, fill=a)
        for t, colour in ((0.42, b), (0.5, bg), (0.58, b)):
            y = cy - r + t * 2 * r
            draw.rectangle((cx - r * 0.96, y - line, cx + r * 0.96, y + line), fill=colour)
        draw.ellipse((cx - r * 0.42, cy - r - r * 0.08, cx + r * 0.42, cy - r + r * 0.08), fill=b)
    elif motif == "metal":
        _ring_of_dots(draw, cx, cy, r, 24, r * 0.05, a)
        _rosette(draw, cx, cy, r * 0.9, 16, a, b)
        _rosette(draw, cx, cy, r * 0.55, 8, b, a, turn=math.pi / 8)
        draw.ellipse((cx - r * 0.16, cy - r * 0.16, cx + r * 0.16, cy + r * 0.16), fill=bg)
    elif motif == "fibre":
        for i in range(9, 0, -1):
            s = r * i / 9
            draw.ellipse((cx - s, cy - s, cx + s, cy + s), fill=a if i % 2 else b)
        for k in range(36):
            angle = 2 * math.pi * k / 36
            draw.line(
                (
                    cx + r * 0.2 * math.cos(angle),
                    cy + r * 0.2 * math.sin(angle),
                    cx + r * math.cos(angle),
                    cy + r * math.sin(angle),
                ),
                fill=bg,
                width=line,
            )
    elif motif == "fragrance":
        # An attar bottle: round body, slim neck, drop-shaped stopper.
        draw.ellipse((cx - r * 0.62, cy - r * 0.2, cx + r * 0.62, cy + r), fill=a)
        draw.rectangle((cx - r * 0.12, cy - r * 0.62, cx + r * 0.12, cy - r * 0.1), fill=a)
        draw.polygon(_petal(cx, cy - r * 0.62, -math.pi / 2, r * 0.4, r * 0.34), fill=b)
        _rosette(draw, cx, cy + r * 0.4, r * 0.3, 8, b, bg)
    elif motif == "food":
        draw.pieslice((cx - r, cy - r * 0.7, cx + r, cy + r * 1.1), 0, 180, fill=a)
        draw.rectangle((cx - r, cy + r * 0.18, cx + r, cy + r * 0.26), fill=b)
        for k in range(5):
            angle = -math.pi / 2 + (k - 2) * 0.42
            draw.polygon(_petal(cx, cy + r * 0.1, angle, r * 0.9, r * 0.34), fill=b if k % 2 else a)
    elif motif == "toys":
        colours = (a, b, palette.pattern, a, b)
        for i, colour in enumerate(colours):
            s = r * (1 - i * 0.18)
            draw.ellipse((cx - s, cy - s * 0.6, cx + s, cy + s * 0.6), fill=colour)
        draw.polygon(
            [(cx - r * 0.3, cy + r * 0.5), (cx + r * 0.3, cy + r * 0.5), (cx, cy + r * 1.05)],
            fill=a,
        )
        draw.rectangle((cx - line * 2, cy - r * 0.95, cx + line * 2, cy - r * 0.45), fill=a)
    elif motif == "stone":
        draw.ellipse((cx - r, cy - r * 0.75, cx + r, cy + r * 0.75), fill=b)
        draw.ellipse(
            (cx - r * 0.9, cy - r * 0.66, cx + r * 0.9, cy + r * 0.66), fill=palette.pattern
        )
        # Dendrites, the fern-like markings of shajar stone, grow up from the lower edge.
        for start in (-0.45, -0.15, 0.2, 0.5):
            _dendrite(
                draw,
                cx + r * start,
                cy + r * 0.5,
                -math.pi / 2 + rng.uniform(-0.3, 0.3),
                r * 0.22,
                4,
                a,
                line,
                rng,
            )
    elif motif == "tools":
        teeth = 12
        outline = []
        for k in range(teeth * 2):
            angle = math.pi * k / teeth
            radius = r if k % 2 else r * 0.82
            for da in (-0.11, 0.11):
                outline.append(
                    (cx + radius * math.cos(angle + da), cy + radius * math.sin(angle + da))
                )
        draw.polygon(outline, fill=a)
        draw.ellipse((cx - r * 0.55, cy - r * 0.55, cx + r * 0.55, cy + r * 0.55), fill=b)
        draw.ellipse((cx - r * 0.25, cy - r * 0.25, cx + r * 0.25, cy + r * 0.25), fill=bg)
    elif motif == "music":
        # A dholak: a barrel with rope lacing.
        draw.rounded_rectangle(
            (cx - r, cy - r * 0.5, cx + r, cy + r * 0.5), radius=r * 0.45, fill=a
        )
        draw.ellipse((cx - r * 1.08, cy - r * 0.52, cx - r * 0.8, cy + r * 0.52), fill=b)
        draw.ellipse((cx + r * 0.8, cy - r * 0.52, cx + r * 1.08, cy + r * 0.52), fill=b)
        for k in range(9):
            x0 = cx - r * 0.75 + k * r * 0.19
            draw.line((x0, cy - r * 0.42, x0 + r * 0.095, cy + r * 0.42), fill=bg, width=line)
            draw.line(
                (x0 + r * 0.19, cy - r * 0.42, x0 + r * 0.095, cy + r * 0.42), fill=bg, width=line
            )


def _fit_font(kind: str, text: str, max_width: float, start: int) -> ImageFont.FreeTypeFont | None:
    size = start
    while size > 14:
        font = _font(kind, size)
        if font is None or font.getlength(text) <= max_width:
            return font
        size -= 4
    return _font(kind, size)


def _wrap(
    text: str, kind: str, max_width: float, start: int
) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """One line if it fits at a readable size, else two balanced lines."""
    font = _font(kind, start)
    assert font is not None
    if font.getlength(text) <= max_width or " " not in text:
        fitted = _fit_font(kind, text, max_width, start)
        assert fitted is not None
        return [text], fitted
    words = text.split()
    best = min(
        range(1, len(words)),
        key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))),
    )
    lines = [" ".join(words[:best]), " ".join(words[best:])]
    fitted = _fit_font(kind, max(lines, key=len), max_width, start)
    assert fitted is not None
    return lines, fitted


def placeholder_image_draw(
    *, title: str, subtitle_hi: str = "", motif: str, palette: str, seed: int = 0, size: int = 800
) -> Image.Image:
    """Draw a square placeholder picture: a craft pattern, a central emblem, and the title.

    `motif` is one of MOTIFS (the craft family), `palette` a key of PALETTES. The same
    arguments always give the same picture.
    """
    if motif not in MOTIFS:
        raise ValueError(f"unknown motif {motif!r}")
    colours = PALETTES[palette]
    rng = random.Random(f"{seed}:{motif}:{palette}:{title}")
    # Drawn at twice the size and reduced: Pillow's shapes have no anti-aliasing of their own.
    scale = 2
    big = size * scale
    image = Image.new("RGB", (big, big), colours.background)
    draw = ImageDraw.Draw(image)
    _pattern_fill(image, motif, colours, rng)

    margin = big * 0.035
    draw.rectangle(
        (margin, margin, big - margin, big - margin),
        outline=colours.accent2,
        width=max(2, big // 260),
    )
    inner = margin + big * 0.018
    draw.rectangle(
        (inner, inner, big - inner, big - inner), outline=colours.accent2, width=max(1, big // 520)
    )

    # A soft disc behind the emblem lifts it off the pattern.
    cx, cy, r = big / 2, big * 0.39, big * 0.24
    draw.ellipse((cx - r * 1.3, cy - r * 1.3, cx + r * 1.3, cy + r * 1.3), fill=colours.background)
    _emblem(draw, motif, cx, cy, r, colours, rng)

    panel_top = big * 0.7
    panel = (big * 0.09, panel_top, big * 0.91, big * 0.91)
    draw.rounded_rectangle(
        panel,
        radius=big * 0.025,
        fill=colours.background,
        outline=colours.accent2,
        width=max(2, big // 400),
    )
    text_width = (panel[2] - panel[0]) * 0.9
    lines, font = _wrap(title, "serif", text_width, int(big * 0.06))
    show_hindi = bool(subtitle_hi) and _hindi_drawable()
    hindi_font = (
        _fit_font("devanagari", subtitle_hi, text_width, int(big * 0.045)) if show_hindi else None
    )
    line_height = font.size * 1.2
    block = line_height * len(lines) + (hindi_font.size * 1.5 if hindi_font else 0)
    y = (panel[1] + panel[3]) / 2 - block / 2
    for text in lines:
        draw.text((big / 2, y), text, font=font, fill=colours.ink, anchor="ma")
        y += line_height
    if hindi_font:
        draw.text(
            (big / 2, y + hindi_font.size * 0.15),
            subtitle_hi,
            font=hindi_font,
            fill=colours.accent,
            anchor="ma",
        )
    # A 2×2 box average is all the anti-aliasing flat shapes need, and it is fast.
    return image.reduce(scale)


def placeholder_image_save(name: str, image: Image.Image, *, storage: Storage | None = None) -> str:
    """Store a drawn picture as a JPEG (the "original" upload) under `name`; returns the path."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88, optimize=True)
    return _save_replacing(storage or default_storage, name, buffer.getvalue())
