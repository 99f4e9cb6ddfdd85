#!/usr/bin/env python3
"""Generates the synthetic multi-agency example case that the README's worked
example (`casegraph demo`) runs on.

    python3 examples/case/generate.py        # rewrites the CSVs and truth.json beside it

Standard library only, fixed seed: the output is the same on every run and is
committed. Everything here is invented. Names are drawn uniformly from a pooled
list of many cultures AFTER each person's role has been fixed, so that no role
correlates with name origin. Postcodes use the unused area "EB" (a fictional
town); phone numbers are in Ofcom's drama range 07700 900000-900999.

The story (truth.json lists who is who, for evaluation only; the engine never
reads it):
  (a) network A, strongly evidenced: three adult offenders of equal standing,
      four children aged 12-16 (two in Meadowbank Children's Home, two living at
      home); repeated missing episodes ending at a flat in Tanner Street or at
      a takeaway; one offender's car read by ANPR near the home and the flat
      inside those missing windows; night-time calls between the children's and
      offenders' phones; a child abduction warning notice and a sexual offence
      occurrence; graded intelligence.
  (b) network B, faint: two offenders, two children, few missing episodes, two
      low-grade intelligence items. Disjoint from A except one car: kept by an
      A offender, mentioned in intelligence on a B offender and read near B's flat.
      One B child's social-care record spells her forename differently from her
      police record, so exact resolution leaves them apart (realistic).
  (c) a burglary crew of four adults: many occurrences, vans, calls; no children.
  (d) a child who runs away repeatedly to her grandmother's: missing episodes,
      nothing else.
  (e) a petrol-station camera that reads most vehicles: a hub that links nobody.
  (f) ordinary people, vehicles, calls and occurrences as background.

All times are UTC (the exports carry no time zone; a real import would need one).
"""
import csv
import datetime as dt
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20250417)
UTC = dt.timezone.utc

# --- name pools (pooled across cultures; drawn uniformly) -------------------

FEMALE = [
    "Olivia", "Emily", "Chloe", "Hannah", "Grace", "Siobhan", "Aoife", "Niamh", "Róisín",
    "Zofia", "Agnieszka", "Kasia", "Maja", "Ayesha", "Fatima", "Hira", "Sana", "Hodan", "Amina",
    "Ifrah", "Ngozi", "Chiamaka", "Adaeze", "Folake", "Ioana", "Andreea", "Bianca", "Roxana",
    "Shirin", "Rojin", "Dilan", "Mei", "Xiu", "Lina", "Shanice", "Tanisha", "Keisha", "Ana",
    "Beatriz", "Inês", "Mariana", "Priya", "Nadia", "Leila", "Yasmin", "Precious", "Kemi",
]
MALE = [
    "Jack", "Oliver", "Harry", "Callum", "Liam", "Ethan", "Connor", "Ciarán", "Seán", "Declan",
    "Łukasz", "Piotr", "Tomasz", "Kacper", "Imran", "Bilal", "Usman", "Zain", "Abdi", "Mahad",
    "Yusuf", "Abdirahman", "Chinedu", "Emeka", "Tunde", "Obinna", "Ionuț", "Andrei", "Mihai",
    "Florin", "Rebin", "Karwan", "Soran", "Wei", "Jun", "Hao", "Marlon", "Delroy", "Tyrone",
    "Jermaine", "João", "Tiago", "Rui", "Arjun", "Ravi", "Omar", "Samuel", "Dylan", "Kieran",
]
SURNAMES = [
    "Hughes", "Fletcher", "Barker", "Holt", "Parry", "Walsh", "Murphy", "O'Brien", "Byrne",
    "Doyle", "Gallagher", "Kavanagh", "Nowak", "Wójcik", "Mazur", "Kaczmarek", "Khan", "Hussain",
    "Iqbal", "Akhtar", "Rashid", "Mahmood", "Warsame", "Farah", "Hassan", "Abdullahi", "Jama",
    "Osman", "Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Adebayo", "Popescu", "Ionescu",
    "Dumitru", "Munteanu", "Constantinescu", "Mohammadi", "Karimi", "Rostami", "Amini", "Chen",
    "Wang", "Li", "Zhang", "Liu", "Huang", "Campbell", "Brown", "Williams", "Clarke", "Reid",
    "Thompson", "Silva", "Gonçalves", "Ferreira", "Costa", "Pereira", "Sousa",
]

MAKES = ["Ford", "Vauxhall", "Volkswagen", "Toyota", "Nissan", "BMW", "Audi", "Kia", "Hyundai",
         "Peugeot", "Renault", "Skoda", "Honda", "Mercedes-Benz", "Citroen", "Seat", "Fiat"]
COLOURS = ["Black", "Silver", "Grey", "White", "Blue", "Red", "Green", "Bronze"]


def ts(y, m, d, hh=0, mm=0, ss=0):
    return int(dt.datetime(y, m, d, hh, mm, ss, tzinfo=UTC).timestamp())


def as_dt(t):
    return dt.datetime.fromtimestamp(t, UTC)


def rand_between(a, b):
    return R.randint(a, b)


# --- places -------------------------------------------------------------------

_used_postcodes = set()


def new_postcode(district=None):
    while True:
        d = district if district is not None else R.randint(1, 9)
        pc = "EB%d %d%s%s" % (d, R.randint(1, 9), R.choice("ABDEFGHJLNPQRSTUWXYZ"), R.choice("ABDEFGHJLNPQRSTUWXYZ"))
        if pc not in _used_postcodes:
            _used_postcodes.add(pc)
            return pc


