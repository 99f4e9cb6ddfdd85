#pragma once
// Deterministic random numbers for the synthetic case generator.
//
// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014; Vigna's reference code), not std::mt19937_64: the
// generator derives a separate stream for every (purpose, entity, month) so
// that a month of calls or camera reads can be generated on its own, in
// bounded memory and in any order, and it seeds tens of millions of such
// streams. An mt19937_64 holds 2.5 KB of state and costs about a microsecond
// to seed; SplitMix64 is one 64-bit word, seeds for free and passes BigCrush.
//
// The distributions are written here too rather than taken from <random>: the
// standard fixes the engines' output but not the distributions' algorithms, so
// std::uniform_int_distribution may give other numbers with another standard
// library, and the same seed must give the same bytes.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>

namespace casegraph::synth {

// SplitMix64's output function: a bijective 64-bit mixer.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A hash of a seed and keys, order-sensitive.
constexpr std::uint64_t hash_keys(std::uint64_t seed, std::initializer_list<std::uint64_t> keys) {
  std::uint64_t h = mix64(seed);
  for (std::uint64_t k : keys) h = mix64(h ^ mix64(k + 0x632be59bd9b4e019ULL));
  return h;
}

// e^-x for x >= 0 with + - * / only (a Taylor series on x / 2^k, squared k
// times), not std::exp: libm's last bit differs between platforms, and a
// Poisson count that flipped would change every byte after it.
constexpr double exp_neg(double x) {
  int halvings = 0;
  while (x > 0.5) {
    x *= 0.5;
    ++halvings;
  }
  double term = 1, sum = 1;
  for (int i = 1; i < 20; ++i) {
    term *= -x / i;
    sum += term;
  }
  while (halvings-- > 0) sum *= sum;
  return sum;
}

// A uniform number in [0, 1) from a hash, for one-off decisions ("is this
// child's name spelt differently by children's services?") that must come out
// the same wherever they are asked.
constexpr double unit_of(std::uint64_t h) { return static_cast<double>(h >> 11) * 0x1.0p-53; }

// What a stream is for: every purpose draws from its own streams, so adding
// draws to one part of the generator never changes another part's output.
enum class Purpose : std::uint64_t {
  households = 1,
  sites,
  vehicles,
  phones,
  cameras,
  roles,
  ring,
  runaway,
  nominals,
  child_ids,
  names,
  surname,
  noise,
  format,
  calls,
  reads,
  episodes,
  occurrences,
  prolific,
  intelligence,
  friends,
  taxi,
};

class Rng {
 public:
  explicit Rng(std::uint64_t state) : state_(state) {}

  // An independent stream for `purpose` and up to three keys.
  static Rng stream(std::uint64_t seed, Purpose purpose, std::uint64_t a = 0, std::uint64_t b = 0,
                    std::uint64_t c = 0) {
    return Rng(hash_keys(seed, {static_cast<std::uint64_t>(purpose), a, b, c}));
  }

  std::uint64_t next() {
    const std::uint64_t z = state_;
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(z);
  }

  // Uniform in [0, n) for n < 2^32: Lemire's multiply-shift on 32 random bits.
  // The bias is below n / 2^32, far under anything the data could show.
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }
  std::size_t index(std::size_t n) { return below(static_cast<std::uint32_t>(n)); }

  // Uniform in [lo, hi], both included (hi - lo < 2^32).
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint32_t>(hi - lo + 1)));
  }
  int between_int(int lo, int hi) { return static_cast<int>(between(lo, hi)); }

  double uniform() { return unit_of(next()); }
  bool chance(double p) { return uniform() < p; }

  // An index drawn with the given (non-negative, not all zero) weights.
  std::size_t weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }
  std::size_t weighted(std::initializer_list<double> weights) {
    return weighted(std::span<const double>(weights.begin(), weights.size()));
  }

  // Poisson by Knuth's multiplication method, in chunks of mean 100 so that
  // exp(-mean) never underflows. Fine for the small means used here.
  int poisson(double mean) {
    int n = 0;
    while (mean > 100) {
      n += poisson_small(100);
      mean -= 100;
    }
    return n + poisson_small(mean);
  }

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[index(items.size())];
  }

 private:
  int poisson_small(double mean) {
    if (mean <= 0) return 0;
    const double limit = exp_neg(mean);
    double p = uniform();
    int k = 0;
    while (p > limit) {
      ++k;
      p *= uniform();
    }
    return k;
  }

  std::uint64_t state_;
};

// A bijection of [0, n) for scattering sequential numbers (nominal refs, phone
// numbers, VRMs) so that they look issued at random yet never collide:
// i -> (a * i + b) mod n with a coprime to n; n below 2^32.
struct AffinePermutation {
  std::uint64_t n = 1, a = 1, b = 0;
  AffinePermutation() = default;
  AffinePermutation(std::uint64_t size, std::uint64_t seed) : n(size) {
    std::uint64_t h = mix64(seed ^ size);
    b = h % n;
    a = (mix64(h) % n) | 1;
    while (gcd(a, n) != 1) a += 2;
    a %= n;
    if (a == 0) a = 1;
  }
  // n < 2^32 (every use is), so a * i + b fits in 64 bits.
  std::uint64_t operator()(std::uint64_t i) const { return (a * i + b) % n; }

 private:
  static std::uint64_t gcd(std::uint64_t x, std::uint64_t y) {
    while (y != 0) {
      const std::uint64_t t = x % y;
      x = y;
      y = t;
    }
    return x;
  }
};

}  // namespace casegraph::synth
