"""Public verification of a certificate of origin (the app's "scan the QR code" screen)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Router, Status

from odopmart.accounts.net import client_ip
from odopmart.api.errors import NOT_FOUND_RESPONSES, ErrorOut
from odopmart.api.language import LanguageCode, with_language
from odopmart.api.v1.schemas.certificates import CertificateVerifyOut
from odopmart.certificates import services
from odopmart.certificates.models import VerificationChannel, VerificationOutcome

router = Router(tags=["certificates"])
router.add_decorator(with_language, mode="view")


def _too_many(error: services.LookupRateLimited) -> HttpResponse:
    response = JsonResponse(
        {"code": error.code, "detail": error.message},
        status=429,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Retry-After"] = str(error.retry_after)
    return response


@router.get(
    "/certificates/{code}",
    response={200: CertificateVerifyOut, 429: ErrorOut, **NOT_FOUND_RESPONSES},
)
def certificate_verify(
    request: HttpRequest,
    code: str,
    signature: str | None = None,
    lang: LanguageCode | None = None,
) -> Any:
    """Whether the certificate with this code (as printed, dashes optional) is genuine, and what
    it certifies. ``status``: ``genuine``, ``tampered`` (does not match what was issued: do not
    rely on it) or ``revoked`` (withdrawn by the operator). An unknown code is a 404. Pass
    ``signature`` (the fingerprint printed on the certificate, spaces optional) to check that
    the paper matches too. Public: the code is the secret. Lookups are rate-limited per client
    (429 with ``Retry-After``)."""
    try:
        result = services.certificate_lookup(
            code,
            channel=VerificationChannel.API,
            client_key=services.lookup_client_key(client_ip(request)),
            signature_or_none=signature,
        )
    except services.LookupRateLimited as error:
        return _too_many(error)
    certificate = result.certificate
    if certificate is None:
        return Status(404, {"code": "not_found", "detail": services.unknown_code_message()})
    trusted = result.status != VerificationOutcome.TAMPERED
    return Status(
        200,
        {
            "status": result.status,
            "status_label": str(VerificationOutcome(result.status).label),
            "genuine": result.genuine,
            "code": certificate.code,
            "display_code": certificate.display_code,
            "verify_url": request.build_absolute_uri(certificate.get_absolute_url()),
            "pdf_url": (
                request.build_absolute_uri(certificate.get_pdf_url()) if result.genuine else None
            ),
            "revoked_at": certificate.revoked_at,
            "certificate": certificate if trusted else None,
        },
    )
