import time
from typing import Any

from django.core.management.base import BaseCommand

from odopmart.search.services import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the product search index from the catalogue."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        indexed = search_index_rebuild()
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Indexed {indexed} products in {elapsed:.1f} s."))
