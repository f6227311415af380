"""The reference queueing network in SimPy 4.1.2, written the way SimPy's documentation
teaches (one process per customer, Resource requests). Same model and output line as
`runway bench reference`.

Usage: python simpy_reference.py ARRIVALS SEED
"""
import random
import sys
import time

import simpy

STATIONS = [(1, 0.5), (4, 3.0), (2, 5.0)]
ONWARD = [0.3, 0.25]


def main():
    arrivals = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    started = time.perf_counter()
    env = simpy.Environment()
    resources = [simpy.Resource(env, capacity=servers) for servers, _ in STATIONS]
    stats = {"completed": 0, "total": 0.0, "events": 0}

    def customer(arrived_at):
        for k, (_, mean) in enumerate(STATIONS):
            with resources[k].request() as request:
                yield request
                yield env.timeout(rng.expovariate(1 / mean))
            stats["events"] += 1  # a service completion
            if k >= len(ONWARD) or rng.random() >= ONWARD[k]:
                break
        stats["completed"] += 1
        stats["total"] += env.now - arrived_at

    def source():
        for _ in range(arrivals):
            yield env.timeout(rng.expovariate(1.0))
            stats["events"] += 1  # an arrival
            env.process(customer(env.now))

    env.process(source())
    env.run()
    seconds = time.perf_counter() - started
    print(f"completed={stats['completed']} mean_time_in_system={stats['total'] / stats['completed']!r} "
          f"events={stats['events']} seconds={seconds:.6f}")


if __name__ == "__main__":
    main()
