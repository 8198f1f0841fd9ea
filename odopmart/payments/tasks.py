"""Background tasks of payments: thin wrappers around the services, safe to run twice."""

from __future__ import annotations

import logging
from datetime import timedelta

import httpx
from django.utils import timezone
from django_tasks import task

from odopmart.payments import services
from odopmart.payments.conf import payment_setting

logger = logging.getLogger("odopmart.payments")


@task()
def refund_send(refund_id: int) -> str:
    """One attempt at sending a refund to the gateway (a no-op if it is not due)."""
    refund = services.refund_attempt(refund_id)
    return refund.status if refund is not None else "missing"


@task()
def refunds_process_due() -> int:
    """Send every refund whose retry is due (also run by `manage.py process_due_refunds`)."""
    return services.refunds_process_due()


@task()
def sandbox_webhook_deliver(url: str, body: str, headers: dict[str, str], attempt: int = 1) -> int:
    """POST the sandbox gateway's webhook to our endpoint, like a gateway: retried with
    back-off on anything but a 2xx (a 400 for a bad signature is final)."""
    try:
        response = httpx.post(url, content=body.encode(), headers=headers, timeout=10)
        status = response.status_code
    except httpx.HTTPError as error:
        logger.warning("Sandbox webhook to %s failed: %s", url, error)
        status = 0
    if 200 <= status < 300 or status == 400:
        return status
    attempts = int(payment_setting("WEBHOOK_DELIVERY_ATTEMPTS"))
    if attempt >= attempts:
        logger.error("Sandbox webhook gave up after %s attempts (last status %s)", attempt, status)
        return status
    delay = int(payment_setting("WEBHOOK_DELIVERY_BASE_SECONDS")) * 2 ** (attempt - 1)
    task_ = sandbox_webhook_deliver
    if task_.get_backend().supports_defer:
        task_.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            url, body, headers, attempt + 1
        )
    return status
