"""Resolve: give each event its date and place. (Placeholder until dates and places land.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Processed

if TYPE_CHECKING:
    from ..pipeline import Context


def process(batch: list[Processed], ctx: Context) -> list[Processed]:
    return batch
