"""Settings for the improvement governance service, read from the environment.

With no environment at all the service runs for local use: DEBUG on, a SQLite
file beside the project, tasks run in-process, mail printed to the console.
Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and
CELERY_BROKER_URL (see README). An empty variable behaves like an unset one.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from governance.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "local-development-only-not-a-secret"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

SERVICE_NAME = env_str("SERVICE_NAME", "Children's services improvement")
COUNCIL_NAME = env_str("COUNCIL_NAME", "Tameside Metropolitan Borough Council")

INSTALLED_APPS = [
    "governance.apps.GovernanceAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_tables2",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    "csp",
    "django_celery_beat",
    "common.apps.CommonConfig",
    "governance.apps.GovernanceConfig",
    "improvement_plan.apps.ImprovementPlanConfig",
    "scorecard.apps.ScorecardConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "governance.middleware.RequestTooBigMiddleware",
    "governance.middleware.NoStoreMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "governance.urls"
WSGI_APPLICATION = "governance.wsgi.application"
ASGI_APPLICATION = "governance.asgi.application"

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
                "governance.context_processors.service",
            ],
        },
    },
]
FORM_RENDERER = "governance.forms.GovukFormRenderer"
DJANGO_TABLES2_TEMPLATE = "django_tables2/govuk.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "govuk-table"}

# Database: DATABASE_URL, or a SQLite file beside the project (the embedded default).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT off: the product's queries are short, and PostgreSQL's JIT spent seconds
    # compiling plan pages' RAG counts that run in milliseconds without it. A statement
    # timeout so one runaway query cannot hold a worker; the work itself (imports, packs,
    # reminders) is many short queries, none near it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c jit={'on' if env_bool('DATABASE_JIT', default=False) else 'off'} "
        f"-c statement_timeout={env_int('DATABASE_STATEMENT_TIMEOUT_MS', 30_000)}"
    )
    # No server-side cursors: outside a transaction Django declares them WITH HOLD, and
    # PostgreSQL then copies the whole result at commit; every choice list of a form
    # (ModelChoiceField reads through .iterator()) paid 8 ms for 60 posts. Also what a
    # transaction-pooling PgBouncer needs.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "governance.User"
# Sign-in throttling (axes, standalone: it grants nothing), sign-in by email and password
# (granting nothing), then permissions from roles only: administrators, and each app's
# rules (governance.permissions).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "governance.permissions.SignInBackend",
    "governance.permissions.AdministratorBackend",
    "rules.permissions.ObjectPermissionBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link lasts one day

# Failed sign-ins: lock a username from one address after AXES_FAILURE_LIMIT tries.
# The pair counts, never the address alone nor the username alone: failures against the
# Director from one address do not lock the Director out anywhere else. The address is
# the client's, read from X-Forwarded-For through TRUSTED_PROXY_COUNT proxies of our own
# (0: no proxy, REMOTE_ADDR); see governance.domain.client_address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "governance.accounts.throttling.request_client_address"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "governance.accounts.throttling.signed_in_email"

LANGUAGE_CODE = "en-gb"
# One language: pages are en-GB whatever the browser asks for ("12 March 2023").
LANGUAGES = [("en-gb", "English")]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, g:i a"
FORMAT_MODULE_PATH = ["governance.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 20) * 1024 * 1024
PAPER_MAX_BYTES = env_int("PAPER_MAX_MB", 20) * 1024 * 1024  # a meeting paper (PDF)
# A form's text (files not counted): the longest field takes 20,000 characters, at most
# 240 KB sent when every character is 4 bytes, percent-encoded. 5 MB fits any form
# comfortably; a bigger request gets the 413 page (governance.middleware).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Mail: EMAIL_HOST set means SMTP; otherwise mail is printed to the console.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH") or None  # for the file backend
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=bool(EMAIL_HOST))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "improvement-board@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: no broker means tasks run in-process, at once (the embedded default).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_CONNECTION_MAX_RETRIES = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}

# Security. Behind HTTPS in production; every hardening switch is on when DEBUG is off.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "governance.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp 4): only this site's own scripts, styles, images and
# fonts; no inline script or style attribute anywhere in the pages (tests/governance/
# test_security_headers.py checks the templates). The 500 page's own inline stylesheet
# is allowed by its hash on that response alone (governance.errors.server_error).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},  # its progress steps are INFO
        "fontTools": {"level": "WARNING"},  # font subsetting, at every pack build
    },
}

# Computed RAG for improvement plan actions (improvement_plan.domain.rag).
PLAN_RAG_DUE_SOON_DAYS = env_int("PLAN_RAG_DUE_SOON_DAYS", 14)
PLAN_RAG_STALE_UPDATE_DAYS = env_int("PLAN_RAG_STALE_UPDATE_DAYS", 30)
PLAN_RAG_REBASELINE_LIMIT = env_int("PLAN_RAG_REBASELINE_LIMIT", 2)
EVIDENCE_MAX_MB = env_int("EVIDENCE_MAX_MB", 20)

# Reminders (governance.domain.reminders and governance.reminders): every number here.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")  # links in mails
REMINDER_DUE_SOON_DAYS = tuple(
    int(days) for days in env_list("REMINDER_DUE_SOON_DAYS", ["14", "3"])
)
REMINDER_OVERDUE_EVERY_DAYS = env_int("REMINDER_OVERDUE_EVERY_DAYS", 7)
REMINDER_DIGEST_WEEKDAY = env_int("REMINDER_DIGEST_WEEKDAY", 0)  # Monday
REMINDER_NO_PROGRESS_DAYS = env_int("REMINDER_NO_PROGRESS_DAYS", 30)
REMINDER_ESCALATE_OVERDUE_DAYS = env_int("REMINDER_ESCALATE_OVERDUE_DAYS", 28)
REMINDER_ESCALATE_NO_UPDATE_DAYS = env_int("REMINDER_ESCALATE_NO_UPDATE_DAYS", 60)
SCORECARD_RETURN_WORKING_DAY = env_int("SCORECARD_RETURN_WORKING_DAY", 10)
SCORECARD_REMINDER_WORKING_DAYS = env_int("SCORECARD_REMINDER_WORKING_DAYS", 5)
# A figure may be approved by the person who entered it (small teams only).
SCORECARD_ALLOW_SELF_APPROVAL = env_bool("SCORECARD_ALLOW_SELF_APPROVAL", default=False)
PAPERS_REMINDER_DAYS = env_int("PAPERS_REMINDER_DAYS", 5)
PACK_PUBLISHED_NOTICE_DAYS = env_int("PACK_PUBLISHED_NOTICE_DAYS", 7)
REMINDER_MAX_ATTEMPTS = env_int("REMINDER_MAX_ATTEMPTS", 5)

# Tests that need PostgreSQL, Redis, a worker or Chromium fail instead of skipping.
REQUIRE_SERVICES = env_bool("REQUIRE_SERVICES", default=False)
