"""Connectors, sync engine and outbox: how messages come in and replies go out."""
