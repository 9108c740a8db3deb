"""How many requests per arm an A/B test needs to detect a change in a success
rate. Two-sided test of two proportions, normal approximation. Pure: no API calls."""
import math
from statistics import NormalDist

_N = NormalDist()


def sample_size_per_arm(baseline: float, min_detectable_effect: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Requests needed in EACH arm."""
    p1, p2 = baseline, baseline + min_detectable_effect
    if not (0 < p1 < 1 and 0 < p2 < 1):
        raise ValueError("baseline and baseline + effect must be in (0, 1)")
    if min_detectable_effect == 0:
        raise ValueError("min_detectable_effect must not be 0")
    z_alpha = _N.inv_cdf(1 - alpha / 2)
    z_beta = _N.inv_cdf(power)
    p_bar = (p1 + p2) / 2
    numerator = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(numerator**2 / (p2 - p1) ** 2)


def z_statistic(success_a: int, total_a: int, success_b: int, total_b: int) -> float:
    """|z| > NormalDist().inv_cdf(1 - alpha / 2) means the difference is significant."""
    p_a, p_b = success_a / total_a, success_b / total_b
    pooled = (success_a + success_b) / (total_a + total_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / total_a + 1 / total_b))
    return 0.0 if se == 0 else (p_b - p_a) / se
