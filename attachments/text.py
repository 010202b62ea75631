"""Limits of what is read from one attachment, and the buffer that enforces the text cap."""

from django.conf import settings

MB = 1024 * 1024


def limit(name, default):
    """A limit from ``settings.ATTACHMENTS_LIMITS`` (tests lower them), else the default."""
    return getattr(settings, "ATTACHMENTS_LIMITS", {}).get(name, default)


def max_text():
    return limit("text_bytes", 10 * MB)


class ExtractionError(Exception):
    """The attachment cannot be read; the message (Chinese) is shown to editors."""


class TextFull(Exception):
    """The text cap is reached: what was read so far is kept."""


class TextBuffer:
    """Collects text up to the cap (UTF-8 bytes); past it raises TextFull."""

    def __init__(self, cap=None):
        self.cap = cap or max_text()
        self.parts = []
        self.size = 0
        self.full = False
        self.note = ""

    def add(self, text):
        if not text:
            return
        size = len(text.encode("utf-8"))
        if self.size + size > self.cap:
            room = self.cap - self.size
            self.parts.append(text.encode("utf-8")[:room].decode("utf-8", "ignore"))
            self.size = self.cap
            self.full = True
            self.note = f"文字超过 {self.cap // MB or 1} MB，只保留了前面部分。"
            raise TextFull
        self.parts.append(text)
        self.size += size

    def stop(self, note):
        """Stop reading early (a row or page cap), keeping what was read, with a note."""
        self.note = note

    def value(self):
        return "".join(self.parts).strip()
