"""`simulate-pairwise`: how often a jury of noisy judges finds the true top three, to plan a pairwise round."""

from __future__ import annotations

import argparse
from typing import Any

from incubator.cli.support import EXIT_OK
from incubator.core.errors import ValidationFailed
from incubator.core.i18n import _

LIMITS = {"pitches": (3, 500), "judges": (1, 200), "votes": (1, 200), "events": (1, 10_000)}


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add `simulate-pairwise` to the command line's subcommands."""
    simulate = commands.add_parser(
        "simulate-pairwise", parents=[common],
        help="simulate pairwise rounds with noisy judges (a third at random): how often the true top three is found",
    )  # fmt: skip
    simulate.add_argument("--pitches", type=int, default=40)
    simulate.add_argument("--judges", type=int, default=15)
    simulate.add_argument("--votes", type=int, default=20, help="comparisons per judge")
    simulate.add_argument("--events", type=int, default=100, help="events simulated (default: 100)")
    simulate.add_argument("--seed", type=int, default=1)


def simulate_pairwise(args: argparse.Namespace) -> int:
    """Print, for each way of judging, the mean Kendall tau and how often the true top three was found."""
    from incubator.judging.pairwise_simulation import METHODS, simulate

    for name, (lowest, highest) in LIMITS.items():
        value = getattr(args, name)
        if not lowest <= value <= highest:
            raise ValidationFailed(_("--{name} must be from {lowest} to {highest}, not {value}.").format(
                name=name, lowest=lowest, highest=highest, value=value), field=name)  # fmt: skip
    print(f"{args.events} events, {args.pitches} pitches, {args.judges} judges (a third voting at random), "
          f"{args.votes} comparisons each")  # fmt: skip
    print(f"{'method':<10} {'kendall tau':>12} {'top three found':>16}")
    for method in METHODS:
        tau, found = simulate(args.pitches, args.judges, args.votes, args.events, method, args.seed)
        print(f"{method:<10} {tau:>12.3f} {found:>15.0%}")
    return EXIT_OK
