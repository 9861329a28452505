"""The cyclic garbage collector's pauses while a benchmark times requests in its own process."""

from __future__ import annotations

import gc
import time


class Pauses:
    """Records every collection from ``start()`` on: how many, and the longest, by generation."""

    def __init__(self):
        self._by_generation: dict[int, list[float]] = {}
        self._began = 0.0

    def start(self) -> Pauses:
        gc.callbacks.append(self._record)
        return self

    def _record(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self._by_generation.setdefault(info["generation"], []).append((time.perf_counter() - self._began) * 1000)

    def summary(self) -> str:
        names = {0: "youngest", 1: "middle", 2: "full"}
        parts = [
            f"{names[generation]} {len(pauses)} (longest {max(pauses):.1f} ms)"
            for generation, pauses in sorted(self._by_generation.items())
        ]
        return (
            f"garbage collector: {', '.join(parts) or 'no passes'}; {gc.get_freeze_count():,} objects frozen at start"
        )
