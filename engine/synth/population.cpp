#include "engine/synth/population.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "engine/synth/calendar.h"

namespace casegraph::synth {

namespace {

using namespace std::string_view_literals;

constexpr std::string_view kPostcodeLetters = "ABDEFGHJLNPQRSTUWXYZ";  // 20, as inward codes use
constexpr std::uint32_t kUnitsPerDistrict = 10 * 20 * 20;
constexpr std::string_view kVrmLetters = "ABCDEFGHJKLMNOPRSTUVWXY";  // 23
constexpr std::array kVrmAges = {"10"sv, "11"sv, "12"sv, "13"sv, "14"sv, "15"sv, "16"sv, "17"sv,
                                 "18"sv, "19"sv, "20"sv, "21"sv, "22"sv, "23"sv, "24"sv, "25"sv,
                                 "60"sv, "61"sv, "62"sv, "63"sv, "64"sv, "65"sv, "66"sv, "67"sv,
                                 "68"sv, "69"sv, "70"sv, "71"sv, "72"sv, "73"sv, "74"sv, "75"sv};
constexpr std::uint32_t kVrmSpace = 23u * 23u * 32u * 23u * 23u * 23u;

constexpr std::array kMakes = {"Ford"sv,   "Vauxhall"sv, "Volkswagen"sv, "Toyota"sv,        "Nissan"sv,
                               "BMW"sv,    "Audi"sv,     "Kia"sv,        "Hyundai"sv,       "Peugeot"sv,
                               "Renault"sv, "Skoda"sv,   "Honda"sv,      "Mercedes-Benz"sv, "Citroen"sv,
                               "Seat"sv,   "Fiat"sv,     "Mini"sv,       "Dacia"sv,         "Mazda"sv};
constexpr std::array kTaxiMakes = {3, 11, 7, 0};  // Toyota, Skoda, Kia, Ford
constexpr std::array kColours = {"Black"sv, "Silver"sv, "Grey"sv,  "White"sv,  "Blue"sv,
                                 "Red"sv,   "Green"sv,  "Bronze"sv, "Orange"sv, "Yellow"sv};

constexpr std::array kPlaceFirst = {"Meadow"sv, "Holly"sv,  "Oak"sv,    "Ash"sv,    "Willow"sv, "Birch"sv,
                                    "Rowan"sv,  "Hazel"sv,  "Beech"sv,  "Cedar"sv,  "Maple"sv,  "Fern"sv,
                                    "Heather"sv, "Lark"sv,  "Wren"sv,   "Kestrel"sv, "Heron"sv, "Mill"sv,
                                    "Church"sv, "Orchard"sv, "Primrose"sv, "Thistle"sv, "Clover"sv, "Linden"sv};
constexpr std::array kPlaceSecond = {"bank"sv, "brook"sv, "field"sv, "lea"sv,  "side"sv,
                                     "gate"sv, "croft"sv, "view"sv,  "dale"sv, "well"sv};
constexpr std::array kTakeawayKinds = {"Grill"sv, "Kebab House"sv, "Pizza"sv, "Fried Chicken"sv, "Noodle Bar"sv,
                                       "Curry House"sv, "Fish Bar"sv};
constexpr std::array kTakeawayFirst = {"Golden"sv, "Star"sv,  "Royal"sv, "Lucky"sv, "Crown"sv, "Sunrise"sv,
                                       "Express"sv, "Corner"sv, "Tasty"sv, "Village"sv, "Metro"sv};

// Ages in years on the reference day, by household role.
int adult_age(Rng& r) {
  switch (r.weighted({25, 30, 28, 17})) {
    case 0: return r.between_int(18, 29);
    case 1: return r.between_int(30, 49);
    case 2: return r.between_int(50, 69);
    default: return r.between_int(70, 90);
  }
}

// A date of birth for someone exactly `age` on the reference day.
std::int32_t dob_for_age(int age, Rng& r) {
  const CivilDate ref = civil_from_days(kReferenceDay);
  const std::int64_t birthday = days_from_civil(ref.year - age, ref.month, ref.day);
  return static_cast<std::int32_t>(birthday - r.between(1, 364));
}

struct Member {
  int age;
  Sex sex;
  bool child;
  bool in_care;
};

Sex any_sex(Rng& r) { return r.chance(0.5) ? Sex::female : Sex::male; }
Sex other(Sex s) { return s == Sex::female ? Sex::male : Sex::female; }

void couple(std::vector<Member>& m, int age, Rng& r) {
  const Sex s = any_sex(r);
  m.push_back({age, s, false, false});
  const int partner = std::clamp(age + r.between_int(-6, 6), 18, 92);
  m.push_back({partner, r.chance(0.9) ? other(s) : s, false, false});
}

void teens(std::vector<Member>& m, int n, int youngest_parent, bool in_care, Rng& r) {
  for (int i = 0; i < n; ++i) {
    int age = r.between_int(11, 17);
    if (youngest_parent > 0) age = std::min(age, std::max(11, youngest_parent - 17));
    m.push_back({age, any_sex(r), true, in_care});
  }
}

std::vector<Member> compose(HouseholdKind kind, Rng& r) {
  std::vector<Member> m;
  switch (kind) {
    case HouseholdKind::single:
      m.push_back({adult_age(r), any_sex(r), false, false});
      break;
    case HouseholdKind::couple:
      couple(m, adult_age(r), r);
      break;
    case HouseholdKind::sharers: {
      const int n = r.between_int(3, 4);
      for (int i = 0; i < n; ++i) m.push_back({r.between_int(19, 35), any_sex(r), false, false});
      break;
    }
    case HouseholdKind::family: {
      const int parent = r.between_int(32, 56);
      if (r.chance(0.3)) m.push_back({parent, r.chance(0.8) ? Sex::female : Sex::male, false, false});
      else couple(m, parent, r);
      teens(m, 1 + static_cast<int>(r.weighted({55, 35, 10})), parent, false, r);
      break;
    }
    case HouseholdKind::adult_family: {
      const int parent = r.between_int(45, 70);
      couple(m, parent, r);
      const int n = r.between_int(1, 2);
      for (int i = 0; i < n; ++i)
        m.push_back({std::min(r.between_int(18, 30), parent - 18), any_sex(r), false, false});
      break;
    }
    case HouseholdKind::large_family: {
      const int grandparents = r.between_int(1, 2);
      for (int i = 0; i < grandparents; ++i) m.push_back({r.between_int(62, 88), any_sex(r), false, false});
      const int parent = r.between_int(34, 52);
      couple(m, parent, r);
      const int adults = r.between_int(0, 2);
      for (int i = 0; i < adults; ++i) m.push_back({r.between_int(18, 25), any_sex(r), false, false});
      teens(m, r.between_int(3, 5), parent, false, r);
      break;
    }
    case HouseholdKind::foster:
      couple(m, r.between_int(35, 64), r);
      teens(m, r.between_int(1, 2), 0, true, r);
      break;
    case HouseholdKind::childrens_home:
      teens(m, r.between_int(3, 7), 0, true, r);
      break;
    case HouseholdKind::supported: {
      const int n = r.between_int(3, 6);
      for (int i = 0; i < n; ++i) m.push_back({r.between_int(16, 17), any_sex(r), true, true});
      break;
    }
  }
  return m;
}

HouseholdKind ordinary_kind(Rng& r) {
  static constexpr std::array<double, 6> kWeights = {0.35, 0.27, 0.07, 0.10, 0.19, 0.02};
  return static_cast<HouseholdKind>(r.weighted(std::span<const double>(kWeights)));
}

std::uint32_t round_count(double x, std::uint32_t at_least) {
  return std::max(at_least, static_cast<std::uint32_t>(std::lround(x)));
}

}  // namespace

// ------------------------------------------------------------ building --

Population Population::build(std::uint64_t people_wanted, std::uint64_t seed) {
  if (people_wanted < 100 || people_wanted > 50'000'000ULL)
    throw std::invalid_argument(fmt::format("population of {} is out of range", people_wanted));
  Population pop;
  pop.seed = seed;
  const auto n = static_cast<std::uint32_t>(people_wanted);
  pop.districts_ = std::clamp<std::uint32_t>(n / 12000, 9, 99);
  for (std::uint32_t d = 0; d < pop.districts_; ++d)
    pop.unit_permutations_.emplace_back(kUnitsPerDistrict, hash_keys(seed, {0x9057c0de, d}));
  pop.vrm_permutation_ = AffinePermutation(kVrmSpace, hash_keys(seed, {0x7e41c1e}));
  pop.serials_.assign(16, 0);
  pop.people.reserve(n);

  // Households. Care placements are few and set by quota (at least two
  // children's homes, two foster homes and one supported house), spread
  // evenly through the ordinary households.
  Rng r = Rng::stream(seed, Purpose::households);
  std::vector<HouseholdKind> specials;
  for (std::uint32_t i = 0, k = round_count(n * 5e-4, 2); i < k; ++i) specials.push_back(HouseholdKind::childrens_home);
  for (std::uint32_t i = 0, k = round_count(n * 9e-4, 2); i < k; ++i) specials.push_back(HouseholdKind::foster);
  for (std::uint32_t i = 0, k = round_count(n * 2e-4, 1); i < k; ++i) specials.push_back(HouseholdKind::supported);
  for (std::size_t i = specials.size(); i > 1; --i) std::swap(specials[i - 1], specials[r.index(i)]);
  const std::uint64_t expected_households = n * 100ULL / 227;
  const std::uint64_t stride = std::max<std::uint64_t>(2, expected_households / (specials.size() + 1));
  std::size_t next_special = 0;
  std::uint64_t ordinary = 0;
  std::uint32_t residential_postcode = pop.new_postcode();
  std::uint32_t sharing = 0;

  while (pop.people.size() < n) {
    HouseholdKind kind;
    if (next_special < specials.size() && ordinary % stride == stride / 2) {
      kind = specials[next_special++];
      ++ordinary;  // so the next step is ordinary
    } else {
      kind = ordinary_kind(r);
      ++ordinary;
    }
    std::vector<Member> members = compose(kind, r);
    const std::size_t room = n - pop.people.size();
    if (members.size() > room) members.resize(room);

    Household h;
    h.first = static_cast<std::uint32_t>(pop.people.size());
    h.size = static_cast<std::uint16_t>(members.size());
    h.kind = kind;
    if (kind == HouseholdKind::childrens_home || kind == HouseholdKind::supported) {
      h.postcode = pop.new_postcode();
      h.site = pop.add_site(kind == HouseholdKind::childrens_home ? SiteKind::childrens_home : SiteKind::supported,
                            h.postcode);
    } else {
      // About six households to a postcode, as on a real street.
      if (sharing > 0 && r.chance(1.0 / 6)) {
        residential_postcode = pop.new_postcode();
        sharing = 0;
      }
      ++sharing;
      h.postcode = residential_postcode;
    }
    const auto household_id = static_cast<std::uint32_t>(pop.households.size());
    for (const Member& m : members) {
      Person p;
      p.dob = dob_for_age(m.age, r);
      p.household = household_id;
      p.sex = m.sex;
      if (m.child) p.flags |= flag::child;
      if (m.in_care) p.flags |= flag::in_care;
      if (m.child) pop.children.push_back(static_cast<std::uint32_t>(pop.people.size()));
      pop.people.push_back(p);
    }
    pop.households.push_back(h);
  }

  // Sites: schools, workplaces, decoy commercial sites and the hubs.
  Rng s = Rng::stream(seed, Purpose::sites);
  const auto child_count = static_cast<std::uint32_t>(pop.children.size());
  std::vector<std::uint32_t> schools, workplaces, commercial;
  for (std::uint32_t i = 0, k = round_count(child_count / 700.0, 2); i < k; ++i)
    schools.push_back(pop.add_site(SiteKind::school, pop.new_postcode()));
  for (std::uint32_t i = 0, k = round_count(n / 4000.0, 2); i < k; ++i)
    commercial.push_back(pop.add_site(SiteKind::hotel, pop.new_postcode()));
  for (std::uint32_t i = 0, k = round_count(n / 1500.0, 3); i < k; ++i)
    commercial.push_back(pop.add_site(SiteKind::takeaway, pop.new_postcode()));
  for (std::uint32_t i = 0, k = round_count(n / 4000.0, 2); i < k; ++i)
    commercial.push_back(pop.add_site(SiteKind::car_wash, pop.new_postcode()));
  pop.shopping_centre = pop.add_site(SiteKind::shopping_centre, pop.new_postcode());
  pop.petrol_station = pop.add_site(SiteKind::petrol_station, pop.new_postcode());
  pop.taxi_depot = pop.add_site(SiteKind::taxi_depot, pop.new_postcode());
  for (std::uint32_t i = 0, k = round_count(n * 0.6 * 0.68 / 18, 8); i < k; ++i)
    workplaces.push_back(pop.add_site(SiteKind::workplace, pop.new_postcode()));

  // Children go to school (those in supported accommodation are past it).
  for (std::uint32_t c : pop.children)
    if (pop.households[pop.people[c].household].kind != HouseholdKind::supported)
      pop.people[c].site = schools[s.index(schools.size())];
  // Adults of working age mostly work; big employers are few.
  std::vector<std::uint32_t> employed;
  for (std::uint32_t id = 0; id < n; ++id) {
    Person& p = pop.people[id];
    if (p.is(flag::child)) continue;
    const int age = pop.age(id, kReferenceDay);
    if (age > 66 || !s.chance(0.68)) continue;
    const double u = s.uniform();
    if (u < 0.03) p.site = pop.shopping_centre;
    else if (u < 0.04) p.site = commercial[s.index(commercial.size())];
    else if (u < 0.042) p.site = pop.petrol_station;
    else p.site = workplaces[std::min<std::size_t>(workplaces.size() - 1,
                                                   static_cast<std::size_t>(static_cast<double>(workplaces.size()) * s.uniform() * s.uniform()))];
    employed.push_back(id);
  }
  auto recruit = [&](std::uint32_t site, std::uint16_t role_flag, int min_age, int max_age) -> std::uint32_t {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      const std::uint32_t id = employed[s.index(employed.size())];
      Person& p = pop.people[id];
      const int age = pop.age(id, kReferenceDay);
      if ((p.flags & (flag::care_staff | flag::taxi_driver)) != 0 || age < min_age || age > max_age) continue;
      p.site = site;
      p.flags |= role_flag;
      return id;
    }
    return kNone;
  };
  for (std::uint32_t site = 0; site < pop.sites.size(); ++site) {
    const SiteKind kind = pop.sites[site].kind;
    if (kind == SiteKind::childrens_home || kind == SiteKind::supported) {
      const int staff = kind == SiteKind::childrens_home ? s.between_int(4, 8) : s.between_int(2, 3);
      for (int i = 0; i < staff; ++i) recruit(site, flag::care_staff, 22, 62);
    } else if (kind == SiteKind::school) {
      const std::uint32_t teachers = std::max<std::uint32_t>(3, child_count / static_cast<std::uint32_t>(schools.size()) / 15);
      for (std::uint32_t i = 0; i < teachers; ++i) recruit(site, 0, 23, 64);
    }
  }
  // The taxi firm: a legitimate business whose drivers share a depot and a
  // booking line that thousands of people ring.
  for (std::uint32_t i = 0, k = round_count(n / 1500.0, 6); i < k; ++i) {
    const std::uint32_t id = recruit(pop.taxi_depot, flag::taxi_driver, 24, 64);
    if (id != kNone) pop.taxi_drivers.push_back(id);
  }
  std::sort(pop.taxi_drivers.begin(), pop.taxi_drivers.end());

