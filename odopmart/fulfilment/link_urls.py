"""The artisan's one-screen link page (short, signed, expiring; no sign-in; no language prefix:
it speaks the artisan's own language).

The SMS carries `/a/?t=<token>` (DLT whitelists a dynamic URL up to its "?"); `/a/<token>/`
works too."""

from __future__ import annotations

from django.urls import URLPattern, path

from odopmart.fulfilment.link_views import link_page

urlpatterns: list[URLPattern] = [
    path("", link_page, name="fulfilment_link"),
    path("<str:token>/", link_page, name="fulfilment_link_token"),
]
