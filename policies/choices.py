"""Choice lists of the policy library."""

from django.db import models


class Validity(models.TextChoices):
    VALID = "有效", "有效"
    AMENDED = "已修订", "已修订"
    REPEALED = "已废止", "已废止"
    EXPIRED = "已失效", "已失效"


OUT_OF_FORCE = (Validity.REPEALED, Validity.EXPIRED)


class DocType(models.TextChoices):
    OPINION = "意见", "意见"
    MEASURES = "办法", "办法"
    NOTICE = "通知", "通知"
    PLAN = "规划", "规划"
    PROGRAMME = "方案", "方案"
    REGULATION = "条例", "条例"
    DECISION = "决定", "决定"
    RULES = "规定", "规定"
    OTHER = "其他", "其他"


class RelationType(models.TextChoices):
    AMENDS = "amends", "修订"
    REPEALS = "repeals", "废止"
