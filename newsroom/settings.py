"""Settings for newsroom: one module, driven by environment variables.

Development defaults are safe to run locally; production sets DJANGO_SECRET_KEY,
DJANGO_DEBUG=0, DJANGO_ALLOWED_HOSTS and usually DATABASE_URL.
"""

import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_filters",
    "reversion",
    "taggit",
    "imagekit",
    "articles",
    "importers",
]

MIDDLEWARE = [
    # A NUL anywhere in the address or query: 404/400 before anything looks at it (newsroom/security.py).
    "newsroom.security.RejectNulMiddleware",
    # Then: a cached readers' page is answered before anything else runs (newsroom/pagecache.py).
    "newsroom.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsroom.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "newsroom.routers.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "newsroom.security.AdminLoginThrottleMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "newsroom" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite in the project unless DATABASE_URL names another database
# (postgres://..., sqlite:///path, ...).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections buy nothing on SQLite and keep file handles open.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
# A read replica for readers' pages (newsroom/routers.py); the admin and imports use the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["newsroom.routers.PrimaryReplicaRouter"]
NEWSROOM_PRIMARY_ONLY_PREFIXES = ("/admin/", "/healthz")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Always Chinese, whatever the browser asks for: no LocaleMiddleware, and one language (so an en-US browser
# gets the same admin and the same cached pages as everyone).
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# A CDN in front of the static files: STATIC_URL=https://cdn.example.com/static/ (whitenoise still serves the origin).
STATIC_URL = os.environ.get("STATIC_URL", "static/")
STATIC_ROOT = BASE_DIR / "staticfiles"

# Uploaded files (photos, printed pages), through Django's storage API: on disk under MEDIA_ROOT by default. The demo
# (DEBUG) serves MEDIA_URL itself; in production the proxy serves MEDIA_ROOT at MEDIA_URL (README, Storage).
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")))
NEWSROOM_SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# With several web nodes: an S3-compatible object store that they all share (django-storages). Credentials come
# from boto3's usual places (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role), never from here.
NEWSROOM_S3_BUCKET = os.environ.get("NEWSROOM_S3_BUCKET", "")
if NEWSROOM_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": NEWSROOM_S3_BUCKET,
            "endpoint_url": os.environ.get("NEWSROOM_S3_ENDPOINT_URL") or None,  # MinIO, Ceph, a cloud's S3
            "region_name": os.environ.get("NEWSROOM_S3_REGION") or None,
            "custom_domain": os.environ.get("NEWSROOM_S3_CUSTOM_DOMAIN") or None,  # a CDN in front of the bucket
            "location": os.environ.get("NEWSROOM_S3_PREFIX", ""),
            # Readers' files are public: plain addresses, computed without asking the store, never overwritten.
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
        },
    }
# Where readers' browsers fetch uploaded files from, when that is not the site itself (the CSP's img-src allows it).
NEWSROOM_MEDIA_ORIGIN = os.environ.get("NEWSROOM_MEDIA_ORIGIN", "")
if NEWSROOM_S3_BUCKET and not NEWSROOM_MEDIA_ORIGIN:
    _s3 = STORAGES["default"]["OPTIONS"]
    if _s3["custom_domain"]:
        NEWSROOM_MEDIA_ORIGIN = f"https://{_s3['custom_domain'].split('/')[0]}"
    elif _s3["endpoint_url"]:
        NEWSROOM_MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(_s3["endpoint_url"]))
    else:
        NEWSROOM_MEDIA_ORIGIN = "https://*.amazonaws.com"
# Photo renditions (articles/renditions.py) are made when a photo is saved, so pages never check for them.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
IMAGEKIT_CACHEFILE_DIR = "renditions"
# An upload larger than this, or with more pixels, is refused before it is decoded (articles/photos.py).
NEWSROOM_PHOTO_MAX_BYTES = int(os.environ.get("NEWSROOM_PHOTO_MAX_BYTES", str(25 * 1024 * 1024)))
NEWSROOM_PHOTO_MAX_PIXELS = int(os.environ.get("NEWSROOM_PHOTO_MAX_PIXELS", str(60_000_000)))
# A printed page's PDF or scan larger than this is refused (articles/page_files.py).
NEWSROOM_PAGE_FILE_MAX_BYTES = int(os.environ.get("NEWSROOM_PAGE_FILE_MAX_BYTES", str(50 * 1024 * 1024)))

REDIS_URL = os.environ.get("REDIS_URL", "")
# One cache that every process shares: Redis (every web node) when REDIS_URL is set, else files in
# NEWSROOM_CACHE_DIR (every process of this machine; a directory outside the repository's files).
CACHES = {
    "default": (
        {"BACKEND": "newsroom.pagecache.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("NEWSROOM_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("NEWSROOM_CACHE_MAX_ENTRIES", "20000"))},
        }
    )
}
# Readers' pages kept whole in that cache at most this long (newsroom/pagecache.py); 0: never.
NEWSROOM_PAGE_CACHE_SECONDS = int(os.environ.get("NEWSROOM_PAGE_CACHE_SECONDS", "300"))
NEWSROOM_UNCACHED_PREFIXES = ("/admin/", "/healthz", "/api/")

# Behind a proxy or load balancer that sets X-Forwarded-Proto / X-Forwarded-Host.
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# HTTPS once DEBUG is off (`manage.py check --deploy` is clean): secure cookies, HSTS, and a redirect
# from http, which DJANGO_SECURE_SSL_REDIRECT=0 leaves to a proxy that already does it.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer probes over plain http
# newsroom/security.py: scripts from the site only (JSON-LD is data, not script); inline styles for the admin.
NEWSROOM_CONTENT_SECURITY_POLICY = os.environ.get(
    "NEWSROOM_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    f"img-src 'self' data:{' ' + NEWSROOM_MEDIA_ORIGIN if NEWSROOM_MEDIA_ORIGIN else ''}; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'",
)
# Failed admin logins before a lockout of NEWSROOM_LOGIN_LOCKOUT_SECONDS (per account, per client address).
NEWSROOM_LOGIN_FAILURES_PER_USER = int(os.environ.get("NEWSROOM_LOGIN_FAILURES_PER_USER", "5"))
NEWSROOM_LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("NEWSROOM_LOGIN_FAILURES_PER_ADDRESS", "20"))
NEWSROOM_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("NEWSROOM_LOGIN_LOCKOUT_SECONDS", "900"))
# The proxies in front (addresses or networks, e.g. "127.0.0.1,10.0.0.0/8"): from these the client's address is
# read in X-Forwarded-For (newsroom/security.py, client_address). Empty: REMOTE_ADDR is the client.
NEWSROOM_TRUSTED_PROXIES = env_list("NEWSROOM_TRUSTED_PROXIES", "")
for _proxy in NEWSROOM_TRUSTED_PROXIES:
    ipaddress.ip_network(_proxy, strict=False)  # a typo stops the start, not a login

# Upper bound on one page dump; real pages are tens of kilobytes.
NEWSROOM_MAX_PAGE_BYTES = int(os.environ.get("NEWSROOM_MAX_PAGE_BYTES", str(5 * 1024 * 1024)))
NEWSROOM_SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "株洲日报")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
