"""Reply templates in the window: the composer, the "/" picker and the library manager."""
