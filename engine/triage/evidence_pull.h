#pragma once
// People follow their evidence: after community detection (and the split of
// large communities), a person whose evidence ties (evidence_ties.h) weigh
// more towards another community than towards their own moves there.
//
// Why: communities are found on evidence ties plus the projection's
// background, and Leiden's resolution and the split of large communities cut
// where the background is thin, not where the evidence is. A child whose
// only exploitation evidence (calls before her missing episodes, night-time
// calls) ties her to two adults, but whose household and school tie her to
// forty people, lands with those forty; an
// offender who contacts three children of one ring lands with his own
// family. An analyst asks who the evidence says she was with.
//
// Only the ties given move anybody (analysis.cpp passes the adult-child
// calls alone, before missing episodes and at night: with co-presence too,
// the taxi firm's drivers followed the children), so people with none stay
// where detection put them. Moves happen in vertex order, a few rounds,
// a move only when the other community's weight is strictly greater:
// deterministic.
#include <cstdint>
#include <vector>

#include "engine/graph/csr_graph.h"

namespace casegraph {

// `membership[v]` is v's community; `evidence` has the same vertices. Returns
// the membership after moves (community numbers kept; some may empty).
// A move never makes a community larger than `max_size` (0 = no limit): an
// analyst reviews a ring, not a town, and without the limit chains of
// ordinary night-time calls gather hundreds.
std::vector<std::uint32_t> follow_evidence(const CsrGraph& evidence, std::vector<std::uint32_t> membership,
                                           int rounds, std::uint32_t max_size);

}  // namespace casegraph
