"""The database: engines and transactions, the typed tables, and the Alembic migrations that make them."""
