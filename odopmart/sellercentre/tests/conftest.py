from odopmart.sellers.tests.fixtures import *  # noqa: F403
