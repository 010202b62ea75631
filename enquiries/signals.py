"""Signals other apps listen to.

``reply_published(sender=Enquiry, enquiry=…, item=…, to_asker=bool, public=bool)`` is sent
after the transaction commits, when a reply is sent to the asker (the enquiry becomes
已答复) and again when an answered question or message becomes public. ``item`` is what the
enquiry is about: the disclosure page, the village page or the department (or None).

``publicity_changed(sender=Enquiry, enquiry=…, public=bool)`` is sent after the transaction
commits when an enquiry becomes public or stops being public; public pages that show answered
questions change then (the site's page cache listens).
"""

from django.dispatch import Signal

reply_published = Signal()
publicity_changed = Signal()
