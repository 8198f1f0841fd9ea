"""Generate the demo catalogue (demo vendors, artisans, products, pictures); see catalog.demo."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError

from odopmart.catalog.demo import generate_demo_catalogue
from odopmart.catalog.models import Product


class Command(BaseCommand):
    help = (
        "Generate the deterministic demo catalogue, replacing earlier demo data. "
        "With --if-empty, do nothing when any product exists."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing if the catalogue has any product"
        )
        parser.add_argument("--products", type=int, default=11000)
        parser.add_argument("--artisans", type=int, default=355)
        parser.add_argument("--seed", type=int, default=settings.ODOPMART["DEMO_SEED"])
        parser.add_argument(
            "--image-size", type=int, default=800, help="side of the drawn pictures in pixels"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Product.objects.exists():
            self.stdout.write("The catalogue already has products; demo catalogue not generated.")
            return
        if options["products"] < 0 or options["image_size"] < 64:
            raise CommandError("--products must be ≥ 0 and --image-size ≥ 64")
        verbose = options["verbosity"] > 1
        try:
            result = generate_demo_catalogue(
                products=options["products"],
                artisans=options["artisans"],
                seed=options["seed"],
                image_px=options["image_size"],
                log=(lambda message: self.stdout.write(f"  {message}")) if verbose else None,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        except ProtectedError as error:
            raise CommandError(
                "Earlier demo data is referenced by other records (orders?) and cannot be replaced."
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo catalogue: {result.vendors} vendors, {result.artisans} artisans, "
                f"{result.products} products, {result.variants} variants, {result.images} images "
                f"sharing {result.pictures} pictures ({result.pictures_drawn} drawn now) "
                f"in {result.seconds:.1f}s."
            )
        )