def reserve(pc):
    _used_postcodes.add(pc)
    return pc


MEADOWBANK = reserve("EB3 7HN")     # Meadowbank Children's Home
HOLLYBROOK = reserve("EB7 3HB")     # Hollybrook House (network B's second child)
RING_FLAT = reserve("EB1 5RF")      # Flat 4, 22 Tanner Street (network A)
TAKEAWAY = reserve("EB1 3LD")       # a takeaway on Station Parade (network A)
B_FLAT = reserve("EB6 2WA")         # network B's flat
GRANNY = reserve("EB8 4PD")         # the runaway's grandmother
TOWN_CENTRE = reserve("EB1 1AA")    # bus station, shopping centre
PETROL = reserve("EB2 9XX")         # Northgate Services
RING_ROAD = reserve("EB4 6TT")
INDUSTRIAL = reserve("EB5 8QJ")

CAMERAS = {
    # Cameras carry the postcode of the street they watch, so that a read and a
    # missing child found in that street meet at one location in the graph.
    "CAM-01": MEADOWBANK,
    "CAM-02": RING_FLAT,
    "CAM-03": TOWN_CENTRE,
    "CAM-04": RING_ROAD,
    "CAM-05": B_FLAT,
    "CAM-06": HOLLYBROOK,
    "CAM-07": PETROL,
    "CAM-08": INDUSTRIAL,
}

# --- people: roles first --------------------------------------------------------


class Person:
    def __init__(self, key, role, group, sex, dob, postcode=None, nominal=True, phone=True):
        self.key = key            # internal handle, e.g. "A1"
        self.role = role          # offender, victim, crew, runaway, parent, staff, resident, background
        self.group = group        # A, B, C, D, or "" for background
        self.sex = sex
        self.dob = dob
        self.postcode = postcode or new_postcode()
        self.nominal = nominal    # appears in police_nominals.csv
        self.has_phone = phone and nominal
        self.forename = self.surname = None
        self.nominal_ref = None
        self.child_id = None
        self.phone = None
        self.placement = ""       # social care: name of the placement, blank when at home
        self.placement_type = ""


def adult_dob():
    return dt.date(R.randint(1962, 2004), R.randint(1, 12), R.randint(1, 28))


def child_dob():
    # 12-16 throughout 2025 and early 2026.
    return dt.date(R.randint(2009, 2012), R.randint(4, 12), R.randint(1, 28))


people = []


def person(*args, **kwargs):
    p = Person(*args, **kwargs)
    people.append(p)
    return p


# (a) network A
A1 = person("A1", "offender", "A", "M", adult_dob(), postcode=RING_FLAT)
A2 = person("A2", "offender", "A", "M", adult_dob())
A3 = person("A3", "offender", "A", "M", adult_dob())
V1 = person("V1", "victim", "A", "F", child_dob(), postcode=MEADOWBANK)
V2 = person("V2", "victim", "A", "F", child_dob(), postcode=MEADOWBANK)
V3 = person("V3", "victim", "A", "F", child_dob())
V4 = person("V4", "victim", "A", "M", child_dob())
V3_PARENT = person("V3P", "parent", "", "F", adult_dob(), postcode=V3.postcode)
V4_PARENT = person("V4P", "parent", "", "M", adult_dob(), postcode=V4.postcode)
for v in (V1, V2):
    v.placement, v.placement_type = "Meadowbank Children's Home", "Children's home"
for v in (V3, V4):
    v.placement_type = "Lives at home"

# (b) network B
B1 = person("B1", "offender", "B", "M", adult_dob(), postcode=B_FLAT)
B2 = person("B2", "offender", "B", "F", adult_dob())
W1 = person("W1", "victim", "B", "F", child_dob())
W2 = person("W2", "victim", "B", "F", child_dob(), postcode=HOLLYBROOK, nominal=False)
W1.placement_type = "Lives at home"
W2.placement, W2.placement_type = "Hollybrook House", "Children's home"

# (c) burglary crew
CREW = [person("C%d" % i, "crew", "C", R.choice("MMMF"), adult_dob()) for i in range(1, 5)]

# (d) the runaway and her grandmother
D1 = person("D1", "runaway", "D", "F", child_dob())
D1.placement_type = "Lives at home"
GRAN = person("D1G", "grandparent", "", "F", dt.date(1958, 3, 9), postcode=GRANNY)

# Meadowbank staff and other residents (benign)
STAFF = [person("S%d" % i, "staff", "", R.choice("MF"), adult_dob()) for i in (1, 2)]
K1 = person("K1", "resident", "", "M", child_dob(), postcode=MEADOWBANK, phone=False)
K2 = person("K2", "resident", "", "F", child_dob(), postcode=MEADOWBANK, nominal=False)
K3 = person("K3", "child", "", "M", child_dob(), nominal=False)
for k in (K1, K2):
    k.placement, k.placement_type = "Meadowbank Children's Home", "Children's home"
K3.placement_type = "Lives at home"

# (f) background: people the police know (victims, witnesses, suspects of
# ordinary crime), and people who only keep a vehicle.
BG_NOMINAL = [person("N%02d" % i, "background", "", R.choice("MF"), adult_dob(), phone=(i % 5 != 0))
              for i in range(1, 31)]
BG_KEEPER = [person("K%02d" % i, "background", "", R.choice("MF"), adult_dob(), nominal=False)
             for i in range(1, 19)]
# Two households: a couple and a parent with adult son share a postcode.
BG_NOMINAL[1].postcode = BG_NOMINAL[0].postcode
BG_NOMINAL[3].postcode = BG_NOMINAL[2].postcode

