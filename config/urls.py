from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve as serve_static

from odopmart.api.errors import api_not_found
from odopmart.api.urls import api
from odopmart.core.views import healthz, ping

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("ping", ping, name="ping"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),  # JSON 404 for any other /api/ path
    path("i18n/", include("django.conf.urls.i18n")),
    # Provider callbacks: verified by signature, never language-prefixed.
    path("webhooks/payments/", include("odopmart.payments.webhook_urls")),
    path("webhooks/notifications/", include("odopmart.notifications.webhook_urls")),
    path("webhooks/logistics/", include("odopmart.logistics.webhook_urls")),
    path("webhooks/settlements/", include("odopmart.settlements.webhook_urls")),
    path("a/", include("odopmart.fulfilment.link_urls")),
]
# Storefront pages: English at /, Hindi at /hi/ (cacheable per URL, shareable in either language).
urlpatterns += i18n_patterns(
    path("seller/messages/", include("odopmart.notifications.console_urls")),
    path("seller/helpline/", include("odopmart.fulfilment.urls")),
    path("seller/", include("odopmart.sellercentre.urls")),
    path("pay/", include("odopmart.payments.urls")),
    path("shipments/", include("odopmart.logistics.urls")),
    path("origin/", include("odopmart.certificates.urls")),
    path("grievance/", include("odopmart.grievances.urls")),
    path("accounts/", include("odopmart.accounts.urls")),
    path("", include("odopmart.storefront.buying_urls")),
    path("", include("odopmart.storefront.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # The embedded default serves uploaded media itself; scale-out puts it on object storage.
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve_static, {"document_root": settings.MEDIA_ROOT})
    )

handler404 = "odopmart.storefront.views.page_not_found"
handler500 = "odopmart.storefront.views.server_error"
