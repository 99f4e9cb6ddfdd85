#pragma once
// The planted truth of a synthetic case, read from its truth.json, in the
// terms the case file knows people by: source records and entity keys.
//
// Two layouts are read:
// - `casegraph synth` (generator "casegraph synth"): each person has a number
//   ("person"), nominal_refs (records of police_nominals), child_ids (entities
//   "social_care_child:<id>") and keeper_rows (records of vehicle_keepers);
//   hard negatives list the prolific offenders; truth_records.csv beside it
//   maps every person record to its person, for scoring resolution.
// - the bundled example (examples/case/generate.py): each person has a
//   nominal_ref and, for children, a child_id; no record-level truth, so
//   resolution cannot be scored on it.
// Source and key-space names are those of both generators' mapping specs.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace casegraph::evaluate {

struct RecordRef {
  std::string source;     // the mapping spec's source name
  std::string record_id;  // the source's own record id
};

struct TruthPerson {
  std::string id;  // "person:<n>" (synth) or the nominal ref / name (example)
  std::string name;
  std::vector<RecordRef> records;
  std::vector<std::string> entity_keys;  // "<key_space>:<identifier>"
};

struct TruthNetwork {
  std::string id;
  std::string evidence;
  std::vector<TruthPerson> offenders;
  std::vector<TruthPerson> victims;
};

struct Truth {
  bool synth = false;  // written by `casegraph synth`
  std::vector<TruthNetwork> networks;
  std::vector<TruthPerson> prolific_offenders;  // hard negatives (synth only)
  std::vector<TruthPerson> taxi_drivers;        // hard negatives: the firm's drivers in no network (synth only)
  std::string truth_records_file;               // relative to truth.json; empty: none
};

// Throws std::runtime_error naming the missing or mistyped field.
Truth parse_truth(const nlohmann::json& truth);

}  // namespace casegraph::evaluate
