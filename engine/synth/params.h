#pragma once
// What `casegraph synth` is asked for: population size, seed, planted
// networks, identity-noise rates and background volumes. Defaults are the
// documented behaviour; tests lower the volumes to keep imports quick.
#include <cstdint>
#include <functional>
#include <string_view>

namespace casegraph::synth {

// Identity noise between agencies, as shares of the records concerned.
struct NoiseRates {
  double social_care_name = 0.12;    // children whose children's-services spelling differs from the police one
  double keeper_name = 0.05;         // keeper rows whose spelling differs from the police one
  double nominal_duplicate = 0.02;   // nominals recorded twice on the police index, under another spelling
  double dob_swap = 0.02;            // social-care and keeper dates of birth with day and month swapped
  double police_dob_missing = 0.03;  // nominals with no date of birth
};

// Background volumes over the 36-month period.
struct Volumes {
  double calls_per_phone = 60;          // ordinary calls made by each phone
  double reads_per_vehicle = 30;        // ordinary ANPR reads of each vehicle
  double occurrences_per_person = 0.09;  // ordinary police occurrences (not counting prolific offenders')
};

struct SynthProgress {
  std::string_view stage;  // "population", "networks", or the file being written
  std::uint64_t done = 0;  // steps of this stage done
  std::uint64_t total = 0;
};

struct SynthParams {
  std::uint64_t people = 10000;  // kMinPeople .. kMaxPeople
  std::uint64_t seed = 1;
  int networks = 0;  // planted exploitation networks; 0: one per 4,000 people, at least 4
  NoiseRates noise;
  Volumes volumes;
  std::function<void(const SynthProgress&)> progress;  // optional
};

inline constexpr std::uint64_t kMinPeople = 1000;
inline constexpr std::uint64_t kMaxPeople = 2000000;

}  // namespace casegraph::synth