# --- names: drawn uniformly, after the roles ---------------------------------

families = [(V3, V3_PARENT), (V4, V4_PARENT), (D1, GRAN), (BG_NOMINAL[0], BG_NOMINAL[1]),
            (BG_NOMINAL[2], BG_NOMINAL[3])]
family_of = {}
for fam in families:
    for p in fam:
        family_of[p.key] = fam[0].key
used_names = set()
surname_of_family = {}
for p in people:
    while True:
        fore = R.choice(FEMALE if p.sex == "F" else MALE)
        fam = family_of.get(p.key)
        if fam and fam in surname_of_family:
            sur = surname_of_family[fam]
        else:
            sur = R.choice(SURNAMES)
        if (fore, sur) not in used_names:
            break
    used_names.add((fore, sur))
    if fam:
        surname_of_family.setdefault(fam, sur)
    p.forename, p.surname = fore, sur

# --- identifiers ------------------------------------------------------------

nominal_numbers = R.sample(range(1000, 99999), len(people))
for p, n in zip(people, nominal_numbers):
    if p.nominal:
        p.nominal_ref = "N-%06d" % n
child_numbers = iter(R.sample(range(1000, 9999), 20))
for p in people:
    if p.placement_type:
        p.child_id = "SC-%d" % next(child_numbers)

phone_numbers = iter(R.sample(range(900000, 901000), 200))
for p in people:
    if p.has_phone:
        p.phone = "07700%06d" % next(phone_numbers)
TAXI_PHONE = "07700%06d" % next(phone_numbers)   # Elm Cars: a taxi firm everyone rings

# --- formatting helpers (each agency writes things its own way) --------------


def fmt_phone(digits, style):
    local = digits[1:]  # 7700900123
    return {
        0: "%s %s" % (digits[:5], digits[5:]),            # 07700 900123
        1: "+44 %s %s" % (local[:4], local[4:]),          # +44 7700 900123
        2: digits,                                        # 07700900123
        3: "0044 %s" % local,                             # 0044 7700900123
        4: "+44%s" % local,                               # +447700900123
    }[style]


def fmt_postcode(pc, style):
    return {0: pc, 1: pc.lower(), 2: pc.replace(" ", "")}[style]


def fmt_vrm(vrm, style):
    return {0: vrm, 1: vrm.replace(" ", ""), 2: vrm.lower(), 3: vrm.replace(" ", "").lower()}[style]


def ddmmyyyy(d):
    return d.strftime("%d/%m/%Y")


def ddmmyyyy_hhmm(t):
    return as_dt(t).strftime("%d/%m/%Y %H:%M")


def iso_local(t):
    return as_dt(t).strftime("%Y-%m-%dT%H:%M:%S")


def iso_z(t):
    return as_dt(t).strftime("%Y-%m-%dT%H:%M:%SZ")


def weighted_style(weights):
    return R.choices(range(len(weights)), weights=weights)[0]


# --- vehicles -------------------------------------------------------------------

_used_vrms = set()


def new_vrm():
    letters = "ABCDEFGHJKLMNOPRSTUVWXYZ"
    while True:
        age = R.choice(["15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "65", "66", "67", "68", "69",
                        "70", "71", "72", "73", "74"])
        vrm = "%s%s%s %s" % (R.choice(letters), R.choice(letters), age, "".join(R.choice(letters) for _ in range(3)))
        if vrm not in _used_vrms:
            _used_vrms.add(vrm)
            return vrm


class Vehicle:
    def __init__(self, keeper, make=None, colour=None):
        self.vrm = new_vrm()
        self.keeper = keeper
        self.make = make or R.choice(MAKES)
        self.colour = colour or R.choice(COLOURS)


vehicles = []


def vehicle(keeper, **kw):
    v = Vehicle(keeper, **kw)
    vehicles.append(v)
    return v


CAR_A2 = vehicle(A2, make="BMW", colour="Black")
CAR_SHARED = vehicle(A3, make="Audi", colour="Grey")     # kept by A3, used by B1
CAR_B2 = vehicle(B2)
VAN_C1 = vehicle(CREW[0], make="Ford", colour="White")
CAR_C3 = vehicle(CREW[2])
CAR_GRAN = vehicle(GRAN, make="Toyota")
CAR_V3P = vehicle(V3_PARENT)
CAR_S1 = vehicle(STAFF[0])
for p in BG_KEEPER:
    vehicle(p)
for p in R.sample(BG_NOMINAL, 14):
    vehicle(p)
vehicle(BG_KEEPER[0])  # one keeper with two vehicles
UNKNOWN_VRMS = [new_vrm() for _ in range(6)]  # foreign plates, cloned plates, not on the keeper file

# --- events ----------------------------------------------------------------------

episodes = []      # (child, start, end, found_postcode or "")
reads = []         # (vrm, camera, time)
calls = []         # (caller digits, called digits, start, duration)
occurrence_rows = []   # (ref, time, offence, postcode, person, role, circumstances)
intel = []         # (time, grading, subject, vrm, postcode)


def evening(day):
    """A missing-from time on `day` (a date) between 17:00 and 23:30."""
    return ts(day.year, day.month, day.day, R.randint(17, 23), R.choice([0, 10, 15, 20, 30, 40, 45, 50]))


def days_between(a, b, n):
    span = (b - a).days
    return sorted(a + dt.timedelta(days=d) for d in R.sample(range(span), n))


def night_time_near(t, before_hours=3):
    return t - R.randint(10 * 60, before_hours * 3600)


