from django.apps import AppConfig


class ReaderPrefsConfig(AppConfig):
    """简/繁 script and 长者模式: the reader's two cookies, the middleware that honours them and
    the HTML-safe OpenCC conversion."""

    name = "readerprefs"
    label = "readerprefs"
    verbose_name = "阅读偏好"
