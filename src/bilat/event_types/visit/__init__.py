"""The visit event type: extractor, lexicon, view and examples."""
