"""Routes of the policies app outside the page tree."""

urlpatterns = []
