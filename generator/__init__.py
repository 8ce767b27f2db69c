"""决算透视 (Juesuan Lens): Chinese government final-accounts reports → a checkable static site."""

__version__ = "0.1.0"
