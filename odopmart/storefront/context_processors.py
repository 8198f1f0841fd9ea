from __future__ import annotations

from django.http import HttpRequest


def storefront(request: HttpRequest) -> dict[str, object]:
    return {}
