"""The buyer's pages: cart, checkout and their orders."""

from __future__ import annotations

from django.urls import path

from odopmart.storefront import buying_orders, buying_views

app_name = "buying"
urlpatterns = [
    path("cart/", buying_views.cart_view, name="cart"),
    path("cart/add/", buying_views.cart_add_view, name="cart_add"),
    path("cart/update/", buying_views.cart_update_view, name="cart_update"),
    path("checkout/", buying_views.checkout_view, name="checkout"),
    path("checkout/mobile/", buying_views.checkout_contact_view, name="checkout_contact"),
    path("checkout/mobile/code/", buying_views.checkout_code_view, name="checkout_code"),
    path("checkout/address/", buying_views.checkout_address_view, name="checkout_address"),
    path("checkout/review/", buying_views.checkout_review_view, name="checkout_review"),
    path("orders/", buying_orders.orders_view, name="orders"),
    path("orders/<str:number>/", buying_orders.order_detail_view, name="order"),
    path("orders/<str:number>/placed/", buying_orders.order_placed_view, name="order_placed"),
    path("orders/<str:number>/pay/", buying_orders.order_pay_view, name="order_pay"),
    path("orders/<str:number>/cancel/", buying_orders.order_cancel_view, name="order_cancel"),
    path(
        "orders/<str:number>/items/<int:item_id>/cancel/",
        buying_orders.item_cancel_view,
        name="item_cancel",
    ),
    path(
        "orders/<str:number>/items/<int:item_id>/return/",
        buying_orders.item_return_view,
        name="item_return",
    ),
]