def add_call(a, b, t, short=False):
    if a.phone is None or b.phone is None:
        return
    calls.append((a.phone, b.phone, t, R.randint(8, 90) if short else R.randint(20, 900)))


def night_at(day):
    hour = R.choice([22, 23, 0, 1, 2])
    base = ts(day.year, day.month, day.day, hour, R.randint(0, 59), R.randint(0, 59))
    return base + (86400 if hour < 12 else 0)


# (a) network A: missing episodes found at the flat or the takeaway
A_OFFENDERS = [A1, A2, A3]
found_plan = {
    V1: [RING_FLAT, RING_FLAT, TAKEAWAY, RING_FLAT, TAKEAWAY, ""],
    V2: [RING_FLAT, TAKEAWAY, TAKEAWAY, RING_FLAT, ""],
    V3: [RING_FLAT, TAKEAWAY, RING_FLAT, ""],
    V4: [TAKEAWAY, TAKEAWAY, RING_FLAT, ""],
}
contact = {V1: [A1, A2], V2: [A2, A1], V3: [A1, A3], V4: [A3, A2]}
v1_days = days_between(dt.date(2025, 3, 1), dt.date(2026, 2, 15), len(found_plan[V1]))
for child, plan in found_plan.items():
    if child is V2:
        # V1 and V2 often go missing from the home on the same evening.
        days = sorted(v1_days[:3] + days_between(dt.date(2025, 3, 1), dt.date(2026, 2, 15), len(plan) - 3))
    else:
        days = days_between(dt.date(2025, 3, 1), dt.date(2026, 2, 15), len(plan))
    for day, found in zip(days, plan):
        start = evening(day)
        end = start + R.randint(5, 20) * 3600 + R.choice([0, 900, 1800, 2700])
        episodes.append((child, start, end, found))
        # Calls arranging the pick-up, shortly before the child leaves.
        for _ in range(R.randint(1, 3)):
            o = R.choice(contact[child])
            t = night_time_near(start)
            if R.random() < 0.5:
                add_call(o, child, t, short=True)
            else:
                add_call(child, o, t, short=True)
        # A2's car near the children's home, then in Tanner Street; A3's car
        # in Tanner Street for the children who live at home.
        if child in (V1, V2):
            reads.append((CAR_A2.vrm, "CAM-01", start + R.randint(-20, 35) * 60))
            reads.append((CAR_A2.vrm, "CAM-02", start + R.randint(40, 95) * 60))
            if R.random() < 0.5:
                reads.append((CAR_A2.vrm, "CAM-01", end - R.randint(10, 40) * 60))
        else:
            reads.append((CAR_SHARED.vrm, "CAM-02", start + R.randint(30, 120) * 60))

# Night-time calls between the children and the offenders, outside the episodes too.
for _ in range(28):
    child = R.choice([V1, V2, V3, V4])
    o = R.choice(contact[child])
    t = night_at(dt.date(2025, 3, 1) + dt.timedelta(days=R.randint(0, 340)))
    if R.random() < 0.6:
        add_call(o, child, t)
    else:
        add_call(child, o, t)
# The offenders among themselves (no ringleader: each calls each).
for _ in range(18):
    a, b = R.sample(A_OFFENDERS, 2)
    day = dt.date(2025, 2, 1) + dt.timedelta(days=R.randint(0, 380))
    add_call(a, b, ts(day.year, day.month, day.day, R.randint(9, 23), R.randint(0, 59)))

# Police occurrences for network A.
_occ_keys = iter(range(1, 10000))


def occ_ref(t):
    """An internal key; the force's reference is given in time order when written."""
    return next(_occ_keys)


t_cawn = ts(2025, 6, 14, 1, 20)
ref = occ_ref(t_cawn)
occurrence_rows += [
    (ref, t_cawn, "Child abduction warning notice", TAKEAWAY, A2, "Suspect",
     "CAWN served on suspect re V, found in rear room of takeaway at 01:00 by patrol; "
     "child in care, reported missing from placement."),
    (ref, t_cawn, "Child abduction warning notice", TAKEAWAY, V1, "Victim", ""),
    (ref, t_cawn, "Child abduction warning notice", TAKEAWAY, STAFF[0], "Reporting person", ""),
]
t_sex = ts(2025, 9, 27, 23, 5)
ref = occ_ref(t_sex)
occurrence_rows += [
    (ref, t_sex, "Sexual activity with a child", RING_FLAT, A1, "Suspect",
     "Disclosure by child to parent after return from missing episode.\n"
     "Child describes flat, Tanner Street, \"older men\", alcohol and cannabis given."),
    (ref, t_sex, "Sexual activity with a child", RING_FLAT, V3, "Victim", ""),
    (ref, t_sex, "Sexual activity with a child", RING_FLAT, V3_PARENT, "Reporting person", ""),
]
t_assault_a3 = ts(2025, 11, 2, 22, 40)
ref = occ_ref(t_assault_a3)
bystander = BG_NOMINAL[5]
occurrence_rows += [
    (ref, t_assault_a3, "Assault", TAKEAWAY, A3, "Suspect",
     "Customer, staff member argument at counter, one punch; no injury. Victim declined to support."),
    (ref, t_assault_a3, "Assault", TAKEAWAY, bystander, "Victim", ""),
]

