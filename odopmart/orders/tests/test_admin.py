from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from odopmart.orders.models import Order, OrderEvent, OrderItem, SellerOrder, ShippingRate

pytestmark = pytest.mark.django_db


def test_every_orders_model_is_registered():
    models = {m for m in apps.get_models() if m._meta.app_label == "orders"}
    assert models <= set(admin.site._registry)


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_order_pages_open_and_are_read_only(admin_client, make_product, cart_with, place):
    order = place(cart_with((make_product(), 1)))
    for model in (Order, SellerOrder, OrderItem, OrderEvent, ShippingRate):
        assert admin_client.get(_url(model, "changelist")).status_code == 200
    page = admin_client.get(_url(Order, "change", order.pk))
    assert page.status_code == 200
    assert order.number in page.content.decode()
    assert admin_client.get(_url(Order, "add")).status_code == 403
    response = admin_client.post(_url(Order, "delete", order.pk), {"post": "yes"})
    assert response.status_code == 403
    assert Order.objects.filter(pk=order.pk).exists()
