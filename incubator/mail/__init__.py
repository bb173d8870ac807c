"""E-mail: the outbox every message is written to with what caused it, its templates, notices, and the sender."""
