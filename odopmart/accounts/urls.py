from django.urls import path

from odopmart.accounts import views

app_name = "accounts"
urlpatterns = [
    path("signin/", views.signin, name="signin"),
    path("signin/code/", views.signin_code, name="signin_code"),
    path("signout/", views.signout, name="signout"),
    path("staff-login/", views.StaffLoginView.as_view(), name="staff_login"),
    path("profile/", views.profile, name="profile"),
]
