"""The artisan's side of the app: the orders to keep ready and their answer (1 ready, 2 more days,
3 cannot make it), the same as the IVR call and the SMS link.

Every endpoint needs ``Authorization: Bearer <token>`` of an artisan's own sign-in (401 without).
An artisan sees only their own requests; anyone else's id, or a user who is not an artisan,
answers 404 exactly as an unknown id does.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Path, Router, Schema, Status

from odopmart.accounts.api_auth import TokenAuth
from odopmart.api.errors import ErrorOut, ValidationErrorOut
from odopmart.api.language import LanguageCode, with_language
from odopmart.core.i18n import is_hindi
from odopmart.fulfilment.exceptions import FulfilmentError
from odopmart.fulfilment.models import ReadinessRequest
from odopmart.fulfilment.selectors import readiness_open_for_artisan, readiness_with_items
from odopmart.fulfilment.services import readiness_answer
from odopmart.fulfilment.states import AnswerChannel, ReadinessStatus
from odopmart.sellers.access import artisan_for_user
from odopmart.sellers.models import Artisan

router = Router(tags=["artisan"], auth=TokenAuth())
router.add_decorator(with_language, mode="view")

MAX_ID = 2**31 - 1
ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}


class ReadinessItemOut(Schema):
    id: int
    name: str
    name_en: str
    name_hi: str
    option: str
    quantity: int
    status: str
    photo: str = Field(description="The product's thumbnail (path under MEDIA_URL), or empty.")


class ArtisanReadinessOut(Schema):
    id: int
    order_number: str
    status: str
    status_label: str
    ready_by: date
    first_ready_by: date
    answer: int | None
    can_answer: bool
    items: list[ReadinessItemOut]


class ReadinessAnswerIn(Schema):
    answer: Literal[1, 2, 3] = Field(
        description="1: it will be ready by ready_by; 2: more days; 3: cannot make it."
    )
    new_date: date | None = Field(
        None, description="With answer 2: the day it will be ready (default: a few days later)."
    )


def _own_artisan(request: HttpRequest) -> Artisan:
    artisan = artisan_for_user(request.auth)  # type: ignore[attr-defined]
    if artisan is None:
        raise Http404
    return artisan


def _out(readiness: ReadinessRequest) -> dict[str, Any]:
    hindi = is_hindi()
    return {
        "id": readiness.pk,
        "order_number": readiness.order.number,
        "status": readiness.status,
        "status_label": str(readiness.get_status_display()),
        "ready_by": readiness.ready_by,
        "first_ready_by": readiness.first_ready_by,
        "answer": readiness.answer,
        "can_answer": readiness.status not in (ReadinessStatus.READY, ReadinessStatus.RESOLVED),
        "items": [
            {
                "id": item.pk,
                "name": item.name_hi if hindi and item.name_hi else item.name_en,
                "name_en": item.name_en,
                "name_hi": item.name_hi,
                "option": item.variant_label_hi
                if hindi and item.variant_label_hi
                else item.variant_label_en,
                "quantity": item.quantity,
                "status": item.status,
                "photo": item.product.thumbnail,
            }
            for item in readiness.items.all()
        ],
    }


@router.get("/artisan/readiness", response={200: list[ArtisanReadinessOut], **ERRORS})
def artisan_readiness_list(
    request: HttpRequest, lang: LanguageCode | None = None
) -> list[dict[str, Any]]:
    """The signed-in artisan's orders still waiting for their answer, soonest date first."""
    return [_out(readiness) for readiness in readiness_open_for_artisan(_own_artisan(request))]


@router.post(
    "/artisan/readiness/{readiness_id}/answer",
    response={200: ArtisanReadinessOut, 409: ErrorOut, **ERRORS},
)
def artisan_readiness_answer(
    request: HttpRequest,
    readiness_id: Path[int],
    payload: ReadinessAnswerIn,
    lang: LanguageCode | None = None,
) -> Any:
    """Answer for one of the artisan's own orders. 409 when the answer no longer applies (the
    items are already ready, or the order went to another artisan); 422 for a date that is not
    allowed."""
    artisan = _own_artisan(request)
    readiness = readiness_with_items(readiness_id) if 1 <= readiness_id <= MAX_ID else None
    if readiness is None or readiness.artisan_id != artisan.pk:
        raise Http404
    try:
        readiness_answer(
            readiness,
            payload.answer,
            channel=AnswerChannel.API,
            actor=request.auth,  # type: ignore[attr-defined]
            new_date=payload.new_date,
        )
    except FulfilmentError as error:
        if error.field:
            detail = [{"loc": ["body", "payload", error.field], "msg": error.message,
                       "type": error.code}]  # fmt: skip
            return Status(422, {"code": "validation_error", "detail": detail})
        return Status(409, {"code": error.code, "detail": error.message})
    refreshed = readiness_with_items(readiness.pk)
    return _out(refreshed or readiness)