  // Vehicles: keepers are adults; drivers keep their taxi.
  Rng v = Rng::stream(seed, Purpose::vehicles);
  for (std::uint32_t id = 0; id < n; ++id) {
    const Person& p = pop.people[id];
    if (p.is(flag::child)) continue;
    if (p.is(flag::taxi_driver)) {
      pop.add_vehicle(id, vehicle_flag::taxi, v);
      if (v.chance(0.4)) pop.add_vehicle(id, 0, v);
      continue;
    }
    const int age = pop.age(id, kReferenceDay);
    const double keeps = age < 25 ? 0.25 : age > 75 ? 0.3 : 0.5;
    if (!v.chance(keeps)) continue;
    pop.add_vehicle(id, 0, v);
    if (v.chance(0.1)) pop.add_vehicle(id, 0, v);
  }
  pop.registered_vehicles = static_cast<std::uint32_t>(pop.vehicles.size());

  // Cameras: the hubs, some care homes, schools and commercial sites, and a
  // few on ordinary streets in every district.
  Rng c = Rng::stream(seed, Purpose::cameras);
  for (std::uint32_t hub : {pop.petrol_station, pop.shopping_centre, pop.taxi_depot})
    pop.add_camera(pop.sites[hub].postcode, hub);
  for (std::uint32_t site = 0; site < pop.sites.size(); ++site) {
    const SiteKind kind = pop.sites[site].kind;
    const double p = kind == SiteKind::childrens_home ? 0.6
                     : kind == SiteKind::supported    ? 0.5
                     : kind == SiteKind::school       ? 0.3
                     : (kind == SiteKind::hotel || kind == SiteKind::takeaway || kind == SiteKind::car_wash) ? 0.35
                                                                                                           : 0.0;
    if (pop.sites[site].camera == kNone && c.chance(p)) pop.add_camera(pop.sites[site].postcode, site);
  }
  for (std::uint32_t d = 0; d < pop.districts_; ++d) {
    for (int k = 0; k < 2; ++k) {
      for (int attempt = 0; attempt < 400; ++attempt) {
        const Household& h = pop.households[c.index(pop.households.size())];
        if (h.site != kNone || pop.district_of(h.postcode) != d) continue;
        pop.add_camera(h.postcode, kNone);
        break;
      }
    }
  }
  pop.index();
  return pop;
}

