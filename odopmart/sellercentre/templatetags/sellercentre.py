"""Seller-centre template helpers: the navigation and form-field rendering."""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext

from odopmart.accounts.models import StaffRole, StaffRoleGrant
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


def _staff_roles(user: Any) -> set[str]:
    """Every operator role the user holds, in one query (operator admins hold them all)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return set(StaffRole.values)
    roles = set(StaffRoleGrant.objects.filter(user=user).values_list("role", flat=True))
    return set(StaffRole.values) if StaffRole.OPERATOR_ADMIN in roles else roles


def _operations_items(roles: set[str], *, is_member: bool) -> list[tuple[str, str, str]]:
    """Fulfilment, money and care pages, each for whoever does that work (every page checks
    again; the menu only leaves out what a person could not open)."""
    helpline = StaffRole.HELPLINE in roles
    finance = StaffRole.FINANCE in roles
    moderator = StaffRole.MODERATOR in roles
    wanted = [
        ("shipments", gettext("Shipments"), "logistics:list", is_member or helpline),
        ("helpline", gettext("Helpline"), "fulfilment:queue", helpline),
        ("messages", gettext("Messages"), "messages_console:list", helpline),
        ("grievances", gettext("Complaints"), "sellercentre:grievance_queue", helpline),
        (
            "invoices",
            gettext("Invoices"),
            "sellercentre:invoices",
            is_member or finance or moderator,
        ),
        ("settlements", gettext("Settlements"), "sellercentre:settlements", is_member or finance),
        ("finance", gettext("Finance"), "sellercentre:finance", finance),
        ("insights", gettext("Insights"), "sellercentre:insights", finance),
    ]
    return [(key, label, _first_url(name)) for key, label, name, allowed in wanted if allowed]


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
    roles = _staff_roles(user)
    is_moderator = StaffRole.MODERATOR in roles
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
    items.extend(_operations_items(roles, is_member=is_member))
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
