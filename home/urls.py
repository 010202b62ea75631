"""Routes of the home app outside the page tree."""

urlpatterns = []
