"""The trade_figure event type: extractor, lexicon, view and examples."""
