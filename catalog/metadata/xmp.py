"""XMP packets, parsed safely (defusedxml: no DTDs, no entities, no network) into plain Python values.

Properties are keyed "prefix:Name" with our own prefix for each known namespace URI, whatever prefix the
file used. Values are ``str`` for simple properties, ``list`` for rdf:Bag/rdf:Seq, ``LangAlt`` (an ordered
dict language -> text) for rdf:Alt, and ``dict`` for structures. Both RDF forms read the same::

    <rdf:Description photoshop:City="Hefei"/>
    <rdf:Description><photoshop:City>Hefei</photoshop:City></rdf:Description>
    -> {"photoshop:City": "Hefei"}

    <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Crowd</rdf:li><rdf:li xml:lang="de">Menge</rdf:li>
    -> {"dc:description": LangAlt({"x-default": "Crowd", "de": "Menge"})}
"""

from __future__ import annotations

import codecs
import functools
from typing import Any
from xml.etree import ElementTree

import defusedxml
import defusedxml.ElementTree as SafeElementTree

from catalog.metadata.text import decode_cp1252
from catalog.patterns import compiled

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RDF_DESCRIPTION, RDF_LI, RDF_VALUE = f"{{{RDF}}}Description", f"{{{RDF}}}li", f"{{{RDF}}}value"
RDF_BAG, RDF_SEQ, RDF_ALT = f"{{{RDF}}}Bag", f"{{{RDF}}}Seq", f"{{{RDF}}}Alt"
RDF_RESOURCE, RDF_PARSE_TYPE = f"{{{RDF}}}resource", f"{{{RDF}}}parseType"
#: RDF syntax attributes, never properties.
RDF_SYNTAX = {f"{{{RDF}}}{n}" for n in ("about", "ID", "nodeID", "parseType", "resource", "datatype")} | {
    XML_LANG
}

#: Our prefix for each namespace URI we read.
NAMESPACES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://ns.useplus.org/ldf/xmp/1.0/": "plus",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xmp/note/": "xmpNote",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    RDF: "rdf",
}
PACKET_END = compiled(rb"<\?xpacket\s+end\s*=\s*['\"][rw]?['\"]\s*\?>")
CONTROL_BYTES = compiled(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XML_DECLARATION = compiled(r"^\s*<\?xml[^>]*\?>")


class LangAlt(dict):
    """An rdf:Alt language alternative: language -> text, in file order."""

    def default(self) -> str | None:
        """The x-default text, else the first one."""
        if "x-default" in self:
            return self["x-default"]
        return next(iter(self.values()), None)


def parse_xmp(data: bytes, warnings: list[str], label: str = "XMP") -> dict[str, Any]:
    """Parse one XMP packet (UTF-8, -16 or -32) into {"prefix:Name": value}; {} when it cannot be read."""
    packet = _as_utf8(data, warnings, label)
    if packet is None:
        return {}
    root: ElementTree.Element | None
    try:
        root = _parse(packet)
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        warnings.append(f"{label}: the packet declares a DTD or entities; ignored for safety")
        return {}
    except ElementTree.ParseError as error:
        root = _repair(packet, warnings, label)
        if root is None:
            warnings.append(f"{label}: the packet is not well-formed XML ({error}); ignored")
            return {}
    properties: dict[str, Any] = {}
    rdf = root if root.tag == f"{{{RDF}}}RDF" else root.find(f".//{{{RDF}}}RDF")
    if rdf is None:
        warnings.append(f"{label}: the packet has no rdf:RDF element; ignored")
        return {}
    for description in rdf:
        if description.tag == RDF_DESCRIPTION:
            for key, value in _fields(description).items():
                properties.setdefault(key, value)
    return properties


def _repair(packet: bytes, warnings: list[str], label: str) -> ElementTree.Element | None:
    """Retry a packet that is not well-formed: without control bytes XML forbids, then as cp1252 text."""
    cleaned = CONTROL_BYTES.sub(b"", packet)
    attempts = []
    if cleaned != packet:
        attempts.append((cleaned, "contains bytes XML forbids (removed)"))
    attempts.append((decode_cp1252(cleaned).encode("utf-8"), "is not valid UTF-8 (read as cp1252)"))
    for candidate, problem in attempts:
        try:
            root = _parse(candidate)
        except (ElementTree.ParseError, defusedxml.DefusedXmlException):
            continue
        warnings.append(f"{label}: the packet {problem}")
        return root
    return None


def _parse(packet: bytes) -> ElementTree.Element:
    """The packet's tree, with DTDs forbidden outright, so no entity can ever be declared or expanded.

    A packet with no DOCTYPE is parsed by ElementTree's C parser: without a DTD, expat knows only the five
    predefined entities and character references, so there is nothing to expand and nothing external to
    fetch. That is every real XMP packet, at twice the speed of defusedxml's parser, whose handlers run in
    Python. The byte test is exact because expat reads no encoding that spells "<!DOCTYPE" otherwise: it
    refuses multi-byte and unknown ones (a packet declared EBCDIC is refused, see the tests). A DOCTYPE goes
    to defusedxml, which refuses it.
    """
    if b"<!DOCTYPE" not in packet:
        return ElementTree.fromstring(packet)
    return SafeElementTree.fromstring(packet, forbid_dtd=True, forbid_entities=True, forbid_external=True)


def _as_utf8(data: bytes, warnings: list[str], label: str) -> bytes | None:
    """The packet as UTF-8 bytes, from its first '<' to the end of its xpacket trailer."""
    encoding = _sniff_encoding(data)
    if encoding != "utf-8":
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            warnings.append(f"{label}: the {encoding} packet cannot be decoded; ignored")
            return None
        data = XML_DECLARATION.sub("", text.lstrip("\ufeff")).encode("utf-8")
    elif data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    start = data.find(b"<")
    if start < 0:
        warnings.append(f"{label}: the packet holds no XML; ignored")
        return None
    trailer = data.rfind(b"<?xpacket", start)
    end_match = PACKET_END.match(data, trailer) if trailer > start else None
    if end_match:  # the trailer and the padding before it (kilobytes of spaces) are not XML worth parsing
        return data[start:trailer].rstrip()
    return data[start:data.rfind(b">") + 1]


def _sniff_encoding(data: bytes) -> str:
    """UTF-8, UTF-16 or UTF-32 from a byte-order mark or the NUL pattern around the first '<'."""
    head = data[:4]
    if head.startswith((codecs.BOM_UTF32_BE, codecs.BOM_UTF32_LE)) and len(data) % 4 == 0:
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE)):
        return "utf-16"
    if head == b"\0\0\0<":
        return "utf-32-be"
    if head == b"<\0\0\0":
        return "utf-32-le"
    if head[:2] == b"\0<":
        return "utf-16-be"
    if head[:2] == b"<\0":
        return "utf-16-le"
    return "utf-8"


