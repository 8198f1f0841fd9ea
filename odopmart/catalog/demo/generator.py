"""Generate the demo catalogue: vendors, artisans and products for every district's ODOP products.

Deterministic: the same seed and sizes give the same names, prices and SKUs on any database.
Everything it creates is flagged `is_demo`, and running it again replaces the earlier demo data.
"""

from __future__ import annotations

import importlib
import random
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from odopmart.catalog.demo.crafts import Craft, Template, craft_for, craft_index
from odopmart.catalog.demo.naming import capitalise, product_description, product_naming
from odopmart.catalog.demo.pool import PoolImage, PoolRequest, pool_draw, pool_key
from odopmart.catalog.demo.pricing import price_options
from odopmart.catalog.demo.sellers import (
    DEMO_VENDORS,
    demo_artisans_build,
    demo_vendors_create,
    post_offices_by_district,
)
from odopmart.catalog.demo.vocabulary import CATEGORY_DEFAULTS, VARIANT_SETS
from odopmart.catalog.models import Category, GstRate, Product, ProductImage, ProductStatus, Variant
from odopmart.catalog.services import catalogue_refresh_counts, products_refresh_summaries
from odopmart.core.demo_logins import DEMO_LOGINS
from odopmart.odop.models import OdopProduct, OdopRank
from odopmart.sellers.models import Artisan, Vendor

# How the catalogue is shared out between a district's ODOP products.
RANK_WEIGHTS = {OdopRank.PRIMARY: 10, OdopRank.SECONDARY: 4, OdopRank.TERTIARY: 2}
_RANK_ORDER = {OdopRank.PRIMARY: 0, OdopRank.SECONDARY: 1, OdopRank.TERTIARY: 2}
BATCH_SIZE = 1000
OPERATOR_ADMIN_ROLE = "operator admin"


@dataclass(frozen=True)
class DemoResult:
    vendors: int
    artisans: int
    products: int
    variants: int
    images: int
    pictures: int  # distinct pictures the images share
    pictures_drawn: int  # of those, drawn in this run (the others were already in storage)
    seconds: float


@dataclass
class _Planned:
    product: Product
    template: Template
    craft: Craft
    variants: list[Variant]


