#!/usr/bin/python3
"""Reads an i2 Analyst's Notebook ANX export with Python's XML parser and
prints, as JSON, its entities and links with their attributes, and every
reference in the file that does not resolve: a link end that names no
entity, an attribute, entity type or link type reference that names no
declared class or type, a grade index outside its grade collection, an XML
Id used twice, a DateTime that is not "YYYY-MM-DDTHH:MM:SS".

    /usr/bin/python3 tests/scripts/check_anx.py FILE.anx

i2 does not publish its ANX schema for download, so this is the check that
stands in for it: the structure a reader needs to rebuild the chart.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET


def main():
    root = ET.parse(sys.argv[1]).getroot()
    problems = []
    ids = {}
    for el in root.iter():
        if "Id" in el.attrib:
            if el.attrib["Id"] in ids:
                problems.append(f"Id {el.attrib['Id']} used twice")
            ids[el.attrib["Id"]] = el.tag
    classes = {c.get("Id"): c.attrib for c in root.iter("AttributeClass")}
    class_by_name = {c["Name"]: c for c in classes.values()}
    entity_types = {t.get("Name"): t.attrib for t in root.iter("EntityType")}
    link_types = {t.get("Id"): t.get("Name") for t in root.iter("LinkType")}
    grades = {}
    for name in ("GradeOne", "GradeTwo", "GradeThree"):
        el = root.find(name)
        grades[name] = [s.get("Text") for s in el.iter("String")] if el is not None else []
    stamp = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")

    def item_common(item):
        attrs = {}
        for a in item.iter("Attribute"):
            ref = a.get("AttributeClassReference")
            if ref not in classes:
                problems.append(f"attribute class reference {ref} undeclared")
                continue
            if classes[ref]["Name"] != a.get("AttributeClass"):
                problems.append(f"attribute class {a.get('AttributeClass')} does not match {ref}")
            value = a.get("Value")
            kind = classes[ref]["Type"]
            if kind == "AttNumber":
                value = float(value)
            elif kind == "AttTime" and not stamp.match(value):
                problems.append(f"time attribute {value!r}")
            attrs[classes[ref]["Name"]] = value
        out = {"label": item.get("Label"), "attributes": attrs,
               "source_type": item.get("SourceType"), "source_reference": item.get("SourceReference"),
               "date_set": item.get("DateSet"), "date_time": item.get("DateTime")}
        if item.get("DateSet") == "true" and not stamp.match(item.get("DateTime", "")):
            problems.append(f"DateTime {item.get('DateTime')!r}")
        grade = []
        for name, key in (("GradeOne", "GradeOneIndex"), ("GradeTwo", "GradeTwoIndex"), ("GradeThree", "GradeThreeIndex")):
            if key in item.attrib:
                index = int(item.get(key))
                if not 0 <= index < len(grades[name]):
                    problems.append(f"{key} {index} outside {name}")
                else:
                    grade.append(grades[name][index].split(" ")[0])
        out["grade"] = "".join(grade)
        return out

    entities, links = {}, []
    for item in root.find("ChartItemCollection"):
        end, link = item.find("End"), item.find("Link")
        if end is not None:
            entity = end.find("Entity")
            style = entity.find("Icon/IconStyle")
            if style.get("Type") not in entity_types:
                problems.append(f"entity type {style.get('Type')} undeclared")
            record = item_common(item)
            record["type"] = style.get("Type")
            record["icon"] = entity_types.get(style.get("Type"), {}).get("IconFile")
            record["shading"] = style.get("IconShadingColour")
            record["identity"] = entity.get("Identity")
            entities[entity.get("EntityId")] = record
        elif link is not None:
            style = link.find("LinkStyle")
            if link_types.get(style.get("LinkTypeReference")) != style.get("Type"):
                problems.append(f"link type {style.get('Type')} / {style.get('LinkTypeReference')} undeclared")
            record = item_common(item)
            record.update({"end1": link.get("End1Id"), "end2": link.get("End2Id"), "type": style.get("Type"),
                           "arrow": style.get("ArrowStyle")})
            links.append(record)
        else:
            problems.append("chart item with neither End nor Link")
    for l in links:
        for end in (l["end1"], l["end2"]):
            if end not in entities:
                problems.append(f"link end {end} names no entity")
    json.dump({"entities": entities, "links": links, "problems": problems,
               "entity_types": entity_types, "attribute_classes": sorted(class_by_name),
               "grades": grades}, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