# Intelligence on network A, mostly 3x5x2, one legacy 5x5x5 item.
intel += [
    (ts(2024, 11, 20), "B2", A1, "", RING_FLAT),
    (ts(2025, 5, 8), "2B P", A1, "", RING_FLAT),
    (ts(2025, 6, 30), "2B P", A2, CAR_A2.vrm, ""),
    (ts(2025, 7, 19), "2B C", V1, "", RING_FLAT),
    (ts(2025, 8, 11), "3B P", A2, "", TAKEAWAY),
    (ts(2025, 9, 3), "2C P", A3, CAR_SHARED.vrm, TAKEAWAY),
    (ts(2025, 10, 22), "3B P", V4, "", TAKEAWAY),
    (ts(2026, 1, 14), "2A P", A3, CAR_A2.vrm, RING_FLAT),
]

# (b) network B: faint.
for child, plan in ((W1, [B_FLAT, ""]), (W2, [B_FLAT, TOWN_CENTRE])):
    for day, found in zip(days_between(dt.date(2025, 4, 1), dt.date(2025, 12, 1), len(plan)), plan):
        start = evening(day)
        end = start + R.randint(6, 16) * 3600
        episodes.append((child, start, end, found))
        if child is W2 and found:
            reads.append((CAR_B2.vrm, "CAM-06", start + R.randint(-15, 40) * 60))
        if child is W1:
            add_call(B1, W1, night_time_near(start), short=True)
for _ in range(2):
    add_call(W1, B1, night_at(dt.date(2025, 5, 1) + dt.timedelta(days=R.randint(0, 200))))
for _ in range(4):
    day = dt.date(2025, 3, 1) + dt.timedelta(days=R.randint(0, 300))
    add_call(B1, B2, ts(day.year, day.month, day.day, R.randint(10, 22), R.randint(0, 59)))
# The shared car, kept by A3, is driven by B1: read outside B's flat.
for day in days_between(dt.date(2025, 5, 1), dt.date(2025, 11, 30), 2):
    reads.append((CAR_SHARED.vrm, "CAM-05", ts(day.year, day.month, day.day, R.randint(19, 23), R.randint(0, 59))))
for day in days_between(dt.date(2025, 3, 1), dt.date(2025, 12, 1), 2):
    reads.append((CAR_B2.vrm, "CAM-05", ts(day.year, day.month, day.day, R.randint(8, 22), R.randint(0, 59))))
intel += [
    (ts(2025, 10, 5), "3D C", B1, CAR_SHARED.vrm, B_FLAT),
    (ts(2025, 11, 17), "D4", B2, "", B_FLAT),
]
t_b1 = ts(2025, 8, 16, 0, 30)
ref = occ_ref(t_b1)
occurrence_rows += [
    (ref, t_b1, "Public order offence", TOWN_CENTRE, B1, "Suspect", "Shouting, swearing at door staff outside bar."),
    (ref, t_b1, "Public order offence", TOWN_CENTRE, BG_NOMINAL[6], "Reporting person", ""),
]

# (c) the burglary crew: many occurrences, highly linked.
OFFENCES_C = ["Burglary dwelling"] * 8 + ["Theft from motor vehicle"] * 2 + ["Shoplifting"] * 3
circumstances_c = [
    "Rear patio door forced, jewellery, laptop and car keys taken.",
    "Entry via insecure kitchen window; two males seen leaving, one carrying a holdall.",
    "Front door lock snapped. Householder away, neighbour heard van at 03:00.",
    "Rear garden gate forced, shed and house entered, power tools taken.",
    "Cash, passports and a games console taken; untidy search of bedrooms.",
    "Entry via first-floor window, ladder from neighbour's garden.",
    "Keys fished through letterbox, car not taken, handbag taken.",
    "Suspect seen leaving via rear garden, carrying a holdall.\nNeighbour called 999, gave partial VRM of white van.",
    "Window smashed, sat-nav and tools taken from van.",
    "Catalytic converter cut from vehicle, \"grinder noise\" heard at 02:30.",
    "Two suspects, one distracts staff, other fills bag with razor blades, coffee.",
    "Alcohol taken, staff threatened when challenged.",
    "Perfume, electric toothbrushes taken; suspects left in white van.",
]
crew_days = days_between(dt.date(2024, 6, 1), dt.date(2025, 11, 30), len(OFFENCES_C))
householders = BG_NOMINAL[7:20]
shop_staff = BG_NOMINAL[20:23]
for i, (day, offence) in enumerate(zip(crew_days, OFFENCES_C)):
    t = ts(day.year, day.month, day.day, R.choice([2, 3, 4, 10, 11, 14, 15, 16]), R.randint(0, 59))
    ref = occ_ref(t)
    suspects = R.sample(CREW, R.randint(2, 3))
    if offence == "Shoplifting":
        staff = shop_staff[i % len(shop_staff)]
        place = TOWN_CENTRE if i % 2 else INDUSTRIAL
        rows = [(ref, t, offence, place, s, "Suspect", circumstances_c[i]) for s in suspects]
        rows.append((ref, t, offence, place, staff, "Reporting person", ""))
    else:
        victim = householders[i % len(householders)]
        place = victim.postcode
        rows = [(ref, t, offence, place, s, "Suspect", circumstances_c[i]) for s in suspects]
        rows.append((ref, t, offence, place, victim, "Victim", ""))
        rows.append((ref, t, offence, place, victim, "Reporting person", ""))
        if i % 3 == 0:
            rows.append((ref, t, offence, place, householders[(i + 5) % len(householders)], "Witness", ""))
    occurrence_rows += rows
    # The crew's van on the ring road around the time.
    reads.append((VAN_C1.vrm, "CAM-04", t - R.randint(10, 50) * 60))
    if R.random() < 0.5:
        reads.append((CAR_C3.vrm, "CAM-08", t + R.randint(10, 60) * 60))
    # Calls among them before and after.
    a, b = R.sample(suspects, 2)
    add_call(a, b, t - R.randint(15, 120) * 60, short=True)
    add_call(b, a, t + R.randint(15, 180) * 60)
