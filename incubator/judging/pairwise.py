"""Judging by comparison: the Crowd-BT model (Chen, Bennett, Collins-Thompson and Horvitz, WSDM 2013).

Each pitch's quality is a normal distribution N(mu, sigma²); each judge's reliability is a Beta(alpha,
beta) distribution (the chance that they vote the way the qualities say). A vote "w beats l" by a judge
updates the three with the online rules below (the paper's moment matching, as Gavel implements them).
With s(x) = e^x:

    P(w beats l)        = s(mu_w) / (s(mu_w) + s(mu_l))                                   (Bradley-Terry)
    judge:  c1 = P + ½(sigma²_w + sigma²_l) · s(mu_w)s(mu_l)(s(mu_l) − s(mu_w)) / (s(mu_w) + s(mu_l))³
            c2 = 1 − c1,   c = (c1·alpha + c2·beta) / (alpha + beta)
            E  = (c1(alpha+1)alpha + c2·alpha·beta) / (c(alpha+beta+1)(alpha+beta))
            E2 = (c1(alpha+2)(alpha+1)alpha + c2(alpha+1)alpha·beta) / (c(alpha+beta+2)(alpha+beta+1)(alpha+beta))
            alpha' = (E − E2)E / (E2 − E²),   beta' = (E − E2)(1 − E) / (E2 − E²)
    means:  m  = alpha·s(mu_w) / (alpha·s(mu_w) + beta·s(mu_l)) − s(mu_w) / (s(mu_w) + s(mu_l))
            mu_w' = mu_w + sigma²_w · m,   mu_l' = mu_l − sigma²_l · m
    spread: v  = alpha·s(mu_w)·beta·s(mu_l) / (alpha·s(mu_w) + beta·s(mu_l))² − s(mu_w)s(mu_l) / (s(mu_w) + s(mu_l))²
            sigma²' = sigma² · max(1 + sigma²·v, KAPPA)   (for w and for l)

The next pitch for a judge who last saw `a` is the `b` with the highest expected information gain:
c · [KL(a₁‖a) + KL(b₁‖b) + GAMMA·KL(judge₁‖judge)] + (1 − c) · [the same had b won], where KL is the
Kullback-Leibler divergence (of two normals; of two Betas) and c the chance the judge says a wins.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

GAMMA = 0.1  # the weight of what a vote teaches about the judge against what it teaches about the pitches
KAPPA = 0.0001  # keeps a variance positive
MU_PRIOR, SIGMA_SQ_PRIOR = 0.0, 1.0
ALPHA_PRIOR, BETA_PRIOR = 10.0, 1.0  # a judge is believed reliable (about 91 %) until votes say otherwise


@dataclass(frozen=True)
class Quality:
    """What the model believes of a pitch's quality: a mean and a variance."""

    mu: float = MU_PRIOR
    sigma_sq: float = SIGMA_SQ_PRIOR


@dataclass(frozen=True)
class Reliability:
    """What the model believes of a judge: Beta(alpha, beta), the chance they vote as the qualities say."""

    alpha: float = ALPHA_PRIOR
    beta: float = BETA_PRIOR

    @property
    def mean(self) -> float:
        """The judge's expected reliability, from 0 to 1."""
        return self.alpha / (self.alpha + self.beta)


def _judge_update(judge: Reliability, winner: Quality, loser: Quality) -> tuple[Reliability, float]:
    """Return the judge's updated reliability and c, the chance the model gave to this vote."""
    alpha, beta = judge.alpha, judge.beta
    ew, el = math.exp(winner.mu), math.exp(loser.mu)
    c1 = ew / (ew + el) + 0.5 * (winner.sigma_sq + loser.sigma_sq) * (ew * el * (el - ew)) / (ew + el) ** 3
    c2 = 1 - c1
    c = (c1 * alpha + c2 * beta) / (alpha + beta)
    expected = (c1 * (alpha + 1) * alpha + c2 * alpha * beta) / (c * (alpha + beta + 1) * (alpha + beta))
    expected_sq = (c1 * (alpha + 2) * (alpha + 1) * alpha + c2 * (alpha + 1) * alpha * beta) / (
        c * (alpha + beta + 2) * (alpha + beta + 1) * (alpha + beta)
    )
    variance = expected_sq - expected**2
    return (
        Reliability(
            (expected - expected_sq) * expected / variance, (expected - expected_sq) * (1 - expected) / variance
        ),
        c,
    )


