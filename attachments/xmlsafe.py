"""XML from inside attachments, parsed safely: no DTD, no entities, element by element."""

from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .text import ExtractionError


def xml_events(member):
    """(local tag name, element) at the end of each element, parsed safely (no DTD)."""
    try:
        for _event, element in iterparse(member, events=("end",), forbid_dtd=True):
            yield element.tag.rsplit("}", 1)[-1], element
    except (ParseError, DefusedXmlException) as exc:
        raise ExtractionError("文件中的 XML 已损坏或含有不安全的内容，无法读取。") from exc
