from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "odopmart.accounts"
    label = "accounts"
