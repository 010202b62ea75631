"""The choices of an enquiry's state and handling: its status, moderation, form and delivery.

Apart from the model so that the workflow steps (``workflow.py``) read them without importing
the model that runs them.
"""

from django.db import models


class Status(models.TextChoices):
    RECEIVED = "received", "已收到"
    PROCESSING = "processing", "办理中"
    SUPPLEMENT = "supplement", "待申请人补正"
    CONSULTING = "consulting", "征求第三方意见"
    REVIEW = "review", "待村务监督委员会审核"
    ANSWERED = "answered", "已答复"
    CLOSED = "closed", "已终止"


class Moderation(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "公开展示"
    HIDDEN = "hidden", "不公开展示"


class Form(models.TextChoices):
    PAPER = "paper", "纸质"
    ELECTRONIC = "electronic", "电子数据"
    OTHER = "other", "其他"


class Delivery(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "当面领取"
    ONLINE = "online", "网上查询答复"
