#pragma once
// truth.json: what was planted, for evaluating rankings and resolution. The
// engine never reads it.
//
// For every network: id, evidence strength, active window, offenders and
// victims with every source id each appears under (nominal refs, child ids,
// phone numbers, keeper rows as written), places, vehicles, the care sites it
// targets, the networks it shares an offender with, and the evidence rows
// written for it per export. Then the hard negatives (prolific offenders, the
// taxi firm, the hubs, benign runaways, large families), the noise rates
// asked for and as realised, and the row counts. The mapping from every
// person record to its true person is in truth_records.csv.
#include <filesystem>
#include <vector>

#include "engine/synth/exports.h"

namespace casegraph::synth {

void write_truth(const World& world, const std::filesystem::path& file, const std::vector<RingEvidence>& evidence,
                 const NoiseTally& tally, const std::vector<FileSummary>& files);

}  // namespace casegraph::synth
