"""Public pages: look a code up, see whether it is genuine, print the certificate.

All three are public on purpose: the code is the secret, printed on the certificate in the
parcel, and the page shows only what the certificate itself says (no buyer, no phone, no
address). Pages are never cached and never indexed; every lookup is rate-limited per client.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from odopmart.accounts.net import client_ip
from odopmart.certificates import services
from odopmart.certificates.codes import code_normalise
from odopmart.certificates.forms import CertificateLookupForm
from odopmart.certificates.models import VerificationChannel, VerificationOutcome
from odopmart.certificates.pdf import certificate_pdf

ROBOTS = "noindex, nofollow"


def _client_key(request: HttpRequest) -> str:
    return services.lookup_client_key(client_ip(request))


def _too_many(request: HttpRequest, error: services.LookupRateLimited) -> HttpResponse:
    response = render(
        request,
        "certificates/verify.html",
        {"form": CertificateLookupForm(), "rate_limited": True, "retry_after": error.retry_after},
        status=429,
    )
    response["Retry-After"] = str(error.retry_after)
    return response


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = ROBOTS
    return response


@require_safe
@never_cache
def certificate_lookup(request: HttpRequest) -> HttpResponse:
    """The form to type a code in; a valid code goes to its verification page."""
    form = CertificateLookupForm(request.GET if "code" in request.GET else None)
    if form.is_valid():
        return redirect("certificates:verify", code=form.cleaned_data["code"])
    return render(request, "certificates/lookup.html", {"form": form})


@require_safe
@never_cache
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Genuine, not genuine, withdrawn or unknown, and what the certificate says."""
    normalised = code_normalise(code)
    if normalised and normalised != code:
        # Typed in lower case or with dashes: one address per certificate.
        return redirect("certificates:verify", code=normalised)
    try:
        result = services.certificate_lookup(
            code,
            channel=VerificationChannel.PAGE,
            client_key=_client_key(request),
            signature_or_none=request.GET.get("s") or None,
        )
    except services.LookupRateLimited as error:
        return _private(_too_many(request, error))
    status = 200 if result.status != VerificationOutcome.UNKNOWN else 404
    context = {
        "result": result,
        "certificate": result.certificate,
        "outcome": result.status,
        # An unknown code stays in the box to be corrected; otherwise the box is for another.
        "form": CertificateLookupForm(
            initial={"code": code} if result.status == VerificationOutcome.UNKNOWN else None
        ),
        "code": code,
    }
    return _private(render(request, "certificates/verify.html", context, status=status))


@require_safe
@never_cache
def certificate_download(request: HttpRequest, code: str) -> HttpResponse:
    """The printable certificate, only while it is genuine (otherwise its page explains)."""
    try:
        result = services.certificate_lookup(
            code, channel=VerificationChannel.PDF, client_key=_client_key(request)
        )
    except services.LookupRateLimited as error:
        return _private(_too_many(request, error))
    if not result.genuine or result.certificate is None:
        return redirect("certificates:verify", code=code_normalise(code) or code)
    certificate = result.certificate
    body = certificate_pdf(certificate, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="certificate-of-origin-{certificate.code}.pdf"'
    )
    patch_cache_control(response, private=True)
    return _private(response)
