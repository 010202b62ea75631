"""What the importer remembers between runs."""

from django.db import models


class ImportedRecord(models.Model):
    """Which object an imported record id became, so re-imports update instead of duplicating."""

    source_id = models.CharField("导入编号", max_length=255, unique=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    checksum = models.CharField("内容校验值", max_length=64, blank=True)
    imported_at = models.DateTimeField("导入时间", auto_now=True)

    class Meta:
        db_table = "home_importedrecord"  # the table it had in home, kept with its rows
        verbose_name = "导入记录"
        verbose_name_plural = "导入记录"

    def __str__(self):
        return self.source_id

    @property
    def target(self):
        model = self.content_type.model_class()
        return model.objects.filter(pk=self.object_id).first() if model else None
