"""methodkit: load, validate and publish an open coaching methodology."""

__version__ = "0.1.0"
