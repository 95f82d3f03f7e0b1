"""The team lead's dashboard."""
