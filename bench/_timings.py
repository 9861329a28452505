"""Request timings as the benchmarks report them."""

from __future__ import annotations


def p95(timings: list[float]) -> float:
    """The 95th percentile, nearest rank: of 20 timings the second slowest, of 100 the sixth slowest.

    So a short run lets one stall of these shared machines decide it; the benchmarks default to 100.
    """
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
