"""Demo vendors (GST-registered, in UP) and demo artisans who sell under them."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.text import slugify

from odopmart.catalog.demo.crafts import Craft
from odopmart.catalog.demo.people import artisan_story, person_name
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District, Pincode, PostOffice, State
from odopmart.sellers.gstin import gstin_build
from odopmart.sellers.models import Artisan, Language, Vendor, VendorStatus, VendorType

UP_GST_STATE_CODE = "09"
# Demo phone numbers: one block, +91 90000 0xxxx, so they are easy to recognise and filter.
DEMO_PHONE_PREFIX = "+9190000"
HINDI_PREFERRED_PERCENT = 85


@dataclass(frozen=True)
class DemoVendor:
    kind: str
    type: str
    name_en: str
    name_hi: str
    pan: str  # made up, in the PAN format: 4th letter = holder type, 5th = initial of the name
    address: str
    pincode: str


DEMO_VENDORS: tuple[DemoVendor, ...] = (
    DemoVendor(
        "corporation",
        VendorType.CORPORATION,
        "UP ODOP Crafts Corporation (Demo)",
        "यूपी ओडीओपी शिल्प निगम (डेमो)",
        "AAACU9001K",
        "4th floor, Shilp Bhawan, 12 Vidhan Sabha Marg, Hazratganj, Lucknow",
        "226001",
    ),
    DemoVendor(
        "cooperative",
        VendorType.COOPERATIVE,
        "Awadh Hastshilp Sahkari Samiti (Demo)",
        "अवध हस्तशिल्प सहकारी समिति (डेमो)",
        "AAJAA9002L",
        "Gali Kashmiri Mohalla, Chowk, Lucknow",
        "226003",
    ),
    DemoVendor(
        "fpo",
        VendorType.FPO,
        "Purvanchal Kisan Producer Company (Demo)",
        "पूर्वांचल किसान प्रोड्यूसर कंपनी (डेमो)",
        "AAKCP9003M",
        "Near Mandi Samiti, Golghar, Gorakhpur",
        "273001",
    ),
    DemoVendor(
        "company",
        VendorType.COMPANY,
        "Ganga Heritage Crafts Pvt Ltd (Demo)",
        "गंगा हेरिटेज क्राफ़्ट्स प्रा. लि. (डेमो)",
        "AALCG9004N",
        "Plot 7, Sigra Industrial Lane, Varanasi",
        "221010",
    ),
)


def demo_vendors_create() -> dict[str, Vendor]:
    """Create the demo vendors; returns them by kind (corporation, cooperative, fpo, company)."""
    up = State.objects.get(gst_state_code=UP_GST_STATE_CODE)
    known_pincodes = set(
        Pincode.objects.filter(code__in=[v.pincode for v in DEMO_VENDORS]).values_list(
            "code", flat=True
        )
    )
    fallback = (
        Pincode.objects.filter(state=up).order_by("code").values_list("code", flat=True).first()
    )
    vendors = [
        Vendor(
            name_en=spec.name_en,
            name_hi=spec.name_hi,
            slug=slugify(spec.name_en),
            type=spec.type,
            gstin=gstin_build(state_code=UP_GST_STATE_CODE, pan=spec.pan),
            state=up,
            address=spec.address,
            pincode=spec.pincode if spec.pincode in known_pincodes else (fallback or ""),
            email=f"{spec.kind}@demo.odopmart.invalid",
            phone=f"{DEMO_PHONE_PREFIX}9{index:04d}",
            status=VendorStatus.APPROVED,
            is_demo=True,
        )
        for index, spec in enumerate(DEMO_VENDORS, start=1)
    ]
    Vendor.objects.bulk_create(vendors)
    return {spec.kind: Vendor.objects.get(slug=slugify(spec.name_en)) for spec in DEMO_VENDORS}


def post_offices_by_district() -> dict[int, list[tuple[str, str]]]:
    """District id -> [(post office name, PIN code)], without rows the data flags as doubtful."""
    offices: dict[int, list[tuple[str, str]]] = {}
    rows = (
        PostOffice.objects.filter(qa_flag="")
        .order_by("pincode__code", "name")
        .values_list("district_id", "name", "pincode__code")
    )
    for district_id, name, code in rows:
        offices.setdefault(district_id, []).append((name, code))
    return offices


def demo_artisans_build(
    plan: Sequence[tuple[OdopProduct, Craft]],
    *,
    vendor_kinds: Sequence[str],
    offices: dict[int, list[tuple[str, str]]],
    rng: random.Random,
) -> list[tuple[Artisan, str]]:
    """One unsaved Artisan per entry of `plan` (a maker of that ODOP product in its district),
    with the kind of demo vendor they sell under; the caller sets the vendor itself."""
    artisans = []
    for index, (odop, craft) in enumerate(plan, start=1):
        district: District = odop.district
        name = person_name(rng, community=craft.community, muslim_percent=craft.muslim_percent)
        town, pincode = rng.choice(offices.get(district.pk) or [(district.name_en, "")])
        story_en, story_hi = artisan_story(
            rng,
            name=name,
            craft_en=craft.story[0],
            craft_hi=craft.story[1],
            town=town,
            district_en=district.name_en,
            district_hi=district.name_hi or district.name_en,
        )
        kinds = [kind for kind, _ in craft.vendors if kind in vendor_kinds]
        weights = [weight for kind, weight in craft.vendors if kind in vendor_kinds]
        vendor_kind = rng.choices(kinds, weights)[0] if kinds else "corporation"
        language = (
            Language.HINDI if rng.randrange(100) < HINDI_PREFERRED_PERCENT else Language.ENGLISH
        )
        artisan = Artisan(
            name_en=name.en,
            name_hi=name.hi,
            slug=f"{slugify(name.en)}-{index:04d}",
            phone=f"{DEMO_PHONE_PREFIX}{index:05d}",
            preferred_language=language,
            craft_en=odop.name_en,
            craft_hi=odop.name_hi or odop.name_en,
            district=district,
            town=town,
            pincode=pincode,
            story_en=story_en,
            story_hi=story_hi,
            is_demo=True,
        )
        artisans.append((artisan, vendor_kind))
    return artisans