for _ in range(14):
    a, b = R.sample(CREW, 2)
    day = dt.date(2024, 5, 1) + dt.timedelta(days=R.randint(0, 580))
    add_call(a, b, ts(day.year, day.month, day.day, R.randint(8, 23), R.randint(0, 59)))
intel += [
    (ts(2024, 9, 2), "2B P", CREW[0], VAN_C1.vrm, ""),
    (ts(2025, 1, 23), "C34", CREW[1], "", ""),
    (ts(2025, 6, 5), "3C P", CREW[2], CAR_C3.vrm, INDUSTRIAL),
]

# (d) the runaway: always to her grandmother's.
for day in days_between(dt.date(2024, 9, 1), dt.date(2026, 1, 31), 5):
    start = evening(day)
    episodes.append((D1, start, start + R.randint(3, 14) * 3600, GRANNY))
    add_call(D1, GRAN, start + R.randint(20, 90) * 60)
for _ in range(4):
    day = dt.date(2024, 8, 1) + dt.timedelta(days=R.randint(0, 500))
    add_call(GRAN, D1, ts(day.year, day.month, day.day, R.randint(15, 20), R.randint(0, 59)))

# Other children: one-off episodes, found in town or at a friend's.
friend = BG_NOMINAL[24]
for child, found in ((K1, TOWN_CENTRE), (K1, ""), (K2, TOWN_CENTRE), (K3, friend.postcode)):
    day = dt.date(2024, 7, 1) + dt.timedelta(days=R.randint(0, 560))
    start = evening(day)
    episodes.append((child, start, start + R.randint(2, 9) * 3600, found))
t_k1 = ts(2025, 2, 8, 20, 15)
ref = occ_ref(t_k1)
occurrence_rows += [
    (ref, t_k1, "Assault", MEADOWBANK, K1, "Suspect", "Resident pushed member of staff during restraint; no injury."),
    (ref, t_k1, "Assault", MEADOWBANK, STAFF[1], "Victim", ""),
    (ref, t_k1, "Assault", MEADOWBANK, STAFF[0], "Witness", ""),
]

# (f) background occurrences.
bg_offences = [
    ("Assault", "Argument between neighbours over parking, one punch, minor injury."),
    ("Shoplifting", "Meat and cheese concealed in bag, stopped by security."),
    ("Criminal damage", "Wing mirror kicked off, offender known to victim."),
    ("Assault", "Domestic: verbal argument, victim pushed, no injury, DASH standard."),
    ("Burglary dwelling", "Shed entered, bicycle taken; no suspects."),
    ("Public order offence", "Drunk male abusive to bus driver."),
    ("Shoplifting", "Clothing taken, suspect identified from CCTV, \"regular\"."),
    ("Criminal damage", "Graffiti on garage door, \"EB1\" tag."),
    ("Theft from motor vehicle", "Handbag taken from unlocked car on driveway."),
]
bg_pool = BG_NOMINAL[:7] + BG_NOMINAL[23:30] + [GRAN]
child_witnesses = [W1, D1]  # how two of the children came to be police nominals
for offence, circumstances in bg_offences:
    day = dt.date(2024, 3, 1) + dt.timedelta(days=R.randint(0, 700))
    t = ts(day.year, day.month, day.day, R.randint(8, 23), R.randint(0, 59))
    ref = occ_ref(t)
    cast = R.sample(bg_pool, 3)
    place = cast[1].postcode
    if offence in ("Burglary dwelling", "Theft from motor vehicle"):
        occurrence_rows += [(ref, t, offence, place, cast[1], "Victim", circumstances),
                            (ref, t, offence, place, cast[1], "Reporting person", ""),
                            (ref, t, offence, place, cast[2], "Witness", "")]
    else:
        occurrence_rows += [(ref, t, offence, place, cast[0], "Suspect", circumstances),
                            (ref, t, offence, place, cast[1], "Victim", ""),
                            (ref, t, offence, place, cast[2], "Witness", "")]
        if child_witnesses:
            occurrence_rows.append((ref, t, offence, place, child_witnesses.pop(), "Witness", ""))

intel += [
    (ts(2024, 12, 2), "3E C", BG_NOMINAL[4], "", ""),
    (ts(2025, 4, 17), "2C P", BG_NOMINAL[26], "", TOWN_CENTRE),
]

# Background calls: households, friends, and the taxi firm everyone rings.
bg_with_phone = [p for p in BG_NOMINAL + STAFF + [V3_PARENT, V4_PARENT, GRAN] if p.phone]
for _ in range(55):
    a, b = R.sample(bg_with_phone, 2)
    day = dt.date(2024, 3, 1) + dt.timedelta(days=R.randint(0, 700))
    add_call(a, b, ts(day.year, day.month, day.day, R.randint(8, 21), R.randint(0, 59)))
for fam in families:
    for _ in range(3):
        add_call(fam[1], fam[0], ts(2025, R.randint(1, 12), R.randint(1, 28), R.randint(8, 21), R.randint(0, 59)))
taxi_callers = bg_with_phone + [V1, A1, CREW[3], W1]
for _ in range(24):
    p = R.choice(taxi_callers)
    day = dt.date(2024, 3, 1) + dt.timedelta(days=R.randint(0, 700))
    calls.append((p.phone, TAXI_PHONE, ts(day.year, day.month, day.day, R.randint(0, 23), R.randint(0, 59)),
                  R.randint(20, 120)))

