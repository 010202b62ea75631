"""Templates and model labels follow the layers of the import contract (pyproject.toml,
contract ``layers``).

A template loads tag libraries and includes or extends namespaced templates only of its own
app and of the layers below it; what a higher app adds to a lower app's page goes through a
registration hook (``{% page_extras %}``, home sections, section feeds). The site's own frame
(``base.html``, ``includes/…`` in site/templates) is the configuration every page extends.
Model labels in code ("app.Model": choosers, parent page types) follow the same order; the
home page model, which every section index hangs under, is named by the HOME_PAGE_MODEL setting.
"""

import ast
import importlib.util
import re
import tomllib
from pathlib import Path

from django.template.base import Lexer, TokenType

ROOT = Path(__file__).resolve().parent.parent


def contract_layers():
    """[[package, …], …] top to bottom, and whether each layer's packages are independent."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["id"] == "layers"]
    found = []
    for layer in layers:
        independent = "|" in layer
        names = layer.replace("|", ":").split(":")
        found.append(([name.strip() for name in names], independent))
    return found


def package_dirs():
    """{package: its folder} for every package the contract names (gongkai lives in site/)."""
    dirs = {}
    for names, _ in contract_layers():
        for name in names:
            dirs[name] = Path(importlib.util.find_spec(name).submodule_search_locations[0])
    return dirs


def owners():
    """({tag library: package}, {template namespace: package})."""
    libraries, namespaces = {}, {}
    for package, folder in package_dirs().items():
        for module in (folder / "templatetags").glob("*.py"):
            if module.stem != "__init__":
                libraries[module.stem] = package
        if (folder / "templates" / package).is_dir():
            namespaces[package] = package
    return libraries, namespaces


def allowed(own, other):
    """May a template of ``own`` use the tags or templates of ``other``?"""
    if own == other:
        return True
    place = {}
    for index, (names, independent) in enumerate(contract_layers()):
        for name in names:
            place[name] = (index, independent)
    (own_index, independent), (other_index, _) = place[own], place[other]
    return other_index > own_index or (other_index == own_index and not independent)


def uses(source):
    """(kind, name) of every tag library loaded and template included or extended."""
    found = []
    for token in Lexer(source).tokenize():
        if token.token_type != TokenType.BLOCK:
            continue
        bits = token.split_contents()
        if bits[0] == "load":
            names = bits[-1:] if "from" in bits else bits[1:]
            found += [("library", name) for name in names]
        elif bits[0] in ("include", "extends") and len(bits) > 1 and bits[1][:1] in "\"'":
            found.append(("template", bits[1].strip("\"'")))
    return found


def violations(own, source, libraries, namespaces):
    wrong = []
    for kind, name in uses(source):
        other = libraries.get(name) if kind == "library" else namespaces.get(name.split("/")[0])
        if other is not None and not allowed(own, other):
            wrong.append(f"{kind} {name} (of {other})")
    return wrong


def test_no_template_reaches_into_a_higher_or_sibling_layer():
    libraries, namespaces = owners()
    wrong = []
    for package, folder in package_dirs().items():
        for path in sorted((folder / "templates").rglob("*.html")):
            found = violations(package, path.read_text(encoding="utf-8"), libraries, namespaces)
            wrong += [f"{path.relative_to(ROOT)}: {problem}" for problem in found]
    assert wrong == []


def test_the_check_finds_a_load_from_a_higher_layer_and_accepts_lower_ones():
    libraries, namespaces = owners()
    bad = '{% load static specials_tags %}{% include "enquiries/includes/qa_item.html" %}'
    assert violations("disclosures", bad, libraries, namespaces) == [
        "library specials_tags (of specials)",
        "template enquiries/includes/qa_item.html (of enquiries)",
    ]
    sibling = '{% load disclosure_tags %}{% include "policies/includes/cite.html" %}'
    assert len(violations("portal", sibling, libraries, namespaces)) == 2
    fine = '{% load site_chrome page_extras listing_tags media_tags %}{% include "media/x.html" %}'
    assert violations("news", fine, libraries, namespaces) == []


MODEL_LABEL = re.compile(r"^([a-z]+)\.([A-Z][A-Za-z]+)$")


def model_label_violations(own, source):
    """Model labels ("app.Model") in Python code that name a higher or sibling layer's model."""
    wrong = []
    packages = {name for names, _ in contract_layers() for name in names}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = MODEL_LABEL.match(node.value)
            if match and match[1] in packages and not allowed(own, match[1]):
                wrong.append(f"line {node.lineno}: {node.value}")
    return wrong


def test_no_model_label_names_a_higher_or_sibling_layer():
    wrong = []
    for package, folder in package_dirs().items():
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(folder).parts
            if "tests" in parts or "migrations" in parts:
                continue
            found = model_label_violations(package, path.read_text(encoding="utf-8"))
            wrong += [f"{path.relative_to(ROOT)}: {problem}" for problem in found]
    assert wrong == []


def test_the_model_label_check_finds_a_label_of_a_sibling():
    source = 'parent_page_types = ["disclosures.VillagePage", "taxonomy.Topic"]'
    assert model_label_violations("portal", source) == ["line 1: disclosures.VillagePage"]
