"""Demo accounts created with the demo catalogue (flagged demo; never in production data)."""

DEMO_LOGINS: list[tuple[str, str, str]] = [
    ("operator admin", "admin", "odopmart-demo"),
]
