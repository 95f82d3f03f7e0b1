"""The centre of the window: the queue table, its views, search and filter chips."""
