"""A filled-in 网站标识 for the default site."""

from wagtail.models import Site

from siteidentity.models import SiteIdentity

VALUES = {
    "site_name": "测试市 · 社区治理公开",
    "sponsor": "测试市人民政府办公室",
    "organizer": "测试市大数据中心",
    "phone": "0571-12345678",
    "address": "测试市测试路1号",
    "email": "contact@example.org",
    "icp_number": "浙ICP备12345678号-1",
    "psb_number": "浙公网安备33010602000001号",
    "site_code": "3301000001",
}


def identity(**fields):
    site = Site.objects.get(is_default_site=True)
    item = SiteIdentity.for_site(site)
    for name, value in {**VALUES, **fields}.items():
        setattr(item, name, value)
    item.save()
    return item
