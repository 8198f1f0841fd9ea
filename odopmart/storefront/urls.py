from django.urls import path

from odopmart.storefront import disclosure_views, views

app_name = "storefront"
urlpatterns = [
    path("", views.home, name="home"),
    path("districts/", views.districts, name="districts"),
    path("districts/<slug:slug>/", views.district, name="district"),
    path("crafts/", views.categories, name="categories"),
    path("crafts/<slug:slug>/", views.category, name="category"),
    path("odop/<slug:slug>/", views.odop_product, name="odop_product"),
    path("products/", views.search, name="products"),
    path("search/", views.search, name="search"),
    path("p/<int:pk>/delivery/", disclosure_views.delivery, name="product_delivery"),
    path("p/<int:pk>/", views.product, name="product_short"),
    path("p/<int:pk>/<str:slug>/", views.product, name="product"),
]