// ------------------------------------------------------------- helpers --

std::uint32_t Population::add_site(SiteKind kind, std::uint32_t postcode) {
  Site site;
  site.kind = kind;
  site.postcode = postcode;
  site.serial = serials_[static_cast<std::size_t>(kind)]++;
  sites.push_back(site);
  return static_cast<std::uint32_t>(sites.size() - 1);
}

std::uint32_t Population::add_camera(std::uint32_t postcode, std::uint32_t site) {
  cameras.push_back({postcode, site});
  const auto id = static_cast<std::uint32_t>(cameras.size() - 1);
  if (site != kNone && sites[site].camera == kNone) sites[site].camera = id;
  return id;
}

std::uint32_t Population::add_vehicle(std::uint32_t keeper, std::uint8_t flags, Rng& rng) {
  Vehicle vehicle;
  vehicle.keeper = keeper;
  vehicle.flags = flags;
  vehicle.code = static_cast<std::uint32_t>(vrm_permutation_(vehicles.size()));
  if ((flags & vehicle_flag::taxi) != 0) {
    vehicle.make = static_cast<std::uint8_t>(kTaxiMakes[rng.index(kTaxiMakes.size())]);
    vehicle.colour = static_cast<std::uint8_t>(rng.index(4));  // black, silver, grey, white
  } else {
    vehicle.make = static_cast<std::uint8_t>(rng.index(kMakes.size()));
    vehicle.colour = static_cast<std::uint8_t>(rng.index(kColours.size()));
  }
  vehicles.push_back(vehicle);
  return static_cast<std::uint32_t>(vehicles.size() - 1);
}

