#pragma once
// CSV files for `neo4j-admin database import full` (Neo4j 5), with typed
// headers so that numbers, flags and dates arrive as numbers, flags and dates:
//
// nodes.csv
//   entity_id:ID, :LABEL, name:string, type:string, cluster:long,
//   roles:string[], start:datetime, end:datetime, sources:string[],
//   <score>:double ... , <attribute>:string ...
//   :LABEL is "Entity;<Type>" (Entity;Person, Entity;MissingEpisode): one
//   label common to all, one per entity type, in Neo4j's UpperCamelCase.
// relationships.csv
//   :START_ID, :END_ID, :TYPE, link_id:long, link_type:string, weight:double,
//   directed:boolean, start:datetime, end:datetime, grading:string,
//   sources:string[]
//   :TYPE is the link type in Neo4j's UPPER_SNAKE_CASE (VICTIM_IN); every
//   relationship in Neo4j has a direction, so an undirected link is one
//   relationship with directed=false.
//
// Arrays use ';' (the importer's default --array-delimiter); a ';' inside a
// role or source reference would split it, and is replaced by ','. Property
// names are made of letters, digits and '_' (others become '_'); a name taken
// by an earlier column gets a "score_" or "attr_" prefix. Empty cells are
// absent properties. Values may hold line breaks (free-text circumstances), so
// the import needs --multiline-fields=true; neo4j_import_command() gives the
// whole command. The chart must outlive the returned writers.
#include <string>
#include <vector>

#include "engine/model/chart.h"
#include "exporters/export_files.h"

namespace casegraph {

std::vector<ExportFile> neo4j_files(const Chart& chart);

// "neo4j-admin database import full --id-type=integer --multiline-fields=true
//  --nodes=<nodes> --relationships=<relationships> neo4j".
std::string neo4j_import_command(const std::string& nodes_path, const std::string& relationships_path);

}  // namespace casegraph
