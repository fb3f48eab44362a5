"""Attack classes found by red-team reviews, run at every CI run so the next surface meets the same checks:
cache faults, limits, bidirectional-text controls, the login throttle, download names."""
