"""The deportation event type: extractor, lexicon, view and examples."""
