"""Write src/bilat/data/event.schema.json: the JSON Schema of Event.to_dict().

The schema is generated from the attrs classes of the event types bilat ships (the registry's
bilat.event_types.BUILTIN_TYPES) and of bilat.values by bilat.export.build_event_schema()
(bilat.schema does the work); run this after changing an event or value class:

    .venv/bin/python scripts/build_schema.py

tests/test_export.py fails when the shipped file and the classes disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

from bilat.export import build_event_schema

TARGET = Path(__file__).resolve().parents[1] / "src" / "bilat" / "data" / "event.schema.json"


def main() -> None:
    text = json.dumps(build_event_schema(), indent=2, ensure_ascii=False) + "\n"
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
