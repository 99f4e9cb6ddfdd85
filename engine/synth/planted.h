#pragma once
// The evidence the planted networks and the benign runaways leave, made
// before any file is written (it is small: a few hundred rows a network) and
// merged into each export month by month.
//
// For each victim of a ring (strong | faint):
// - missing episodes: 4-10 | 1-3 in the ring's window, mostly evenings, 5-30
//   hours; found at a ring place 65% | 30%, in the shopping centre 10% | 15%,
//   else the log does not say;
// - calls with one of the victim's two contact offenders (offenders take turns,
//   so none stands out) in the three hours before the child goes: 1-3 | 0-1
//   an episode, from the offender's second phone when there is one (70%);
//   night-time calls (22:00-03:00) outside episodes: 10-40 | 1-5;
// - ANPR: a ring vehicle at the child's children's-home camera as the child
//   goes (70% | 20%), at the camera of the place where the child is found
//   (75% | 25%), and dropping off near the home (30% | 0%); ring vehicles
//   also read at ring places on other evenings (3-10 | 0-2 each).
// Offenders call each other (5-20 | 1-5 calls a pair, any pair alike).
// Police occurrences: strong rings 1-3 (abduction warning notice, exploitation
// concern, sexual offence; offenders as suspects, care staff or parents
// reporting, another child as witness); faint rings at most a concern for
// welfare. A disclosure later withdrawn (50% | 25% of rings) leaves an
// occurrence with outcome "NFA - victim withdrew disclosure" and a return-
// interview note. Intelligence: 3-8 items graded 1-2 A-C | 1-2 items graded
// 3 D-E, and for a third of strong and half of faint rings an item about an
// unidentified man known only by a street name (no subject).
#include "engine/synth/events.h"
#include "engine/synth/networks.h"
#include "engine/synth/params.h"
#include "engine/synth/population.h"

namespace casegraph::synth {

// Makes the planted events, sorted by time. Marks everyone who appears in a
// planted occurrence or intelligence item as a police nominal.
EventSet plant_evidence(Population& pop, const Plan& plan, const SynthParams& params);

}  // namespace casegraph::synth
