from storekit import engine, keyring, store  # noqa: F401  (shared fixtures)