def apportion(total: int, weights: Sequence[int]) -> list[int]:
    """Share `total` out in proportion to `weights` (largest remainder; ties to the earlier)."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    shares = [total * weight // weight_sum for weight in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % weight_sum), i))
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares


def allocate(total: int, odops: Sequence[OdopProduct]) -> list[int]:
    """How many of `total` each ODOP product gets: first one per district (its first product),
    then one per remaining ODOP product, then the rest by rank weight."""
    counts = [0] * len(odops)
    seen: set[int] = set()
    firsts = []
    for i, odop in enumerate(odops):
        if odop.district_id not in seen:
            seen.add(odop.district_id)
            firsts.append(i)
    others = [i for i in range(len(odops)) if i not in set(firsts)]
    left = total
    for i in firsts + others:
        if left == 0:
            break
        counts[i] += 1
        left -= 1
    for i, extra in enumerate(apportion(left, [RANK_WEIGHTS.get(o.rank, 1) for o in odops])):
        counts[i] += extra
    return counts


def _gst_rates(today: date) -> dict[str, int]:
    """HSN code -> the rate in force today, for rows that have a rate (others need an operator)."""
    rates: dict[str, int] = {}
    rows = (
        GstRate.objects.filter(rate_bp__isnull=False, effective_from__lte=today)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=today))
        .order_by("hsn_code", "effective_from")
    )
    for row in rows:
        rates[row.hsn_code] = row.rate_bp  # later rows replace earlier ones
    return rates


def demo_catalogue_clear() -> None:
    """Delete earlier demo products, artisans and vendors (never data that is not flagged demo)."""
    Product.objects.filter(is_demo=True).delete()
    Artisan.objects.filter(is_demo=True).delete()
    Vendor.objects.filter(is_demo=True).delete()


def demo_superuser_ensure() -> None:
    """Create the demo operator-admin login if it does not exist yet."""
    user_model = get_user_model()
    for role, username, password in DEMO_LOGINS:
        if role != OPERATOR_ADMIN_ROLE:
            continue
        lookup = {user_model.USERNAME_FIELD: username}
        if user_model._default_manager.filter(**lookup).exists():
            continue
        extra = (
            {"email": f"{username}@demo.odopmart.invalid"}
            if "email" in user_model.REQUIRED_FIELDS
            else {}
        )
        user_model._default_manager.create_superuser(**lookup, password=password, **extra)


def _search_rebuild() -> bool:
    """Rebuild the search index when the search app provides a rebuild (it may not yet)."""
    try:
        services = importlib.import_module("odopmart.search.services")
    except ImportError:
        return False
    rebuild = getattr(services, "search_index_rebuild", None)
    if not callable(rebuild):
        return False
    rebuild()
    return True


def _odop_plan(odops: list[OdopProduct]) -> list[tuple[OdopProduct, Craft]]:
    index = craft_index()
    return [
        (
            odop,
            craft_for(
                index,
                district=odop.district.name_en,
                name_en=odop.name_en,
                name_hi=odop.name_hi,
                sector=odop.sector,
            )[0],
        )
        for odop in odops
    ]


def _plan_products(
    plan: list[tuple[OdopProduct, Craft]],
    counts: list[int],
    *,
    artisans_by_odop: dict[int, list[Artisan]],
    artisans_by_district: dict[int, list[Artisan]],
    categories: dict[str, Category],
    rates: dict[str, int],
    rng: random.Random,
) -> list[_Planned]:
    planned: list[_Planned] = []
    number = 0
    for (odop, craft), count in zip(plan, counts, strict=True):
        if count == 0:
            continue
        makers = artisans_by_odop.get(odop.pk) or artisans_by_district[odop.district_id]
        order = list(craft.templates)
        rng.shuffle(order)
        district = odop.district
        for k in range(count):
            number += 1
            template = order[k % len(order)]
            artisan = rng.choice(makers)
            category = categories[template.category or craft.category]
            naming = product_naming(template, rng)
            description_en, description_hi = product_description(
                template,
                craft,
                district_en=district.name_en,
                district_hi=district.name_hi,
                state_en=district.state.name_en,
                state_hi=district.state.name_hi,
            )
            hsn = (
                template.hsn
                or ("" if template.category else craft.hsn)
                or category.default_hsn_code
            )
            material_en, material_hi = template.material or craft.material
            if naming.material is not None:
                material_en, material_hi = capitalise(naming.material.en), naming.material.noun_hi
            technique_en, technique_hi = template.technique or craft.technique
            product = Product(
                slug=slugify(naming.name_en)[:200] or f"product-{number}",
                name_en=naming.name_en[:200],
                name_hi=naming.name_hi[:200],
                description_en=description_en,
                description_hi=description_hi,
                category=category,
                odop_product=odop,
                district=district,
                artisan=artisan,  # the vendor is set once the artisans' vendors exist
                material_en=material_en[:120],
                material_hi=material_hi[:120],
                technique_en=technique_en[:120],
                technique_hi=technique_hi[:120],
                hsn_code=hsn,
                gst_rate_bp=rates.get(hsn, category.default_gst_rate_bp),
                status=ProductStatus.APPROVED,
                is_demo=True,
            )
            defaults = CATEGORY_DEFAULTS[category.slug]
            options = VARIANT_SETS[template.variants or craft.variants or defaults.variants]
            priced = price_options(
                options,
                price_range=template.price,
                weight_grams=template.weight_grams or defaults.weight_grams,
                dims_mm=template.dims_mm or defaults.dims_mm,
                rng=rng,
            )
            sku_stem = f"{district.slug[:3].upper()}-{craft.key[:4].upper()}-{number:05d}"
            variants = [
                Variant(
                    sku=f"{sku_stem}-{position + 1}",
                    label_en=p.option.en,
                    label_hi=p.option.hi,
                    size=p.option.size,
                    colour_en=capitalise(naming.colour.en) if naming.colour else "",
                    colour_hi=naming.colour.m if naming.colour else "",
                    mrp_paise=p.mrp_paise,
                    price_paise=p.price_paise,
                    stock=p.stock,
                    weight_grams=p.weight_grams,
                    length_mm=p.dims_mm[0],
                    width_mm=p.dims_mm[1],
                    height_mm=p.dims_mm[2],
                    position=position,
                )
                for position, p in enumerate(priced)
            ]
            planned.append(_Planned(product, template, craft, variants))
    return planned


def _pool_requests(planned: list[_Planned]) -> list[PoolRequest]:
    requests: dict[tuple[str, str], PoolRequest] = {}
    for item in planned:
        key = pool_key(item.craft, item.template)
        if key not in requests:
            position = item.craft.templates.index(item.template)
            palette = item.craft.palettes[position % len(item.craft.palettes)]
            requests[key] = PoolRequest(item.craft, item.template, palette)
    # A stable order makes the drawing reproducible and the log readable.
    return sorted(requests.values(), key=lambda r: pool_key(r.craft, r.template))


def _save(
    planned: list[_Planned], pool: dict[tuple[str, str], PoolImage]
) -> tuple[list[int], int, int]:
    product_ids: list[int] = []
    variants = images = 0
    for start in range(0, len(planned), BATCH_SIZE):
        chunk = planned[start : start + BATCH_SIZE]
        Product.objects.bulk_create([item.product for item in chunk], batch_size=BATCH_SIZE)
        batch_variants = []
        batch_images = []
        for item in chunk:
            product_ids.append(item.product.pk)
            for variant in item.variants:
                variant.product = item.product
                batch_variants.append(variant)
            picture = pool[pool_key(item.craft, item.template)]
            batch_images.append(
                ProductImage(
                    product=item.product,
                    image=picture.image,
                    thumbnail=picture.thumbnail,
                    medium=picture.medium,
                    alt_en=picture.alt_en[:200],
                    alt_hi=picture.alt_hi[:200],
                    position=0,
                )
            )
        Variant.objects.bulk_create(batch_variants, batch_size=BATCH_SIZE)
        ProductImage.objects.bulk_create(batch_images, batch_size=BATCH_SIZE)
        variants += len(batch_variants)
        images += len(batch_images)
    return product_ids, variants, images


def generate_demo_catalogue(
    *,
    products: int = 11000,
    artisans: int = 355,
    seed: int | None = None,
    image_px: int = 800,
    log: Callable[[str], None] | None = None,
) -> DemoResult:
    """Replace the demo catalogue with `products` products made by `artisans` artisans.

    Needs the reference data (districts, ODOP registry, categories, GST rates, post offices).
    """
    started = time.perf_counter()
    say = log or (lambda message: None)
    rng = random.Random(settings.ODOPMART["DEMO_SEED"] if seed is None else seed)

    odops = sorted(
        OdopProduct.objects.select_related("district__state"),
        key=lambda o: (o.district.name_en, _RANK_ORDER.get(o.rank, 9), o.name_en),
    )
    districts = {o.district_id for o in odops}
    if not odops:
        raise ValueError("the ODOP registry is empty: run load_reference_data first")
    if artisans < len(districts):
        raise ValueError(f"need at least {len(districts)} artisans, one per district")
    plan = _odop_plan(odops)
    categories = {c.slug: c for c in Category.objects.all()}
    rates = _gst_rates(timezone.localdate())
    offices = post_offices_by_district()

    # Decide everything that needs no database ids first, so the write transaction stays short.
    artisan_counts = allocate(artisans, odops)
    artisan_plan = [entry for entry, n in zip(plan, artisan_counts, strict=True) for _ in range(n)]
    built = demo_artisans_build(
        artisan_plan, vendor_kinds=[v.kind for v in DEMO_VENDORS], offices=offices, rng=rng
    )
    artisan_rows = [artisan for artisan, _ in built]
    artisans_by_odop: dict[int, list[Artisan]] = defaultdict(list)
    artisans_by_district: dict[int, list[Artisan]] = defaultdict(list)
    for (odop, _craft), artisan in zip(artisan_plan, artisan_rows, strict=True):
        artisans_by_odop[odop.pk].append(artisan)
        artisans_by_district[odop.district_id].append(artisan)
    planned = _plan_products(
        plan,
        allocate(products, odops),
        artisans_by_odop=artisans_by_odop,
        artisans_by_district=artisans_by_district,
        categories=categories,
        rates=rates,
        rng=rng,
    )
    say(f"planned {len(planned)} products in {time.perf_counter() - started:.1f}s")

    requests = _pool_requests(planned)
    pool, drawn = pool_draw(requests, size=image_px)
    say(f"drew {drawn} of {len(pool)} pictures in {time.perf_counter() - started:.1f}s")

    with transaction.atomic():
        demo_catalogue_clear()
        vendors = demo_vendors_create()
        for artisan, vendor_kind in built:
            artisan.vendor = vendors[vendor_kind]
        Artisan.objects.bulk_create(artisan_rows, batch_size=BATCH_SIZE)
        for item in planned:
            item.product.vendor = item.product.artisan.vendor
        product_ids, variant_count, image_count = _save(planned, pool)
        products_refresh_summaries(product_ids)
    catalogue_refresh_counts()
    say(f"saved in {time.perf_counter() - started:.1f}s")
    if _search_rebuild():
        say(f"search index rebuilt in {time.perf_counter() - started:.1f}s")
    demo_superuser_ensure()
    return DemoResult(
        vendors=len(vendors),
        artisans=len(artisan_rows),
        products=len(product_ids),
        variants=variant_count,
        images=image_count,
        pictures=len(pool),
        pictures_drawn=drawn,
        seconds=time.perf_counter() - started,
    )
