#pragma once
// i2 Analyst's Notebook Exchange (ANX) XML export of a chart, for Analyst's
// Notebook 8/9 (File > Open, .anx).
//
// i2 does not publish its ANX schema for download, and Analyst's Notebook is
// not available here, so the structure follows the element and attribute
// names of ANX files written by other tools and documented by their authors
// (Chart, StrengthCollection, GradeOne/Two/Three with StringCollection,
// AttributeClassCollection, EntityTypeCollection, LinkTypeCollection,
// ChartItemCollection, ChartItem, End, Entity, Icon, IconStyle, Link,
// LinkStyle, AttributeCollection, Attribute, PaletteCollection, Summary).
// Tests check that the file is well-formed XML (xmllint) and that every
// reference in it resolves; opening it in Analyst's Notebook is not tested.
//
// What is written:
// - One entity type per casegraph entity type ("Person", "Missing episode"),
//   each with an icon from i2's standard library (Person, Car, Phone, House,
//   Organisation, Case, Document, Camera, Query, General), represented as icons.
// - One link type per casegraph link type; links drawn with an arrow on the
//   head when directed, none otherwise; line width from the link weight.
// - Attribute classes: cluster (number), one number class per score measure
//   ("pagerank"), roles (text), end (time), one text class per entity
//   attribute, and weight (number) on links. Each item carries its values.
// - Grading: GradeOne is the 3x5x2 source evaluation (1 Reliable, 2 Untested,
//   3 Not reliable), GradeTwo the intelligence assessment (A-E), GradeThree the
//   handling code (P, C); graded links and graded entities (an intelligence
//   report's "grading" attribute) carry GradeOneIndex/GradeTwoIndex/
//   GradeThreeIndex.
// - Dates: an item with a start time has DateSet/TimeSet and DateTime
//   ("2025-03-14T21:05:00", UTC), so the chart's timeline shows it; the end
//   time, where there is one, is the "end" attribute.
// - Source references: SourceType is the first source's name
//   ("police_nominals"), SourceReference every "source:record_id" joined with
//   "; ", so that each item leads back to its records.
// - Entities are laid out on a grid, one block of rows per ranked cluster (in
//   rank order, icons shaded in the cluster's colour), then the rest, so that
//   the chart opens readable; i2's own layouts can then rearrange it.
// Deterministic: same chart, same bytes.
#include <ostream>

#include "engine/model/chart.h"

namespace casegraph {

void write_anx(const Chart& chart, std::ostream& out);

}  // namespace casegraph
