"""Seller-centre template helpers: the navigation and form-field rendering."""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.sellers.access import vendor_memberships

register = template.Library()

# Where "Listings" points: the listing pages name their index "listings" in the seller-centre
# namespace (or "index" in a nested "listings" namespace).
LISTINGS_URL_NAMES = ("sellercentre:listings", "sellercentre:listings:index")


def _first_url(*names: str) -> str:
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""


@register.simple_tag(takes_context=True)
def sc_nav(context: template.Context) -> list[dict[str, Any]]:
    """The seller-centre menu for the current user, each item marked when it is the open page."""
    request = context.get("request")
    section = context.get("section", "")
    path = request.path if request is not None else ""
    user = getattr(request, "user", None)
    items = [
        ("dashboard", gettext("Dashboard"), _first_url("sellercentre:dashboard")),
        ("listings", gettext("Listings"), _first_url(*LISTINGS_URL_NAMES)),
        ("artisans", gettext("Artisans"), _first_url("sellercentre:artisans")),
    ]
    is_member = user is not None and vendor_memberships(user).exists()
    is_moderator = user is not None and has_staff_role(user, StaffRole.MODERATOR)
    if is_member or is_moderator:
        items.insert(1, ("orders", gettext("Orders"), _first_url("sellercentre:orders")))
    if is_member:
        items.append(
            ("profile", gettext("Profile & documents"), _first_url("sellercentre:profile_current"))
        )
    if is_moderator:
        items.append(
            ("moderation", gettext("Moderation"), _first_url("sellercentre:seller_moderation"))
        )
    menu = []
    for key, label, url in items:
        if not url:
            continue
        if key == "dashboard":
            current = section == key or path == url
        else:
            current = section == key or path.startswith(url)
        menu.append({"key": key, "label": label, "url": url, "current": current})
    return menu


@register.inclusion_tag("sellercentre/includes/field.html")
def sc_field(field: BoundField, wide: bool = True, **attrs: Any) -> dict[str, Any]:
    """A labelled form field with its help text and errors tied to the input."""
    return {"field": field, "wide": wide, "widget": field.as_widget(attrs=attrs or None)}
