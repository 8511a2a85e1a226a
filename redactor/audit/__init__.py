"""The tamper-evident audit log and the compliance audit of the store."""
