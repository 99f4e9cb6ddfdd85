#pragma once
// Builds the format-neutral Chart (engine/model/chart.h) that exporters write,
// from the case file and one analysis run.
#include <optional>

#include "cli/case_data.h"
#include "engine/model/chart.h"

namespace casegraph::cli {

// The whole case as one chart: every identity a node, every link an edge,
// with the run's scores, cluster ranks and roles where a run is given.
// `data` by value: the chart's edges take the links' strings over, so a
// caller done with the case moves it in rather than holding two copies.
Chart build_chart(const CaseFile& file, CaseData data, const std::optional<RunRow>& run);

}  // namespace casegraph::cli
