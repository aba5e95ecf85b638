"""The index's errors, in a module of their own so that catching them imports no database client."""


class StoreUnavailable(RuntimeError):
    """The vector store cannot be reached (for example the Chroma server is down)."""
