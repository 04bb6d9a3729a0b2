"""Engines run the same batch function (``Pipeline.run_batch``) in different places.

- ``local``: this process, or a pool of worker processes (``--workers N``);
- ``ray_engine``: Ray Data ``map_batches`` over JSONL/Parquet shards, writing Parquet.
"""

from __future__ import annotations

from .local import code_parallel

__all__ = ["code_parallel"]
