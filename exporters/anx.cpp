#include "exporters/anx.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "exporters/chart_style.h"
#include "exporters/text_format.h"

namespace casegraph {
namespace {

// Analyst's Notebook's own spelling of a date and time (no zone: UTC).
std::string anx_time(Timestamp t) {
  std::string s = format_time(t);
  if (!s.empty() && s.back() == 'Z') s.pop_back();
  return s;
}

// i2 colours are Windows COLORREF values: red + 256 green + 65536 blue.
long colorref(Rgb c) { return c.r + 256L * c.g + 65536L * c.b; }

// "missing_episode" -> "Missing episode".
std::string type_name(const std::string& type) {
  std::string out = type.empty() ? std::string("Entity") : type;
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

// Icons of i2's standard icon library.
const char* icon_of(const std::string& type) {
  if (type == entity_type::person) return "Person";
  if (type == entity_type::vehicle) return "Car";
  if (type == entity_type::phone) return "Phone";
  if (type == entity_type::location) return "House";
  if (type == entity_type::organisation) return "Organisation";
  if (type == entity_type::occurrence) return "Case";
  if (type == entity_type::intelligence) return "Document";
  if (type == entity_type::sighting) return "Camera";
  if (type == entity_type::missing_episode) return "Query";
  return "General";
}

class Ids {
 public:
  std::string next() { return "ID" + std::to_string(++n_); }

 private:
  long n_ = 0;
};

void set(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xml_safe(value).c_str());
}

struct AttributeClass {
  std::string id;
  std::string name;
};

// The three grading dimensions as i2 grade collections; returns the indices
// of a grading's parts, -1 where a part is not given.
struct Grades {
  static constexpr const char* one[] = {"1 Reliable", "2 Untested", "3 Not reliable"};
  static constexpr const char* two[] = {"A Known directly", "B Known indirectly, corroborated",
                                        "C Known indirectly", "D Not known", "E Suspected to be false"};
  static constexpr const char* three[] = {"P Lawful sharing permitted", "C Lawful sharing permitted with conditions"};

  static void write(pugi::xml_node chart, Ids& ids) {
    const auto collection = [&](const char* element, const auto& names) {
      pugi::xml_node strings = chart.append_child(element).append_child("StringCollection");
      for (const char* name : names) {
        pugi::xml_node s = strings.append_child("String");
        set(s, "Id", ids.next());
        set(s, "Text", name);
      }
    };
    collection("GradeOne", one);
    collection("GradeTwo", two);
    collection("GradeThree", three);
  }

  static void apply(pugi::xml_node item, const Grading& g) {
    if (g.source == 0) return;
    item.append_attribute("GradeOneIndex").set_value(g.source - '1');
    item.append_attribute("GradeTwoIndex").set_value(g.intelligence - 'A');
    if (g.handling != 0) item.append_attribute("GradeThreeIndex").set_value(g.handling == 'P' ? 0 : 1);
  }
};

void set_source_and_date(pugi::xml_node item, const std::vector<SourceRef>& sources,
                         const std::optional<Timestamp>& start) {
  if (!sources.empty()) {
    set(item, "SourceType", sources.front().source);
    std::string refs;
    for (const SourceRef& s : sources) {
      if (!refs.empty()) refs += "; ";
      refs += s.source + ":" + s.record_id;
    }
    set(item, "SourceReference", refs);
  }
  item.append_attribute("DateSet").set_value(start.has_value());
  item.append_attribute("TimeSet").set_value(start.has_value());
  if (start) set(item, "DateTime", anx_time(*start));
}

class AttributeWriter {
 public:
  explicit AttributeWriter(pugi::xml_node item) : item_(item) {}
  void add(const AttributeClass& cls, const std::string& value) {
    if (value.empty()) return;
    if (!list_) list_ = item_.append_child("AttributeCollection");
    pugi::xml_node a = list_.append_child("Attribute");
    set(a, "AttributeClass", cls.name);
    set(a, "AttributeClassReference", cls.id);
    set(a, "Value", value);
  }

