"""The generated async client's base class (copied into batchtrack_sdk/aio by
ariadne-codegen): the transport with the SDK's helpers."""

from batchtrack_sdk.transport import AsyncTransport


class AsyncBaseClient(AsyncTransport):
    """Authentication, pacing, retries with idempotency keys and typed errors."""
