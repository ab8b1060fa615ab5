"""The strike event type: extractor, lexicon, view and examples."""
