"""The product's settings as production runs them (DEBUG off), for the benchmarks:
only the URLs gain the bare page, and static files are served by name (the benchmarks
do not run collectstatic). HTTPS redirects are off because the test client and the load
run speak plain HTTP on 127.0.0.1."""

import os
import warnings

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "benchmarks-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from governance.settings import *  # noqa: E402, F403
from governance.settings import STORAGES  # noqa: E402

ROOT_URLCONF = "benchmarks.urls"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# WhiteNoise warns when collectstatic has not run; the benchmarks serve no static file.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
