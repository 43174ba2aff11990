"""Second standalone sample (frozen before any tuning of this session).

Same population as sample_standalone.py (every fs_common sentence of 8..60 words in every
non-junk dev document, seeds excluded), minus the 220 sentences of the first draw. 320 are drawn
uniformly without replacement with random.Random(20261130), written unlabelled to
standalone2_sampled.jsonl in draw order, ids t001..t320; half by cluster parity as before.
"""

import json
import os
import random

import fs_common as fc
from sample_standalone import population

SEED = 20261130
N = 320


def main():
    taken = set()
    with open(os.path.join(fc.HERE, "standalone.jsonl")) as f:
        for line in f:
            r = json.loads(line)
            taken.add((r["cluster"], r["doc"], r["start"]))
    pop = [p for p in population() if (p[0], p[1], p[2]) not in taken]
    picks = random.Random(SEED).sample(range(len(pop)), N)
    with open(os.path.join(fc.HERE, "standalone2_sampled.jsonl"), "w") as f:
        for i, k in enumerate(picks, 1):
            c, d, s, e, t = pop[k]
            f.write(
                json.dumps(
                    {
                        "id": f"t{i:03d}",
                        "half": fc.half_of(c),
                        "cluster": c,
                        "doc": d,
                        "start": s,
                        "end": e,
                        "text": t,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(f"population {len(pop)} sentences; sampled {N}")


if __name__ == "__main__":
    main()
