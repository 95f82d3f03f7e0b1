"""Desk life: first run, unlocking, locking on demand and after idle time."""
