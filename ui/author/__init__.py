"""The author panel: the person behind the current message, across every channel."""
