"""The Python authoring API."""

from .builder import Assessment, MeasureBuilder, SafeguardBuilder

__all__ = ["Assessment", "MeasureBuilder", "SafeguardBuilder"]
