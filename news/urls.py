"""Routes of the news app outside the page tree."""

urlpatterns = []
