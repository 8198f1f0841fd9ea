from odopmart.ledger.tests.conftest import (  # noqa: F401 - fixtures
    artisan_share,
    commission,
    product_of,
    sale,
    seller,
)
from odopmart.orders.tests.conftest import (  # noqa: F401 - fixtures
    buyer,
    cart_with,
    gst_slabs,
    place,
)
