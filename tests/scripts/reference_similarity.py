#!/usr/bin/python3
"""Reference values for casegraph's string comparators and phonetic key.

Reads a TSV of pairs (a<TAB>b per line, folded lower-case ASCII) from the file
named by argv[1] and writes, one line per pair:
  jaro_winkler(a, b)  nysiis(a)  nysiis(b)  osa(a, b)  damerau(a, b)  levenshtein(a, b)
jaro_winkler, nysiis, damerau and levenshtein come from jellyfish (Debian's
python3-jellyfish). nysiis is jellyfish's pure-Python implementation
(jellyfish._jellyfish.nysiis), which engine/similarity/phonetic.cpp ports:
jellyfish 0.8.9's C implementation disagrees with its own Python one on a few
corner cases (a doubled S before CH: "sschmiidt" gives SSSNAD in C, SNAD in
Python). jellyfish has no optimal-string-alignment distance, so
osa is the textbook dynamic programme written out here, and the test checks
damerau <= osa <= levenshtein as well.
"""
import sys
import warnings

import jellyfish
from jellyfish import _jellyfish


def osa(a, b):
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def main():
    warnings.simplefilter("ignore")
    out = []
    with open(sys.argv[1], encoding="ascii") as f:
        for line in f:
            a, b = line.rstrip("\n").split("\t")
            out.append("%.17g\t%s\t%s\t%d\t%d\t%d" % (
                jellyfish.jaro_winkler_similarity(a, b), _jellyfish.nysiis(a), _jellyfish.nysiis(b), osa(a, b),
                jellyfish.damerau_levenshtein_distance(a, b), jellyfish.levenshtein_distance(a, b)))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
