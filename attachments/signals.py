from django.dispatch import Signal

# Sent with ``pages`` (live pages) whose attachments' text changed: search indexes them again.
attachments_changed = Signal()
