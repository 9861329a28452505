"""Error pages: readers get the site's Chinese pages (templates 404.html, 500.html...), the API gets JSON.

Django calls these for any 400/403/404/500 (``handler404`` ... in ``newsroom.urls``) when DEBUG is off,
whether the address matched nothing or a view raised ``Http404`` / ``PermissionDenied``.
"""

from django.http import JsonResponse
from django.views import defaults

API_PREFIX = "/api/"

MESSAGES = {
    400: ("bad_request", "请求有误。"),
    403: ("forbidden", "没有权限。"),
    404: ("not_found", "没有找到。"),
    405: ("method_not_allowed", "不支持这种请求方法。"),
    500: ("server_error", "服务器出错了,请稍后再试。"),
}


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def json_error(status: int, message: str | None = None) -> JsonResponse:
    code, default = MESSAGES[status]
    return JsonResponse(
        {"error": {"status": status, "code": code, "message": message or default}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def bad_request(request, exception):
    return json_error(400) if is_api(request) else defaults.bad_request(request, exception)


def permission_denied(request, exception):
    return json_error(403) if is_api(request) else defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    return json_error(404) if is_api(request) else defaults.page_not_found(request, exception)


def server_error(request):
    return json_error(500) if is_api(request) else defaults.server_error(request)