std::string Population::postcode(std::uint32_t p) const {
  const std::uint32_t district = p % districts_;
  const std::uint64_t within = p / districts_;
  if (within >= kUnitsPerDistrict) throw std::length_error("postcode space exhausted");
  const auto unit = static_cast<std::uint32_t>(unit_permutations_[district](within));
  const std::uint32_t sector = unit / 400;
  return fmt::format("EB{} {}{}{}", district + 1, sector, kPostcodeLetters[unit % 400 / 20], kPostcodeLetters[unit % 20]);
}

std::string Population::vrm(std::uint32_t vehicle) const {
  std::uint32_t code = vehicles[vehicle].code;
  char out[8];
  // AB12 CDE: area letters, age digits, three random letters.
  out[6] = kVrmLetters[code % 23];
  code /= 23;
  out[5] = kVrmLetters[code % 23];
  code /= 23;
  out[4] = kVrmLetters[code % 23];
  code /= 23;
  const std::string_view age = kVrmAges[code % 32];
  code /= 32;
  out[1] = kVrmLetters[code % 23];
  code /= 23;
  out[0] = kVrmLetters[code % 23];
  out[2] = age[0];
  out[3] = age[1];
  return fmt::format("{}{}{}{} {}{}{}", out[0], out[1], out[2], out[3], out[4], out[5], out[6]);
}