 private:
  pugi::xml_node item_;
  pugi::xml_node list_;
};

}  // namespace

void write_anx(const Chart& chart, std::ostream& out) {
  const OrderedChart ordered = order_chart(chart);
  Ids ids;

  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  pugi::xml_node root = doc.append_child("Chart");
  root.append_attribute("Rigorous").set_value(false);
  root.append_attribute("IdReferenceLinking").set_value(false);

  pugi::xml_node strengths = root.append_child("StrengthCollection");
  pugi::xml_node strength = strengths.append_child("Strength");
  set(strength, "Id", ids.next());
  set(strength, "Name", "Default");
  set(strength, "DotStyle", "DotStyleSolid");

  Grades::write(root, ids);

  // Attribute classes, in the order an analyst reads them on an item.
  pugi::xml_node classes = root.append_child("AttributeClassCollection");
  std::vector<AttributeClass> all_classes;
  std::set<std::string> taken{"cluster", "roles", "end", "weight"};
  const auto declare = [&](const std::string& name, const char* type) {
    AttributeClass cls{ids.next(), name};
    pugi::xml_node c = classes.append_child("AttributeClass");
    set(c, "Id", cls.id);
    set(c, "Name", name);
    set(c, "Type", type);
    c.append_attribute("ShowValue").set_value(true);
    c.append_attribute("Visible").set_value(true);
    c.append_attribute("IsUser").set_value(true);
    c.append_attribute("UserCanAdd").set_value(true);
    c.append_attribute("UserCanRemove").set_value(true);
    all_classes.push_back(cls);
    return cls;
  };
  const AttributeClass c_cluster = declare("cluster", "AttNumber");
  std::map<std::string, AttributeClass> c_score;
  for (const std::string& m : score_measures(chart)) c_score.emplace(m, declare(free_name(taken, m, "score_"), "AttNumber"));
  const AttributeClass c_roles = declare("roles", "AttText");
  const AttributeClass c_end = declare("end", "AttTime");
  std::map<std::string, AttributeClass> c_attribute;
  for (const std::string& a : attribute_names(chart)) c_attribute.emplace(a, declare(free_name(taken, a, "attr_"), "AttText"));
  const AttributeClass c_weight = declare("weight", "AttNumber");

  // Entity and link types present in the chart.
  pugi::xml_node entity_types = root.append_child("EntityTypeCollection");
  std::map<std::string, std::string> entity_type_id;
  for (const ChartNode* n : ordered.nodes) entity_type_id.emplace(n->type, "");
  for (auto& [type, id] : entity_type_id) {
    id = ids.next();
    pugi::xml_node t = entity_types.append_child("EntityType");
    set(t, "Id", id);
    set(t, "Name", type_name(type));
    set(t, "IconFile", icon_of(type));
    set(t, "PreferredRepresentation", "RepresentAsIcon");
  }
  pugi::xml_node link_types = root.append_child("LinkTypeCollection");
  std::map<std::string, std::string> link_type_id;
  for (const ChartEdge* e : ordered.edges) link_type_id.emplace(e->type.empty() ? "link" : e->type, "");
  for (auto& [type, id] : link_type_id) {
    id = ids.next();
    pugi::xml_node t = link_types.append_child("LinkType");
    set(t, "Id", id);
    set(t, "Name", type);
  }

  // Layout: clusters in rank order, then the rest; within each block by type
  // then id, ten to a row.
  std::vector<const ChartNode*> placed = ordered.nodes;
  std::stable_sort(placed.begin(), placed.end(), [](const ChartNode* a, const ChartNode* b) {
    const std::int64_t ra = a->cluster.value_or(INT64_MAX), rb = b->cluster.value_or(INT64_MAX);
    if (ra != rb) return ra < rb;
    return a->type < b->type;
  });
  constexpr int kColumns = 10, kSpacing = 150;
  std::map<std::int64_t, std::pair<int, int>> position;
  int row = 0, column = 0;
  std::optional<std::int64_t> block;
  bool first = true;
  for (const ChartNode* n : placed) {
    if (!first && (n->cluster != block || column == kColumns)) {
      row += (n->cluster != block) ? 2 : 1;  // a blank row between clusters
      column = 0;
    }
    first = false;
    block = n->cluster;
    position[n->id] = {column * kSpacing, row * kSpacing};
    ++column;
  }

  pugi::xml_node items = root.append_child("ChartItemCollection");
  for (const ChartNode* n : ordered.nodes) {
    pugi::xml_node item = items.append_child("ChartItem");
    set(item, "Id", ids.next());
    set(item, "Label", n->label);
    const auto [x, y] = position.at(n->id);
    item.append_attribute("XPosition").set_value(x);
    set_source_and_date(item, n->sources, n->start);
    if (auto g = n->attributes.find("grading"); g != n->attributes.end()) {
      if (auto grading = parse_grading(g->second, nullptr)) Grades::apply(item, *grading);
    }
    pugi::xml_node end = item.append_child("End");
    end.append_attribute("X").set_value(x);
    end.append_attribute("Y").set_value(y);
    end.append_attribute("Z").set_value(0);
    pugi::xml_node entity = end.append_child("Entity");
    set(entity, "EntityId", "E" + std::to_string(n->id));
    set(entity, "Identity", "casegraph-" + std::to_string(n->id));
    entity.append_attribute("LabelIsIdentity").set_value(false);
    pugi::xml_node style = entity.append_child("Icon").append_child("IconStyle");
    set(style, "Type", type_name(n->type));
    if (n->cluster) style.append_attribute("IconShadingColour").set_value(colorref(cluster_colour(n->cluster)));

    AttributeWriter attributes(item);
    if (n->cluster) attributes.add(c_cluster, std::to_string(*n->cluster));
    for (const auto& [measure, value] : n->scores) {
      if (std::isfinite(value)) attributes.add(c_score.at(measure), format_double(value));
    }
    attributes.add(c_roles, join_roles(n->roles, ','));
    if (n->end) attributes.add(c_end, anx_time(*n->end));
    for (const auto& [name, value] : n->attributes) {
      if (!value.empty()) attributes.add(c_attribute.at(name), value);
    }
  }
  for (const ChartEdge* e : ordered.edges) {
    const std::string type = e->type.empty() ? "link" : e->type;
    pugi::xml_node item = items.append_child("ChartItem");
    set(item, "Id", ids.next());
    set(item, "Label", type);
    set_source_and_date(item, e->sources, e->start);
    Grades::apply(item, e->grading);
    pugi::xml_node link = item.append_child("Link");
    set(link, "End1Id", "E" + std::to_string(e->source));
    set(link, "End2Id", "E" + std::to_string(e->target));
    pugi::xml_node style = link.append_child("LinkStyle");
    set(style, "Strength", "Default");
    set(style, "ArrowStyle", e->directed ? "ArrowOnHead" : "ArrowNone");
    const double width = std::isfinite(e->weight) ? std::clamp(e->weight, 0.0, 1.0) : 0.0;
    style.append_attribute("LineWidth").set_value(1 + static_cast<int>(std::lround(width * 2)));
    set(style, "Type", type);
    set(style, "LinkTypeReference", link_type_id.at(type));
    AttributeWriter attributes(item);
    if (std::isfinite(e->weight)) attributes.add(c_weight, format_double(e->weight));
    if (e->end) attributes.add(c_end, anx_time(*e->end));
  }

  // A palette, so that analysts adding items by hand get the same classes.
  pugi::xml_node palette = root.append_child("PaletteCollection").append_child("Palette");
  set(palette, "Name", "casegraph");
  pugi::xml_node class_entries = palette.append_child("AttributeClassEntryCollection");
  for (const AttributeClass& cls : all_classes) {
    pugi::xml_node entry = class_entries.append_child("AttributeClassEntry");
    set(entry, "AttributeClass", cls.name);
    set(entry, "AttributeClassReference", cls.id);
  }
  pugi::xml_node type_entries = palette.append_child("EntityTypeEntryCollection");
  for (const auto& [type, id] : entity_type_id) {
    pugi::xml_node entry = type_entries.append_child("EntityTypeEntry");
    set(entry, "Entity", type_name(type));
    set(entry, "EntityTypeReference", id);
  }
  pugi::xml_node link_entries = palette.append_child("LinkTypeEntryCollection");
  for (const auto& [type, id] : link_type_id) {
    pugi::xml_node entry = link_entries.append_child("LinkTypeEntry");
    set(entry, "LinkType", type);
    set(entry, "LinkTypeReference", id);
  }

  pugi::xml_node fields = root.append_child("Summary").append_child("FieldCollection");
  pugi::xml_node title = fields.append_child("Field");
  set(title, "Field", "casegraph: " + chart.case_name);
  set(title, "Type", "SummaryFieldTitle");
  if (chart.run_id) {
    pugi::xml_node comment = fields.append_child("Field");
    set(comment, "Field", "Scores and clusters of analysis run " + std::to_string(*chart.run_id));
    set(comment, "Type", "SummaryFieldComments");
  }

  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
}

}  // namespace casegraph
