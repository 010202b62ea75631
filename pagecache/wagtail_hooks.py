from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Tell the page-cache middleware which page this response shows."""
    request.pagecache_page = page