std::string_view Population::make(std::uint32_t vehicle) const { return kMakes[vehicles[vehicle].make % kMakes.size()]; }
std::string_view Population::colour(std::uint32_t vehicle) const {
  return kColours[vehicles[vehicle].colour % kColours.size()];
}

std::string Population::site_name(std::uint32_t site) const {
  const Site& s = sites[site];
  const std::uint32_t k = s.serial;
  const auto place = [&](std::uint32_t i) {
    return fmt::format("{}{}", kPlaceFirst[i % kPlaceFirst.size()],
                       kPlaceSecond[(i / kPlaceFirst.size() + i * 7) % kPlaceSecond.size()]);
  };
  switch (s.kind) {
    case SiteKind::school: return fmt::format("{} Academy", place(k * 5 + 3));
    case SiteKind::workplace: return fmt::format("{} Works", place(k * 3 + 1));
    case SiteKind::childrens_home: {
      static constexpr std::array kKinds = {"Children's Home"sv, "House"sv, "Lodge"sv};
      return fmt::format("{} {}", place(k), kKinds[k / kPlaceFirst.size() % kKinds.size()]);
    }
    case SiteKind::supported: return fmt::format("{} Supported Lodgings", place(k * 11 + 5));
    case SiteKind::hotel: return fmt::format("{} Hotel", place(k * 13 + 2));
    case SiteKind::takeaway:
      return fmt::format("{} {}", kTakeawayFirst[k % kTakeawayFirst.size()],
                         kTakeawayKinds[(k / kTakeawayFirst.size() + k) % kTakeawayKinds.size()]);
    case SiteKind::car_wash: return fmt::format("{} Hand Car Wash", place(k * 17 + 9));
    case SiteKind::shopping_centre: return "Eastbrook Shopping Centre";
    case SiteKind::petrol_station: return "Northgate Services";
    case SiteKind::taxi_depot: return "Elm Cars";
  }
  return {};
}

