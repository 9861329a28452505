"""A WSGI application that answers with what the server put in its environment: run under gunicorn by
tests/test_deployment.py to see what ``forwarded_allow_ips`` does to a request from a proxy."""

import json

SHOWN = ("REMOTE_ADDR", "wsgi.url_scheme", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO")


def application(environ, start_response):
    body = json.dumps({name: environ.get(name) for name in SHOWN}).encode()
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
