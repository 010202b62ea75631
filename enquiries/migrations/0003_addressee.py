"""受理机关 (Addressee): requests and messages go to this government's own bodies.

The enquiries that named an issuing authority keep its name as a new 受理机关."""

import django.db.models.deletion
from django.db import migrations, models


def copy_departments(apps, schema_editor):
    Enquiry = apps.get_model("enquiries", "Enquiry")
    Addressee = apps.get_model("enquiries", "Addressee")
    for enquiry in Enquiry.objects.exclude(department=None).select_related("department"):
        addressee, _ = Addressee.objects.get_or_create(name=enquiry.department.name[:100])
        Enquiry.objects.filter(pk=enquiry.pk).update(addressee=addressee)


def restore_departments(apps, schema_editor):
    """Going back: each enquiry names the issuing authority its addressee was made from."""
    Enquiry = apps.get_model("enquiries", "Enquiry")
    IssuingAuthority = apps.get_model("taxonomy", "IssuingAuthority")
    for enquiry in Enquiry.objects.exclude(addressee=None).select_related("addressee"):
        authority = IssuingAuthority.objects.filter(name=enquiry.addressee.name).first()
        Enquiry.objects.filter(pk=enquiry.pk).update(department=authority)


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0002_taxonomy_moved"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Addressee",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="名称")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("government", "人民政府及办公室"),
                            ("department", "政府部门"),
                            ("township", "乡镇（街道）"),
                            ("village", "村（社区）"),
                        ],
                        default="department",
                        max_length=20,
                        verbose_name="类别",
                    ),
                ),
                (
                    "takes_requests",
                    models.BooleanField(default=True, verbose_name="受理政府信息公开申请"),
                ),
                ("takes_messages", models.BooleanField(default=True, verbose_name="受理咨询留言")),
                (
                    "active",
                    models.BooleanField(
                        default=True,
                        help_text="不再受理时取消勾选，已有的申请和留言保留",
                        verbose_name="在表单中提供",
                    ),
                ),
                ("address", models.CharField(blank=True, max_length=200, verbose_name="通信地址")),
                ("phone", models.CharField(blank=True, max_length=50, verbose_name="联系电话")),
                (
                    "sort_order",
                    models.PositiveSmallIntegerField(
                        default=100, help_text="数字小的排在前面", verbose_name="排序"
                    ),
                ),
                (
                    "demo_label",
                    models.CharField(blank=True, max_length=100, verbose_name="示例数据标注"),
                ),
            ],
            options={
                "verbose_name": "受理机关",
                "verbose_name_plural": "受理机关",
                "ordering": ["sort_order", "name"],
            },
        ),
        migrations.AddField(
            model_name="enquiry",
            name="addressee",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="enquiries.addressee",
            ),
        ),
        migrations.RunPython(copy_departments, restore_departments),
        migrations.RemoveField(model_name="enquiry", name="department"),
        migrations.RenameField(model_name="enquiry", old_name="addressee", new_name="department"),
        migrations.AlterField(
            model_name="enquiry",
            name="department",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="enquiries",
                to="enquiries.addressee",
                verbose_name="受理机关",
            ),
        ),
    ]
