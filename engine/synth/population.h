#pragma once
// The synthetic population: people in households, the schools, workplaces,
// care placements and commercial sites they use, their vehicles and phones,
// and the ANPR cameras that watch some of those places.
//
// Conventions:
// - People are numbered 0..N-1 household by household, so a household's
//   members are a contiguous range. Person ids are the "true person ids" of
//   truth.json and truth_records.csv.
// - Ages are fixed on kReferenceDay (2024-07-01): adults 18-90, children
//   11-17. There are no younger children: they do not figure in these exports.
// - Everything here is compact (about 40 bytes a person) because the whole
//   population stays in memory while millions of rows are streamed out.
// - Postcodes are numbers until written: postcode p is in district
//   EB(1 + p mod D), and its unit within the district is an affine
//   permutation of p / D, so every number gives a distinct, valid-looking
//   postcode in the fictional area "EB" without any table.
// - Phone numbers are in 07700 xxxxxx (fictional, the drama range widened):
//   9xxxxx first, then 000001-899999, 999,999 numbers in all. When the
//   population has more phone users than that, only a share of people have a
//   number known to the data (see identities.h).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/synth/names.h"
#include "engine/synth/rng.h"

namespace casegraph::synth {

inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

enum class HouseholdKind : std::uint8_t {
  single,
  couple,
  sharers,
  family,        // one or two parents with children aged 11-17
  adult_family,  // parents with grown-up children
  large_family,  // three generations, many children
  foster,        // foster carers with children in care
  childrens_home,
  supported,     // supported accommodation for 16-17-year-olds in care
};

enum class SiteKind : std::uint8_t {
  school,
  workplace,
  childrens_home,
  supported,
  hotel,
  takeaway,
  car_wash,
  shopping_centre,
  petrol_station,
  taxi_depot,
};

namespace flag {
inline constexpr std::uint16_t child = 1 << 0;        // aged 11-17
inline constexpr std::uint16_t in_care = 1 << 1;      // looked after: children's home, foster or supported
inline constexpr std::uint16_t taxi_driver = 1 << 2;  // drives for the taxi firm
inline constexpr std::uint16_t care_staff = 1 << 3;   // works at a children's home or supported accommodation
inline constexpr std::uint16_t offender = 1 << 4;     // in a planted exploitation network
inline constexpr std::uint16_t victim = 1 << 5;       // in a planted exploitation network
inline constexpr std::uint16_t prolific = 1 << 6;     // prolific offender, no exploitation
inline constexpr std::uint16_t runaway = 1 << 7;      // benign repeat runaway
inline constexpr std::uint16_t nominal = 1 << 8;      // on the police nominal index
inline constexpr std::uint16_t episodic = 1 << 9;     // a child at home with ordinary missing episodes
inline constexpr std::uint16_t needs_phone = 1 << 10;  // must have a known number (ring members, hubs)
inline constexpr std::uint16_t street_name = 1 << 11;  // has a street name recorded as an alias
inline constexpr std::uint16_t in_social_care_log = 1 << 12;  // appears in the missing-episode log
}  // namespace flag

struct Person {
  std::int32_t dob = 0;          // days since 1970-01-01
  std::uint32_t household = 0;
  std::uint32_t site = kNone;    // school or workplace
  std::uint32_t phone = 0;       // 6 digits after 07700 (000001-999999); 0: none known
  std::uint32_t nominal = 0;     // NominalRef number; 0: not on the police index
  std::uint32_t nominal2 = 0;    // a duplicate nominal for the same person; 0: none
  std::uint32_t child_id = 0;    // ChildId number; 0: unknown to children's services
  std::uint16_t forename = 0;    // index into the sex's forename pool
  std::uint16_t surname = 0;     // index into the surname pool
  std::uint16_t flags = 0;
  Sex sex = Sex::female;
  bool is(std::uint16_t f) const { return (flags & f) != 0; }
};

struct Household {
  std::uint32_t first = 0;   // first member's person id
  std::uint32_t postcode = 0;
  std::uint32_t site = kNone;  // the care site, for children's homes and supported accommodation
  std::uint16_t size = 0;
  HouseholdKind kind = HouseholdKind::single;
};

struct Site {
  std::uint32_t postcode = 0;
  std::uint32_t camera = kNone;  // an ANPR camera at this postcode
  std::uint32_t serial = 0;      // n-th site of its kind, for its name
  SiteKind kind = SiteKind::workplace;
};

namespace vehicle_flag {
inline constexpr std::uint8_t taxi = 1 << 0;          // private hire, licensed to the taxi firm
inline constexpr std::uint8_t unregistered = 1 << 1;  // on no keeper file (false or foreign plates)
inline constexpr std::uint8_t ring = 1 << 2;          // used by a planted network
}  // namespace vehicle_flag

struct Vehicle {
  std::uint32_t keeper = kNone;  // person id; kNone when unregistered
  std::uint32_t code = 0;        // the VRM, encoded (Population::vrm)
  std::uint8_t make = 0;
  std::uint8_t colour = 0;
  std::uint8_t flags = 0;
};

struct Camera {
  std::uint32_t postcode = 0;
  std::uint32_t site = kNone;
};

class Population {
 public:
  // Builds households, sites, employment, vehicles and cameras for `people`
  // people, deterministically from `seed`. Phones, police and social-care ids
  // and names come later (identities.h), after the roles.
  static Population build(std::uint64_t people, std::uint64_t seed);