# (e) the petrol station reads most vehicles; other cameras see ordinary traffic.
for v in vehicles:
    if R.random() < 0.85:
        for _ in range(R.randint(1, 4)):
            day = dt.date(2024, 3, 1) + dt.timedelta(days=R.randint(0, 700))
            reads.append((v.vrm, "CAM-07", ts(day.year, day.month, day.day, R.randint(6, 23), R.randint(0, 59))))
    for _ in range(R.randint(0, 2)):
        day = dt.date(2024, 3, 1) + dt.timedelta(days=R.randint(0, 700))
        cam = R.choice(["CAM-03", "CAM-04", "CAM-08", "CAM-03", "CAM-01", "CAM-02"])
        reads.append((v.vrm, cam, ts(day.year, day.month, day.day, R.randint(7, 20), R.randint(0, 59))))
for vrm in UNKNOWN_VRMS:
    for _ in range(R.randint(1, 3)):
        day = dt.date(2024, 3, 1) + dt.timedelta(days=R.randint(0, 700))
        reads.append((vrm, R.choice(list(CAMERAS)), ts(day.year, day.month, day.day, R.randint(0, 23), R.randint(0, 59))))

# --- spelling variants that exact resolution will (rightly, for now) keep apart --

# Spellings another agency might use for the same person: transliterations,
# dropped diacritics and apostrophes, common confusions; else a typing slip.
VARIANTS = {
    "Amina": "Aminah", "Shanice": "Shaniece", "Siobhan": "Shivaun", "Zofia": "Sofia", "Yusuf": "Yousuf",
    "Ifrah": "Ifra", "Hodan": "Hoodan", "Mahmood": "Mahmud", "Hussain": "Hussein", "Mohammadi": "Mohamadi",
    "Warsame": "Warsami", "Abdullahi": "Abdulahi", "Thompson": "Thomson", "Clarke": "Clark", "Reid": "Reed",
    "Byrne": "Burne", "Popescu": "Popesku", "Adeyemi": "Adeyem", "Okonkwo": "Okonkow", "Holt": "Holte",
}
FOLD = str.maketrans("óáéíúñçãâêôõłśżźćńąęăîșțÓÁÉÍÚŁŚŻ", "oaeiuncaaeoolszzcnaeaistOAEIULSZ")


def variant(name):
    if name in VARIANTS:
        return VARIANTS[name]
    folded = name.translate(FOLD).replace("'", "")
    if folded != name:
        return folded
    return name[0] + name[2] + name[1] + name[3:]  # a transposition typed in a hurry


social_care_forename = {p.key: p.forename for p in people}
social_care_forename[W1.key] = variant(W1.forename)
# The DVLA holds two police nominals under another spelling of their surname.
keeper_variant = {p.key for p in sorted({v.keeper for v in vehicles if v.keeper in BG_NOMINAL},
                                        key=lambda p: p.key)[3:5]}

# --- write the CSVs -------------------------------------------------------------


def write(name, header, rows, crlf):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n" if crlf else "\n")
        w.writerow(header)
        w.writerows(rows)
    return len(rows)


by_key = {p.key: p for p in people}
counts = {}

# Police systems export with CR LF.
nominal_rows = []
for p in sorted((p for p in people if p.nominal), key=lambda p: p.nominal_ref):
    phone = fmt_phone(p.phone, weighted_style([4, 3, 2, 1, 0])) if p.phone else ""
    nominal_rows.append([p.nominal_ref, p.surname, p.forename, ddmmyyyy(p.dob), p.sex, phone,
                         fmt_postcode(p.postcode, weighted_style([8, 1, 1]))])
counts["police_nominals.csv"] = write("police_nominals.csv",
                                      ["NominalRef", "Surname", "Forename", "DOB", "Sex", "Phone", "Postcode"],
                                      nominal_rows, crlf=True)

# One row per person in an occurrence; the occurrence's own fields (time,
# offence, place, circumstances) repeat on each of its rows, as in a flat
# export. References run in time order, as a force's do.
role_order = {"Suspect": 0, "Victim": 1, "Witness": 2, "Reporting person": 3}
occurrence_rows.sort(key=lambda r: (r[1], r[0], role_order[r[5]]))
occ_fields = {}
for key, t, offence, pc, _, _, text in occurrence_rows:
    if key not in occ_fields:
        occ_fields[key] = ["EB/%s/%05d" % (as_dt(t).strftime("%y"), 10211 + 37 * len(occ_fields)),
                           fmt_postcode(pc, weighted_style([8, 1, 1])), text]
    elif text:
        occ_fields[key][2] = text
counts["police_occurrences.csv"] = write(
    "police_occurrences.csv",
    ["OccurrenceRef", "ReportedAt", "OffenceType", "LocationPostcode", "NominalRef", "Role", "Circumstances"],
    [[occ_fields[key][0], ddmmyyyy_hhmm(t), offence, occ_fields[key][1], p.nominal_ref, role, occ_fields[key][2]]
     for key, t, offence, pc, p, role, text in occurrence_rows],
    crlf=True)

intel.sort(key=lambda r: r[0])
counts["intelligence.csv"] = write(
    "intelligence.csv",
    ["IntelRef", "RecordedOn", "Grading", "SubjectRef", "LinkedVRM", "LinkedPostcode"],
    [["INT-%s-%04d" % (as_dt(t).strftime("%Y"), 101 + 7 * i), as_dt(t).strftime("%d/%m/%Y"), grading,
      subject.nominal_ref, fmt_vrm(vrm, weighted_style([3, 2, 1, 0])) if vrm else "",
      fmt_postcode(pc, 0) if pc else ""]
     for i, (t, grading, subject, vrm, pc) in enumerate(intel)],
    crlf=True)

