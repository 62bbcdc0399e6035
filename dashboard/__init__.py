"""reported-figures: claimed figures out of news articles, and a dashboard to explore them."""

__version__ = "0.1.0"
