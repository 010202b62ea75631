import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from secondfactor import devices


class Command(BaseCommand):
    help = "示例站点：为每个可进入后台的账号启用身份验证器，并打印密钥和终端二维码。"

    def handle(self, *args, **options):
        users = get_user_model().objects.filter(is_active=True).order_by("username")
        for user in users:
            if not (user.is_superuser or user.has_perm("wagtailadmin.access_admin")):
                continue
            device = devices.enrolled_authenticator(user)
            self.stdout.write(f"{user.username} 的两步验证密钥：{devices.secret(device)}")
            code = qrcode.QRCode(border=1)
            code.add_data(device.config_url)
            code.print_ascii(out=self.stdout, invert=True)
