"""Seller centre: onboarding, profile and KYC documents, artisans, moderation."""

from __future__ import annotations

from importlib.util import find_spec

from django.urls import include, path

from odopmart.sellercentre import views

app_name = "sellercentre"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # The artisan's own page (their items and stock).
    path("me/", include("odopmart.sellercentre.artisan_urls")),
    # Onboarding ("become a seller") and the vendor's own pages.
    path("start/", views.onboarding_start, name="onboarding_start"),
    path("v/<int:vendor_id>/onboarding/", views.onboarding_resume, name="onboarding_resume"),
    path(
        "v/<int:vendor_id>/onboarding/<slug:step>/",
        views.onboarding_step,
        name="onboarding_step",
    ),
    path("profile/", views.profile_current, name="profile_current"),
    path("v/<int:vendor_id>/profile/", views.profile, name="profile"),
    path(
        "v/<int:vendor_id>/documents/<int:document_id>/delete/",
        views.document_delete,
        name="document_delete",
    ),
    path("documents/<int:document_id>/", views.document_download, name="document_download"),
    # Artisans.
    path("artisans/", views.artisan_list, name="artisans"),
    path("v/<int:vendor_id>/artisans/add/", views.artisan_add, name="artisan_add"),
    path("artisans/<int:artisan_id>/", views.artisan_detail, name="artisan"),
    path(
        "artisans/<int:artisan_id>/exception/",
        views.artisan_exception_request,
        name="artisan_exception",
    ),
    path("artisans/<int:artisan_id>/move/", views.artisan_move, name="artisan_move"),
    path("orders/", include("odopmart.sellercentre.order_urls")),
    path("finance/", include("odopmart.ledger.urls")),
    path("invoices/", include("odopmart.invoicing.urls")),
    path("settlements/", include("odopmart.settlements.urls")),
    path("grievances/", include("odopmart.grievances.staff_urls")),
    path("insights/", include("odopmart.insights.urls")),
    # Moderators.
    path("moderation/", views.moderation, name="seller_moderation"),
    path(
        "moderation/vendors/<int:vendor_id>/",
        views.moderation_vendor,
        name="seller_moderation_vendor",
    ),
    path(
        "moderation/exceptions/", views.moderation_exceptions, name="seller_moderation_exceptions"
    ),
    path(
        "moderation/exceptions/<int:exception_id>/",
        views.moderation_exception_decide,
        name="seller_moderation_exception_decide",
    ),
]

# Listing pages live in their own module; the seller centre works without them.
if find_spec("odopmart.sellercentre.listing_urls") is not None:
    urlpatterns.append(path("listings/", include("odopmart.sellercentre.listing_urls")))
