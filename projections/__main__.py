"""`python -m projections`: run the projection worker (scaled set-up, beside the web workers)."""

from services.workers import run_projection_worker

if __name__ == "__main__":
    run_projection_worker()
