"""Message understanding: language, mood, intent, priority, author types and crisis spikes.

Pure functions over text and plain data; the only I/O is loading the hand-written
lexicons from ``resources/lexicons`` once per process. The modules a message passes through are used in
their compiled form where it was built from these very sources (:mod:`cmdesk.analysis.native`).
"""

from cmdesk.analysis import native

native.use_compiled(__path__, __name__)
