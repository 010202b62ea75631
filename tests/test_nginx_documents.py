"""Through the production nginx recipe in front of gunicorn: a document in a private collection
is refused (at /documents/ and at /media/documents/), a public one is served, by nginx."""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bench.web import servers

ROOT = Path(__file__).resolve().parents[1]
SETUP = """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
Document = get_document_model()
root = Collection.get_first_root_node()
private = root.add_child(name="内部材料")
CollectionViewRestriction.objects.create(collection=private, restriction_type="password",
                                         password="neibu-2024")
for title, collection, body in (("公开", root, b"%PDF-1.4 public"),
                                ("内部", private, b"%PDF-1.4 secret")):
    doc = Document(title=title, collection=collection,
                   file=ContentFile(body, name=f"{'pub' if collection == root else 'sec'}.pdf"))
    doc._set_document_file_metadata()
    doc.save()
    print("DOC", doc.pk, doc.file.name)
"""


@pytest.fixture(scope="module")
def site():
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is not installed (.ci/run installs Debian's nginx)")
    # nginx workers run as an unprivileged user: the folder must be readable by them
    work = Path(tempfile.mkdtemp(prefix="gongkai-recipe-"))
    work.chmod(0o755)
    env = dict(servers.gongkai_env(work), GONGKAI_X_ACCEL="1", GONGKAI_PAGECACHE="0")
    (work / "var").mkdir()
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    # As deploy.sh: the database cache holds the publish generation the saves below bump.
    subprocess.run([*manage, "createcachetable"], cwd=ROOT, env=env, check=True)
    out = subprocess.run(
        [*manage, "shell", "-c", SETUP],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = [line.split()[1:] for line in out.splitlines() if line.startswith("DOC ")]
    docs = {"public": tuple(rows[0]), "private": tuple(rows[1])}
    for path in work.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    app_port, site_port, static_port = (servers.free_port() for _ in range(3))
    (work / "static-copy").mkdir()
    app = servers.start_gongkai(env, app_port, work)
    proxy = servers.start_nginx(work, app_port, site_port, static_port)
    try:
        base = f"http://127.0.0.1:{site_port}"
        servers.wait_until_up(f"{base}/robots.txt", timeout=240)
        yield base, docs
    finally:
        servers.stop(proxy)
        servers.stop(app)
        shutil.rmtree(work, ignore_errors=True)


def test_private_document_is_refused_and_public_one_served(site):
    base, docs = site
    pub_id, pub_file = docs["public"]
    sec_id, sec_file = docs["private"]
    status, headers, body = servers.fetch(f"{base}/documents/{pub_id}/pub.pdf")
    assert status == 200 and body == b"%PDF-1.4 public"
    assert "X-Accel-Redirect" not in headers  # consumed by nginx
    status, _, body = servers.fetch(f"{base}/documents/{sec_id}/sec.pdf")
    assert b"secret" not in body
    assert status == 200 and "password" in body.decode("utf-8", "replace").lower()  # the form
    for name in (sec_file, pub_file):
        status, _, body = servers.fetch(f"{base}/media/{name}")
        assert status == 404, name
        assert b"secret" not in body and b"public" not in body
