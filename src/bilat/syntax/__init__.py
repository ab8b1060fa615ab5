"""Syntax helpers shared by the extractors: the one place that walks a dependency tree.

Each module holds one family of helpers (clauses, arguments, coordination, mentions); the
extractors of every event type call them rather than walking ``token.head``/``token.children``
themselves.
"""
