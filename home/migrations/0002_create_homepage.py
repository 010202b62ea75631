from django.db import migrations

HOME_TITLE = "公开 · 城乡社区治理信息公开"


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    # Wagtail's initial migration makes a placeholder "Welcome" page; replace it.
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        intro="城乡社区发展治理的政策文件、新闻、典型案例、图片报道与村务公开。",
        locale_id=Page.objects.get(depth=1).locale_id,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "公开"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
        
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