  std::vector<Person> people;
  std::vector<Household> households;
  std::vector<Site> sites;
  std::vector<Vehicle> vehicles;
  std::vector<Camera> cameras;
  std::vector<std::uint32_t> children;  // ids of people aged 11-17, ascending

  std::uint32_t shopping_centre = kNone;  // site ids of the hubs
  std::uint32_t petrol_station = kNone;
  std::uint32_t taxi_depot = kNone;
  std::uint32_t taxi_firm_phone = 0;      // the firm's booking line
  std::vector<std::uint32_t> taxi_drivers;
  std::uint32_t registered_vehicles = 0;  // vehicles [0, registered_vehicles) were made with the population

  std::uint64_t seed = 0;

  // Postcodes.
  std::uint32_t new_postcode() { return postcodes_++; }
  std::uint32_t postcode_count() const { return postcodes_; }
  std::string postcode(std::uint32_t p) const;  // "EB7 3HN"
  std::uint32_t district_of(std::uint32_t p) const { return p % districts_; }
  std::uint32_t district_count() const { return districts_; }

  std::uint32_t add_site(SiteKind kind, std::uint32_t postcode);
  std::uint32_t add_camera(std::uint32_t postcode, std::uint32_t site);
  std::uint32_t add_vehicle(std::uint32_t keeper, std::uint8_t flags, Rng& rng);
  std::string site_name(std::uint32_t site) const;
  std::string vrm(std::uint32_t vehicle) const;  // "AB12 CDE"
  std::string_view make(std::uint32_t vehicle) const;
  std::string_view colour(std::uint32_t vehicle) const;

  std::uint32_t home_postcode(std::uint32_t person) const { return households[people[person].household].postcode; }
  int age(std::uint32_t person, std::int64_t day) const;
  bool is_adult(std::uint32_t person) const { return !people[person].is(flag::child); }
  std::span<const std::uint32_t> site_members(std::uint32_t site) const;
  std::span<const std::uint32_t> district_cameras(std::uint32_t district) const;
  // Vehicles kept by a person, among the registered ones.
  std::span<const Vehicle> vehicles_of(std::uint32_t person) const;
  std::uint32_t vehicle_index(const Vehicle& v) const { return static_cast<std::uint32_t>(&v - vehicles.data()); }

  // The placement as children's services write it ("" for a child at home).
  std::string placement(std::uint32_t person) const;
  std::string_view placement_type(std::uint32_t person) const;

  // Rebuilds the site-membership and camera-by-district indexes; call after
  // changing sites, cameras or employment.
  void index();

 private:
  std::uint32_t postcodes_ = 0;
  std::uint32_t districts_ = 9;
  std::vector<AffinePermutation> unit_permutations_;  // one per district
  AffinePermutation vrm_permutation_;
  std::vector<std::uint32_t> site_offsets_, site_members_;
  std::vector<std::uint32_t> camera_offsets_, district_cameras_;
  std::vector<std::uint32_t> serials_;  // next serial per SiteKind
};

}  // namespace casegraph::synth
