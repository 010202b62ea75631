"""Originals stay public and checked (#25, item 4).

- A document uploaded into a village's attachments folder (below 四务公开附件) is a draft's
  file until a disclosure that attaches it is published: it is not listed in the API and not
  served to anyone who cannot handle documents of that folder.
- Once it is a published original, its folder (or any folder above) cannot be made private:
  the refusal is raised on the save of the view restriction, whatever route makes it.
- ``original_problems`` names every published original the public cannot fetch, for
  ``verify_disclosures`` (a restriction written straight into the database, a missing file).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from .accountability import ATTACHMENTS_ROOT
from .documents import on_record, recorded_file_hashes

PRIVACY_REFUSED = (
    "文件夹“{name}”中有已发布四务公开的原件（如《{title}》），不能设置访问限制："
    "已发布的原件必须始终对所有人可以下载。如确需设为私密，请先把其他文件移到别的文件夹；"
    "原件如需更正，请上传新文件并在该公开中更正后发布。"
)
DRAFT_FILE = "该文件尚未随四务公开发布，暂不公开。"


def attachments_root():
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    return root.get_children().filter(name=ATTACHMENTS_ROOT).first() if root else None


def _folder_q():
    root = attachments_root()
    if root is None:
        return None
    return Q(collection__path__startswith=root.path)


def published_original_ids():
    from .models import DisclosureAttachment

    return DisclosureAttachment.objects.filter(page__versions__isnull=False).values("document_id")


def public_documents(queryset):
    """The documents the public may see: drafts' files in village folders are left out."""
    folder = _folder_q()
    if folder is None:
        return queryset
    published = Q(pk__in=published_original_ids()) | Q(file_hash__in=recorded_file_hashes())
    return queryset.exclude(folder & ~published)


def is_draft_file(document):
    root = attachments_root()
    if root is None or document.collection_id is None:
        return False
    in_folder = document.collection.path.startswith(root.path)
    return in_folder and not on_record(document)


def may_handle(user, document):
    from wagtail.documents import get_document_model
    from wagtail.permissions import policy_registry

    if not user.is_authenticated:
        return False
    return policy_registry.get_by_type(get_document_model()).user_has_any_permission_for_instance(
        user, ["change", "choose"], document
    )


def refuse_draft_download(document, request):
    """before_serve_document: a draft's file is served to the village's staff only."""
    if is_draft_file(document) and not may_handle(request.user, document):
        raise Http404(DRAFT_FILE)


def collection_privacy_refusal(collection):
    """Why a view restriction on ``collection`` is refused, or ""."""
    from wagtail.documents import get_document_model

    if collection is None or collection.pk is None:
        return ""
    documents = get_document_model().objects.filter(collection__path__startswith=collection.path)
    published = documents.filter(
        Q(pk__in=published_original_ids()) | Q(file_hash__in=recorded_file_hashes())
    ).first()
    if published is None:
        return ""
    return PRIVACY_REFUSED.format(name=collection.name, title=published.title)


def refuse_collection_restriction(sender, instance, raw=False, **kwargs):
    """pre_save of CollectionViewRestriction."""
    if raw:
        return
    message = collection_privacy_refusal(instance.collection)
    if message:
        raise PermissionDenied(message)


def original_problems(page):
    """Published originals of ``page`` that the public cannot download, in Chinese."""
    problems = []
    for attachment in page.attachments.select_related("document__collection"):
        collection = attachment.document.collection
        for restriction in collection.get_view_restrictions().select_related("collection"):
            problems.append(
                f"原件《{attachment.label}》所在的文件夹“{restriction.collection.name}”设置了"
                f"访问限制（{restriction.get_restriction_type_display()}），公众无法下载"
            )
    return problems
