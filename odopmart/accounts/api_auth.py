"""Bearer-token authentication for the JSON API.

    from odopmart.accounts.api_auth import TokenAuth

    @router.get("/orders", auth=TokenAuth())
    def order_list(request): ...    # request.auth is the User, request.api_token the token

Clients send ``Authorization: Bearer <token>``, the token from POST /api/v1/auth/otp/verify.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from odopmart.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token = api_token_authenticate(raw=token.strip())
        if api_token is None:
            return None
        request.api_token = api_token  # type: ignore[attr-defined]
        request.user = api_token.user
        return api_token.user
