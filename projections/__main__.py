"""`python -m projections` was the projection worker; it needs the application's encrypted event store, so it
moved up a layer: run `python -m services.worker` (docs/decisions/0018)."""

import sys

if __name__ == "__main__":
    sys.exit("The projection worker is now `python -m services.worker` (same settings).")