# Children's services: LF line ends, ISO dates.
episodes.sort(key=lambda e: e[1])
counts["social_care_missing.csv"] = write(
    "social_care_missing.csv",
    ["EpisodeId", "ChildId", "ChildForename", "ChildSurname", "ChildDOB", "Placement", "PlacementType",
     "MissingFrom", "Returned", "FoundAtPostcode"],
    [["ME-%05d" % (3100 + 3 * i), c.child_id, social_care_forename[c.key], c.surname, c.dob.isoformat(),
      c.placement, c.placement_type, iso_local(start), iso_local(end), fmt_postcode(found, 0) if found else ""]
     for i, (c, start, end, found) in enumerate(episodes)],
    crlf=False)

keeper_rows = []
for v in sorted(vehicles, key=lambda v: v.vrm):
    k = v.keeper
    sur = variant(k.surname) if k.key in keeper_variant else k.surname
    keeper_rows.append([fmt_vrm(v.vrm, weighted_style([5, 3, 1, 1])), v.make, v.colour, k.forename, sur,
                        ddmmyyyy(k.dob), fmt_postcode(k.postcode, weighted_style([6, 0, 1]))])
counts["vehicle_keepers.csv"] = write(
    "vehicle_keepers.csv",
    ["VRM", "Make", "Colour", "KeeperForename", "KeeperSurname", "KeeperDOB", "KeeperPostcode"],
    keeper_rows, crlf=False)

reads.sort(key=lambda r: (r[2], r[1], r[0]))
counts["anpr_reads.csv"] = write(
    "anpr_reads.csv",
    ["ReadId", "VRM", "CameraId", "CameraPostcode", "ReadAt"],
    [["R%07d" % (500000 + 11 * i), vrm.replace(" ", ""), cam, CAMERAS[cam], t]
     for i, (vrm, cam, t) in enumerate(reads)],
    crlf=False)

calls.sort(key=lambda c: (c[2], c[0], c[1]))
counts["call_records.csv"] = write(
    "call_records.csv",
    ["CallId", "CallerNumber", "CalledNumber", "StartedAt", "DurationSeconds"],
    [["C%06d" % (1 + i), fmt_phone(a, R.choice([2, 4])), fmt_phone(b, R.choice([2, 4])), iso_z(t), d]
     for i, (a, b, t, d) in enumerate(calls)],
    crlf=False)

# --- truth.json: for evaluation, never an input to the engine ------------------


def who(p):
    out = {"name": "%s %s" % (p.forename, p.surname), "dob": p.dob.isoformat()}
    if p.nominal_ref:
        out["nominal_ref"] = p.nominal_ref
    if p.child_id:
        out["child_id"] = p.child_id
    if p.phone:
        out["phone"] = p.phone
    return out


truth = {
    "about": "Planted structure of the synthetic example case (examples/case/generate.py). "
             "For evaluating rankings; the engine must never read this file.",
    "seed": 20250417,
    "networks": [
        {"id": "A", "kind": "child sexual exploitation", "evidence": "strong",
         "offenders": [who(p) for p in A_OFFENDERS],
         "victims": [dict(who(p), placement=p.placement or "lives at home") for p in (V1, V2, V3, V4)],
         "places": {"ring_flat": RING_FLAT, "takeaway": TAKEAWAY, "childrens_home": MEADOWBANK},
         "vehicles": [CAR_A2.vrm, CAR_SHARED.vrm]},
        {"id": "B", "kind": "child sexual exploitation", "evidence": "faint",
         "offenders": [who(p) for p in (B1, B2)],
         "victims": [dict(who(p), placement=p.placement or "lives at home") for p in (W1, W2)],
         "places": {"flat": B_FLAT, "childrens_home": HOLLYBROOK},
         "vehicles": [CAR_B2.vrm, CAR_SHARED.vrm],
         "notes": ["W2 is known only to children's services (no police nominal).",
                   "W1's social-care forename is '%s', her police forename '%s': exact resolution keeps "
                   "the two records apart." % (social_care_forename[W1.key], W1.forename)]},
    ],
    "shared_between_A_and_B": {"vehicle": CAR_SHARED.vrm,
                               "how": "kept by A offender %s; intelligence on B offender %s mentions it; read "
                                      "outside B's flat" % (A3.nominal_ref, B1.nominal_ref)},
    "burglary_crew": {"kind": "acquisitive crime, no child victims", "members": [who(p) for p in CREW],
                      "vehicles": [VAN_C1.vrm, CAR_C3.vrm]},
    "benign_runaway": {"child": who(D1), "found_at": GRANNY, "grandparent": who(GRAN)},
    "hubs": {"petrol_station_camera": {"camera": "CAM-07", "postcode": PETROL},
             "taxi_firm_phone": TAXI_PHONE,
             "childrens_home": MEADOWBANK},
    "spelling_variants": [
        {"who": W1.nominal_ref, "police": W1.forename, "social_care": social_care_forename[W1.key]},
    ] + [{"who": by_key[k].nominal_ref, "police_surname": by_key[k].surname,
          "dvla_surname": variant(by_key[k].surname)} for k in sorted(keeper_variant)],
    "people": len(people),
    "rows": counts,
}
with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, indent=2, ensure_ascii=False)
    f.write("\n")

if __name__ == "__main__":
    for name, n in sorted(counts.items()):
        print("%-24s %4d rows" % (name, n))
    print("%-24s %4d" % ("people", len(people)))
