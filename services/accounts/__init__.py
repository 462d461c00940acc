"""Working data with tables of its own, never rebuilt from the log: organisations, users, sessions, API tokens, the
sign-in throttle, calendar-link secrets, and the access log (who looked at a network's personal data)."""