@functools.lru_cache(maxsize=1024)  # a photo's packets hold the same few dozen tags as the last photo's
def _key(tag: str) -> str:
    """'{http://purl.org/dc/elements/1.1/}creator' -> 'dc:creator'."""
    if tag.startswith("{"):
        uri, _, name = tag[1:].partition("}")
        prefix = NAMESPACES.get(uri)
        return f"{prefix}:{name}" if prefix else tag
    return tag


#: Structures nest a few levels deep in real XMP; deeper nesting is cut off.
MAX_DEPTH = 24


def _fields(node: ElementTree.Element, depth: int = 0) -> dict[str, Any]:
    """The properties of a description or structure node: its attributes and its child elements."""
    found: dict[str, Any] = {}
    for name, value in node.attrib.items():
        if name not in RDF_SYNTAX:
            found.setdefault(_key(name), value)
    if depth > MAX_DEPTH:
        return found
    for child in node:
        found.setdefault(_key(child.tag), _value(child, depth + 1))
    return found


def _value(element: ElementTree.Element, depth: int = 0) -> Any:
    """The value of one property element: text, array, language alternative or structure."""
    resource = element.get(RDF_RESOURCE)
    if resource is not None:
        return resource
    parse_type = element.get(RDF_PARSE_TYPE)
    if parse_type == "Literal":
        return "".join(element.itertext())
    children = list(element)
    if parse_type == "Resource":
        return _qualified(_fields(element, depth))
    if not children:
        if element.attrib and any(name not in RDF_SYNTAX for name in element.attrib):
            return _qualified(_fields(element, depth))
        return element.text or ""
    first = children[0]
    if first.tag in (RDF_BAG, RDF_SEQ):
        return [_value(item, depth + 1) for item in first if item.tag == RDF_LI]
    if first.tag == RDF_ALT:
        alternatives = LangAlt()
        for item in first:
            if item.tag == RDF_LI:
                alternatives.setdefault(item.get(XML_LANG, "x-default"), _text_of(_value(item, depth + 1)))
        return alternatives
    if first.tag == RDF_DESCRIPTION:
        return _qualified(_fields(first, depth + 1))
    return _qualified(_fields(element, depth))


def _qualified(structure: dict[str, Any]) -> Any:
    """A structure carrying rdf:value is a qualified simple value: keep the value, drop the qualifiers."""
    return structure.get("rdf:value", structure)


def _text_of(value: Any) -> str:
    """A language-alternative item is text; anything else becomes the empty string."""
    return value if isinstance(value, str) else ""


def text(value: Any) -> str | None:
    """A property as one trimmed string: x-default of an Alt, the first item of an array; None when blank."""
    if isinstance(value, LangAlt):
        value = value.default()
    elif isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    return value.strip() or None


def texts(value: Any) -> list[str]:
    """A property as a list of trimmed, non-blank strings (an array's items, or a single value)."""
    items = value if isinstance(value, list) else [text(value)]
    return [item.strip() for item in items if isinstance(item, str) and item.strip()]


def alternatives(value: Any) -> dict[str, str]:
    """The languages of an Alt other than x-default (and other than the one used as the default)."""
    if not isinstance(value, LangAlt) or len(value) < 2:
        return {}
    default = value.default()
    chosen = "x-default" if "x-default" in value else next(iter(value))
    return {lang: t.strip() for lang, t in value.items() if lang != chosen and t.strip() and t != default}


def merge_extended(main: dict[str, Any], extension: dict[str, Any]) -> None:
    """Add the properties of an ExtendedXMP packet to the main one (the main packet wins on clashes)."""
    for key, value in extension.items():
        main.setdefault(key, value)
