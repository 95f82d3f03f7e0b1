"""Author panel tests."""
