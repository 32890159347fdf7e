"""Export a Chinese newspaper issue to print PDF, EPUB, Word and RSS.

The public façade: load an issue, build it.
"""

from .build import build
from .load import load_issue
from .model import Issue

__version__ = "0.1.0"

__all__ = ["Issue", "build", "load_issue", "__version__"]
