"""The feedback database: SQLAlchemy models, migrations, atomic writes, sweep."""

from redactor.store.engine import make_engine
from redactor.store.migrate import upgrade_to_head
from redactor.store.store import (
    DueItem,
    IdempotencyConflict,
    KeyEvent,
    Store,
    StoredPart,
    StoredRecord,
)


def open_store(url: str) -> Store:
    """The store at ``url``, migrated to the newest schema: what every face opens."""
    engine = make_engine(url)
    upgrade_to_head(engine)
    return Store(engine)


__all__ = [
    "DueItem",
    "IdempotencyConflict",
    "KeyEvent",
    "Store",
    "StoredPart",
    "StoredRecord",
    "make_engine",
    "open_store",
    "upgrade_to_head",
]
