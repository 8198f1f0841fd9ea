from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SellercentreConfig(AppConfig):
    name = "odopmart.sellercentre"
    verbose_name = _("Seller centre")
