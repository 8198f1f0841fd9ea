"""Listing pages of the seller centre (included under /seller/listings/ in its namespace)."""

from __future__ import annotations

from django.urls import path, re_path

from odopmart.sellercentre import listing_views as views

urlpatterns = [
    path("", views.listings, name="listings"),
    path("new/", views.listing_new, name="listing_new"),
    path("new/<int:artisan_id>/", views.listing_create, name="listing_create"),
    path("<int:pk>/", views.listing_detail, name="listing_detail"),
    path("<int:pk>/edit/", views.listing_edit, name="listing_edit"),
    path("<int:pk>/variants/new/", views.listing_variant, name="listing_variant_add"),
    path("<int:pk>/variants/<int:variant_id>/", views.listing_variant, name="listing_variant_edit"),
    path("<int:pk>/stock/", views.listing_stock, name="listing_stock"),
    path("<int:pk>/photos/", views.listing_photo_add, name="listing_photo_add"),
    path(
        "<int:pk>/photos/<int:image_id>/remove/",
        views.listing_photo_remove,
        name="listing_photo_remove",
    ),
    path("<int:pk>/submit/", views.listing_submit, name="listing_submit"),
    path("<int:pk>/archive/", views.listing_archive, name="listing_archive"),
    path("import/", views.listing_import, name="listing_import"),
    re_path(
        r"^import/template\.(?P<file_format>csv|xlsx)$",
        views.listing_import_template,
        name="listing_import_template",
    ),
    path("import/<int:batch_id>/", views.listing_import_batch, name="listing_import_batch"),
    path("desk/", views.listing_desk, name="listing_desk"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/<int:pk>/", views.moderation_review, name="moderation_review"),
]
