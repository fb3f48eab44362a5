"""An exported XLIFF file as a translator's tool hands it back: some targets filled, some attributes lost."""

from lxml import etree

from languages.xliff import NS

X = f"{{{NS}}}"


def fill(data, translations, *, without_versions=False):
    """The file with the <target> of the units named in `translations` replaced."""
    root = etree.fromstring(data)
    for unit in root.iter(f"{X}trans-unit"):
        if unit.get("id") in translations:
            unit.find(f"{X}target").text = translations[unit.get("id")]
        if without_versions:
            unit.attrib.pop("extradata", None)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def unit_id(record, field="text"):
    return f"{record._meta.label_lower}.{record.pk}.{field}"
