"""A photographer's page: every published photo credited to them."""

from django.core.paginator import Paginator
from django.db.models import ForeignObjectRel
from django.http import Http404
from django.shortcuts import redirect, render
from wagtail.models import Page

from listings.paging import page_of

from .models import CreditedImage, PhotoFeaturePage

PER_PAGE = 24


def lead_image_pages(credit):
    """Live pages of any app whose lead image (a ``lead_image`` key to CreditedImage) is
    credited to ``credit``, found from the image model's relations, not by naming the apps."""
    pages = []
    relations = [
        rel
        for rel in CreditedImage._meta.get_fields(include_hidden=True)
        if isinstance(rel, ForeignObjectRel)
        and rel.field.name == "lead_image"
        and issubclass(rel.related_model, Page)
    ]
    for rel in sorted(relations, key=lambda rel: rel.related_model._meta.label):
        pages += rel.related_model.objects.live().public().filter(lead_image__credit=credit)
    return pages


def photographer_by_name(request, name):
    """An older link by name: redirect to the page keyed by an image id."""
    image = CreditedImage.objects.filter(credit=name.strip()).order_by("pk").first()
    if image is None:
        raise Http404("没有这位摄影者的作品")
    return redirect(image.photographer_url, permanent=True)


def photographer(request, pk):
    """Photo features and photos credited to the photographer of image `pk` (“name 摄”)."""
    image = CreditedImage.objects.filter(pk=pk).exclude(credit="").first()
    if image is None:
        raise Http404("没有这位摄影者的作品")
    name = image.credit
    features = (
        PhotoFeaturePage.objects.live()
        .public()
        .filter(photos__image__credit=name)
        .distinct()
        .order_by("-date", "-pk")
    )
    if not features.exists() and not CreditedImage.objects.filter(credit=name).exists():
        raise Http404("没有这位摄影者的作品")
    articles = sorted(lead_image_pages(name), key=lambda page: page.date, reverse=True)
    items, notes = page_of(Paginator(features, PER_PAGE), request.GET.get("page"))
    return render(
        request,
        "media/photographer.html",
        {
            "photographer": name,
            "items": items,
            "notes": notes,
            "articles": articles,
            "credit_line": f"{name} 摄",
        },
    )
