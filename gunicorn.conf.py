"""gunicorn settings for newsroom, from the environment: ``gunicorn -c gunicorn.conf.py newsroom.wsgi``.

Each web node is stateless (sessions in the database, cache in Redis, files in PostgreSQL and
on the CDN/whitenoise), so any number of nodes can run behind a proxy or load balancer.
"""

import multiprocessing
import os

# The loopback interface only, where the proxy on the same host reaches it: whatever can reach gunicorn can send
# X-Forwarded-Proto, which Django trusts with DJANGO_BEHIND_PROXY=1. PORT changes the port; listening anywhere
# else (a load balancer on another host) is said in full: GUNICORN_BIND=10.0.0.5:8000 or 0.0.0.0:8000.
bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
# Sync workers: pages are short database-bound requests; 2-4 per core.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, staggered, so no slow leak ever matters. Not too often: a page
# served from process memory takes well under a millisecond, and a recycled worker starts cold.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# Load the application (Django, jieba's tables) once, before forking: less memory per worker.
preload_app = True
# Who may tell gunicorn the scheme (X-Forwarded-Proto: wsgi.url_scheme). It rewrites neither REMOTE_ADDR nor any
# header: X-Forwarded-For reaches Django as sent, and newsroom reads it only from NEWSROOM_TRUSTED_PROXIES.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
