"""Signing secrets: `whsec_` + base64 of 32 random bytes (the Standard Webhooks format),
kept encrypted at rest with a key derived from the server's SECRET_KEY."""

from __future__ import annotations

import base64
import hashlib
import secrets

from cryptography.fernet import Fernet, InvalidToken

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


class SecretBox:
    """Encrypts signing secrets for storage. The server builds one from SECRET_KEY and
    hands it to whatever creates or signs with a secret; services never read settings."""

    def __init__(self, server_secret: str) -> None:
        # A purpose-bound key: the same SECRET_KEY may serve other uses later.
        digest = hashlib.sha256(b"batchtrack webhook secrets\0" + server_secret.encode()).digest()
        self._fernet = Fernet(base64.urlsafe_b64encode(digest))

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except InvalidToken as error:
            raise RuntimeError(
                "A webhook secret cannot be decrypted: SECRET_KEY changed since it was made."
            ) from error
