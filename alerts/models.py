"""Email subscriptions: who (a Subscriber, by address) wants to hear about what (a Subscription)."""

import secrets

from django.db import models
from django.utils import timezone

from .addresses import mask


def new_key():
    return secrets.token_urlsafe(12)


class Subscriber(models.Model):
    """One email address. Deleted when its last subscription goes."""

    email = models.EmailField("电子邮箱", max_length=254, unique=True)
    key = models.CharField("密钥", max_length=32, default=new_key, editable=False)
    created_at = models.DateTimeField("创建时间", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "订阅人"
        verbose_name_plural = "订阅人"

    def __str__(self):
        return mask(self.email)

    @property
    def masked_email(self):
        return mask(self.email)


class Subscription(models.Model):
    """One thing one address asked to hear about; nothing is sent until it is confirmed."""

    VILLAGE = "village"
    TOPIC = "topic"
    AUTHORITY = "authority"
    SEARCH = "search"
    REPLY = "reply"
    KIND_CHOICES = [
        (VILLAGE, "村（社区）四务公开"),
        (TOPIC, "主题分类"),
        (AUTHORITY, "发文机关"),
        (SEARCH, "保存的检索"),
        (REPLY, "我的提问或申请的答复"),
    ]

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions", verbose_name="订阅人"
    )
    kind = models.CharField("订阅类型", max_length=12, choices=KIND_CHOICES)
    village = models.ForeignKey(
        "disclosures.VillagePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="村（社区）",
    )
    topic = models.ForeignKey(
        "taxonomy.Topic",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="主题分类",
    )
    authority = models.ForeignKey(
        "taxonomy.IssuingAuthority",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="发文机关",
    )
    query = models.CharField("检索词", max_length=200, blank=True)
    tracking_number = models.CharField("查询码", max_length=40, blank=True)
    key = models.CharField("密钥", max_length=32, default=new_key, editable=False)
    created_at = models.DateTimeField("创建时间", default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    last_digest_at = models.DateTimeField(
        "上次汇总截止", null=True, blank=True, help_text="下一封汇总邮件只包含此后发布的内容"
    )
    # Disclosure versions carry whole-second times, so they are followed by id instead.
    last_version_id = models.PositiveBigIntegerField("上次汇总的公开版本", null=True, blank=True)

    class Meta:
        verbose_name = "订阅"
        verbose_name_plural = "订阅"
        ordering = ["subscriber", "pk"]
        indexes = [models.Index(fields=["kind", "tracking_number"])]

    def __str__(self):
        return f"{self.subscriber} · {self.label}"

    @property
    def confirmed(self):
        return self.confirmed_at is not None

    @property
    def target_value(self):
        """The value that names what is subscribed to, as the subscribe form takes it."""
        return {
            self.VILLAGE: str(self.village_id or ""),
            self.TOPIC: self.topic.slug if self.topic_id else "",
            self.AUTHORITY: str(self.authority_id or ""),
            self.SEARCH: self.query,
            self.REPLY: self.tracking_number,
        }[self.kind]

    @property
    def label(self):
        from .targets import resolve_subscription

        return resolve_subscription(self).label

    def confirm(self, now=None):
        from .collect import cutoff_now

        cutoff = cutoff_now()
        self.confirmed_at = now or cutoff.at
        self.last_digest_at = self.confirmed_at
        self.last_version_id = cutoff.version_id
        self.save(update_fields=["confirmed_at", "last_digest_at", "last_version_id"])


class ReplyNotice(models.Model):
    """A reply published to a subscriber's own question, waiting for the next digest."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="reply_notices", verbose_name="订阅"
    )
    url = models.URLField("查看地址", max_length=500, blank=True)
    created_at = models.DateTimeField("答复时间", default=timezone.now)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)

    class Meta:
        verbose_name = "答复提醒"
        verbose_name_plural = "答复提醒"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.subscription} · {self.created_at:%Y-%m-%d}"
