"""factpack: turn the facts of news articles into a validated Frictionless data package."""

__version__ = "0.1.0"
