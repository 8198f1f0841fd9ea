"""The embedded default: the operator's bank pays from a transfer file we produce.

``send`` only queues the payout; the batch's CSV lists every queued manual payout (beneficiary
name, account number, IFSC, amount in rupees with two decimals, narration, our reference) for
the operator to upload to the bank's bulk-transfer screen. The bank's result is recorded by
uploading its result file or marking each payout paid with its UTR.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from odopmart.settlements.models import PayoutStatus
from odopmart.settlements.providers.base import PayoutProvider, ProviderPayout

if TYPE_CHECKING:
    from odopmart.settlements.models import Payout

BANK_FILE_HEADER = [
    "beneficiary_name",
    "account_number",
    "ifsc",
    "amount_inr",
    "narration",
    "reference",
]


def rupees_plain(paise: int) -> str:
    """Integer paise as rupees with two decimals, no grouping (what bank files expect)."""
    sign = "-" if paise < 0 else ""
    paise = abs(int(paise))
    return f"{sign}{paise // 100}.{paise % 100:02d}"


def _cell(value: str) -> str:
    # A bank's spreadsheet import must not read a name as a formula.
    text = str(value).replace("\n", " ").strip()
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def bank_file_csv(payouts: Iterable[Payout]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(BANK_FILE_HEADER)
    for payout in payouts:
        writer.writerow(
            [
                _cell(payout.beneficiary_name),
                payout.account_number,
                payout.ifsc,
                rupees_plain(payout.amount_paise),
                _cell(payout.narration),
                payout.idempotency_key,
            ]
        )
    return out.getvalue().encode("utf-8")


class ManualBankTransfer(PayoutProvider):
    name = "manual"
    sends_itself = False

    def send(self, payout: Payout) -> ProviderPayout:
        return ProviderPayout(status=PayoutStatus.QUEUED)
