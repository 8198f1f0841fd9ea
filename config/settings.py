"""Settings for odopmart. Every value comes from the environment, with safe local defaults.

The embedded default (no environment at all) is SQLite in WAL mode, the database task queue,
local-memory cache and local media: what `make run` uses.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ODOPMART_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# A fixed development key is only acceptable with DEBUG off on loopback; production sets its own.
SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-local-key-set-SECRET_KEY-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    # django-ninja serves its Swagger UI from its own static files when installed as an app.
    "ninja",
    "odopmart.core",
    "odopmart.accounts",
    "odopmart.notifications",
    "odopmart.regions",
    "odopmart.odop",
    "odopmart.sellers",
    "odopmart.catalog",
    "odopmart.orders",
    "odopmart.payments",
    "odopmart.logistics",
    "odopmart.certificates",
    "odopmart.fulfilment",
    "odopmart.grievances",
    "odopmart.insights",
    "odopmart.ledger",
    "odopmart.invoicing",
    "odopmart.settlements",
    "odopmart.search",
    "odopmart.storefront",
    "odopmart.sellercentre",
    "odopmart.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "odopmart.storefront.context_processors.storefront",
            ],
        },
    },
]

# --- database -------------------------------------------------------------------------------
SQLITE_PATH = VAR_DIR / "odopmart.sqlite3"
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{SQLITE_PATH}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL, a busy timeout and BEGIN IMMEDIATE so concurrent writers queue instead of failing
    # with "database is locked" (see docs/architecture.md).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            " PRAGMA cache_size=-32000; PRAGMA mmap_size=268435456;"
        ),
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_SQLITE_NAME") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- background tasks -----------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- cache ----------------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHE_PAGE_SECONDS = int(os.environ.get("CACHE_PAGE_SECONDS", "60"))

# --- auth and sessions ----------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
LOGIN_URL = "accounts:signin"
LOGIN_REDIRECT_URL = "/"

# --- languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("hi", _("Hindi"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Kolkata"
USE_TZ = True
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

# --- static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 30
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# KYC documents and other private uploads: never under MEDIA_URL, served only by permission-
# checked views (scale-out: a private bucket).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))

# --- security -------------------------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- sign-in and messages -------------------------------------------------------------------
ACCOUNTS = {
    # Reverse proxies you run that append to X-Forwarded-For (0: use REMOTE_ADDR).
    "TRUSTED_PROXY_COUNT": int(os.environ.get("TRUSTED_PROXY_COUNT", "0")),
}
NOTIFICATIONS = {
    "SMS_PROVIDER": os.environ.get(
        "SMS_PROVIDER", "odopmart.notifications.providers.console.ConsoleSmsProvider"
    ),
    "VOICE_PROVIDER": os.environ.get(
        "VOICE_PROVIDER", "odopmart.notifications.providers.console.ConsoleVoiceProvider"
    ),
    "DLT_ENTITY_ID": os.environ.get("DLT_ENTITY_ID", ""),
    "SMS_SENDER_ID": os.environ.get("SMS_SENDER_ID", "ODOPMT"),
    # {"otp_signin": {"en": "<DLT template id>", "hi": "<DLT template id>"}}
    "DLT_TEMPLATE_IDS": json.loads(os.environ.get("DLT_TEMPLATE_IDS", "{}")),
}

# --- marketplace ----------------------------------------------------------------------------
ODOPMART = {
    # Reference data shipped with the project (see data/reference/SOURCES.md).
    "REFERENCE_DATA_DIR": BASE_DIR / "data" / "reference",
    "STOREFRONT_PAGE_SIZE": int(os.environ.get("STOREFRONT_PAGE_SIZE", "24")),
    "API_PAGE_SIZE": int(os.environ.get("API_PAGE_SIZE", "24")),
    "DEMO_SEED": int(os.environ.get("DEMO_SEED", "2018")),
    # Uploads (KYC documents): refused above this size.
    "UPLOAD_MAX_BYTES": int(os.environ.get("UPLOAD_MAX_BYTES", str(5 * 1024 * 1024))),
    # Listing moderation: a price outside low×–high× the category median is flagged (once the
    # category has enough approved listings to have a meaningful median).
    "LISTING_PRICE_BAND_LOW": os.environ.get("LISTING_PRICE_BAND_LOW", "0.2"),
    "LISTING_PRICE_BAND_HIGH": os.environ.get("LISTING_PRICE_BAND_HIGH", "5"),
    "LISTING_PRICE_BAND_MIN_LISTINGS": int(os.environ.get("LISTING_PRICE_BAND_MIN_LISTINGS", "5")),
    "LISTING_PHOTO_MAX_MB": int(os.environ.get("LISTING_PHOTO_MAX_MB", "10")),
    "LISTING_PHOTO_MIN_PX": int(os.environ.get("LISTING_PHOTO_MIN_PX", "400")),
    "LISTING_IMPORT_MAX_MB": int(os.environ.get("LISTING_IMPORT_MAX_MB", "5")),
    "LISTING_IMPORT_MAX_ROWS": int(os.environ.get("LISTING_IMPORT_MAX_ROWS", "2000")),
    # Seller dashboard: variants at or below this stock are listed as running low.
    "LOW_STOCK_THRESHOLD": int(os.environ.get("LOW_STOCK_THRESHOLD", "3")),
    # GST 2.0 rate structure took effect on this date (INDIA_COMMERCE.md); rate rows in the
    # reference data that carry no date of their own are taken to start then.
    "GST_RATES_DEFAULT_EFFECTIVE_FROM": os.environ.get(
        "GST_RATES_DEFAULT_EFFECTIVE_FROM", "2025-09-22"
    ),
}

# --- the operator (the e-commerce operator's own registration) -------------------------------
# Unset, the books and invoices use clearly marked example values (odopmart/ledger/conf.py,
# odopmart/invoicing/conf.py): set the corporation's real ones before going live.
LEDGER = {
    key: value
    for key, value in {
        "OPERATOR_GSTIN": os.environ.get("OPERATOR_GSTIN"),
        "OPERATOR_NAME": os.environ.get("OPERATOR_NAME"),
    }.items()
    if value
}
INVOICING = {
    key: value
    for key, value in {"OPERATOR_ADDRESS": os.environ.get("OPERATOR_ADDRESS")}.items()
    if value
}
