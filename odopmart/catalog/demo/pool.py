"""The shared pool of drawn demo pictures: one per product template, rendered once.

Pictures depend only on the template and the size, so a picture already in storage (with its
renditions) is reused by later runs; delete MEDIA_ROOT/demo/pool to have them drawn again.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

from django.core.files.storage import default_storage
from django.db import connections
from django.utils.text import slugify

from odopmart.catalog.demo.crafts import Craft, Template
from odopmart.catalog.demo.naming import template_title
from odopmart.catalog.images import (
    RENDITIONS,
    placeholder_image_draw,
    placeholder_image_save,
    rendition_name,
    renditions_create,
)

POOL_ROOT = "demo/pool"


@dataclass(frozen=True)
class PoolImage:
    image: str
    thumbnail: str
    medium: str
    alt_en: str
    alt_hi: str


@dataclass(frozen=True)
class PoolRequest:
    craft: Craft
    template: Template
    palette: str


def pool_key(craft: Craft, template: Template) -> tuple[str, str]:
    return craft.key, template.name_en


def _picture(request: PoolRequest, stored: str, renditions: dict[str, str]) -> PoolImage:
    title_en, title_hi = template_title(request.template)
    return PoolImage(
        image=stored,
        thumbnail=renditions["thumbnail"],
        medium=renditions["medium"],
        alt_en=f"Illustration: {title_en}",
        alt_hi=f"चित्र: {title_hi}",
    )


def _source_name(request: PoolRequest, size: int) -> str:
    title_en, _ = template_title(request.template)
    return f"{POOL_ROOT}/{size}/{request.craft.key}/{slugify(title_en)}.jpg"


def _existing(request: PoolRequest, size: int) -> PoolImage | None:
    source = _source_name(request, size)
    renditions = {kind: rendition_name(source, px) for kind, px in RENDITIONS.items()}
    names = [source, *renditions.values()]
    if all(default_storage.exists(name) for name in names):
        return _picture(request, source, renditions)
    return None


def _draw_one(request: PoolRequest, size: int) -> PoolImage:
    title_en, title_hi = template_title(request.template)
    picture = placeholder_image_draw(
        title=title_en,
        subtitle_hi=title_hi,
        motif=request.craft.motif,
        palette=request.palette,
        size=size,
    )
    stored = placeholder_image_save(_source_name(request, size), picture)
    return _picture(request, stored, renditions_create(stored))


def _executor(jobs: int) -> Executor:
    """Worker processes where fork is available (Pillow holds the GIL while drawing and encoding
    WebP, so threads would not use a second core); a single thread elsewhere."""
    workers = max(1, min(4, os.cpu_count() or 1, jobs))
    in_transaction = any(c.in_atomic_block for c in connections.all(initialized_only=True))
    if workers > 1 and not in_transaction and "fork" in multiprocessing.get_all_start_methods():
        # Forked children must not share the parent's database connections (it reconnects
        # lazily); a connection inside a transaction cannot be closed, so then no fork.
        connections.close_all()
        return ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("fork")
        )
    return ThreadPoolExecutor(max_workers=1)


def pool_draw(
    requests: list[PoolRequest], *, size: int
) -> tuple[dict[tuple[str, str], PoolImage], int]:
    """Draw every requested picture missing from storage, with its renditions. Returns all the
    pictures by pool_key, and how many had to be drawn."""
    found = {pool_key(r.craft, r.template): _existing(r, size) for r in requests}
    missing = [r for r in requests if found[pool_key(r.craft, r.template)] is None]
    if missing:
        with _executor(len(missing)) as executor:
            drawn = list(executor.map(partial(_draw_one, size=size), missing, chunksize=4))
        for request, image in zip(missing, drawn, strict=True):
            found[pool_key(request.craft, request.template)] = image
    return {key: image for key, image in found.items() if image is not None}, len(missing)
