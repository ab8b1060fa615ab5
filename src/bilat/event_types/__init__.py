"""The five event types bilat ships, one package each.

Each package under ``bilat.event_types`` holds everything one event type knows: its extractor,
its word lists, its view and its behavioural examples (``examples.jsonl``, the author's own
news-style sentences with the events expected, negatives included).
"""
