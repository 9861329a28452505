"""``manage.py create_demo_admin``: the demo's superuser, with a new random password on every run."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


def reset_demo_admin(username: str = USERNAME) -> tuple[str, str]:
    """Create or reset ``username`` as an active superuser; returns (username, the new password)."""
    password = secrets.token_urlsafe(12)
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return username, password


class Command(BaseCommand):
    help = "创建或重置演示用超级管理员 admin,生成新的随机密码并打印。"

    def add_arguments(self, parser):
        parser.add_argument("--username", default=USERNAME, help=f"用户名,默认 {USERNAME}")

    def handle(self, *args, username, **options):
        username, password = reset_demo_admin(username)
        self.stdout.write(f"后台账号 admin account\n  用户名 username: {username}\n  密码 password: {password}")
