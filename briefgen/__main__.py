"""`python -m briefgen` runs the same CLI as the `briefgen` console script."""

from .cli import main

main()
