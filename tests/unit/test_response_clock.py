"""Response-time arithmetic: nearest-rank percentiles, and an agent's run of values read in place."""

from __future__ import annotations

from cmdesk.response_clock import Run, percentile, runs_by_agent


def test_percentile_is_nearest_rank() -> None:
    assert (percentile([], 0.9), percentile([5.0], 0.9), percentile([float(i) for i in range(1, 11)], 0.9)) == (
        None,
        5.0,
        9.0,
    )


def test_a_run_is_the_agents_slice_of_the_packed_values_with_median_and_percentile() -> None:
    agents = ["anna", "ben", "cleo"]
    packed = sorted([(0 << 40) + 5 + 7, (0 << 40) + 5 + 1, (2 << 40) + 5 + 4, (2 << 40) + 5 + 2, (2 << 40) + 5 + 9])
    runs = runs_by_agent(agents, packed, 5)
    figures = {a: (r.median(), r.percentile(0.9)) for a, r in runs.items()}
    assert (figures, Run((), 0, 0).median(), Run((), 0, 0).percentile(0.5)) == (
        {"anna": (4.0, 7), "cleo": (4, 9)},
        None,
        None,
    )
