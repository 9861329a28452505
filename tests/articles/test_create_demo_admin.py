import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def create_demo_admin():
    out = io.StringIO()
    call_command("create_demo_admin", stdout=out)
    lines = dict(line.strip().rsplit(": ", 1) for line in out.getvalue().splitlines() if ": " in line)
    return lines["用户名 username"], lines["密码 password"]


def test_creates_a_superuser_with_the_printed_password():
    username, password = create_demo_admin()

    user = authenticate(username=username, password=password)
    assert username == "admin"
    assert user is not None and user.is_superuser and user.is_staff and user.is_active


def test_each_run_resets_the_password():
    _, first = create_demo_admin()
    get_user_model().objects.filter(username="admin").update(is_active=False)

    _, second = create_demo_admin()

    assert first != second
    assert authenticate(username="admin", password=first) is None
    assert authenticate(username="admin", password=second) is not None
    assert get_user_model().objects.filter(username="admin").count() == 1


def test_admin_login_accepts_the_printed_account(client):
    username, password = create_demo_admin()

    assert client.login(username=username, password=password)
    assert client.get("/admin/").status_code == 200
