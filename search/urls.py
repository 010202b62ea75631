"""Routes of the search app outside the page tree."""

urlpatterns = []
