"""Which regime a value falls in, from the thresholds alone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .answer import ThresholdRow
from .vocabulary import Authority, Key, Regime, Service

EEA_KEYS = frozenset(
    {
        Key.EEA_GOODS_SERVICES_STATE,
        Key.EEA_GOODS_SERVICES_OTHER,
        Key.EEA_WORKS,
        Key.EEA_HEALTH_SOCIAL,
        Key.EEA_SPECIAL,
    }
)

# How each regime reads inside a sentence ("the purchase falls under ...").


@dataclass(frozen=True)
class Band:
    regime: str
    compared: tuple[ThresholdRow, ...]
    floor: ThresholdRow | None = None
    ceiling: ThresholdRow | None = None
    missing: str | None = None


def _ladder(*, service: str, authority: str) -> list[tuple[str, str]]:
    """The thresholds above the lower limit, in order, with the regime from each one up."""
    if service == Service.HEALTH_SOCIAL:
        return [(Key.EEA_HEALTH_SOCIAL, Regime.CH30)]
    if service == Service.SPECIAL:
        # Chapter 30 is for health and social services only: other special services stay
        # in part II above their EEA threshold, with a notice in the whole EEA.
        return [(Key.NATIONAL, Regime.DEL_II), (Key.EEA_SPECIAL, Regime.DEL_II_EEA)]
    if service == Service.WORKS:
        return [(Key.NATIONAL, Regime.DEL_II), (Key.EEA_WORKS, Regime.DEL_III)]
    eea = (
        Key.EEA_GOODS_SERVICES_STATE
        if authority == Authority.STATE
        else Key.EEA_GOODS_SERVICES_OTHER
    )
    return [(Key.NATIONAL, Regime.DEL_II), (eea, Regime.DEL_III)]


def band_for(
    *, service: str, authority: str, value: int, thresholds: Mapping[str, ThresholdRow]
) -> Band:
    """Compares the value with only the thresholds needed, lowest first. A value equal to a
    threshold is at or above it. A missing threshold that is needed gives UNKNOWN."""
    compared: list[ThresholdRow] = []
    lower = thresholds.get(Key.LOWER_LIMIT)
    if lower is None:
        return Band(Regime.UNKNOWN, (), missing=Key.LOWER_LIMIT)
    compared.append(lower)
    if value < lower.amount:
        return Band(Regime.OUTSIDE, tuple(compared), ceiling=lower)
    regime, floor = Regime.DEL_I, lower
    for key, next_regime in _ladder(service=service, authority=authority):
        row = thresholds.get(key)
        if row is None:
            return Band(Regime.UNKNOWN, tuple(compared), floor=floor, missing=key)
        compared.append(row)
        if value < row.amount:
            return Band(regime, tuple(compared), floor=floor, ceiling=row)
        regime, floor = next_regime, row
    return Band(regime, tuple(compared), floor=floor)
