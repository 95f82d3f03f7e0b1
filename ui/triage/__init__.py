"""Triage dialogs for the main window."""
