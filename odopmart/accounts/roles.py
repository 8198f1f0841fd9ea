"""Operator-side role checks used by views, endpoints and services."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from odopmart.accounts.models import StaffRole, StaffRoleGrant


def has_staff_role(user: AbstractBaseUser | AnonymousUser, *roles: StaffRole | str) -> bool:
    """True if the user holds any of the roles. Operator admins hold every operator role."""
    if not user.is_authenticated or not user.is_active:
        return False
    if getattr(user, "is_superuser", False):
        return True
    wanted = {str(role) for role in roles} | {StaffRole.OPERATOR_ADMIN.value}
    return StaffRoleGrant.objects.filter(user=user, role__in=wanted).exists()
