"""Write paths of accounts: users found or created by phone, language preference, API tokens,
and the failure count of staff password sign-in. Phone codes are in otp.py."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone

from odopmart.accounts.conf import accounts_setting
from odopmart.accounts.exceptions import AuthError, AuthErrorCode
from odopmart.accounts.models import ApiToken, Profile
from odopmart.accounts.ratelimit import rate_limit_hit, rate_limit_lock, rate_limit_retry_after

Actor = AbstractBaseUser | AnonymousUser | None

TOKEN_PREFIX = "odm_"  # noqa: S105 - marks our tokens, not a secret
MAX_TOKEN_LENGTH = 200
SCOPE_STAFF_FAILURE_USERNAME = "staff_login_failure:username"
SCOPE_STAFF_FAILURE_IP = "staff_login_failure:ip"


def _language_or_default(language: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    short = (language or "").split("-")[0].lower()
    return short if short in codes else settings.LANGUAGE_CODE


def _free_username(phone: str) -> str:
    user_model = get_user_model()
    username, n = phone, 1
    while user_model.objects.filter(username=username).exists():
        n += 1
        username = f"{phone}-{n}"
    return username


def user_get_or_create_for_phone(*, phone: str, language: str | None, now: datetime) -> Any:
    """The user whose verified phone this is (E.164), creating user and profile the first time.
    Call inside a transaction that holds the phone's lock (otp_verify does)."""
    profile = Profile.objects.select_related("user").filter(phone=phone).first()
    if profile is not None:
        if not profile.user.is_active:
            raise AuthError(AuthErrorCode.ACCOUNT_DISABLED)
        if profile.phone_verified_at is None:
            profile.phone_verified_at = now
            profile.save(update_fields=["phone_verified_at"])
        return profile.user
    user = get_user_model().objects.create_user(username=_free_username(phone))  # no password
    Profile.objects.create(
        user=user,
        phone=phone,
        phone_verified_at=now,
        preferred_language=_language_or_default(language),
    )
    return user


@transaction.atomic(durable=True)
def profile_set_language(*, user: Any, language: str, actor: Actor) -> Profile:
    """Set the language the user reads pages and gets SMS and calls in."""
    codes = {code for code, _name in settings.LANGUAGES}
    if language not in codes:
        raise ValueError(f"unknown language {language!r}")
    profile, _created = Profile.objects.select_for_update().get_or_create(
        user=user, defaults={"preferred_language": language}
    )
    if profile.preferred_language != language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
    return profile


def _token_hash(raw: str) -> str:
    # Tokens are 256-bit random strings, so a plain SHA-256 is enough (no slow hash needed).
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_create(*, user: Any, name: str = "") -> tuple[ApiToken, str]:
    """A new token for `user`: the row, and the token itself (shown once, never stored)."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, token_hash=_token_hash(raw), prefix=raw[:12], name=name[:100]
    )
    return token, raw


def api_token_authenticate(*, raw: str) -> ApiToken | None:
    """The live token for this bearer string, or None. Notes when it was last used."""
    if not raw or len(raw) > MAX_TOKEN_LENGTH or not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=_token_hash(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    touch = timedelta(seconds=int(accounts_setting("API_TOKEN_TOUCH_SECONDS")))
    if token.last_used_at is None or now - token.last_used_at >= touch:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


@transaction.atomic(durable=True)
def api_token_revoke(*, token_id: int, actor: Actor) -> ApiToken:
    """Stop a token from working (signing out of the app). Revoking twice is harmless."""
    token = ApiToken.objects.select_for_update().get(pk=token_id)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def _staff_keys(username: str, ip: str | None) -> tuple[str, str]:
    return username.strip().lower()[:100], ip or "unknown"


def staff_login_check(*, username: str, ip: str | None) -> None:
    """Refuse (AuthError) while there have been too many wrong passwords for this username or
    from this address."""
    user_key, ip_key = _staff_keys(username, ip)
    now = timezone.now()
    limits = accounts_setting("STAFF_LOGIN_FAILURE_LIMITS")
    for scope, key in ((SCOPE_STAFF_FAILURE_USERNAME, user_key), (SCOPE_STAFF_FAILURE_IP, ip_key)):
        if wait := rate_limit_retry_after(scope=scope, key=key, limits=limits, now=now):
            raise AuthError(AuthErrorCode.TOO_MANY_REQUESTS, retry_after=wait)


@transaction.atomic(durable=True)
def staff_login_failed(*, username: str, ip: str | None) -> None:
    user_key, ip_key = _staff_keys(username, ip)
    rate_limit_lock([f"staff:{user_key}", f"ip:{ip_key}"])
    now = timezone.now()
    rate_limit_hit(scope=SCOPE_STAFF_FAILURE_USERNAME, key=user_key, now=now)
    rate_limit_hit(scope=SCOPE_STAFF_FAILURE_IP, key=ip_key, now=now)
