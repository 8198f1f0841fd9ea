"""Sign-in pages: phone and code (two steps), sign-out, staff password sign-in, profile.

Views read the request, call the services and render; the rules live in otp.py and services.py.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from odopmart.accounts.conf import accounts_setting
from odopmart.accounts.exceptions import AuthError, AuthErrorCode
from odopmart.accounts.forms import CodeForm, LanguageForm, PhoneForm, StaffAuthenticationForm
from odopmart.accounts.models import Profile
from odopmart.accounts.net import client_ip
from odopmart.accounts.otp import otp_has_pending_code, otp_request, otp_verify
from odopmart.accounts.phone import phone_display
from odopmart.accounts.services import profile_set_language

SESSION_PHONE = "accounts_signin_phone"
BACKEND = "django.contrib.auth.backends.ModelBackend"


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def _next_url(request: HttpRequest) -> str:
    """The `next` parameter if it is a path on this site, else ''."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts=set(), require_https=request.is_secure()
    ):
        return candidate
    return ""


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _home() -> str:
    return reverse("storefront:home")


@never_cache
@require_http_methods(["GET", "POST"])
def signin(request: HttpRequest) -> HttpResponse:
    """Step 1: the mobile number. A code goes out by SMS, then step 2 asks for it."""
    next_url = _next_url(request)
    if request.user.is_authenticated:
        return HttpResponseRedirect(next_url or _home())
    form = PhoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        phone = form.cleaned_data["phone"]
        try:
            otp_request(phone=phone, ip=client_ip(request), language=_language())
        except AuthError as error:
            # A code sent moments ago is still good (a second tap, or "back"): ask for it.
            already_sent = error.code == AuthErrorCode.TOO_MANY_CODES and otp_has_pending_code(
                phone=phone
            )
            if not already_sent:
                form.add_error(error.field, error.message)
        if not form.errors:
            request.session[SESSION_PHONE] = phone
            return HttpResponseRedirect(_with_next(reverse("accounts:signin_code"), next_url))
    return render(request, "accounts/signin_phone.html", {"form": form, "next": next_url})


@never_cache
@require_http_methods(["GET", "POST"])
def signin_code(request: HttpRequest) -> HttpResponse:
    """Step 2: the code from the SMS; or a new code."""
    next_url = _next_url(request)
    phone = request.session.get(SESSION_PHONE)
    if not phone:
        return HttpResponseRedirect(_with_next(reverse("accounts:signin"), next_url))
    resend = request.method == "POST" and request.POST.get("action") == "resend"
    form = CodeForm(request.POST if request.method == "POST" and not resend else None)
    notice = resend_error = ""
    if resend:
        try:
            otp_request(phone=phone, ip=client_ip(request), language=_language())
        except AuthError as error:
            resend_error = error.message
        else:
            notice = _("We sent a new code. The earlier one no longer works.")
    elif request.method == "POST" and form.is_valid():
        try:
            user = otp_verify(
                phone=phone,
                code=form.cleaned_data["code"],
                ip=client_ip(request),
                language=_language(),
            )
        except AuthError as error:
            form.add_error(error.field, error.message)
        else:
            del request.session[SESSION_PHONE]
            login(request, user, backend=BACKEND)
            return HttpResponseRedirect(next_url or _home())
    return render(
        request,
        "accounts/signin_code.html",
        {
            "form": form,
            "next": next_url,
            "phone": phone_display(phone),
            "minutes": math.ceil(int(accounts_setting("OTP_TTL_SECONDS")) / 60),
            "notice": notice,
            "resend_error": resend_error,
        },
    )


@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    logout(request)
    return HttpResponseRedirect(_next_url(request) or _home())


class StaffLoginView(LoginView):
    """Password sign-in for the operator's staff (Django admin users and staff roles)."""

    template_name = "accounts/staff_login.html"
    authentication_form = StaffAuthenticationForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # LoginView adds the host as "site_name"; the pages' own site name comes from the
        # storefront's context processor.
        context.pop("site_name", None)
        context.pop("site", None)
        return context

    def get_default_redirect_url(self) -> str:
        # Admin users land in the operator console; moderators and the catalogue desk in the
        # seller centre, where their queues are.
        return (
            reverse("admin:index")
            if self.request.user.is_staff
            else reverse("sellercentre:dashboard")
        )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    record = Profile.objects.filter(user=request.user).first()
    current = record.preferred_language if record else _language()
    form = LanguageForm(request.POST or None, initial={"preferred_language": current})
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["preferred_language"]
        profile_set_language(user=request.user, language=language, actor=request.user)
        with translation.override(language):
            url = reverse("accounts:profile")
        return HttpResponseRedirect(f"{url}?saved=1")
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "phone": phone_display(record.phone) if record and record.phone else "",
            "saved": request.GET.get("saved") == "1" and request.method == "GET",
        },
    )
