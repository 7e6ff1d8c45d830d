"""The generated sync client's base class (copied into batchtrack_sdk/sync by
ariadne-codegen): the transport with the SDK's helpers."""

from batchtrack_sdk.transport import SyncTransport


class BaseClient(SyncTransport):
    """Authentication, pacing, retries with idempotency keys and typed errors."""
