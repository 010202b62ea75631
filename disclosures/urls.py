"""Routes of the disclosures app outside the page tree."""

urlpatterns = []
