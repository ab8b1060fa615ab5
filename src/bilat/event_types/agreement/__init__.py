"""The agreement event type: extractor, lexicon, view and examples."""
