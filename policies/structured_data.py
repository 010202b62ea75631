"""schema.org ``Legislation`` properties of a policy document (siteidentity.seo adds them to
its JSON-LD)."""

LEGAL_FORCE = {"有效": "InForce", "已废止": "NotInForce", "已失效": "NotInForce"}


def _iso(value):
    return value.isoformat() if value else None


def legislation_data(page):
    """Document number, type, dates, legal force, jurisdiction, issuers and topics."""
    data = {
        "legislationIdentifier": page.doc_number or None,
        "legislationType": page.doc_type or None,
        "legislationDate": _iso(page.written_date),
        "datePublished": _iso(page.published_date),
        "expires": _iso(page.expiry_date),
        # Today's validity by policies.validity's one rule (dated amendments and repeals).
        "legislationLegalForce": LEGAL_FORCE.get(page.current_validity or page.validity),
    }
    if page.region:
        data["legislationJurisdiction"] = str(page.region)
    data["legislationPassedBy"] = [
        {"@type": "GovernmentOrganization", "name": str(a)} for a in page.shown_authorities
    ] or None
    data["keywords"] = [str(t) for t in page.shown_topics] or None
    return data
