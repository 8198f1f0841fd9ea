"""Districts and their ODOP registry."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Router
from ninja.decorators import decorate_view

from odopmart.api import selectors
from odopmart.api.caching import public_cache
from odopmart.api.errors import NOT_FOUND_RESPONSES, VALIDATION_RESPONSES
from odopmart.api.language import LanguageCode, with_language
from odopmart.api.v1.schemas.regions import DistrictDetailOut, DistrictListOut
from odopmart.regions.models import District

router = Router(tags=["districts"])
router.add_decorator(with_language, mode="view")


@router.get("/districts", response={200: list[DistrictListOut], **VALIDATION_RESPONSES})
@decorate_view(public_cache)
def district_list(request: HttpRequest, lang: LanguageCode | None = None) -> list[District]:
    """Every district with its signature craft and a summary of its ODOP products."""
    return list(selectors.district_list())


@router.get("/districts/{slug}", response={200: DistrictDetailOut, **NOT_FOUND_RESPONSES})
@decorate_view(public_cache)
def district_detail(request: HttpRequest, slug: str, lang: LanguageCode | None = None) -> District:
    """One district with its ODOP registry rows (rank, sector, GI tag, how verified)."""
    district = selectors.district_get(slug)
    if district is None:
        raise Http404
    return district
