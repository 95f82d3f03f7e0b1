"""Message understanding: language, mood, intent, priority, author types and crisis spikes.

Pure functions over text and plain data; the only I/O is loading the hand-written
lexicons from ``resources/lexicons`` once per process.
"""
