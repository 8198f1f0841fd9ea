"""The deterministic demo catalogue (demo vendors, artisans, products and pictures)."""

from odopmart.catalog.demo.generator import (
    DemoResult,
    demo_catalogue_clear,
    generate_demo_catalogue,
)

__all__ = ["DemoResult", "demo_catalogue_clear", "generate_demo_catalogue"]
