"""Everything between the read side and the world: application/ (the Kring application and its use cases), accounts/,
infrastructure/, exchange/ (the formats of others), web/ (api/ and pages/), and the projection worker (worker.py).
docs/architecture.md has the parts and the import contracts that keep them apart."""
