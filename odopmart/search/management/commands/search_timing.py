import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from odopmart.catalog.models import Product
from odopmart.search.services import search_ranked_ids

DEFAULT_QUERIES = (
    "chikan", "बनारसी", "terracotta", "brass diya", "chikan kari", "chickenkari", "टेराकोटा",
    "banarsi saree", "zardozi", "moonj basket", "chikankri",
)


class Command(BaseCommand):
    help = (
        "Time search queries against the current database and show their first results"
        " (CPU time counts the database too when it is SQLite, in-process)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("queries", nargs="*", help="queries (default: a standard set)")
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--limit", type=int, default=1000)
        parser.add_argument("--show", type=int, default=3, help="names of the first N results")

    def handle(self, *args: Any, **options: Any) -> None:
        for query in options["queries"] or DEFAULT_QUERIES:
            timings, cpu_timings = [], []
            for _ in range(options["repeat"]):
                started, cpu_started = time.perf_counter(), time.process_time()
                ids = search_ranked_ids(query, limit=options["limit"])
                timings.append((time.perf_counter() - started) * 1000)
                cpu_timings.append((time.process_time() - cpu_started) * 1000)
            shown = ids[: options["show"]]
            names = dict(Product.objects.filter(pk__in=shown).values_list("pk", "name_en"))
            first = "; ".join(names[pk] for pk in shown)
            self.stdout.write(
                f"{query!r}: {len(ids)} results, median {statistics.median(timings):.1f} ms"
                f" (CPU {statistics.median(cpu_timings):.1f} ms), max {max(timings):.1f} ms"
                f" | {first}"
            )
