#include "engine/synth/texts.h"

#include <array>
#include <vector>

#include "engine/synth/rng.h"

namespace casegraph::synth::texts {

namespace {

using namespace std::string_view_literals;

constexpr std::array<std::string_view, offence::count> kOffences = {
    "Shoplifting"sv,
    "Burglary dwelling"sv,
    "Theft from motor vehicle"sv,
    "Assault"sv,
    "Domestic incident"sv,
    "Criminal damage"sv,
    "Public order offence"sv,
    "Possession of controlled drug"sv,
    "Robbery"sv,
    "Concern for welfare"sv,
    "Child abduction warning notice"sv,
    "Sexual activity with a child"sv,
    "Child sexual exploitation concern"sv,
    "Supply of controlled drug"sv,
    "Theft of motor vehicle"sv,
    "Making off without payment"sv,
    "Harassment"sv,
};

struct Tagged {
  std::uint16_t tag;
  std::string_view text;
};

constexpr Tagged kCircumstances[] = {
    {offence::shoplifting, "Clothing taken, suspect identified from CCTV, \"regular\"."},
    {offence::shoplifting, "Meat and cheese concealed in bag, stopped by security."},
    {offence::shoplifting, "Two suspects, one distracts staff, other fills bag with razor blades, coffee."},
    {offence::shoplifting, "Perfume and electric toothbrushes taken; suspects left on foot."},
    {offence::shoplifting, "Alcohol taken, staff threatened when challenged."},
    {offence::burglary, "Rear patio door forced, jewellery, laptop and car keys taken."},
    {offence::burglary, "Entry via insecure kitchen window; two males seen leaving, one carrying a holdall."},
    {offence::burglary, "Front door lock snapped. Householder away, neighbour heard a van at 03:00."},
    {offence::burglary, "Shed entered, bicycle taken; no suspects."},
    {offence::burglary, "Suspect seen leaving via rear garden, carrying a holdall.\nNeighbour called 999, gave partial VRM."},
    {offence::theft_from_vehicle, "Handbag taken from unlocked car on driveway."},
    {offence::theft_from_vehicle, "Window smashed, sat-nav and tools taken from van."},
    {offence::theft_from_vehicle, "Catalytic converter cut from vehicle, \"grinder noise\" heard at 02:30."},
    {offence::assault, "Argument between neighbours over parking, one punch, minor injury."},
    {offence::assault, "Fight outside bar at closing time; victim declined to support."},
    {offence::assault, "Customer and staff member argued at counter, one punch; no injury."},
    {offence::assault, "Youths pushed victim off bicycle, minor grazes."},
    {offence::domestic, "Verbal argument, victim pushed, no injury, DASH standard."},
    {offence::domestic, "Neighbours heard shouting; both parties intoxicated, DASH medium."},
    {offence::criminal_damage, "Wing mirror kicked off, offender known to victim."},
    {offence::criminal_damage, "Graffiti on garage door, \"EB1\" tag."},
    {offence::criminal_damage, "Window of bus shelter smashed; youths seen running off."},
    {offence::public_order, "Drunk male abusive to bus driver."},
    {offence::public_order, "Shouting, swearing at door staff outside bar."},
    {offence::drugs_possession, "Stop and search, small amount of cannabis found; community resolution."},
    {offence::drugs_possession, "Vehicle stopped, occupants smelt of cannabis, wraps found in door pocket."},
    {offence::robbery, "Victim's phone and trainers taken by group of youths, knife seen."},
    {offence::robbery, "Bag snatched in underpass, suspect ran towards the shopping centre."},
    {offence::concern_for_welfare, "Carer concerned: child returned late, upset, would not say where she had been."},
    {offence::concern_for_welfare, "Parent reports child staying out late, older friends, new phone."},
    {offence::concern_for_welfare, "School reports child seen being collected by adult males in a car."},
    {offence::cawn, "CAWN served on suspect; child found in rear room at 01:00 by patrol, reported missing from placement."},
    {offence::cawn, "CAWN served after child found in suspect's car in the early hours, alcohol present."},
    {offence::sexual_activity_child,
     "Disclosure by child after return from missing episode.\nChild describes a flat, \"older men\", alcohol and cannabis given."},
    {offence::sexual_activity_child, "Child disclosed to carer being taken to a hotel by adult males; ABE interview arranged."},
    {offence::cse_concern, "Multi-agency referral: child going missing, older associates, unexplained gifts."},
    {offence::cse_concern, "Strategy meeting held; child at high risk of exploitation, repeat missing."},
    {offence::drugs_supply, "Observations: suspect seen making hand-to-hand exchanges from a car."},
    {offence::drugs_supply, "Warrant executed, cannabis, scales and cash recovered, two phones seized."},
    {offence::vehicle_theft, "Vehicle taken from driveway overnight, keys taken in earlier burglary."},
    {offence::vehicle_theft, "Car taken, later found burnt out on the industrial estate."},
    {offence::making_off, "Fuel taken, driver left without paying; VRM captured on forecourt camera."},
    {offence::making_off, "Meal eaten, customers left without paying."},
    {offence::harassment, "Repeated unwanted messages and calls from ex-partner."},
    {offence::harassment, "Neighbour dispute, repeated abuse over boundary fence."},
};

constexpr std::array<std::string_view, outcome::count> kOutcomes = {
    "Under investigation"sv,
    "Charged"sv,
    "NFA - no suspect identified"sv,
    "NFA - evidential difficulties"sv,
    "Community resolution"sv,
    "Caution"sv,
    "NFA - victim withdrew disclosure"sv,
    "No crime - incident only"sv,
    "Notice served"sv,
};

constexpr Tagged kInterviews[] = {
    {0, "Said they were with friends in town."},
    {0, "Stayed at a friend's house; no concerns raised."},
    {0, "Declined return interview."},
    {0, "Return interview not completed."},
    {0, "At the shopping centre with friends, lost track of time."},
    {0, "Argument with carers about phone use, stayed out to calm down."},
    {1, "Went to grandparent's after an argument at home."},
    {1, "Stayed with a relative, returned the next day; no concerns."},
    {1, "Said they \"just wanted to see nan\"."},
    {2, "Would not say where they had been. Smelt of alcohol; new phone and clothes."},
    {2, "Said an older friend gave a lift; would not name them."},
    {2, "Picked up in a taxi, would not say by whom."},
    {2, "Returned with unexplained cash; refused to discuss."},
    {2, "Declined return interview."},
    {3, "Vague about whereabouts."},
    {3, "Declined return interview."},
    {3, "Said they were \"just out\"."},
    {4, "Disclosed being taken to a flat by older males and given alcohol. Later withdrew the account."},
    {4, "Disclosed sexual activity with an adult male, then said it was made up; withdrew."},
};

constexpr Tagged kGradings[] = {
    {0, "1B P"}, {0, "2B P"}, {0, "2A P"}, {0, "2B C"}, {0, "2C P"}, {0, "B2"}, {0, "A2"}, {0, "2B1"},
    {1, "3D C"}, {1, "3E P"}, {1, "3C C"}, {1, "D4"}, {1, "E4"}, {1, "3D P"}, {1, "C4"},
    {2, "2C P"}, {2, "3C P"}, {2, "2B P"}, {2, "3D P"}, {2, "3E C"}, {2, "C3"}, {2, "B3"}, {2, "3B P"},
};

constexpr Tagged kSummaries[] = {
    {0, "Subject is said to be giving lifts to girls from local care homes in a {vehicle}."},
    {0, "Subject seen with two young teenagers at {place} late at night; the children appeared intoxicated."},
    {0, "Subject, known as '{alias}', reported to be supplying alcohol and cannabis to children at {place}."},
    {0, "Subject has been using a second phone to contact children; number given."},
    {0, "Subject collects children from near their placement and takes them to {place}."},
    {1, "Child said to be going missing to meet older males; seen getting into a {vehicle}."},
    {1, "Child has new clothes, phone and money; friends say an older \"boyfriend\" pays."},
    {1, "Child seen at {place} in the early hours with adult males."},
    {2, "Unidentified male known as '{alias}' said to be picking up girls outside a children's home in a {vehicle}."},
    {2, "Male known as '{alias}' is said to hold parties for teenagers at {place}."},
    {3, "Subject believed responsible for a series of shed burglaries; stores tools at {place}."},
    {3, "Subject is dealing cannabis and cocaine from a {vehicle}, mostly in the evenings."},
    {3, "Subject, known as '{alias}', is said to be handling stolen catalytic converters."},
    {3, "Subject is shoplifting to order across the town centre, a \"regular\" at the shopping centre."},
    {4, "Subject said to be in a dispute with a neighbour that may escalate."},
    {4, "Subject reported to be carrying a knife when out at night."},
    {4, "Subject is believed to be driving while disqualified, in a {vehicle}."},
    {4, "Subject associating with known drug users at {place}."},
};

template <std::size_t N>
std::uint16_t pick_tagged(const Tagged (&table)[N], std::uint16_t tag, Rng& rng) {
  std::uint16_t matches[N];
  std::size_t k = 0;
  for (std::size_t i = 0; i < N; ++i)
    if (table[i].tag == tag) matches[k++] = static_cast<std::uint16_t>(i);
  return k == 0 ? 0 : matches[rng.index(k)];
}

}  // namespace

std::string_view offence_name(std::uint16_t offence) { return kOffences[offence % kOffences.size()]; }
std::uint16_t circumstances_for(std::uint16_t offence, Rng& rng) { return pick_tagged(kCircumstances, offence, rng); }
std::string_view circumstances(std::uint16_t index) { return kCircumstances[index % std::size(kCircumstances)].text; }
std::string_view outcome_name(std::uint16_t outcome) { return kOutcomes[outcome % kOutcomes.size()]; }

std::uint16_t interview_for(InterviewKind kind, Rng& rng) {
  return pick_tagged(kInterviews, static_cast<std::uint16_t>(kind), rng);
}
std::string_view interview(std::uint16_t index) { return kInterviews[index % std::size(kInterviews)].text; }

std::uint16_t grading_for(GradingBand band, Rng& rng) { return pick_tagged(kGradings, static_cast<std::uint16_t>(band), rng); }
std::string_view grading(std::uint16_t index) { return kGradings[index % std::size(kGradings)].text; }
std::size_t grading_count() { return std::size(kGradings); }

std::uint16_t summary_for(SummaryKind kind, Rng& rng) { return pick_tagged(kSummaries, static_cast<std::uint16_t>(kind), rng); }
std::string_view summary(std::uint16_t index) { return kSummaries[index % std::size(kSummaries)].text; }

}  // namespace casegraph::synth::texts
