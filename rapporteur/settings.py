"""Settings for Rapporteur, read from the environment with safe local defaults.

Production differs from a laptop only by environment variables:
DATABASE_URL, SECRET_KEY, DEBUG and ALLOWED_HOSTS.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    HTTPS=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
)
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env("DEBUG")
# The default key only ever signs local development sessions and test runs: with DEBUG off, the site is not
# served with it (rapporteur/wsgi.py and asgi.py refuse to start; see operations.serving).
DEVELOPMENT_SECRET_KEY = "local-development-only-not-a-secret"
SECRET_KEY = env("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env("ALLOWED_HOSTS")

INSTALLED_APPS = [
    # Before the admin, so that translated fields get their admin widgets.
    "modeltranslation",
    "workspace.dashboard.RapporteurAdminConfig",  # django.contrib.admin with the secretariat's dashboard
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "adminsortable2",
    "import_export",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # the API reference page's files, served by the app (no CDN)
    "django_tasks",
    "django_tasks_db",  # the queue's table, which `manage.py db_worker` reads (TASKS below)
    # Rapporteur's rooms, from the ground floor up (docs/architecture.md).
    "core",
    "languages",
    "caching",
    "workflow",
    "congress",
    "meetings",
    "recommendations",
    "adoption",
    "report",
    "search",
    "compilation",
    "jobs",
    "public",
    "workspace",
    "api",
    "feeds",
    "demo",
    "operations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # Pages get an ETag from their content and a 304 when the client already has them,
    # cached pages included, so it comes before the page cache.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous readers get public pages from the cache, before sessions and templates cost anything.
    "caching.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A full disk while saving is a page saying so (nothing half-written is left: core/storage.py).
    "operations.disk_full.DiskFullMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history of every content model.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rapporteur.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "public.context_processors.language_versions",
            ],
        },
    },
]

WSGI_APPLICATION = "rapporteur.wsgi.application"

# SQLite needs nothing installed; PostgreSQL when DATABASE_URL says so.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Seconds a server process keeps its database connection (`make serve` sets 60) instead of one per request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login throttling: after 5 failed attempts for a username from one address, or 20 from any addresses,
# 30 minutes' wait (operations/login_throttle.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "operations.login_throttle.UsernameAcrossAddressesHandler"
LOGIN_FAILURES_PER_USERNAME = 20
# Lockouts are lifted with `manage.py axes_reset`; the admin stays free of the log tables.
AXES_ENABLE_ADMIN = False
# How many proxies in front of the app append to X-Forwarded-For (1 behind one nginx); 0 trusts none and
# counts failures by REMOTE_ADDR only (operations/client_ip.py).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "operations.client_ip.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The six official languages of the United Nations.
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Titles entered in one language only show in that language (English, the original) everywhere else.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# WhiteNoise serves static files compressed, with far-future cache headers on their hashed names.
# Hashed names need `collectstatic` first, which `make serve` runs; `make run` serves the sources.
# Uploaded documents and built exports: on this server's disk by default (written to a temporary name and moved
# into place, so a full disk leaves no truncated file); in an S3-compatible bucket shared by every app server and
# worker when AWS_STORAGE_BUCKET_NAME is set (AWS_S3_ENDPOINT_URL for a store other than Amazon's; the keys from
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or the machine's role). The bucket stays private: downloads are
# streamed by the app after its visibility check, or with STORAGE_REDIRECT=true redirected to a URL signed for
# STORAGE_URL_SECONDS.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
STORAGE_REDIRECT = env.bool("STORAGE_REDIRECT", default=False)
STORAGE_URL_SECONDS = env.int("STORAGE_URL_SECONDS", default=300)
DEFAULT_STORAGE = {"BACKEND": "core.storage.AtomicFileSystemStorage"}
if AWS_STORAGE_BUCKET_NAME:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default=None),  # "path" for most other stores
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": STORAGE_URL_SECONDS,
            "file_overwrite": False,
        },
    }
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# CACHE_URL=redis://127.0.0.1:6379/1 shares the cache between server processes. Everything in it can be
# computed again, so Redis unreachable or slow makes pages slower, never an error (caching/backends.py): a
# call waits at most CACHE_SOCKET_TIMEOUT seconds, then the process leaves the cache alone for a few seconds.
DEFAULT_CACHE = env.cache_url("CACHE_URL", default="locmemcache://")
if DEFAULT_CACHE["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHE_SOCKET_TIMEOUT = env.float("CACHE_SOCKET_TIMEOUT", default=0.5)
    DEFAULT_CACHE["BACKEND"] = "caching.backends.FaultTolerantRedisCache"
    DEFAULT_CACHE.setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": CACHE_SOCKET_TIMEOUT, "socket_timeout": CACHE_SOCKET_TIMEOUT}
    )
CACHES = {
    "default": DEFAULT_CACHE,
    # Public pages for anonymous readers, in each process's memory (see caching/page_cache.py).
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}
# Exports and search indexing run as jobs (jobs/, search/jobs.py) through the Django tasks API: by default in
# the database's queue, which `manage.py db_worker` works through (`make run` starts one beside the server);
# TASKS_BACKEND=immediate runs each job at once in the process that asks (no worker: the tests, a one-off command).
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[env("TASKS_BACKEND", default="database")]}}
# A failed export is tried again after EXPORT_RETRY_SECONDS, then twice as long each time, EXPORT_ATTEMPTS times in
# all; a job still running after EXPORT_JOB_SECONDS is taken as lost (its worker stopped) and counts as failed.
EXPORT_RETRY_SECONDS = env.int("EXPORT_RETRY_SECONDS", default=5 * 60)
EXPORT_ATTEMPTS = env.int("EXPORT_ATTEMPTS", default=5)
EXPORT_JOB_SECONDS = env.int("EXPORT_JOB_SECONDS", default=10 * 60)
# Cached pages are found by the content version, so an edit never waits for this; it only frees memory.
PAGE_CACHE_SECONDS = 24 * 60 * 60

# Security. HTTPS=true in production turns on everything that needs TLS in front of the app.
HTTPS = env("HTTPS")
SECURE_SSL_REDIRECT = HTTPS
# A load balancer probes the health check over plain HTTP: it answers there instead of redirecting.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
# Browsers take a response's content type as given (Django's default, kept visible here).
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Everything the site loads is its own; no inline script anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Uploaded documents; served through a view that checks they are published, never directly.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# The largest file a document's language version may be (meetings.uploads); UN documents are far smaller.
DOCUMENT_UPLOAD_MAX_BYTES = env.int("DOCUMENT_UPLOAD_MAX_BYTES", default=25 * 1024 * 1024)

# The read API (api/): read-only JSON, signed-in staff by their session (they see what they preview on the site),
# paginated; its OpenAPI schema at /api/v1/schema/, its reference page at /api/v1/docs/.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Rapporteur API",
    "DESCRIPTION": (
        "Read-only JSON of the Congresses, their regional preparatory meetings and the meetings' reports. "
        "Texts are objects keyed by language code (ar, zh, en, fr, ru, es); null where a text has no version in "
        "that language. Answers carry an ETag: send it back in If-None-Match to get 304 Not Modified."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.conditional_and_errors",
    ],
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# A meeting's admin page posts a handful of fields per delegation, paragraph and item: the 10× demo meeting
# posts about 11,000 on a discussion's page. Django's default of 1,000 refused a meeting of ~50 delegations.
DATA_UPLOAD_MAX_NUMBER_FIELDS = env.int("DATA_UPLOAD_MAX_NUMBER_FIELDS", default=50_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=20 * 1024 * 1024)

# An import either saves every good row or, if anything fails mid-way, nothing.
IMPORT_EXPORT_USE_TRANSACTIONS = True

# Errors with their tracebacks go to standard error (gunicorn's log, the container's, journald); the people
# in ADMINS ("Name <address>, Name <address>") are also mailed each server error when EMAIL_URL is set.
ADMINS = [
    (address.split("<")[0].strip() or address, address.split("<")[-1].rstrip(">").strip())
    for address in env.list("ADMINS", default=[])
]
SERVER_EMAIL = env("SERVER_EMAIL", default="rapporteur@localhost")
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "root": {"handlers": ["stderr"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "django": {"handlers": ["stderr", "mail_admins"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
