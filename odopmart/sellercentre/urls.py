"""Seller centre: onboarding, profile and KYC documents, artisans, moderation."""

from __future__ import annotations

from importlib.util import find_spec

from django.urls import include, path

from odopmart.sellercentre import views

app_name = "sellercentre"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]

# Listing pages live in their own module; the seller centre works without them.
if find_spec("odopmart.sellercentre.listing_urls") is not None:
    urlpatterns.append(path("listings/", include("odopmart.sellercentre.listing_urls")))
