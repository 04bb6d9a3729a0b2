"""Code: turn sentences with actor mentions into PLOVER events. (Placeholder until the coder lands.)"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import Config
from ..model import Processed

if TYPE_CHECKING:
    from ..pipeline import Context


def load_coder(config: Config) -> Any:
    return None


def process(batch: list[Processed], ctx: Context) -> list[Processed]:
    return batch


def classify_dyad(text: str, actor: Any, recipient: Any, lang: str | None = None, ctx: Any = None) -> Any:
    raise NotImplementedError
