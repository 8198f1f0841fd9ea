from __future__ import annotations

import colorsys
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image

from odopmart.catalog.images import (
    MOTIFS,
    PALETTES,
    image_generate_renditions,
    placeholder_image_draw,
    placeholder_image_save,
    rendition_name,
    renditions_create,
)
from odopmart.catalog.models import ProductImage


def _png(size: tuple[int, int], mode: str = "RGB", colour: object = (180, 90, 60)) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def _media(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / name


@pytest.mark.django_db
def test_renditions_are_webp_within_their_sizes_and_recorded(make_product):
    product = make_product()
    picture = ProductImage(product=product, alt_en="A kurta")
    picture.image.save("kurta.png", ContentFile(_png((1200, 900))), save=True)

    image_generate_renditions(picture)

    picture.refresh_from_db()
    assert picture.thumbnail == f"renditions/products/{product.pk}/kurta-320.webp"
    assert picture.medium == f"renditions/products/{product.pk}/kurta-800.webp"
    with Image.open(_media(picture.thumbnail)) as thumbnail:
        assert (thumbnail.format, thumbnail.size) == ("WEBP", (320, 240))
    with Image.open(_media(picture.medium)) as medium:
        assert (medium.format, medium.size) == ("WEBP", (800, 600))


@pytest.mark.django_db
def test_regenerating_replaces_files_under_the_same_names(make_product):
    picture = ProductImage(product=make_product(), alt_en="A saree")
    picture.image.save("saree.png", ContentFile(_png((1000, 1000))), save=True)
    image_generate_renditions(picture)
    first = (picture.thumbnail, picture.medium)

    image_generate_renditions(picture)

    assert (picture.thumbnail, picture.medium) == first
    folder = _media(picture.thumbnail).parent
    assert sorted(p.name for p in folder.iterdir()) == ["saree-320.webp", "saree-800.webp"]


@pytest.mark.django_db
def test_small_and_transparent_sources_are_not_upscaled(make_product):
    picture = ProductImage(product=make_product(), alt_en="A bangle")
    picture.image.save(
        "bangle.png", ContentFile(_png((200, 120), "RGBA", (10, 20, 30, 0))), save=True
    )

    image_generate_renditions(picture)

    for name in (picture.thumbnail, picture.medium):
        with Image.open(_media(name)) as rendition:
            assert rendition.size == (200, 120)


def test_rendition_name_keeps_the_source_folder():
    assert rendition_name("demo/pool/terracotta/horse.jpg", 320) == (
        "renditions/demo/pool/terracotta/horse-320.webp"
    )


def test_placeholder_is_square_and_reproducible():
    first = placeholder_image_draw(
        title="Terracotta horse",
        subtitle_hi="टेराकोटा घोड़ा",
        motif="pottery",
        palette="terracotta",
        seed=7,
        size=240,
    )
    again = placeholder_image_draw(
        title="Terracotta horse",
        subtitle_hi="टेराकोटा घोड़ा",
        motif="pottery",
        palette="terracotta",
        seed=7,
        size=240,
    )
    other = placeholder_image_draw(
        title="Terracotta horse",
        subtitle_hi="टेराकोटा घोड़ा",
        motif="metal",
        palette="terracotta",
        seed=7,
        size=240,
    )
    assert (first.mode, first.size) == ("RGB", (240, 240))
    assert first.tobytes() == again.tobytes()
    assert first.tobytes() != other.tobytes()


@pytest.mark.parametrize("motif", MOTIFS)
def test_every_motif_draws_a_picture_in_its_palette(motif):
    picture = placeholder_image_draw(title="Brass diya", motif=motif, palette="brass", size=160)
    counts = picture.getcolors(maxcolors=160 * 160)
    colours = {colour for _, colour in counts}
    brass = PALETTES["brass"]
    # The tile is mostly the palette's background, with an emblem in its accent colours.
    assert max(counts)[1] == brass.background
    assert brass.accent in colours or brass.accent2 in colours


def test_unknown_motif_is_refused():
    with pytest.raises(ValueError, match="unknown motif"):
        placeholder_image_draw(title="x", motif="neon", palette="brass")


@pytest.mark.parametrize(("name", "palette"), sorted(PALETTES.items()))
def test_palettes_are_calm(name, palette):
    """Backgrounds are pale and nearly grey; accents are muted, never neon."""

    def hsv(colour: tuple[int, int, int]) -> tuple[float, float, float]:
        return colorsys.rgb_to_hsv(*(channel / 255 for channel in colour))

    _, background_saturation, background_value = hsv(palette.background)
    assert background_saturation < 0.12
    assert background_value > 0.85
    for colour in (palette.accent, palette.accent2, palette.ink):
        _, saturation, value = hsv(colour)
        assert saturation < 0.8
        assert value < 0.9


@pytest.mark.django_db
def test_saved_placeholder_gets_renditions_on_disk():
    picture = placeholder_image_draw(title="Moonj basket", motif="fibre", palette="leaf", size=400)
    name = placeholder_image_save("demo/pool/moonj/moonj-basket.jpg", picture)

    paths = renditions_create(name)

    assert name == "demo/pool/moonj/moonj-basket.jpg"
    with Image.open(_media(name)) as original:
        assert (original.format, original.size) == ("JPEG", (400, 400))
    with Image.open(_media(paths["thumbnail"])) as thumbnail:
        assert thumbnail.size == (320, 320)
    assert _media(paths["medium"]).stat().st_size > 0