def _quality_update(judge: Reliability, winner: Quality, loser: Quality) -> tuple[Quality, Quality]:
    alpha, beta = judge.alpha, judge.beta
    ew, el = math.exp(winner.mu), math.exp(loser.mu)
    shift = alpha * ew / (alpha * ew + beta * el) - ew / (ew + el)
    spread = alpha * ew * beta * el / (alpha * ew + beta * el) ** 2 - ew * el / (ew + el) ** 2
    return (
        Quality(winner.mu + winner.sigma_sq * shift, winner.sigma_sq * max(1 + winner.sigma_sq * spread, KAPPA)),
        Quality(loser.mu - loser.sigma_sq * shift, loser.sigma_sq * max(1 + loser.sigma_sq * spread, KAPPA)),
    )


def vote(judge: Reliability, winner: Quality, loser: Quality) -> tuple[Reliability, Quality, Quality]:
    """Return the judge, the winner and the loser as the model believes them after "winner beats loser"."""
    updated_judge, _c = _judge_update(judge, winner, loser)
    updated_winner, updated_loser = _quality_update(judge, winner, loser)
    return updated_judge, updated_winner, updated_loser


def _kl_normal(after: Quality, before: Quality) -> float:
    ratio = after.sigma_sq / before.sigma_sq
    return (after.mu - before.mu) ** 2 / (2 * before.sigma_sq) + (ratio - 1 - math.log(ratio)) / 2


def _digamma(x: float) -> float:
    """The digamma function (the derivative of log Γ), by recurrence to x ≥ 6 and its asymptotic series."""
    result = 0.0
    while x < 6:
        result -= 1 / x
        x += 1
    inverse_sq = 1 / (x * x)
    series = inverse_sq * (1 / 12 - inverse_sq * (1 / 120 - inverse_sq * (1 / 252 - inverse_sq * (1 / 240))))
    return result + math.log(x) - 0.5 / x - series


def _log_beta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def _kl_beta(after: Reliability, before: Reliability) -> float:
    a1, b1, a2, b2 = after.alpha, after.beta, before.alpha, before.beta
    return (
        _log_beta(a2, b2) - _log_beta(a1, b1) + (a1 - a2) * _digamma(a1) + (b1 - b2) * _digamma(b1)
        + (a2 - a1 + b2 - b1) * _digamma(a1 + b1)
    )  # fmt: skip


def expected_information_gain(judge: Reliability, shown: Quality, candidate: Quality) -> float:
    """Return how much the model expects to learn from this judge comparing `shown` with `candidate`."""
    judge_if_shown, c = _judge_update(judge, shown, candidate)
    shown_won, candidate_lost = _quality_update(judge, shown, candidate)
    judge_if_candidate, _c = _judge_update(judge, candidate, shown)
    candidate_won, shown_lost = _quality_update(judge, candidate, shown)
    if_shown = _kl_normal(shown_won, shown) + _kl_normal(candidate_lost, candidate)
    if_candidate = _kl_normal(shown_lost, shown) + _kl_normal(candidate_won, candidate)
    return c * (if_shown + GAMMA * _kl_beta(judge_if_shown, judge)) + (1 - c) * (
        if_candidate + GAMMA * _kl_beta(judge_if_candidate, judge)
    )


def probability_above(higher: Quality, lower: Quality) -> float:
    """Return the chance that `higher`'s true quality is above `lower`'s (normals, independent)."""
    spread = math.sqrt(higher.sigma_sq + lower.sigma_sq)
    return 0.5 * (1 + math.erf((higher.mu - lower.mu) / (spread * math.sqrt(2))))