int Population::age(std::uint32_t person, std::int64_t day) const { return age_on(people[person].dob, day); }

std::span<const std::uint32_t> Population::site_members(std::uint32_t site) const {
  if (site + 1 >= site_offsets_.size()) return {};
  return std::span<const std::uint32_t>(site_members_).subspan(site_offsets_[site],
                                                               site_offsets_[site + 1] - site_offsets_[site]);
}

std::span<const std::uint32_t> Population::district_cameras(std::uint32_t district) const {
  if (district + 1 >= camera_offsets_.size()) return {};
  return std::span<const std::uint32_t>(district_cameras_)
      .subspan(camera_offsets_[district], camera_offsets_[district + 1] - camera_offsets_[district]);
}

std::span<const Vehicle> Population::vehicles_of(std::uint32_t person) const {
  const auto begin = vehicles.begin();
  const auto end = vehicles.begin() + registered_vehicles;
  const auto lo = std::lower_bound(begin, end, person, [](const Vehicle& v, std::uint32_t k) { return v.keeper < k; });
  auto hi = lo;
  while (hi != end && hi->keeper == person) ++hi;
  return std::span<const Vehicle>(vehicles).subspan(static_cast<std::size_t>(lo - begin),
                                                    static_cast<std::size_t>(hi - lo));
}

std::string Population::placement(std::uint32_t person) const {
  const Household& h = households[people[person].household];
  switch (h.kind) {
    case HouseholdKind::childrens_home:
    case HouseholdKind::supported: return site_name(h.site);
    case HouseholdKind::foster:
      if (people[person].is(flag::in_care)) return fmt::format("Foster carers FC-{:04}", people[person].household % 10000);
      return {};
    default: return {};
  }
}

std::string_view Population::placement_type(std::uint32_t person) const {
  const Household& h = households[people[person].household];
  if (!people[person].is(flag::in_care)) return "Lives at home";
  switch (h.kind) {
    case HouseholdKind::childrens_home: return "Children's home";
    case HouseholdKind::supported: return "Supported accommodation";
    case HouseholdKind::foster: return "Foster care";
    default: return "Lives at home";
  }
}

void Population::index() {
  site_offsets_.assign(sites.size() + 1, 0);
  for (const Person& p : people)
    if (p.site != kNone) ++site_offsets_[p.site + 1];
  for (std::size_t i = 1; i < site_offsets_.size(); ++i) site_offsets_[i] += site_offsets_[i - 1];
  site_members_.assign(site_offsets_.back(), 0);
  std::vector<std::uint32_t> fill(site_offsets_.begin(), site_offsets_.end() - 1);
  for (std::uint32_t id = 0; id < people.size(); ++id)
    if (people[id].site != kNone) site_members_[fill[people[id].site]++] = id;

  camera_offsets_.assign(districts_ + 1, 0);
  for (const Camera& cam : cameras) ++camera_offsets_[district_of(cam.postcode) + 1];
  for (std::size_t i = 1; i < camera_offsets_.size(); ++i) camera_offsets_[i] += camera_offsets_[i - 1];
  district_cameras_.assign(camera_offsets_.back(), 0);
  std::vector<std::uint32_t> at(camera_offsets_.begin(), camera_offsets_.end() - 1);
  for (std::uint32_t id = 0; id < cameras.size(); ++id) district_cameras_[at[district_of(cameras[id].postcode)]++] = id;
}

}  // namespace casegraph::synth
