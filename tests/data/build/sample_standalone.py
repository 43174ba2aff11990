"""Sample sentences for the standalone evaluation set.

Population: every sentence (fs_common.split_sentences) of every non-junk
document of the 200 dev clusters (seeds not included) with 8..60
whitespace-separated words.  220 are drawn uniformly without replacement with
random.Random(20261129) and written (unlabelled) to standalone_sampled.jsonl
in the order drawn.
"""

import json
import os
import random

import fs_common as fc

SEED = 20261129
N = 220


def population():
    pop = []
    for cluster, docs in fc.clusters(include_seeds=False):
        for doc, path in docs:
            if fc.is_junk(cluster, doc):
                continue
            text = fc.read(path)
            for s, e in fc.split_sentences(text):
                n = len(text[s:e].split())
                if 8 <= n <= 60:
                    pop.append((cluster, doc, s, e, text[s:e]))
    return pop


def main():
    pop = population()
    rng = random.Random(SEED)
    picks = rng.sample(range(len(pop)), N)
    with open(os.path.join(fc.HERE, "standalone_sampled.jsonl"), "w") as f:
        for k in picks:
            c, d, s, e, t = pop[k]
            f.write(
                json.dumps(
                    {
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
