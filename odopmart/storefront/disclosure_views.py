"""The delivery estimate for a PIN code, asked from the product page.

A separate, uncached request: the product page itself stays the same for every anonymous
visitor (and so stays in the page cache). With `?fragment=1` (the page's script) it answers
the estimate alone; without script the form opens this as a small page of its own.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from odopmart.orders.exceptions import OrderError
from odopmart.storefront import selectors
from odopmart.storefront.disclosures import delivery_estimate


@require_safe
@never_cache
def delivery(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.product_detail(pk)
    if item is None:
        raise Http404(_("No such product."))
    variant = selectors.variant_choose(item, request.GET.get("variant"))
    pincode = request.GET.get("pincode", "").strip()[:10]
    estimate, error = None, ""
    if variant is None:
        error = _("This product cannot be ordered now.")
    elif pincode:
        try:
            estimate = delivery_estimate(item, variant, pincode)
        except OrderError as problem:
            error = problem.message
    else:
        error = _("Enter a valid 6-digit PIN code.")
    context = {
        "product": item,
        "variant": variant,
        "pincode": pincode,
        "estimate": estimate,
        "error": error,
    }
    if request.GET.get("fragment"):
        return render(request, "storefront/includes/delivery_estimate.html", context)
    return render(request, "storefront/delivery_estimate.html", context)
