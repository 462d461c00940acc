"""What the application stands on: store settings, per-network keys and the encrypting mapper, how dates and state
are stored as JSON, SMTP, the scheduler's lock."""
