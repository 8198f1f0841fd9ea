"""Seller-centre pages. Views check who may act, call sellers' services and render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from odopmart.sellers.access import artisan_for_user, vendor_memberships


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "sellercentre/dashboard.html",
        {
            "section": "dashboard",
            "memberships": vendor_memberships(request.user),
            "artisan": artisan_for_user(request.user),
        },
    )
