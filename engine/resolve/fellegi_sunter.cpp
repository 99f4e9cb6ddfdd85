#include "engine/resolve/fellegi_sunter.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace casegraph::resolve {
namespace {

void normalise(std::vector<double>& shares, double floor) {
  double total = 0;
  for (std::size_t l = 1; l < shares.size(); ++l) total += shares[l];
  for (std::size_t l = 1; l < shares.size(); ++l)
    shares[l] = total > 0 ? std::max(shares[l] / total, floor) : 1.0 / static_cast<double>(shares.size() - 1);
  total = 0;
  for (std::size_t l = 1; l < shares.size(); ++l) total += shares[l];
  for (std::size_t l = 1; l < shares.size(); ++l) shares[l] /= total;
}

// A generic start for m: agreement likely, each weaker level a quarter as
// likely as the one before. EM moves it; the start only chooses which of the
// mixture's two classes is called "match".
std::vector<double> generic_m(std::uint8_t levels) {
  std::vector<double> m(levels, 0.0);
  double share = 1.0;
  for (std::size_t l = 1; l < levels; ++l, share *= 0.25) m[l] = share;
  normalise(m, 0);
  return m;
}

}  // namespace

double FellegiSunterModel::level_weight(std::size_t field, std::uint8_t level) const {
  if (level == 0) return 0;
  return std::log2(m[field][level] / u[field][level]);
}

double FellegiSunterModel::weight(const std::uint8_t* levels) const {
  double w = 0;
  for (std::size_t f = 0; f < level_counts.size(); ++f) w += level_weight(f, levels[f]);
  return w;
}

double FellegiSunterModel::prior_log2_odds() const { return std::log2(match_share / (1.0 - match_share)); }

double FellegiSunterModel::probability(double w) const {
  return 1.0 / (1.0 + std::exp2(-(prior_log2_odds() + w)));
}

std::vector<std::vector<double>> level_shares(const std::vector<std::uint8_t>& level_counts,
                                              const std::vector<Pattern>& patterns, double floor) {
  std::vector<std::vector<double>> shares(level_counts.size());
  for (std::size_t f = 0; f < level_counts.size(); ++f) shares[f].assign(level_counts[f], 0.0);
  for (const Pattern& p : patterns)
    for (std::size_t f = 0; f < level_counts.size(); ++f)
      if (p.levels[f] != 0) shares[f][p.levels[f]] += p.count;
  for (auto& s : shares) normalise(s, floor);
  return shares;
}

FellegiSunterModel estimate_em(const std::vector<std::uint8_t>& level_counts, const std::vector<Pattern>& patterns,
                               const std::vector<std::vector<double>>& initial_u, const EmOptions& options) {
  const std::size_t fields = level_counts.size();
  if (initial_u.size() != fields) throw std::invalid_argument("estimate_em: u has the wrong number of fields");
  FellegiSunterModel model;
  model.level_counts = level_counts;
  model.u = initial_u;
  model.m.resize(fields);
  auto m_is_fixed = [&](std::size_t f) { return f < options.fixed_m.size() && !options.fixed_m[f].empty(); };
  for (std::size_t f = 0; f < fields; ++f) model.m[f] = m_is_fixed(f) ? options.fixed_m[f] : generic_m(level_counts[f]);
  model.match_share = std::min(options.initial_match_share, options.max_match_share);

  double total = 0;
  for (const Pattern& p : patterns) total += p.count;
  if (total <= 0) return model;

  std::vector<double> posterior(patterns.size());
  for (model.iterations = 1; model.iterations <= options.max_iterations; ++model.iterations) {
    // E step: each pattern's probability of being a match. Products in logs:
    // twelve small probabilities multiply below what a double keeps well.
    const double log_prior_m = std::log(model.match_share), log_prior_u = std::log(1.0 - model.match_share);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      double lm = log_prior_m, lu = log_prior_u;
      for (std::size_t f = 0; f < fields; ++f) {
        const std::uint8_t l = patterns[i].levels[f];
        if (l == 0) continue;
        lm += std::log(model.m[f][l]);
        lu += std::log(model.u[f][l]);
      }
      posterior[i] = 1.0 / (1.0 + std::exp(lu - lm));
    }
    // M step: shares weighted by the posteriors.
    std::vector<std::vector<double>> m(fields), u(fields);
    for (std::size_t f = 0; f < fields; ++f) {
      m[f].assign(level_counts[f], 0.0);
      u[f].assign(level_counts[f], 0.0);
    }
    double matches = 0;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      const double wm = posterior[i] * patterns[i].count, wu = (1.0 - posterior[i]) * patterns[i].count;
      matches += wm;
      for (std::size_t f = 0; f < fields; ++f) {
        const std::uint8_t l = patterns[i].levels[f];
        if (l == 0) continue;
        m[f][l] += wm;
        u[f][l] += wu;
      }
    }
    double change = 0;
    const double m_floor =
        options.m_floor_from_matches && matches > 0 ? std::max(options.floor, 0.5 / matches) : options.floor;
    for (std::size_t f = 0; f < fields; ++f) {
      normalise(m[f], m_floor);
      normalise(u[f], options.floor);
      for (std::size_t l = 1; l < level_counts[f]; ++l) {
        if (!m_is_fixed(f)) change = std::max(change, std::abs(m[f][l] - model.m[f][l]));
        if (options.estimate_u) change = std::max(change, std::abs(u[f][l] - model.u[f][l]));
      }
      if (!m_is_fixed(f)) model.m[f] = std::move(m[f]);
      if (options.estimate_u) model.u[f] = std::move(u[f]);
    }
    const double share =
        std::clamp(matches / total, options.floor, std::min(options.max_match_share, 1.0 - options.floor));
    if (!options.fixed_match_share) {
      change = std::max(change, std::abs(share - model.match_share));
      model.match_share = share;
    }
    if (change < options.tolerance) {
      model.converged = true;
      break;
    }
  }
  model.iterations = std::min(model.iterations, options.max_iterations);
  return model;
}

}  // namespace casegraph::resolve
