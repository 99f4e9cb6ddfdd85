#!/usr/bin/python3
"""FEBRL-shaped synthetic person records for bench/resolve_scale.sh.

N records: originals and duplicates (a share of the originals, each with one
to three errors: a typo in a name, a nickname, forename and surname swapped,
day and month swapped, a digit wrong in the date, postcode or id, a value
missing). Fictional names built from syllables of many languages. Writes
rec_id rec-N-org / rec-N-dup-k like FEBRL, so the truth is in the ids.
Deterministic for a seed. Usage: resolve_scale_generate.py N SEED OUT.csv
"""
import random
import sys

n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(seed)
FORE = ("amara wei jun leila imran piotr hira mihai jack olu sanjay ana maria jose ivan olga fatima yusuf aisha "
        "kwame chen li mei hiro yuki sven ingrid aroha tane priya ravi lucia marco elena nikos zara omar noor "
        "tomasz agnieszka dmitri katya kofi ama chidi ngozi liam emma noah ava lucas mia ethan isla oscar freya").split()
NICK = {"liam": "william", "jack": "john", "ana": "anna", "katya": "ekaterina", "mia": "maria"}
SYL = "ka ri to ma na se lo vi da en ho wu ze ba ko li an el or us im ta ni ro ve su ha mo pe di ga".split()
STREETS = "high church station mill park victoria king queen green manor school north south".split()
KINDS = "street road lane avenue close crescent way".split()
TOWNS = [rng.choice(SYL).capitalize() + rng.choice(SYL) + rng.choice(["ton", "ford", "by", "ham", "wick"]) for _ in range(800)]
SURNAMES = sorted({"".join(rng.choice(SYL) for _ in range(rng.randint(2, 4))) for _ in range(60000)})


def typo(s):
    if len(s) < 2:
        return s
    i = rng.randrange(len(s))
    op = rng.randrange(3)
    if op == 0:
        return s[:i] + s[i + 1:]
    if op == 1:
        return s[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + s[i + 1:]
    j = min(i + 1, len(s) - 1)
    return s[:i] + s[j] + s[i] + s[j + 1:] if j > i else s


def person(k):
    y, m, d = rng.randint(1925, 2012), rng.randint(1, 12), rng.randint(1, 28)
    return {"given_name": rng.choice(FORE), "surname": rng.choice(SURNAMES), "street_number": str(rng.randint(1, 200)),
            "address_1": f"{rng.choice(STREETS)} {rng.choice(KINDS)}", "address_2": "", "suburb": rng.choice(TOWNS),
            "postcode": str(rng.randint(1000, 9999)), "state": rng.choice(["nsw", "vic", "qld", "wa"]),
            "date_of_birth": f"{y:04d}{m:02d}{d:02d}", "soc_sec_id": str(rng.randint(1000000, 9999999))}


def corrupt(p):
    q = dict(p)
    for _ in range(rng.randint(1, 3)):
        e = rng.randrange(9)
        if e == 0: q["given_name"] = typo(q["given_name"])
        elif e == 1: q["surname"] = typo(q["surname"])
        elif e == 2: q["given_name"] = NICK.get(q["given_name"], q["given_name"])
        elif e == 3: q["given_name"], q["surname"] = q["surname"], q["given_name"]
        elif e == 4:
            dob = q["date_of_birth"]
            if dob: q["date_of_birth"] = dob[:4] + dob[6:8] + dob[4:6]
        elif e == 5: q["date_of_birth"] = typo(q["date_of_birth"]) if q["date_of_birth"] else ""
        elif e == 6: q["postcode"] = typo(q["postcode"])
        elif e == 7: q["soc_sec_id"] = typo(q["soc_sec_id"])
        else: q[rng.choice(["given_name", "surname", "date_of_birth", "address_1", "suburb"])] = ""
    if q["date_of_birth"] and not q["date_of_birth"].isdigit():
        q["date_of_birth"] = ""
    return q


cols = ["rec_id", "given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state",
        "date_of_birth", "soc_sec_id"]
originals = int(n * 0.8)
with open(out, "w") as f:
    f.write(", ".join(cols) + "\n")
    written = 0
    k = 0
    while written < n:
        p = person(k)
        rows = [("org", p)]
        if written < n - originals * 0 and rng.random() < (n - originals) / originals:
            for j in range(rng.choice([1, 1, 1, 2, 3])):
                rows.append((f"dup-{j}", corrupt(p)))
        for tag, r in rows:
            if written >= n:
                break
            r = dict(r, rec_id=f"rec-{k}-{tag}")
            f.write(", ".join(r[c] for c in cols) + "\n")
            written += 1
        k += 1
